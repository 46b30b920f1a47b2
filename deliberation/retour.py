"""The jury's feedback to a collectivité, on its dossier page, once the results are published (never before: it is
read through Labellisation.objects.publiees()).

What it holds: the result (arobases, mentions with their citation, the excellence title), the notes the experts
chose to share (without their names), the collectivité's mosaïque compared, enjeu by enjeu, with the collectivités
of the same kind and population band labelled the same year (fiches.mosaique.tranche_de_population), and the enjeux
where those one level up are stronger, with links to their best fiches there.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import Coalesce, RowNumber

from fiches.models import Enjeu, FicheAction
from fiches.mosaique import Mosaique, tranche_de_population
from jury.models import Evaluation
from label.models import Labellisation, Mention

ECART_NOTABLE = 1  # comparables one level up are "stronger" on an enjeu with this many more fiches on average
FICHES_PAR_ENJEU = 3


@dataclass
class LigneComparaison:
    enjeu: Enjeu
    nombre: int  # the collectivité's fiches that count for the édition in this enjeu
    moyenne_comparables: float | None  # mean of the comparable collectivités (all levels)
    moyenne_niveau_cible: float | None  # mean of the comparable collectivités at the target level
    fiches: list = field(default_factory=list)  # best fiches of the target level here, when stronger

    @property
    def plus_fort(self):
        return self.moyenne_niveau_cible is not None and self.moyenne_niveau_cible >= self.nombre + ECART_NOTABLE


@dataclass
class Retour:
    labellisation: Labellisation
    notes: list
    comparables: str  # « les villes de 10 000 à 49 999 habitants »
    niveau_cible: int
    nombre_comparables: int
    nombre_niveau_cible: int
    lignes: list

    @property
    def mentions(self):
        return self.labellisation.mentions.all()

    @property
    def a_renforcer(self):
        lignes = [ligne for ligne in self.lignes if ligne.plus_fort]
        return sorted(lignes, key=lambda ligne: ligne.nombre - ligne.moyenne_niveau_cible)


def _moyenne(total, nombre):
    return total / nombre if nombre else None


def retour_du_jury(candidature):
    """The feedback of `candidature` if its édition's results are published, else None (one query then)."""
    labellisation = (
        Labellisation.objects.publiees()
        .filter(edition_id=candidature.edition_id, collectivite_id=candidature.collectivite_id)
        .select_related("edition", "collectivite__commune", "collectivite__epci")
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("categorie").order_by("categorie__nom"))
        )
        .first()
    )
    if labellisation is None:
        return None
    edition, collectivite = labellisation.edition, labellisation.collectivite
    notes = list(
        Evaluation.objects.soumises()
        .filter(candidature_id=candidature.pk, note_partageable=True)
        .exclude(note_collectivite="")
        .order_by("soumise_le", "pk")
        .values_list("note_collectivite", flat=True)
    )
    tranche = tranche_de_population(collectivite.population)
    niveau_cible = min(labellisation.arobases + 1, 5)
    comparables = (
        Labellisation.objects.publiees()
        .filter(edition=edition, categorie=labellisation.categorie)
        .exclude(collectivite=collectivite)
        .alias(population=Coalesce("collectivite__commune__population", "collectivite__epci__population"))
    )
    if tranche is not None:
        bas, haut = tranche
        comparables = comparables.filter(population__gte=bas)
        if haut is not None:
            comparables = comparables.filter(population__lt=haut)
    niveaux = dict(comparables.values_list("collectivite_id", "arobases"))
    cibles = [collectivite_id for collectivite_id, arobases in niveaux.items() if arobases == niveau_cible]

    enjeux = list(
        Enjeu.objects.filter(famille__taxonomie__est_active=True)
        .select_related("famille")
        .order_by("famille__ordre", "famille__nom", "ordre", "nom")
    )
    fiches = FicheAction.objects.publiees().comptant_pour(edition)
    nombres = {}  # (collectivite_id, enjeu_id) → fiches
    for ligne in (
        fiches.filter(collectivite_id__in=[collectivite.pk, *niveaux], services__enjeu__in=[e.pk for e in enjeux])
        .values("collectivite_id", "services__enjeu")
        .annotate(nombre=Count("pk", distinct=True))
        .order_by()
    ):
        nombres[(ligne["collectivite_id"], ligne["services__enjeu"])] = ligne["nombre"]
    lignes = []
    for enjeu in enjeux:
        total = sum(nombres.get((c, enjeu.pk), 0) for c in niveaux)
        total_cible = sum(nombres.get((c, enjeu.pk), 0) for c in cibles)
        lignes.append(
            LigneComparaison(
                enjeu=enjeu,
                nombre=nombres.get((collectivite.pk, enjeu.pk), 0),
                moyenne_comparables=_moyenne(total, len(niveaux)),
                moyenne_niveau_cible=_moyenne(total_cible, len(cibles)),
            )
        )
    retour = Retour(
        labellisation=labellisation,
        notes=notes,
        comparables=Mosaique(edition, [], labellisation.categorie, tranche).comparables,
        niveau_cible=niveau_cible,
        nombre_comparables=len(niveaux),
        nombre_niveau_cible=len(cibles),
        lignes=lignes,
    )
    par_enjeu = {ligne.enjeu.pk: ligne for ligne in retour.a_renforcer}
    if par_enjeu:
        for fiche in meilleures_fiches_des(fiches, cibles, list(par_enjeu)):
            par_enjeu[fiche["enjeu"]].fiches.append(fiche)
    return retour


def meilleures_fiches_des(fiches, collectivite_ids, enjeu_ids):
    """The best FICHES_PAR_ENJEU fiches of `collectivite_ids` in each enjeu (most services in the enjeu, then the
    most recent), in one query."""
    return (
        fiches.filter(collectivite_id__in=collectivite_ids, services__enjeu__in=enjeu_ids)
        .values("pk", "titre", "created_at", "collectivite__nom", "collectivite__code", enjeu=F("services__enjeu"))
        .annotate(nombre_services=Count("services"))
        .annotate(
            rang=Window(
                RowNumber(),
                partition_by=F("services__enjeu"),
                order_by=[F("nombre_services").desc(), F("created_at").desc(), F("pk").desc()],
            )
        )
        .filter(rang__lte=FICHES_PAR_ENJEU)
        .order_by("enjeu", "rang")
    )

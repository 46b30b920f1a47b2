"""The figures of an édition, counted the way the association counts them (see docs: DOMAIN.md).

Every count goes through Labellisation.objects.publiees(): an unpublished result is never counted.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Min, Q

from label.enums import Categorie
from label.models import Collectivite, Labellisation, Mention
from territoires.models import Commune

NIVEAUX = range(5, 0, -1)


def nombre(n, singulier, pluriel=None):
    """« 1 ville », « 0 ville », « 2 villes »: in French, 0 and 1 are singular."""
    return f"{n} {singulier if n < 2 else (pluriel or singulier + 's')}"


def repartition_par_arobases(arobases):
    """[(5, n5), (4, n4), …, (1, n1)] from an iterable of levels; every level is listed, even at 0."""
    compte = Counter(arobases)
    return [(niveau, compte[niveau]) for niveau in NIVEAUX]


@dataclass(frozen=True)
class ComptesPalmares:
    total: int
    par_categorie: list[tuple[str, int]]
    par_arobases: list[tuple[int, int]]


def comptes_palmares(lignes):
    """The counts shown above a palmarès: total, by kind, by arobases (of the rows given)."""
    par_categorie = Counter(ligne.categorie for ligne in lignes)
    return ComptesPalmares(
        total=len(lignes),
        par_categorie=[(categorie.label, par_categorie[categorie.value]) for categorie in Categorie],
        par_arobases=repartition_par_arobases(ligne.arobases for ligne in lignes),
    )


@dataclass(frozen=True)
class Cumul:
    """Figures summed over the published éditions up to one (included)."""

    premiere_annee: int | None
    editions: int
    labellisations: int
    mentions: int
    labellisations_avec_mention: int
    titres: int


@dataclass(frozen=True)
class Statistiques:
    villes: int
    villages: int
    territoires: int
    par_arobases: list[tuple[int, int]]
    # Communes concernées: the labelled communes (villes and villages) and the member communes of the
    # labelled territoires, each commune counted once.
    communes_membres: int
    communes_concernees: int
    labellisees_et_membres: int
    membres_de_plusieurs_territoires: int
    habitants: int
    mentions: int
    labellisations_avec_mention: int
    mentions_par_categorie: list[tuple[str, int]]
    titres: int
    cumul: Cumul

    @property
    def total(self):
        return self.villes + self.villages + self.territoires

    @property
    def communes_avant_dedoublonnage(self):
        return self.villes + self.villages + self.communes_membres

    @property
    def comptees_plusieurs_fois(self):
        return self.communes_avant_dedoublonnage - self.communes_concernees

    @property
    def habitants_en_millions(self):
        return round(self.habitants / 1_000_000, 1)

    @property
    def calcul_communes_concernees(self):
        """How the communes concernées are counted, in one French sentence with its figures."""
        somme = (
            f"{nombre(self.villes, 'ville')} + {nombre(self.villages, 'village')} + "
            f"{nombre(self.communes_membres, 'commune')} des territoires = {self.communes_avant_dedoublonnage}"
        )
        distinctes = nombre(self.communes_concernees, "commune distincte", "communes distinctes")
        if not self.comptees_plusieurs_fois:
            return f"{somme} ; aucune commune n'est comptée deux fois → {distinctes}."
        raisons = [
            (n, singulier, pluriel)
            for n, singulier, pluriel in [
                (
                    self.labellisees_et_membres,
                    "labellisée elle-même et membre d'un territoire labellisé",
                    "labellisées elles-mêmes et membres d'un territoire labellisé",
                ),
                (
                    self.membres_de_plusieurs_territoires,
                    "membre de plusieurs territoires labellisés",
                    "membres de plusieurs territoires labellisés",
                ),
            ]
            if n
        ]
        doublons = nombre(self.comptees_plusieurs_fois, "commune comptée deux fois", "communes comptées deux fois")
        if len(raisons) == 1:
            _, singulier, pluriel = raisons[0]
            pourquoi = "car " + (singulier if self.comptees_plusieurs_fois < 2 else pluriel)
        else:
            pourquoi = "(" + " ; ".join(nombre(*raison) for raison in raisons) + ")"
        return f"{somme} ; {doublons} {pourquoi} → {distinctes}."


def statistiques_edition(edition):
    """The press-release figures of a published édition, in six queries whatever its size."""
    labellisations = Labellisation.objects.publiees().filter(edition=edition)
    syndicats = labellisations.filter(categorie=Categorie.TERRITOIRE, collectivite__epci__isnull=True)

    # Query 1: one row per labellisation, with its commune (ville or village) and its number of mentions.
    resultats = list(
        labellisations.order_by()
        .annotate(nombre_de_mentions=Count("mentions"))
        .values_list(
            "categorie",
            "arobases",
            "titre_excellence",
            "nombre_de_mentions",
            "collectivite__commune_id",
            "collectivite__commune__population",
            named=True,
        )
    )
    # Query 2: member communes of the labelled EPCI (current communes of the référentiel).
    membres = list(
        Commune.objects.actuelles()
        .filter(epci_id__in=labellisations.filter(collectivite__epci__isnull=False).values("collectivite__epci_id"))
        .values_list("id", "population")
    )
    # Query 3: member communes of the labelled syndicats (a territoire that is not an EPCI lists its communes).
    membres += list(
        Collectivite.membres.through.objects.filter(
            collectivite_id__in=syndicats.values("collectivite_id")
        ).values_list("commune_id", "commune__population")
    )
    # Query 4: mentions by catégorie of the édition, catégories without a mention included.
    mentions_par_categorie = list(
        edition.categories_mention.annotate(
            nombre=Count("mentions", filter=Q(mentions__labellisation__in=labellisations))
        ).values_list("nom", "nombre")
    )

    populations = dict(membres)
    labellisees = set()
    for resultat in resultats:
        if resultat.collectivite__commune_id:
            labellisees.add(resultat.collectivite__commune_id)
            populations[resultat.collectivite__commune_id] = resultat.collectivite__commune__population
    distinctes_membres = {commune_id for commune_id, _ in membres}
    concernees = labellisees | distinctes_membres
    par_categorie = Counter(resultat.categorie for resultat in resultats)
    return Statistiques(
        villes=par_categorie[Categorie.VILLE],
        villages=par_categorie[Categorie.VILLAGE],
        territoires=par_categorie[Categorie.TERRITOIRE],
        par_arobases=repartition_par_arobases(resultat.arobases for resultat in resultats),
        communes_membres=len(membres),
        communes_concernees=len(concernees),
        labellisees_et_membres=len(labellisees & distinctes_membres),
        membres_de_plusieurs_territoires=len(membres) - len(distinctes_membres),
        habitants=sum(populations[commune_id] or 0 for commune_id in concernees),
        mentions=sum(resultat.nombre_de_mentions for resultat in resultats),
        labellisations_avec_mention=sum(1 for resultat in resultats if resultat.nombre_de_mentions),
        mentions_par_categorie=mentions_par_categorie,
        titres=sum(1 for resultat in resultats if resultat.titre_excellence),
        cumul=cumul_jusqu_a(edition),
    )


def cumul_jusqu_a(edition):
    """Labellisations, mentions and titles of the published éditions from the first up to `edition`."""
    labellisations = Labellisation.objects.publiees().filter(edition__annee__lte=edition.annee)
    # Query 5: labellisations, titles, éditions, first year.
    totaux = labellisations.aggregate(
        labellisations=Count("id"),
        titres=Count("id", filter=Q(titre_excellence=True)),
        editions=Count("edition", distinct=True),
        premiere_annee=Min("edition__annee"),
    )
    # Query 6: mentions, and labellisations with at least one.
    mentions = Mention.objects.filter(labellisation__in=labellisations).aggregate(
        mentions=Count("id"), labellisations=Count("labellisation", distinct=True)
    )
    return Cumul(
        premiere_annee=totaux["premiere_annee"],
        editions=totaux["editions"],
        labellisations=totaux["labellisations"],
        mentions=mentions["mentions"],
        labellisations_avec_mention=mentions["labellisations"],
        titres=totaux["titres"],
    )

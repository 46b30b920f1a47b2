"""The mosaïque of a collectivité: how its published fiches cover the enjeux of the taxonomy, for one édition.

One tile per enjeu of the active taxonomy (4 familles × 4 enjeux), coloured by the number of the
collectivité's published fiches that count for the édition (FicheAction.objects.comptant_pour) and have a
service in that enjeu. The colour is the enjeu's, lighter for fewer fiches, in four bands (0, 1, 2–3, 4+);
the count is always written on the tile and in a table, so that colour never carries the information alone.

For a weak enjeu (0 or 1 fiche), the best fiches of comparable collectivités on that enjeu are suggested:
same kind (ville, village, territoire) and same population band (territoires.population), their fiches with the most services in
the enjeu first, then those of the collectivités with the most arobases in the latest published édition.

Costs, whatever the number of fiches: one query for the counts (a GROUP BY over the enjeux), one for all the
suggestions (a window function ranks the fiches inside each weak enjeu). Drafts never count: only published
fiches are read.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count, F, FilteredRelation, IntegerField, Prefetch, Q, Value, Window
from django.db.models.functions import Coalesce, RowNumber

from label.enums import Categorie, StatutEdition
from label.models import Edition
from territoires.population import Tranche, tranche_de

from .models import Enjeu, FicheAction, Service

# (lowest count, what the band means, share of the enjeu's colour in the tile, marks drawn on the tile)
BANDES = [
    (0, "aucune fiche", 0.0, "○○○"),
    (1, "une fiche", 0.25, "●○○"),
    (2, "2 ou 3 fiches", 0.55, "●●○"),
    (4, "4 fiches ou plus", 1.0, "●●●"),
]
SEUIL_FAIBLE = 1  # an enjeu with this many fiches or fewer is weak
SUGGESTIONS_PAR_ENJEU = 3
CANDIDATS_PAR_ENJEU = 12  # best fiches read per weak enjeu, to suggest ones of different collectivités
FICHES_AFFICHEES = 10  # the collectivité's most recent fiches listed on its page

COULEUR = re.compile(r"^#[0-9a-fA-F]{6}$")
COULEUR_PAR_DEFAUT = "#4a4d57"
TEXTE_FONCE = "#1b1b1b"
TEXTE_CLAIR = "#ffffff"


# ---------------------------------------------------------------------------------------------------
# Which édition
# ---------------------------------------------------------------------------------------------------


def editions_proposees():
    """The éditions a mosaïque can be drawn for, latest first: the published ones and the one whose campaign
    is open (one query). A mosaïque shows fiches, which are public, never results."""
    return list((Edition.objects.publiees() | Edition.objects.filter(statut=StatutEdition.CAMPAGNE)).order_by("-annee"))


def edition_choisie(editions, annee):
    """The édition asked for (`annee`, text from the URL) if it is proposed; else the latest published one,
    or else the open one. Anything else in the URL falls back to the default, never an error."""
    par_annee = {str(edition.annee): edition for edition in editions}
    if annee in par_annee:
        return par_annee[annee]
    publiees = [edition for edition in editions if edition.is_published]
    return publiees[0] if publiees else (editions[0] if editions else None)


# ---------------------------------------------------------------------------------------------------
# Colours
# ---------------------------------------------------------------------------------------------------


def _rvb(couleur):
    return [int(couleur[i : i + 2], 16) for i in (1, 3, 5)]


def _luminance(rvb):
    """Relative luminance (WCAG 2)."""
    lineaires = [(c / 255) / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rvb]
    return 0.2126 * lineaires[0] + 0.7152 * lineaires[1] + 0.0722 * lineaires[2]


def contraste(a, b):
    """WCAG contrast ratio of two #rrggbb colours."""
    clair, fonce = sorted((_luminance(_rvb(a)), _luminance(_rvb(b))), reverse=True)
    return (clair + 0.05) / (fonce + 0.05)


def teinte(couleur, part):
    """`couleur` mixed with white: `part` = 1 gives the colour itself, 0 gives white."""
    return "#" + "".join(f"{round(c * part + 255 * (1 - part)):02x}" for c in _rvb(couleur))


def couleurs_de_tuile(couleur, bande):
    """(background, text, border) of a tile; the text colour is whichever of dark or white contrasts most."""
    couleur = couleur if COULEUR.match(couleur or "") else COULEUR_PAR_DEFAUT
    fond = teinte(couleur, BANDES[bande][2])
    texte = max((TEXTE_FONCE, TEXTE_CLAIR), key=lambda t: contraste(fond, t))
    return fond, texte, couleur


def bande_de(nombre):
    return max(i for i, (minimum, *_) in enumerate(BANDES) if nombre >= minimum)


# ---------------------------------------------------------------------------------------------------
# The mosaïque
# ---------------------------------------------------------------------------------------------------


@dataclass
class Tuile:
    enjeu: Enjeu
    nombre: int
    suggestions: list = field(default_factory=list)

    def __post_init__(self):
        self.bande = bande_de(self.nombre)
        self.fond, self.texte, self.bord = couleurs_de_tuile(self.enjeu.couleur, self.bande)
        self.libelle_bande = BANDES[self.bande][1]
        self.marques = BANDES[self.bande][3]

    @property
    def est_faible(self):
        return self.nombre <= SEUIL_FAIBLE


@dataclass
class Rangee:
    """The tiles of one famille: a row of the mosaïque."""

    famille: object
    tuiles: list


@dataclass
class Mosaique:
    edition: Edition
    rangees: list
    categorie: str  # kind of the comparable collectivités (label.enums.Categorie)
    tranche: Tranche | None  # their population band (territoires.population)

    @property
    def comparables(self):
        """« les villes de 10 000 à 49 999 habitants »."""
        texte = f"les {Categorie(self.categorie).label.lower()}s"
        return texte if self.tranche is None else f"{texte} {self.tranche.complement}"

    @property
    def tuiles(self):
        return [tuile for rangee in self.rangees for tuile in rangee.tuiles]

    @property
    def faibles(self):
        return [tuile for tuile in self.tuiles if tuile.est_faible]

    @property
    def bandes(self):
        """The legend: (marks, meaning) of each band."""
        return [(marques, libelle) for _, libelle, _, marques in BANDES]


# The population band of a collectivité: a territoires.population.Tranche, or None when its population is unknown.
tranche_de_population = tranche_de


def calculer_mosaique(collectivite, edition, *, derniere_publiee=None):
    """The mosaïque of `collectivite` for `edition` (two queries; one when no enjeu is weak).

    `derniere_publiee`: the latest published édition, whose arobases rank the suggestions (None: no ranking by
    arobases). `collectivite` should come with its commune or EPCI (select_related) for its population.
    """
    fiches = FicheAction.objects.publiees().comptant_pour(edition).filter(collectivite=collectivite)
    enjeux = (
        Enjeu.objects.filter(famille__taxonomie__est_active=True)
        .select_related("famille")
        .annotate(nombre=Count("services__fiches", filter=Q(services__fiches__in=fiches.values("pk")), distinct=True))
        .order_by("famille__ordre", "famille__nom", "ordre", "nom")
    )
    rangees = {}
    for enjeu in enjeux:
        rangees.setdefault(enjeu.famille_id, Rangee(enjeu.famille, [])).tuiles.append(Tuile(enjeu, enjeu.nombre))
    tranche = tranche_de(collectivite.population)
    mosaique = Mosaique(
        edition=edition, rangees=list(rangees.values()), categorie=collectivite.categorie, tranche=tranche
    )
    faibles = {tuile.enjeu.pk: tuile for tuile in mosaique.faibles}
    if faibles:
        for suggestion in meilleures_fiches(collectivite, list(faibles), tranche, derniere_publiee):
            faibles[suggestion["enjeu"]].suggestions.append(suggestion)
    return mosaique


def meilleures_fiches(collectivite, enjeu_ids, tranche, derniere_publiee):
    """At most SUGGESTIONS_PAR_ENJEU published fiches of comparable collectivités for each enjeu, in one query.

    Comparable: same kind, same population band (commune's or EPCI's population), not the collectivité itself.
    Best first: most services in the enjeu, then most arobases in `derniere_publiee`, then the most recent;
    among the best CANDIDATS_PAR_ENJEU, fiches of different collectivités are preferred.
    """
    fiches = (
        FicheAction.objects.publiees()
        .filter(collectivite__categorie=collectivite.categorie, services__enjeu__in=enjeu_ids)
        .exclude(collectivite=collectivite)
    )
    if tranche is not None:
        fiches = fiches.alias(
            population=Coalesce("collectivite__commune__population", "collectivite__epci__population")
        ).filter(tranche.filtre("population"))
    if derniere_publiee is not None and derniere_publiee.is_published:  # results are secret until published
        label = Q(collectivite__labellisations__edition=derniere_publiee)
        fiches = fiches.annotate(label=FilteredRelation("collectivite__labellisations", condition=label))
        arobases = F("label__arobases")
    else:
        arobases = Value(None, output_field=IntegerField())  # no published édition: no arobases to rank by
    classement = [
        F("nombre_services").desc(),
        F("arobases").desc(nulls_last=True),
        F("created_at").desc(),
        F("pk").desc(),
    ]
    lignes = (
        fiches.values(
            "pk",
            "titre",
            "created_at",
            "collectivite__nom",
            "collectivite__code",
            enjeu=F("services__enjeu"),
            arobases=arobases,
        )
        .annotate(nombre_services=Count("services"))
        .annotate(rang=Window(RowNumber(), partition_by=F("services__enjeu"), order_by=classement))
        .filter(rang__lte=CANDIDATS_PAR_ENJEU)
        .order_by("enjeu", "rang")
    )
    par_enjeu = {}
    for ligne in lignes:
        par_enjeu.setdefault(ligne["enjeu"], []).append(ligne)
    choisies = []
    for candidates in par_enjeu.values():
        premieres, autres, vues = [], [], set()
        for ligne in candidates:
            (autres if ligne["collectivite__code"] in vues else premieres).append(ligne)
            vues.add(ligne["collectivite__code"])
        choisies += (premieres + autres)[:SUGGESTIONS_PAR_ENJEU]
    return choisies


# ---------------------------------------------------------------------------------------------------
# The collectivité's fiches
# ---------------------------------------------------------------------------------------------------


def dernieres_fiches(collectivite, nombre=FICHES_AFFICHEES):
    """The `nombre` most recent published fiches of `collectivite` with their enjeux, and how many it has in all
    (two queries: the fiches with a window count of them all, their services with their enjeu)."""
    services = Prefetch("services", queryset=Service.objects.select_related("enjeu__famille"))
    fiches = list(
        FicheAction.objects.publiees()
        .filter(collectivite=collectivite)
        .annotate(nombre_total=Window(Count("pk")))
        .prefetch_related(services)
        .order_by("-created_at", "-pk")[:nombre]
    )
    for fiche in fiches:
        enjeux = {service.enjeu_id: service.enjeu for service in fiche.services.all()}
        fiche.enjeux = sorted(enjeux.values(), key=lambda e: (e.famille.ordre, e.ordre, e.nom))
    return fiches, (fiches[0].nombre_total if fiches else 0)

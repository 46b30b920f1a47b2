"""The label over all its published éditions: one row of figures per édition, in six queries.

The figures of a year are counted as palmares.stats counts them for one édition (the same communes
concernées, deduplicated), but for all years at once: a few GROUP BY queries over the labellisations, and
the member communes of every EPCI ever labelled fetched once. EPCI membership is today's (the référentiel
has no history): for past years, a territoire's communes are its current ones.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from label.enums import Categorie
from label.models import Collectivite, Edition, Labellisation, Mention
from territoires.models import Commune

from .stats import NIVEAUX

# Columns of the CSV of the series, in order (one row per published édition).
COLONNES_CSV = [
    "annee",
    "edition",
    "collectivites_labellisees",
    "villes",
    "villages",
    "territoires",
    "arobases_5",
    "arobases_4",
    "arobases_3",
    "arobases_2",
    "arobases_1",
    "communes_concernees",
    "habitants_concernes",
    "mentions",
    "titres_excellence",
]


@dataclass(frozen=True)
class AnneeDuLabel:
    """The figures of one published édition."""

    annee: int
    numero: int
    villes: int
    villages: int
    territoires: int
    par_arobases: list[tuple[int, int]]
    communes_concernees: int
    habitants: int
    mentions: int
    titres: int

    @property
    def total(self):
        return self.villes + self.villages + self.territoires

    def ligne_csv(self):
        return [
            self.annee,
            self.numero,
            self.total,
            self.villes,
            self.villages,
            self.territoires,
            *(nombre for _, nombre in self.par_arobases),
            self.communes_concernees,
            self.habitants,
            self.mentions,
            self.titres,
        ]


@dataclass(frozen=True)
class Historique:
    annees: list[AnneeDuLabel]

    @property
    def millesimes(self):
        return [annee.annee for annee in self.annees]

    def series_categories(self):
        """[(libellé, [valeur par année])] for the stacked columns by catégorie."""
        return [
            ("Villes", [annee.villes for annee in self.annees]),
            ("Villages", [annee.villages for annee in self.annees]),
            ("Territoires", [annee.territoires for annee in self.annees]),
        ]

    def series_arobases(self):
        """[(libellé, [valeur par année])] from 5 @ (bottom) to 1 @."""
        return [(f"{niveau} @", [dict(annee.par_arobases)[niveau] for annee in self.annees]) for niveau in NIVEAUX]

    def serie_communes(self):
        return [("Communes concernées", [annee.communes_concernees for annee in self.annees])]

    def serie_habitants(self):
        return [("Habitants concernés", [annee.habitants for annee in self.annees])]


def historique_du_label():
    """Every published édition's figures, the oldest first, in six queries whatever the number of years."""
    publiees = Labellisation.objects.publiees()
    # Query 1: the published éditions (an édition without any result still has its row).
    editions = list(Edition.objects.publiees().order_by("annee").values_list("id", "annee", "numero"))
    # Query 2: labellisations and titles by édition, catégorie and arobases.
    comptes = (
        publiees.order_by()
        .values_list("edition_id", "categorie", "arobases")
        .annotate(nombre=Count("id"), titres=Count("id", filter=Q(titre_excellence=True)))
    )
    # Query 3: who was labelled each year: the commune of a ville or village, the EPCI of a territoire.
    labellisees = publiees.order_by().values_list(
        "edition_id",
        "collectivite_id",
        "collectivite__commune_id",
        "collectivite__commune__population",
        "collectivite__epci_id",
    )
    # Query 4: the current member communes of every EPCI ever labelled, fetched once.
    membres_epci = (
        Commune.objects.actuelles()
        .filter(epci_id__in=publiees.filter(collectivite__epci__isnull=False).values("collectivite__epci_id"))
        .values_list("id", "epci_id", "population")
    )
    # Query 5: the member communes of every syndicat ever labelled (territoires that are not EPCI).
    membres_syndicats = Collectivite.membres.through.objects.filter(
        collectivite_id__in=publiees.filter(categorie=Categorie.TERRITOIRE, collectivite__epci__isnull=True).values(
            "collectivite_id"
        )
    ).values_list("collectivite_id", "commune_id", "commune__population")
    # Query 6: mentions by édition.
    mentions = dict(
        Mention.objects.filter(labellisation__in=publiees)
        .order_by()
        .values_list("labellisation__edition_id")
        .annotate(nombre=Count("id"))
    )

    par_categorie, par_arobases, titres = defaultdict(Counter), defaultdict(Counter), Counter()
    for edition_id, categorie, arobases, nombre, nombre_de_titres in comptes:
        par_categorie[edition_id][categorie] += nombre
        par_arobases[edition_id][arobases] += nombre
        titres[edition_id] += nombre_de_titres

    populations = {}
    communes_des_epci, communes_des_syndicats = defaultdict(set), defaultdict(set)
    for commune_id, epci_id, population in membres_epci:
        communes_des_epci[epci_id].add(commune_id)
        populations[commune_id] = population
    for collectivite_id, commune_id, population in membres_syndicats:
        communes_des_syndicats[collectivite_id].add(commune_id)
        populations[commune_id] = population

    concernees = defaultdict(set)
    for edition_id, collectivite_id, commune_id, population, epci_id in labellisees:
        if commune_id:
            concernees[edition_id].add(commune_id)
            populations[commune_id] = population
        elif epci_id:
            concernees[edition_id] |= communes_des_epci[epci_id]
        else:
            concernees[edition_id] |= communes_des_syndicats[collectivite_id]

    return Historique(
        annees=[
            AnneeDuLabel(
                annee=annee,
                numero=numero,
                villes=par_categorie[edition_id][Categorie.VILLE],
                villages=par_categorie[edition_id][Categorie.VILLAGE],
                territoires=par_categorie[edition_id][Categorie.TERRITOIRE],
                par_arobases=[(niveau, par_arobases[edition_id][niveau]) for niveau in NIVEAUX],
                communes_concernees=len(concernees[edition_id]),
                habitants=sum(populations[commune_id] or 0 for commune_id in concernees[edition_id]),
                mentions=mentions.get(edition_id, 0),
                titres=titres[edition_id],
            )
            for edition_id, annee, numero in editions
        ]
    )

"""The figures of an édition, counted the way the association counts them (see docs: DOMAIN.md).

Every count goes through Labellisation.objects.publiees(): an unpublished result is never counted.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from label.enums import Categorie
from label.models import Collectivite, Edition, Labellisation, Mention
from territoires.models import Commune
from territoires.population import TRANCHES_POPULATION, tranche_de

from .queries import cle_alphabetique

NIVEAUX = [5, 4, 3, 2, 1]

# Population bands (territoires.population), with their bounds included as the page writes them: a commune's
# municipal population, a territoire's the sum of its member communes'.
TRANCHES_DE_POPULATION = [(tranche.bas, tranche.maximum, tranche.libelle) for tranche in TRANCHES_POPULATION]
POPULATION_INCONNUE = "Population inconnue"

# Continuity: collectivités labelled in each of the last N published éditions (and in all of them).
FIDELITE_EDITIONS = [5, 10]


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
    collectivites: int
    mentions: int
    labellisations_avec_mention: int
    titres: int


@dataclass(frozen=True)
class Repartition:
    """The labelled collectivités of one group (a région, a département, a population band) by arobases."""

    code: str
    nom: str
    par_arobases: list[tuple[int, int]]
    region: str = ""

    @property
    def total(self):
        return sum(nombre for _, nombre in self.par_arobases)


@dataclass(frozen=True)
class Resultat:
    """A collectivité's result in one édition, as the comparisons need it."""

    code: str
    nom: str
    categorie: str
    arobases: int
    departement: str = ""
    region: str = ""


@dataclass(frozen=True)
class Ecart:
    """One collectivité between two éditions: its arobases before and after (None: not labelled that year)."""

    code: str
    nom: str
    categorie: str
    avant: int | None
    apres: int | None
    departement: str = ""
    region: str = ""

    @property
    def url(self):
        return reverse("label:collectivite", args=[self.code])

    @property
    def categorie_libelle(self):
        return Categorie(self.categorie).label


@dataclass(frozen=True)
class Ecarts:
    """Two éditions compared: who entered, left, went up, down, or kept the same level. Lists sorted by name."""

    entrees: list[Ecart]
    sorties: list[Ecart]
    hausses: list[Ecart]
    baisses: list[Ecart]
    stables: list[Ecart]

    @property
    def avant(self):
        """Labelled in the first édition."""
        return len(self.sorties) + len(self.hausses) + len(self.baisses) + len(self.stables)

    @property
    def apres(self):
        """Labelled in the second édition."""
        return len(self.entrees) + len(self.hausses) + len(self.baisses) + len(self.stables)

    def filtrer(self, *, categorie="", region="", departement="", **ignores):
        """The same comparison restricted to one catégorie, région or département (empty filters ignored)."""

        def garder(ecart):
            return (
                (not categorie or ecart.categorie == categorie)
                and (not region or ecart.region == region)
                and (not departement or ecart.departement == departement)
            )

        return Ecarts(*([e for e in liste if garder(e)] for liste in self.listes()))

    def listes(self):
        return [self.entrees, self.sorties, self.hausses, self.baisses, self.stables]


def comparer(avant, apres):
    """Compare two éditions. `avant`, `apres`: {collectivite_id: Resultat}.

    A collectivité's catégorie, département and région are taken from its later result when it has one.
    """
    ecarts = []
    for cle in avant.keys() | apres.keys():
        premier, second = avant.get(cle), apres.get(cle)
        reference = second or premier
        ecarts.append(
            Ecart(
                code=reference.code,
                nom=reference.nom,
                categorie=reference.categorie,
                avant=premier.arobases if premier else None,
                apres=second.arobases if second else None,
                departement=reference.departement,
                region=reference.region,
            )
        )
    ecarts.sort(key=lambda ecart: (cle_alphabetique(ecart.nom), ecart.code))
    return Ecarts(
        entrees=[e for e in ecarts if e.avant is None],
        sorties=[e for e in ecarts if e.apres is None],
        hausses=[e for e in ecarts if e.avant and e.apres and e.apres > e.avant],
        baisses=[e for e in ecarts if e.avant and e.apres and e.apres < e.avant],
        stables=[e for e in ecarts if e.avant and e.apres and e.apres == e.avant],
    )


@dataclass(frozen=True)
class Evolution:
    """This édition against the previous published one."""

    precedente: int | None
    ecarts: Ecarts | None
    # Among the newcomers, those never labelled in any earlier published édition.
    premieres: list[Ecart]


@dataclass(frozen=True)
class Fidelite:
    """Collectivités of this édition labelled in every one of the last `editions` published éditions."""

    editions: int | None  # None: every published édition since the first
    disponible: bool  # False when fewer éditions are published
    depuis: int | None  # year of the oldest of those éditions
    collectivites: list[Resultat]


@dataclass(frozen=True)
class Statistiques:
    villes: int
    villages: int
    territoires: int
    par_arobases: list[tuple[int, int]]
    # [(arobases, [villes, villages, territoires], total)], from 5 to 1 @.
    par_arobases_et_categorie: list[tuple[int, list[int], int]]
    par_region: list[Repartition]
    par_departement: list[Repartition]
    par_population: list[Repartition]
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
    evolution: Evolution
    fidelite: list[Fidelite]
    cumul: Cumul

    @property
    def total(self):
        return self.villes + self.villages + self.territoires

    @property
    def categories(self):
        """Column headers of the cross table, with their totals."""
        return [
            (Categorie.VILLE.label, self.villes),
            (Categorie.VILLAGE.label, self.villages),
            (Categorie.TERRITOIRE.label, self.territoires),
        ]

    @property
    def regions_pour_graphique(self):
        return [(repartition.nom, repartition.total) for repartition in self.par_region]

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


def tranche_de_population(population):
    """The label of the band of `population` (territoires.population), or POPULATION_INCONNUE."""
    tranche = tranche_de(population)
    return tranche.libelle if tranche else POPULATION_INCONNUE


def statistiques_edition(edition):
    """The figures of a published édition, in eight queries whatever its size (each query named below)."""
    labellisations = Labellisation.objects.publiees().filter(edition=edition)
    syndicats = labellisations.filter(categorie=Categorie.TERRITOIRE, collectivite__epci__isnull=True)

    # Query 1: one row per labellisation, with its collectivité, commune or EPCI, département, région and
    # number of mentions (a territoire's département is its EPCI's; a syndicat has none).
    resultats = list(
        labellisations.order_by()
        .annotate(nombre_de_mentions=Count("mentions"), **departement_et_region())
        .values_list(
            "collectivite_id",
            "collectivite__code",
            "collectivite__nom",
            "categorie",
            "arobases",
            "titre_excellence",
            "nombre_de_mentions",
            "collectivite__commune_id",
            "collectivite__commune__population",
            "collectivite__epci_id",
            "collectivite__epci__population",
            "departement_code",
            "departement_nom",
            "region_code",
            "region_nom",
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
    membres_des_syndicats = list(
        Collectivite.membres.through.objects.filter(
            collectivite_id__in=syndicats.values("collectivite_id")
        ).values_list("collectivite_id", "commune_id", "commune__population")
    )
    membres += [(commune_id, population) for _, commune_id, population in membres_des_syndicats]
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
    population_des_syndicats = defaultdict(int)
    for collectivite_id, _, population in membres_des_syndicats:
        population_des_syndicats[collectivite_id] += population or 0

    def population(resultat):
        if resultat.collectivite__commune_id:
            return resultat.collectivite__commune__population
        if resultat.collectivite__epci_id:
            return resultat.collectivite__epci__population
        return population_des_syndicats.get(resultat.collectivite_id)

    return Statistiques(
        villes=par_categorie[Categorie.VILLE],
        villages=par_categorie[Categorie.VILLAGE],
        territoires=par_categorie[Categorie.TERRITOIRE],
        par_arobases=repartition_par_arobases(resultat.arobases for resultat in resultats),
        par_arobases_et_categorie=croiser_arobases_et_categories(resultats),
        par_region=repartir(
            resultats,
            lambda r: r.region_code,
            lambda r: (r.region_nom, ""),
            "Sans région (syndicats)",
            tri=lambda repartition: cle_alphabetique(repartition.nom),
        ),
        par_departement=repartir(
            resultats,
            lambda r: r.departement_code,
            lambda r: (r.departement_nom, r.region_nom),
            "Sans département (syndicats)",
            tri=lambda repartition: repartition.code,
        ),
        par_population=repartir_par_population(resultats, population),
        communes_membres=len(membres),
        communes_concernees=len(concernees),
        labellisees_et_membres=len(labellisees & distinctes_membres),
        membres_de_plusieurs_territoires=len(membres) - len(distinctes_membres),
        habitants=sum(populations[commune_id] or 0 for commune_id in concernees),
        mentions=sum(resultat.nombre_de_mentions for resultat in resultats),
        labellisations_avec_mention=sum(1 for resultat in resultats if resultat.nombre_de_mentions),
        mentions_par_categorie=mentions_par_categorie,
        titres=sum(1 for resultat in resultats if resultat.titre_excellence),
        # Queries 5 and 6.
        **continuite(edition, labellisations, resultats),
        # Queries 7 and 8.
        cumul=cumul_jusqu_a(edition),
    )


def departement_et_region():
    """Annotations of a labellisation's département and région: its commune's, or its EPCI's (a syndicat has none)."""
    return {
        f"{objet}_{champ}": Coalesce(
            f"collectivite__commune__{chemin}__{champ}", f"collectivite__epci__{chemin}__{champ}"
        )
        for objet, chemin in [("departement", "departement"), ("region", "departement__region")]
        for champ in ["code", "nom"]
    }


def comparer_editions(avant, apres):
    """The Ecarts from the édition `avant` to the édition `apres`, and the régions and départements met.

    One query: both éditions' published labellisations with their collectivité, département and région.
    Returns (ecarts, {code: région}, {code: département}).
    """
    lignes = (
        Labellisation.objects.publiees()
        .filter(edition__in=[avant, apres])
        .order_by()
        .annotate(**departement_et_region())
        .values_list(
            "edition_id",
            "collectivite_id",
            "collectivite__code",
            "collectivite__nom",
            "categorie",
            "arobases",
            "departement_code",
            "departement_nom",
            "region_code",
            "region_nom",
            named=True,
        )
    )
    resultats, regions, departements = {avant.pk: {}, apres.pk: {}}, {}, {}
    for ligne in lignes:
        resultats[ligne.edition_id][ligne.collectivite_id] = Resultat(
            code=ligne.collectivite__code,
            nom=ligne.collectivite__nom,
            categorie=ligne.categorie,
            arobases=ligne.arobases,
            departement=ligne.departement_code or "",
            region=ligne.region_code or "",
        )
        if ligne.region_code:
            regions[ligne.region_code] = ligne.region_nom
        if ligne.departement_code:
            departements[ligne.departement_code] = ligne.departement_nom
    return comparer(resultats[avant.pk], resultats[apres.pk]), regions, departements


def croiser_arobases_et_categories(resultats):
    """[(arobases, [villes, villages, territoires], total)] from 5 to 1 @."""
    croise = Counter((resultat.arobases, resultat.categorie) for resultat in resultats)
    lignes = []
    for niveau in NIVEAUX:
        nombres = [croise[(niveau, categorie.value)] for categorie in Categorie]
        lignes.append((niveau, nombres, sum(nombres)))
    return lignes


def repartir(resultats, cle, noms, sans, *, tri):
    """One Repartition per value of `cle(resultat)`, sorted by `tri`; results without one come last as `sans`."""
    groupes, libelles = defaultdict(list), {}
    for resultat in resultats:
        code = cle(resultat)
        groupes[code].append(resultat.arobases)
        libelles[code] = noms(resultat)
    repartitions = sorted(
        (
            Repartition(
                code=code,
                nom=libelles[code][0],
                region=libelles[code][1],
                par_arobases=repartition_par_arobases(niveaux),
            )
            for code, niveaux in groupes.items()
            if code is not None
        ),
        key=tri,
    )
    if None in groupes:
        repartitions.append(Repartition(code="", nom=sans, par_arobases=repartition_par_arobases(groupes[None])))
    return repartitions


def repartir_par_population(resultats, population):
    """Every population band, even empty, then the unknown populations if any."""
    groupes = defaultdict(list)
    for resultat in resultats:
        groupes[tranche_de_population(population(resultat))].append(resultat.arobases)
    libelles = [libelle for _, _, libelle in TRANCHES_DE_POPULATION]
    if POPULATION_INCONNUE in groupes:
        libelles.append(POPULATION_INCONNUE)
    return [
        Repartition(code=str(rang), nom=libelle, par_arobases=repartition_par_arobases(groupes[libelle]))
        for rang, libelle in enumerate(libelles)
    ]


def continuite(edition, labellisations, resultats):
    """Newcomers, ups and downs against the previous published édition, and the continuity over N éditions."""
    # Query 5: the published éditions up to this one, the latest first.
    editions = list(
        Edition.objects.publiees().filter(annee__lte=edition.annee).order_by("-annee").values_list("id", "annee")
    )
    precedente = next(((id_, annee) for id_, annee in editions if annee < edition.annee), None)
    # Query 6: the published history of this édition's collectivités, and the previous édition's results.
    condition = Q(collectivite_id__in=labellisations.values("collectivite_id"))
    if precedente:
        condition |= Q(edition_id=precedente[0])
    historique = (
        Labellisation.objects.publiees()
        .filter(condition, edition__annee__lte=edition.annee)
        .values_list(
            "collectivite_id", "edition_id", "arobases", "categorie", "collectivite__code", "collectivite__nom"
        )
    )
    presences = defaultdict(set)
    avant = {}
    for collectivite_id, edition_id, arobases, categorie, code, nom in historique:
        presences[collectivite_id].add(edition_id)
        if precedente and edition_id == precedente[0]:
            avant[collectivite_id] = Resultat(code=code, nom=nom, categorie=categorie, arobases=arobases)
    maintenant = {
        r.collectivite_id: Resultat(
            code=r.collectivite__code,
            nom=r.collectivite__nom,
            categorie=r.categorie,
            arobases=r.arobases,
            departement=r.departement_code or "",
            region=r.region_code or "",
        )
        for r in resultats
    }
    if precedente:
        ecarts = comparer(avant, maintenant)
        jamais_avant = {resultat.code for cle, resultat in maintenant.items() if not presences[cle] - {edition.pk}}
        premieres = [ecart for ecart in ecarts.entrees if ecart.code in jamais_avant]
        evolution = Evolution(precedente=precedente[1], ecarts=ecarts, premieres=premieres)
    else:
        evolution = Evolution(precedente=None, ecarts=None, premieres=[])

    fidelite = []
    par_nom = sorted(maintenant.items(), key=lambda item: (cle_alphabetique(item[1].nom), item[1].code))
    for nombre_d_editions in [*FIDELITE_EDITIONS, None]:
        retenues = editions if nombre_d_editions is None else editions[:nombre_d_editions]
        disponible = bool(retenues) and len(retenues) == (nombre_d_editions or len(editions))
        identifiants = {id_ for id_, _ in retenues}
        fidelite.append(
            Fidelite(
                editions=nombre_d_editions,
                disponible=disponible,
                depuis=retenues[-1][1] if retenues else None,
                collectivites=[resultat for cle, resultat in par_nom if identifiants <= presences[cle]]
                if disponible
                else [],
            )
        )
    return {"evolution": evolution, "fidelite": fidelite}


def cumul_jusqu_a(edition):
    """Labellisations, collectivités, mentions and titles of the published éditions from the first up to `edition`."""
    labellisations = Labellisation.objects.publiees().filter(edition__annee__lte=edition.annee)
    # Query 7: labellisations, distinct collectivités, titles, éditions, first year.
    totaux = labellisations.aggregate(
        labellisations=Count("id"),
        collectivites=Count("collectivite", distinct=True),
        titres=Count("id", filter=Q(titre_excellence=True)),
        editions=Count("edition", distinct=True),
        premiere_annee=Min("edition__annee"),
    )
    # Query 8: mentions, and labellisations with at least one.
    mentions = Mention.objects.filter(labellisation__in=labellisations).aggregate(
        mentions=Count("id"), labellisations=Count("labellisation", distinct=True)
    )
    return Cumul(
        premiere_annee=totaux["premiere_annee"],
        editions=totaux["editions"],
        labellisations=totaux["labellisations"],
        collectivites=totaux["collectivites"],
        mentions=mentions["mentions"],
        labellisations_avec_mention=mentions["labellisations"],
        titres=totaux["titres"],
    )

"""Filters and facet counts of the search page /fiches/.

Every facet is a GET parameter that may be repeated (?enjeu=3&enjeu=5): the values of one facet are
alternatives (OR), the facets add up (AND). The count shown next to a value is the number of published
fiches that the page would list with that value ticked: it takes the text and every *other* facet into
account, not the facet's own ticks. Each facet costs one GROUP BY query on the filtered set, whatever the
number of fiches.

A wrong value (?enjeu=abc, a département that does not exist) is dropped, never an error: a shared address
keeps working when a value disappears.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils import timezone

from label.enums import Categorie
from label.models import Edition, Labellisation
from territoires.models import Departement

from .models import FicheAction, Service
from .search import correspondances

# Population bands of the collectivité (commune's or EPCI's population): (key, label, lower, upper bound).
# A syndicat has no population of its own here and falls in no band.
TRANCHES_POPULATION = [
    ("moins-de-1000", "Moins de 1 000 habitants", None, 1_000),
    ("1000-4999", "De 1 000 à 4 999 habitants", 1_000, 5_000),
    ("5000-19999", "De 5 000 à 19 999 habitants", 5_000, 20_000),
    ("20000-99999", "De 20 000 à 99 999 habitants", 20_000, 100_000),
    ("100000-et-plus", "100 000 habitants et plus", 100_000, None),
]

POPULATION = Coalesce("collectivite__commune__population", "collectivite__epci__population")
REGION = Coalesce("collectivite__commune__departement__region_id", "collectivite__epci__departement__region_id")
DEPARTEMENT = Coalesce("collectivite__commune__departement_id", "collectivite__epci__departement_id")
# Year of the fiche = year the action started (date_debut), or else the year the fiche was created. Read from
# the ISO text of the date: the same SQL on SQLite and PostgreSQL, and no per-row Python function on SQLite.
ANNEE = Coalesce(
    Substr(Cast("date_debut", CharField()), 1, 4),
    Substr(Cast("created_at", CharField()), 1, 4),
    output_field=CharField(),
)
COULEUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def tranche_de_population():
    return Case(
        *[
            When(
                Q(population__gte=bas) & Q(population__lt=haut)
                if bas and haut
                else Q(population__gte=bas)
                if bas
                else Q(population__lt=haut),
                then=Value(cle),
            )
            for cle, _, bas, haut in TRANCHES_POPULATION
        ],
        default=Value(""),
        output_field=CharField(),
    )


def couleur_sure(couleur):
    """An enjeu's colour, if it is a plain #rrggbb code (it goes into a style attribute)."""
    return couleur if COULEUR.match(couleur or "") else "#4a4d57"


@dataclass
class Option:
    valeur: str
    libelle: str
    nombre: int = 0
    coche: bool = False
    couleur: str = ""


@dataclass
class Facette:
    nom: str  # the GET parameter
    titre: str
    options: list = field(default_factory=list)
    repliee: bool = False  # long lists start folded

    @property
    def visibles(self):
        """Values that lead somewhere, and the ticked ones (even at 0, so they can be unticked)."""
        return [option for option in self.options if option.nombre or option.coche]

    @property
    def nombre_coches(self):
        return sum(option.coche for option in self.options)


class Referentiel:
    """The values the facets can take, loaded once per page (4 queries)."""

    def __init__(self):
        aujourd_hui = timezone.localdate()
        # 1. The services of the active taxonomy, with their enjeu and famille.
        self.services = list(
            Service.objects.filter(enjeu__famille__taxonomie__est_active=True).select_related("enjeu__famille")
        )
        self.enjeux = list({service.enjeu_id: service.enjeu for service in self.services}.values())
        self.familles = list({enjeu.famille_id: enjeu.famille for enjeu in self.enjeux}.values())
        # 2. Départements with their région.
        self.departements = list(Departement.objects.select_related("region").order_by("code"))
        self.regions = sorted(
            {departement.region_id: departement.region for departement in self.departements}.values(),
            key=lambda region: region.nom,
        )
        # 3. The latest édition whose results are published (through the publication gate only).
        self.derniere_edition = (
            Labellisation.objects.publiees().order_by("-edition__annee").values("edition_id", "edition__annee").first()
        )
        # 4. Éditions whose campaign has opened: "nouvelle" fiches were created during a campaign.
        self.campagnes = list(
            Edition.objects.filter(
                campagne_ouverture__isnull=False, campagne_cloture__isnull=False, campagne_ouverture__lte=aujourd_hui
            ).order_by("-annee")
        )


def debut_de_campagne(edition):
    # Same bound as FicheAction.objects.nouvelles() (created_at__date >= ouverture, in the site's time zone),
    # written as a datetime so that the database compares the column directly.
    return timezone.make_aware(dt.datetime.combine(edition.campagne_ouverture, dt.time.min))


def nouvelle_pendant(edition):
    return Q(created_at__gte=debut_de_campagne(edition), created_at__lte=edition.campagne_cloture)


def _entiers(valeurs):
    return {int(valeur) for valeur in valeurs if valeur.isascii() and valeur.isdigit() and len(valeur) < 10}


class Filtres:
    """The facets ticked in a query string, checked against the référentiel."""

    NOMS = [
        "famille",
        "enjeu",
        "service",
        "region",
        "departement",
        "categorie",
        "population",
        "arobases",
        "annee",
        "nouvelle",
    ]

    def __init__(self, donnees, referentiel):
        self.referentiel = ref = referentiel
        lire = donnees.getlist
        self.choix = {
            "famille": _entiers(lire("famille")) & {famille.id for famille in ref.familles},
            "enjeu": _entiers(lire("enjeu")) & {enjeu.id for enjeu in ref.enjeux},
            "service": _entiers(lire("service")) & {service.id for service in ref.services},
            "region": set(lire("region")) & {region.code for region in ref.regions},
            "departement": set(lire("departement")) & {departement.code for departement in ref.departements},
            "categorie": set(lire("categorie")) & set(Categorie.values),
            "population": set(lire("population")) & {cle for cle, *_ in TRANCHES_POPULATION},
            "arobases": _entiers(lire("arobases")) & ({1, 2, 3, 4, 5} if ref.derniere_edition else set()),
            "annee": {str(annee) for annee in _entiers(lire("annee")) if 1900 <= annee <= 2200},
            "nouvelle": _entiers(lire("nouvelle")) & {edition.annee for edition in ref.campagnes},
        }

    def __bool__(self):
        return any(self.choix.values())

    def conditions(self, sauf=None):
        """Q objects on FicheAction for the ticked facets, but `sauf`'s."""
        ref, choix = self.referentiel, self.choix
        conditions = []
        liaison = FicheAction.services.through.objects
        for nom, champ in [
            ("famille", "service__enjeu__famille_id"),
            ("enjeu", "service__enjeu_id"),
            ("service", "service_id"),
        ]:
            if choix[nom] and sauf != nom:
                # A semi-join on the fiche ↔ service table: no repeated rows, no distinct().
                liees = liaison.filter(**{f"{champ}__in": choix[nom]}).values("ficheaction_id")
                conditions.append(Q(pk__in=liees))
        if choix["region"] and sauf != "region":
            ids = [region.id for region in ref.regions if region.code in choix["region"]]
            conditions.append(
                Q(collectivite__commune__departement__region_id__in=ids)
                | Q(collectivite__commune__isnull=True, collectivite__epci__departement__region_id__in=ids)
            )
        if choix["departement"] and sauf != "departement":
            ids = [departement.id for departement in ref.departements if departement.code in choix["departement"]]
            conditions.append(
                Q(collectivite__commune__departement_id__in=ids)
                | Q(collectivite__commune__isnull=True, collectivite__epci__departement_id__in=ids)
            )
        if choix["categorie"] and sauf != "categorie":
            conditions.append(Q(collectivite__categorie__in=choix["categorie"]))
        if choix["population"] and sauf != "population":
            ou = Q()
            for cle, _, bas, haut in TRANCHES_POPULATION:
                if cle in choix["population"]:
                    tranche = Q()
                    if bas:
                        tranche &= Q(collectivite__commune__population__gte=bas) | Q(
                            collectivite__commune__isnull=True, collectivite__epci__population__gte=bas
                        )
                    if haut:
                        tranche &= Q(collectivite__commune__population__lt=haut) | Q(
                            collectivite__commune__isnull=True, collectivite__epci__population__lt=haut
                        )
                    ou |= tranche
            conditions.append(ou)
        if choix["arobases"] and sauf != "arobases":
            labellisees = Labellisation.objects.publiees().filter(
                edition_id=ref.derniere_edition["edition_id"], arobases__in=choix["arobases"]
            )
            conditions.append(Q(collectivite_id__in=labellisees.values("collectivite_id")))
        if choix["annee"] and sauf != "annee":
            ou = Q()
            for annee in map(int, choix["annee"]):
                # The ranges of ANNEE: date_debut in the year, or no date_debut and created in the year (UTC, as
                # the stored text read by ANNEE).
                ou |= Q(date_debut__gte=dt.date(annee, 1, 1), date_debut__lte=dt.date(annee, 12, 31))
                ou |= Q(
                    date_debut__isnull=True,
                    created_at__gte=dt.datetime(annee, 1, 1, tzinfo=dt.UTC),
                    created_at__lt=dt.datetime(annee + 1, 1, 1, tzinfo=dt.UTC),
                )
            conditions.append(ou)
        if choix["nouvelle"] and sauf != "nouvelle":
            ou = Q()
            for edition in ref.campagnes:
                if edition.annee in choix["nouvelle"]:
                    ou |= nouvelle_pendant(edition)
            conditions.append(ou)
        return conditions

    def fiches(self, sauf=None):
        """Published fiches of the ticked facets (but `sauf`'s), without the text."""
        return FicheAction.objects.publiees().filter(*self.conditions(sauf))

    def parmi(self):
        """The queryset to give to rechercher(): None when no facet is ticked (the whole index)."""
        return self.fiches() if self else None


def calculer_facettes(texte, filtres):
    """The facets with their counts, for the fiches matching `texte` (10 queries, one per facet)."""
    ref, choix = filtres.referentiel, filtres.choix
    texte_q = correspondances(texte)

    def base(sauf):
        fiches = filtres.fiches(sauf)
        return fiches.filter(texte_q) if texte_q is not None else fiches

    liaison = FicheAction.services.through.objects

    def par_service(cle, sauf, distinct):
        lignes = (
            liaison.filter(ficheaction_id__in=base(sauf).values("pk"))
            .values(cle)
            .annotate(nombre=Count("ficheaction_id", distinct=distinct))
            .order_by()
        )
        return {ligne[cle]: ligne["nombre"] for ligne in lignes}

    def par(expression, sauf):
        lignes = base(sauf).annotate(cle=expression).values("cle").annotate(nombre=Count("pk")).order_by()
        return {ligne["cle"]: ligne["nombre"] for ligne in lignes}

    facettes = []
    # Queries 1-3: familles, enjeux (distinct fiches: a fiche may have two services of one enjeu), services.
    comptes = par_service("service__enjeu__famille_id", "famille", True)
    facettes.append(
        Facette(
            "famille",
            "Famille",
            [
                Option(str(f.id), f.nom, comptes.get(f.id, 0), f.id in choix["famille"])
                for f in sorted(ref.familles, key=lambda f: (f.ordre, f.nom))
            ],
        )
    )
    comptes = par_service("service__enjeu_id", "enjeu", True)
    facettes.append(
        Facette(
            "enjeu",
            "Enjeu",
            [
                Option(str(e.id), e.nom, comptes.get(e.id, 0), e.id in choix["enjeu"], couleur_sure(e.couleur))
                for e in sorted(ref.enjeux, key=lambda e: (e.famille.ordre, e.ordre, e.nom))
            ],
        )
    )
    comptes = par_service("service_id", "service", False)
    services = [
        Option(str(s.id), f"{s.nom} ({s.enjeu.nom})", comptes.get(s.id, 0), s.id in choix["service"])
        for s in ref.services
    ]
    facettes.append(Facette("service", "Service", sorted(services, key=lambda o: -o.nombre), repliee=True))
    # Queries 4-5: régions, départements.
    comptes = par(REGION, "region")
    facettes.append(
        Facette(
            "region",
            "Région",
            [Option(r.code, r.nom, comptes.get(r.id, 0), r.code in choix["region"]) for r in ref.regions],
            repliee=True,
        )
    )
    comptes = par(DEPARTEMENT, "departement")
    facettes.append(
        Facette(
            "departement",
            "Département",
            [
                Option(d.code, f"{d.code} — {d.nom}", comptes.get(d.id, 0), d.code in choix["departement"])
                for d in ref.departements
            ],
            repliee=True,
        )
    )
    # Query 6: kind of collectivité.
    comptes = par(Coalesce("collectivite__categorie", Value("")), "categorie")
    facettes.append(
        Facette(
            "categorie",
            "Type de collectivité",
            [Option(v, libelle, comptes.get(v, 0), v in choix["categorie"]) for v, libelle in Categorie.choices],
        )
    )
    # Query 7: population band.
    lignes = (
        base("population")
        .annotate(population=POPULATION)
        .annotate(cle=tranche_de_population())
        .values("cle")
        .annotate(nombre=Count("pk"))
        .order_by()
    )
    comptes = {ligne["cle"]: ligne["nombre"] for ligne in lignes}
    facettes.append(
        Facette(
            "population",
            "Population de la collectivité",
            [
                Option(cle, libelle, comptes.get(cle, 0), cle in choix["population"])
                for cle, libelle, *_ in TRANCHES_POPULATION
            ],
        )
    )
    # Query 8: arobases of the collectivité in the latest published édition (through the publication gate).
    if ref.derniere_edition:
        lignes = (
            Labellisation.objects.publiees()
            .filter(edition_id=ref.derniere_edition["edition_id"], collectivite__fiches__in=base("arobases"))
            .values("arobases")
            .annotate(nombre=Count("collectivite__fiches"))
            .order_by()
        )
        comptes = {ligne["arobases"]: ligne["nombre"] for ligne in lignes}
        annee = ref.derniere_edition["edition__annee"]
        facettes.append(
            Facette(
                "arobases",
                f"Arobases de la collectivité au label {annee}",
                [
                    Option(str(n), f"{n} arobase{'s' if n > 1 else ''}", comptes.get(n, 0), n in choix["arobases"])
                    for n in range(5, 0, -1)
                ],
            )
        )
    # Query 9: year.
    comptes = par(ANNEE, "annee")
    facettes.append(
        Facette(
            "annee",
            "Année de début de l'action",
            [
                Option(annee, annee, nombre, annee in choix["annee"])
                for annee, nombre in sorted(comptes.items(), key=lambda item: item[0] or "", reverse=True)
                if annee
            ]
            + [Option(annee, annee, 0, True) for annee in sorted(choix["annee"] - set(comptes), reverse=True)],
            repliee=True,
        )
    )
    # Query 10: "nouvelle" in an édition (created during its campaign).
    if ref.campagnes:
        comptes = base("nouvelle").aggregate(
            **{f"e{edition.annee}": Count("pk", filter=nouvelle_pendant(edition)) for edition in ref.campagnes}
        )
        facettes.append(
            Facette(
                "nouvelle",
                "Fiche nouvelle",
                [
                    Option(
                        str(edition.annee),
                        f"Nouvelle au label {edition.annee}",
                        comptes[f"e{edition.annee}"],
                        edition.annee in choix["nouvelle"],
                    )
                    for edition in ref.campagnes
                ],
            )
        )
    return facettes

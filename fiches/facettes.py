"""Filters and facet counts of the search page /fiches/.

Every facet is a GET parameter that may be repeated (?enjeu=3&enjeu=5): the values of one facet are
alternatives (OR), the facets add up (AND). The count shown next to a value is the number of published
fiches that the page would list with that value ticked: it takes the text and every *other* facet into
account, not the facet's own ticks. Each facet costs one GROUP BY query on the filtered set, whatever the
number of fiches.

A wrong value (?enjeu=abc, a département that does not exist) is dropped, never an error: a shared address
keeps working when a value disappears.

?collectivite=<code> (INSEE or SIREN, the collectivité page's link « voir toutes ses fiches ») keeps the fiches
of that collectivité: shown ticked, first, so that it can be removed like any facet value.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BigIntegerField, CharField, Count, ExpressionWrapper, F, Q
from django.db.models.functions import Cast, Coalesce, Substr
from django.db.models.lookups import In
from django.utils import timezone

from label.enums import Categorie
from label.models import Collectivite, Edition, Labellisation
from territoires.models import Departement
from territoires.population import TRANCHES_PAR_CLE, TRANCHES_POPULATION, filtre_tranches, tranche_de

from .enums import EtatFiche
from .models import FicheAction, Service
from .search import correspondances

# Year of the fiche = the year it was created (created_at, in UTC as stored), read from the ISO text of the
# date: the same SQL on SQLite and PostgreSQL, from the index of created_at (no fiche row is read).
ANNEE = Substr(Cast("created_at", CharField()), 1, 4)
COULEUR = re.compile(r"^#[0-9a-fA-F]{6}$")


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
    """The values the facets can take, loaded once per page (6 queries)."""

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
        # 5. What the facets need of every collectivité: code, name, région, département, kind, population band.
        region_de = {departement.id: departement.region_id for departement in self.departements}
        self.collectivites, self.par_code = {}, {}
        for (
            pk,
            code,
            nom,
            categorie,
            pop_commune,
            pop_epci,
            dep_commune,
            dep_epci,
            est_commune,
        ) in Collectivite.objects.values_list(
            "pk",
            "code",
            "nom",
            "categorie",
            "commune__population",
            "epci__population",
            "commune__departement_id",
            "epci__departement_id",
            "commune_id",
        ):
            departement = dep_commune if est_commune else dep_epci
            tranche = tranche_de(pop_commune if est_commune else pop_epci)
            self.par_code[code] = pk
            self.collectivites[pk] = {
                "nom": nom,
                "region": region_de.get(departement),
                "departement": departement,
                "categorie": categorie,
                "population": tranche.cle if tranche else "",
            }
        # 6. Arobases of the collectivités in the latest published édition (through the publication gate).
        self.arobases = (
            dict(
                Labellisation.objects.publiees()
                .filter(edition_id=self.derniere_edition["edition_id"])
                .values_list("collectivite_id", "arobases")
            )
            if self.derniere_edition
            else {}
        )


def publiees():
    """Q of the published fiches that SQLite checks against the index (etat, created_at), without reading the
    fiches' wide rows; a plain état on PostgreSQL."""
    if connection.vendor == "sqlite":
        return Q(
            In(
                ExpressionWrapper(F("pk") + 0, output_field=BigIntegerField()),
                FicheAction.objects.publiees().values("pk"),
            )
        )
    return Q(etat=EtatFiche.PUBLIEE)


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
        "collectivite",
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
            "collectivite": {code for code in lire("collectivite") if code in ref.par_code},
            "famille": _entiers(lire("famille")) & {famille.id for famille in ref.familles},
            "enjeu": _entiers(lire("enjeu")) & {enjeu.id for enjeu in ref.enjeux},
            "service": _entiers(lire("service")) & {service.id for service in ref.services},
            "region": set(lire("region")) & {region.code for region in ref.regions},
            "departement": set(lire("departement")) & {departement.code for departement in ref.departements},
            "categorie": set(lire("categorie")) & set(Categorie.values),
            "population": set(lire("population")) & set(TRANCHES_PAR_CLE),
            "arobases": _entiers(lire("arobases")) & ({1, 2, 3, 4, 5} if ref.derniere_edition else set()),
            "annee": {str(annee) for annee in _entiers(lire("annee")) if 1900 <= annee <= 2200},
            "nouvelle": _entiers(lire("nouvelle")) & {edition.annee for edition in ref.campagnes},
        }

    def __bool__(self):
        return any(self.choix.values())

    def conditions(self, sauf=None, *, collectivite=True):
        """Q objects on FicheAction for the ticked facets, but `sauf`'s; without those of the collectivité
        if not `collectivite` (see collectivites())."""
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
        collectivites = self.collectivites(sauf) if collectivite else None
        if collectivites is not None:
            conditions.append(Q(collectivite_id__in=collectivites))
        if choix["annee"] and sauf != "annee":
            ou = Q()
            for annee in map(int, choix["annee"]):
                # The range of ANNEE.
                ou |= Q(
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

    def collectivites(self, sauf=None):
        """Ids of the collectivités of the ticked facets of the collectivité (the collectivité itself, région,
        département, kind, population, arobases), but `sauf`'s; None if none is ticked. The fiches are then
        checked through the index of their collectivite_id (or the search index's own column), never their
        wide rows."""
        ref, choix = self.referentiel, self.choix
        lignes, collectivites = Collectivite.objects.order_by(), []
        if choix["collectivite"]:
            # Always applied (no count ignores it): its own count is its fiches among those of the page.
            collectivites.append(Q(pk__in=sorted(ref.par_code[code] for code in choix["collectivite"])))
        if choix["region"] and sauf != "region":
            ids = [region.id for region in ref.regions if region.code in choix["region"]]
            collectivites.append(
                Q(commune__departement__region_id__in=ids)
                | Q(commune__isnull=True, epci__departement__region_id__in=ids)
            )
        if choix["departement"] and sauf != "departement":
            ids = [departement.id for departement in ref.departements if departement.code in choix["departement"]]
            collectivites.append(
                Q(commune__departement_id__in=ids) | Q(commune__isnull=True, epci__departement_id__in=ids)
            )
        if choix["categorie"] and sauf != "categorie":
            collectivites.append(Q(categorie__in=choix["categorie"]))
        if choix["population"] and sauf != "population":
            # The commune's population, or the EPCI's (a syndicat has none here and falls in no band).
            lignes = lignes.alias(population=Coalesce("commune__population", "epci__population"))
            collectivites.append(filtre_tranches(choix["population"], "population"))
        if choix["arobases"] and sauf != "arobases":
            labellisees = Labellisation.objects.publiees().filter(
                edition_id=ref.derniere_edition["edition_id"], arobases__in=choix["arobases"]
            )
            collectivites.append(Q(pk__in=labellisees.values("collectivite_id")))
        if not collectivites:
            return None
        return lignes.filter(*collectivites).values("pk")

    def fiches(self, sauf=None):
        """Published fiches of the ticked facets (but `sauf`'s), without the text."""
        return FicheAction.objects.publiees().filter(*self.conditions(sauf))

    def parmi(self):
        """What to give to rechercher(): {"parmi": fiches of the facets that are not the collectivité's,
        "collectivites": ids of the collectivités}, each None when no such facet is ticked. The index holds
        published fiches only, so the état is not checked again (it would read every fiche's row)."""
        conditions = self.conditions(collectivite=False)
        return {
            "parmi": FicheAction.objects.filter(*conditions) if conditions else None,
            "collectivites": self.collectivites(),
        }


def calculer_facettes(texte, filtres):
    """The facets with their counts, for the fiches matching `texte`.

    Queries: familles, enjeux, services (3); the fiches grouped by collectivité, once for the facets of the
    collectivité that are not ticked and the collectivité asked for (1), + 1 per ticked facet of the collectivité
    (région, département, kind, population band, arobases: their counts ignore their own ticks); year and
    "nouvelle" (2). Each reads narrow data only: the fiche ↔ service table, the index of the fiches'
    collectivite_id (the groups by collectivité are added up here with the référentiel), the fiches' dates."""
    ref, choix = filtres.referentiel, filtres.choix
    texte_q = correspondances(texte)

    def base(sauf):
        # With a text, the index holds published fiches only: no need to read every fiche's état.
        return FicheAction.objects.filter(texte_q if texte_q is not None else publiees(), *filtres.conditions(sauf))

    liaison = FicheAction.services.through.objects

    def par_service(cle, sauf, distinct):
        lignes = (
            liaison.filter(ficheaction_id__in=base(sauf).values("pk"))
            .values(cle)
            .annotate(nombre=Count("ficheaction_id", distinct=distinct))
            .order_by()
        )
        return {ligne[cle]: ligne["nombre"] for ligne in lignes}

    par_collectivite_memo = {}

    def par_collectivite(sauf, attribut):
        # The facets of the collectivité share one query when none of them is ticked.
        sauf = sauf if sauf and choix[sauf] else None
        if sauf not in par_collectivite_memo:
            par_collectivite_memo[sauf] = list(
                base(sauf)
                .values("collectivite_id")
                .annotate(nombre=Count("pk"))
                .values_list("collectivite_id", "nombre")
                .order_by()
            )
        comptes = {}
        for collectivite_id, nombre in par_collectivite_memo[sauf]:
            if attribut == "pk":
                valeur = collectivite_id
            elif attribut == "arobases":
                valeur = ref.arobases.get(collectivite_id)
            else:
                valeur = ref.collectivites.get(collectivite_id, {}).get(attribut)
            comptes[valeur] = comptes.get(valeur, 0) + nombre
        return comptes

    def par(expression, sauf):
        lignes = base(sauf).annotate(cle=expression).values("cle").annotate(nombre=Count("pk")).order_by()
        return {ligne["cle"]: ligne["nombre"] for ligne in lignes}

    facettes = []
    if choix["collectivite"]:
        # The collectivité asked for, first: its count comes with those of the facets of the collectivité below.
        comptes = par_collectivite(None, "pk")
        facettes.append(
            Facette(
                "collectivite",
                "Collectivité",
                [
                    Option(code, ref.collectivites[ref.par_code[code]]["nom"], comptes.get(ref.par_code[code], 0), True)
                    for code in sorted(
                        choix["collectivite"], key=lambda code: ref.collectivites[ref.par_code[code]]["nom"]
                    )
                ],
            )
        )
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
    # Queries 4-8: région, département, kind, population band, arobases — each grouped by collectivité.
    comptes = par_collectivite("region", "region")
    facettes.append(
        Facette(
            "region",
            "Région",
            [Option(r.code, r.nom, comptes.get(r.id, 0), r.code in choix["region"]) for r in ref.regions],
            repliee=True,
        )
    )
    comptes = par_collectivite("departement", "departement")
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
    comptes = par_collectivite("categorie", "categorie")
    facettes.append(
        Facette(
            "categorie",
            "Type de collectivité",
            [Option(v, libelle, comptes.get(v, 0), v in choix["categorie"]) for v, libelle in Categorie.choices],
        )
    )
    comptes = par_collectivite("population", "population")
    facettes.append(
        Facette(
            "population",
            "Population de la collectivité",
            [
                Option(tranche.cle, tranche.libelle, comptes.get(tranche.cle, 0), tranche.cle in choix["population"])
                for tranche in TRANCHES_POPULATION
            ],
        )
    )
    if ref.derniere_edition:
        comptes = par_collectivite("arobases", "arobases")
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
            "Année d'ajout de la fiche",
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

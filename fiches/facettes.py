"""Filters and facet counts of the search page /fiches/.

Every facet is a GET parameter that may be repeated (?enjeu=3&enjeu=5): the values of one facet are
alternatives (OR), the facets add up (AND). The count shown next to a value is the number of published
fiches that the page would list with that value ticked: it takes the text and every *other* facet into
account, not the facet's own ticks. Three grouped queries serve every facet, whatever the number of fiches
(calculer_facettes), and their rows are cached under the search index's generation token.

A wrong value (?enjeu=abc, a département that does not exist) is dropped, never an error: a shared address
keeps working when a value disappears.

?collectivite=<code> (INSEE or SIREN, the collectivité page's link « voir toutes ses fiches ») keeps the fiches
of that collectivité: shown ticked, first, so that it can be removed like any facet value.
"""

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
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
from .search import correspondances, generation

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
            # The référentiel read them through the publication gate; as a list, the query (and its cached counts)
            # does not depend on the time it runs.
            ids = sorted(pk for pk, arobases in ref.arobases.items() if arobases in choix["arobases"])
            # No such collectivité: a condition that no row meets (an empty IN cannot be written in SQL).
            collectivites.append(Q(pk__in=ids) if ids else Q(pk__isnull=True))
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


def _lignes(sql, params, jeton):
    """Rows of a grouped query, from the facet cache when the same query ran under the same generation of the
    search index (`jeton`; None: no cache)."""
    if jeton is None:
        return _executer(sql, params)
    cle = hashlib.sha256(repr((jeton, sql, params)).encode()).hexdigest()
    lignes = caches["facettes"].get(cle)
    if lignes is None:
        lignes = _executer(sql, params)
        caches["facettes"].set(cle, lignes)
    return lignes


def _executer(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def cache_actif():
    return not isinstance(caches["facettes"], DummyCache)


def calculer_facettes(texte, filtres):
    """The facets with their counts, for the fiches matching `texte`.

    Three grouped queries when no facet is ticked, each one reading of narrow data: the services of the
    matching fiches, counted by service and, for the enjeux and familles, grouped by the set of enjeux of each
    fiche (added up here from the référentiel: a fiche counts once per famille and enjeu even with two of their
    services); the
    fiches grouped by collectivité (région, département, kind, population band, arobases and the collectivité
    asked for, added up here with the référentiel); the fiches grouped by year, with the number of them new in
    each édition. A ticked facet does not filter its own counts: one more query of its group for each ticked
    facet (e.g. enjeu ticked: one query of services without the enjeu filter for the enjeu counts)."""
    ref, choix = filtres.referentiel, filtres.choix
    texte_q = correspondances(texte)
    sqlite = connection.vendor == "sqlite"
    jeton = generation() if cache_actif() else None

    def base(sauf):
        # With a text, the index holds published fiches only: no need to read every fiche's état.
        return FicheAction.objects.filter(texte_q if texte_q is not None else publiees(), *filtres.conditions(sauf))

    memo = {}

    def groupes(nature, sauf):
        """Rows of the query `nature` ("services", "collectivites" or "dates") on the fiches of the page but
        `sauf`'s ticks; the facets of one nature share the query when their own ticks are not set."""
        sauf = sauf if sauf and choix[sauf] else None
        if (nature, sauf) not in memo:
            memo[nature, sauf] = _lignes(*lecteurs[nature](base(sauf)), jeton)
        return memo[nature, sauf]

    def lire_services(fiches):
        # The matching fiches' services, read once (a materialized CTE): counted by service, and the fiches
        # grouped by their set of enjeux (a few hundred sets at most), from which the enjeux and familles are
        # counted here, each fiche once.
        sql, params = fiches.order_by().values("pk").query.sql_with_params()
        liaison, service = FicheAction.services.through._meta.db_table, Service._meta.db_table
        agreger = "group_concat(DISTINCT s.enjeu_id)" if sqlite else "string_agg(DISTINCT s.enjeu_id::text, ',')"
        return (
            f"WITH l AS MATERIALIZED (SELECT ficheaction_id, service_id FROM {liaison} "  # noqa: S608 - names
            f"WHERE ficheaction_id IN ({sql})) "
            "SELECT 's', CAST(service_id AS TEXT), count(*) FROM l GROUP BY service_id UNION ALL "
            f"SELECT 'e', enjeux, count(*) FROM (SELECT {agreger} AS enjeux FROM l JOIN {service} s "
            "ON s.id = l.service_id GROUP BY l.ficheaction_id) e GROUP BY enjeux",
            params,
        )

    def lire_collectivites(fiches):
        lignes = fiches.values("collectivite_id").annotate(nombre=Count("pk")).values_list("collectivite_id", "nombre")
        return lignes.order_by().query.sql_with_params()

    def lire_dates(fiches):
        nouvelles = {f"e{edition.annee}": Count("pk", filter=nouvelle_pendant(edition)) for edition in ref.campagnes}
        lignes = fiches.annotate(cle=ANNEE).values("cle").annotate(nombre=Count("pk"), **nouvelles)
        return lignes.values_list("cle", "nombre", *nouvelles).order_by().query.sql_with_params()

    lecteurs = {"services": lire_services, "collectivites": lire_collectivites, "dates": lire_dates}

    enjeu_de = {enjeu.id: enjeu for enjeu in ref.enjeux}

    def par_service(niveau, sauf):
        comptes = {}
        for nature, cles, nombre in groupes("services", sauf):
            if niveau == "service":
                if nature == "s":
                    comptes[int(cles)] = nombre
                continue
            if nature != "e":
                continue
            # Enjeux of an inactive taxonomy are left out; a fiche counts once per famille.
            enjeux = [enjeu_de[i] for i in map(int, cles.split(",")) if i in enjeu_de]
            for cle in {enjeu.famille_id if niveau == "famille" else enjeu.id for enjeu in enjeux}:
                comptes[cle] = comptes.get(cle, 0) + nombre
        return comptes

    def par_collectivite(sauf, attribut):
        comptes = {}
        for collectivite_id, nombre in groupes("collectivites", sauf):
            if attribut == "pk":
                valeur = collectivite_id
            elif attribut == "arobases":
                valeur = ref.arobases.get(collectivite_id)
            else:
                valeur = ref.collectivites.get(collectivite_id, {}).get(attribut)
            comptes[valeur] = comptes.get(valeur, 0) + nombre
        return comptes

    def par_date(sauf, cle):
        comptes = {}
        for annee, nombre, *nouvelles in groupes("dates", sauf):
            if cle == "annee":
                comptes[annee] = comptes.get(annee, 0) + nombre
            else:
                for edition, nombre_nouvelles in zip(ref.campagnes, nouvelles, strict=True):
                    comptes[edition.annee] = comptes.get(edition.annee, 0) + nombre_nouvelles
        return comptes

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
    # Familles, enjeux (a fiche may have two services of one enjeu: it counts once), services: query "services".
    comptes = par_service("famille", "famille")
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
    comptes = par_service("enjeu", "enjeu")
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
    comptes = par_service("service", "service")
    services = [
        Option(str(s.id), f"{s.nom} ({s.enjeu.nom})", comptes.get(s.id, 0), s.id in choix["service"])
        for s in ref.services
    ]
    facettes.append(Facette("service", "Service", sorted(services, key=lambda o: -o.nombre), repliee=True))
    # Région, département, kind, population band, arobases: query "collectivites".
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
    # Year and "nouvelle" in an édition (created during its campaign): query "dates".
    comptes = par_date("annee", "annee")
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
    if ref.campagnes:
        comptes = par_date("nouvelle", "nouvelle")
        facettes.append(
            Facette(
                "nouvelle",
                "Fiche nouvelle",
                [
                    Option(
                        str(edition.annee),
                        f"Nouvelle au label {edition.annee}",
                        comptes.get(edition.annee, 0),
                        edition.annee in choix["nouvelle"],
                    )
                    for edition in ref.campagnes
                ],
            )
        )
    return facettes

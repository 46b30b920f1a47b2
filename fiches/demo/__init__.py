"""Demo fiches actions: about 15,000 published fiches of the collectivités labelled in the recent éditions.

Shaped like the 2026 press release ("14 930 fiches publiées par les 213 labellisés, dont plus de 3000
nouvelles"): most fiches belong to the collectivités labelled in the latest édition, more for the bigger and
higher-@ ones, a handful for a small village; about a fifth are "nouvelles" (created during the latest
édition's campaign), the others were written during the earlier campaigns the collectivité took part in.
Each fiche has one to three services (mostly of one enjeu), one place (the town hall of its commune, or of a
member commune for a territoire, moved a little) and one fictitious contact (e-mail @example.org). The
words come from fiches/demo/textes.py. Deterministic for a given seed.

`python manage.py demo` runs it after the label history (label/demo.py), then rebuilds the search index.
"""

import math
import random
import time as chrono
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import F
from django.utils.text import slugify

from label.demo import repartir
from label.enums import Categorie
from label.models import Collectivite, Edition, Labellisation
from territoires.enums import TypeCommune
from territoires.models import Commune, Epci

from ..enums import EtatFiche, StatutAction
from ..models import FicheAction, Lieu, Personne, Service
from . import textes

PARIS = ZoneInfo("Europe/Paris")

CIBLE = 15_000  # published fiches in all (press release: 14,930 by the 213 labelled of 2026)
PART_NOUVELLES = 0.21  # "plus de 3000 nouvelles" out of about 15,000
PART_DERNIERE = 0.96  # share of the fiches written by the collectivités labelled in the latest édition
EDITIONS_RECENTES = 3  # whose labelled collectivités have fiches
PREMIERE_ANNEE = 2015  # no demo fiche before the label 2015 campaign (the observatory's prototype: 2014)
MAXIMUM_PAR_COLLECTIVITE = 450
DOMAINE_DEMO = "@example.org"  # every demo contact's e-mail: how a later run finds the demo fiches again
LOT = 2000

# How common each enjeu is among the fiches (by enjeu slug; 1 for an enjeu not listed).
POPULARITE = {
    "mediation": 1.7,
    "services-publics": 1.6,
    "education": 1.4,
    "culture": 1.2,
    "democratie-locale": 1.1,
    "vie-quotidienne": 1.1,
    "solidarites": 1.0,
    "attractivite": 0.9,
    "innovation": 0.9,
    "identite": 0.8,
    "patrimoine": 0.8,
    "cohesion-sociale": 0.8,
    "developpement-economique": 0.7,
    "vie-associative": 0.7,
    "emploi": 0.6,
    "cooperation": 0.5,
}
VOYELLES = set("AEIOUYÂÊÎÔÛÉÈËÏÜŸ")


@dataclass
class Porteur:
    """A collectivité that writes demo fiches."""

    id: int
    nom: str
    categorie: str
    population: int
    arobases: int
    annees: list  # label years it took part in, from PREMIERE_ANNEE on
    lieux: list  # candidate communes of its places: dicts with nom, latitude, longitude, population
    dans_derniere: bool
    nombre: int = 0
    nouvelles: int = 0
    profil: list = None  # weight of each enjeu


@dataclass
class ResumeFiches:
    total: int
    nouvelles: int
    annee: int
    par_derniere: int  # fiches of the collectivités labelled in the latest édition
    collectivites_derniere: int
    collectivites: int
    durees: dict  # step → seconds


# ---------------------------------------------------------------------------------------------------
# French words around names
# ---------------------------------------------------------------------------------------------------


def de(nom):
    """« de Dijon », « d'Agen », « du Havre », « des Ulis »."""
    if nom.startswith("Le "):
        return "du " + nom[3:]
    if nom.startswith("Les "):
        return "des " + nom[4:]
    return ("d'" if nom[:1].upper() in VOYELLES else "de ") + nom


def a(nom):
    """« à Dijon », « au Havre », « aux Ulis »."""
    if nom.startswith("Le "):
        return "au " + nom[3:]
    if nom.startswith("Les "):
        return "aux " + nom[4:]
    return "à " + nom


def sujet(porteur):
    """The collectivité as the subject of a sentence: « La ville de Dijon », « La Communauté de communes… »."""
    if porteur.categorie == Categorie.TERRITOIRE:
        premier = porteur.nom.split(" ")[0]
        if premier in ("Communauté", "Métropole", "Agglomération", "Eurométropole"):
            return ("L'" if premier[0] in VOYELLES else "La ") + porteur.nom
        return porteur.nom
    return ("La ville " if porteur.categorie == Categorie.VILLE else "La commune ") + de(porteur.nom)


def majuscule(texte):
    return texte[:1].upper() + texte[1:]


def minuscule(texte):
    """Lower the first letter, unless the first word is an acronym (« PIX », « CCAS »)."""
    premier = texte.split(" ")[0]
    return texte if premier.isupper() and len(premier) > 1 else texte[:1].lower() + texte[1:]


def au_feminin(fonction):
    for masculin, feminin in textes.FEMININ:
        fonction = fonction.replace(masculin, feminin)
    return fonction


def nombre_lisible(n):
    return f"{n:,}".replace(",", "\u202f")


# ---------------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------------


def allouer(total, poids, minimum, maximum):
    """Split `total` in integers proportional to `poids`, each between `minimum` and `maximum` if possible."""
    fixes = {}
    while True:
        libres = [i for i in range(len(poids)) if i not in fixes]
        reste = max(total - sum(fixes.values()), 0)
        parts = dict(zip(libres, repartir(reste, [poids[i] for i in libres]), strict=True))
        nouveaux = {i: minimum for i, n in parts.items() if n < minimum}
        nouveaux |= {i: maximum for i, n in parts.items() if n > maximum}
        if not nouveaux:
            return [fixes[i] if i in fixes else parts[i] for i in range(len(poids))]
        fixes |= nouveaux


class GenerateurFiches:
    def __init__(self, seed):
        self.rng = random.Random(seed * 7919 + 104_729)  # independent of the label history's draws
        # Éditions with results: an open campaign (the demo's 2027) has no labelled collectivité yet.
        avec_resultats = Edition.objects.filter(pk__in=Labellisation.objects.values("edition_id"))
        self.editions = list(avec_resultats.order_by("annee"))
        if not self.editions:
            raise ValueError("Aucune édition labellisée : construisez d'abord l'historique du label.")
        self.derniere = self.editions[-1]
        self.par_annee = {e.annee: e for e in self.editions}
        services = Service.objects.filter(enjeu__famille__taxonomie__est_active=True).order_by("id")
        self.services = {}  # enjeu slug → [(id, nom)]
        for service in services.values("id", "nom", "enjeu__slug"):
            self.services.setdefault(service["enjeu__slug"], []).append((service["id"], service["nom"]))
        if not self.services:
            raise ValueError("Aucune taxonomie active : les fiches ne peuvent pas être rattachées à des services.")
        self.enjeux = sorted(self.services)

    # -- campaigns -------------------------------------------------------------------------------------
    def campagne(self, edition):
        """First and last day of the campaign of `edition` (the demo calendar if the édition has none)."""
        ouverture = edition.campagne_ouverture or date(edition.annee - 1, 3, 15)
        if edition.campagne_cloture:
            cloture = edition.campagne_cloture.astimezone(PARIS).date() - timedelta(days=1)
        else:
            cloture = date(edition.annee - 1, 10, 30)
        return ouverture, max(cloture, ouverture)

    def moment(self, debut, fin, *, vers_la_fin=0.5):
        """A working-hours moment between two days (a triangular draw: campaigns end in a rush)."""
        jours = (fin - debut).days
        jour = debut + timedelta(days=round(self.rng.triangular(0, jours, jours * vers_la_fin)))
        heure = time(9 + self.rng.randrange(9), self.rng.randrange(60))
        return datetime.combine(jour, heure, tzinfo=PARIS)

    # -- who writes how many ---------------------------------------------------------------------------
    def porteurs(self):
        recentes = self.editions[-EDITIONS_RECENTES:]
        resultats = {}
        for collectivite_id, annee, arobases in (
            Labellisation.objects.filter(edition__in=recentes)
            .order_by("edition__annee", "collectivite_id")
            .values_list("collectivite_id", "edition__annee", "arobases")
        ):
            resultats[collectivite_id] = (annee, arobases)  # the latest recent result wins
        annees = {}
        for collectivite_id, annee in (
            Labellisation.objects.filter(collectivite_id__in=Collectivite.objects.filter(pk__in=list(resultats)))
            .filter(edition__annee__gte=PREMIERE_ANNEE)
            .order_by("edition__annee")
            .values_list("collectivite_id", "edition__annee")
        ):
            annees.setdefault(collectivite_id, []).append(annee)

        collectivites = list(
            Collectivite.objects.filter(pk__in=list(resultats))
            .order_by("pk")
            .values("id", "nom", "categorie", "commune_id", "epci_id")
        )
        champs = ("id", "nom", "population", "latitude", "longitude", "epci_id")
        communes = {
            c["id"]: c
            for c in Commune.objects.filter(pk__in=[c["commune_id"] for c in collectivites if c["commune_id"]])
            .order_by("pk")
            .values(*champs)
        }
        epci_ids = [c["epci_id"] for c in collectivites if c["epci_id"]]
        membres = {}
        for commune in (
            Commune.objects.filter(epci_id__in=epci_ids, type=TypeCommune.COMMUNE).order_by("pk").values(*champs)
        ):
            membres.setdefault(("E", commune["epci_id"]), []).append(commune)
        syndicats = Collectivite.membres.through.objects.filter(
            collectivite_id__in=[c["id"] for c in collectivites if not c["commune_id"] and not c["epci_id"]]
        )
        for collectivite_id, *commune in syndicats.order_by("commune_id").values_list(
            "collectivite_id", *(f"commune__{champ}" for champ in champs)
        ):
            membres.setdefault(("S", collectivite_id), []).append(dict(zip(champs, commune, strict=True)))
        populations_epci = dict(Epci.objects.filter(pk__in=epci_ids).values_list("id", "population"))

        porteurs = []
        for c in collectivites:
            if c["commune_id"]:
                lieux = [communes[c["commune_id"]]]
                population = lieux[0]["population"]
            else:
                lieux = membres.get(("E", c["epci_id"]) if c["epci_id"] else ("S", c["id"]), [])
                population = populations_epci.get(c["epci_id"]) or sum(m["population"] or 0 for m in lieux)
            lieux = [lieu for lieu in lieux if lieu["latitude"] is not None and lieu["longitude"] is not None]
            if not lieux:
                continue  # every fiche has a place: a collectivité without coordinates writes none
            annee, arobases = resultats[c["id"]]
            porteurs.append(
                Porteur(
                    id=c["id"],
                    nom=c["nom"],
                    categorie=c["categorie"],
                    population=population or 0,
                    arobases=arobases,
                    annees=annees.get(c["id"], []),
                    lieux=lieux,
                    dans_derniere=annee == self.derniere.annee,
                )
            )
        return porteurs

    def repartir_fiches(self, porteurs, cible, nouvelles):
        """How many fiches, and how many of them nouvelles, each porteur writes."""
        derniers = [p for p in porteurs if p.dans_derniere]
        autres = [p for p in porteurs if not p.dans_derniere]
        part = cible if not autres else round(cible * PART_DERNIERE) if derniers else 0
        for groupe, total in ((derniers, part), (autres, cible - part)):
            if not groupe:
                continue
            poids = [
                max(p.population, 30) ** 0.45 * (p.arobases + 0.5) ** 1.2 * self.rng.lognormvariate(0, 0.3)
                for p in groupe
            ]
            minimum = 2 if total >= 2 * len(groupe) else 1 if total >= len(groupe) else 0
            for p, n in zip(groupe, allouer(total, poids, minimum, MAXIMUM_PAR_COLLECTIVITE), strict=True):
                p.nombre = n
        # Nouvelles: one at least for each collectivité of the latest édition, the others drawn at random.
        premieres = [p for p in derniers if p.nombre][:nouvelles]
        for p in premieres:
            p.nouvelles = 1
        places = [p for p in derniers for _ in range(p.nombre - p.nouvelles)]
        for p in self.rng.sample(places, min(max(nouvelles - len(premieres), 0), len(places))):
            p.nouvelles += 1
        for p in porteurs:
            poids = [POPULARITE.get(slug, 1.0) * self.rng.gammavariate(1.2, 1.0) for slug in self.enjeux]
            if p.categorie == Categorie.TERRITOIRE and "cooperation" in self.enjeux:
                poids[self.enjeux.index("cooperation")] *= 3
            p.profil = poids

    # -- one fiche -------------------------------------------------------------------------------------
    def date_de_creation(self, porteur, nouvelle):
        if nouvelle:
            return self.moment(*self.campagne(self.derniere), vers_la_fin=0.8)
        anterieures = [a for a in porteur.annees if a < self.derniere.annee and a in self.par_annee]
        if anterieures and self.rng.random() < 0.85:
            annee = self.rng.choices(anterieures, weights=[(a - PREMIERE_ANNEE + 1) ** 1.5 for a in anterieures])[0]
            return self.moment(*self.campagne(self.par_annee[annee]), vers_la_fin=0.8)
        ouverture = self.campagne(self.derniere)[0]
        return self.moment(ouverture - timedelta(days=3 * 365), ouverture - timedelta(days=1))

    def dates_de_l_action(self, cree_le, nouvelle):
        """(statut, début, fin) of the action, plausible for a fiche written on `cree_le`."""
        reference = self.campagne(self.derniere)[1]
        jour = cree_le.date()
        age = (reference - jour).days
        en_projet, en_cours = (0.12, 0.5) if nouvelle or age < 365 else (0.03, 0.3) if age < 3 * 365 else (0, 0.2)
        tirage = self.rng.random()
        if tirage < en_projet:
            return StatutAction.PROJET, jour + timedelta(days=self.rng.randint(20, 240)), None
        if tirage < en_projet + en_cours:
            return StatutAction.EN_COURS, jour - timedelta(days=self.rng.randint(0, 500)), None
        debut = jour - timedelta(days=self.rng.randint(30, 700))
        fin = min(debut + timedelta(days=self.rng.randint(20, 600)), max(reference, debut))
        return StatutAction.TERMINEE, debut, fin

    def nombre(self, population):
        """A count of people or uses, rounded to two significant digits, scaled on the population."""
        brut = population * self.rng.uniform(0.004, 0.03) + self.rng.randint(15, 60)
        brut = min(brut, max(8, population * 0.5))
        chiffres = 10 ** max(int(math.log10(max(brut, 1))) - 1, 0)
        return int(round(brut / chiffres) * chiffres)

    def choisir_services(self, porteur, slug, action_service):
        """1 to 3 services: the action's own, sometimes another of the same enjeu, rarely one of another."""
        services = self.services[slug]
        principal = next((s for s in services if s[1] == action_service), None) or self.rng.choice(services)
        choisis = [principal]
        if self.rng.random() < 0.45:
            if self.rng.random() < 0.7 or len(self.enjeux) == 1:
                choisis.append(self.rng.choice(services))
            else:
                autre = self.rng.choices(self.enjeux, weights=porteur.profil)[0]
                choisis.append(self.rng.choice(self.services[autre]))
            if self.rng.random() < 0.25:
                choisis.append(self.rng.choice(services))
        return list(dict.fromkeys(choisis))

    def fiche(self, porteur, nouvelle):
        """A FicheAction (unsaved) with its service ids, place and contact."""
        rng = self.rng
        slug = rng.choices(self.enjeux, weights=porteur.profil)[0]
        t = textes.TEXTES.get(slug, textes.GENERIQUE)
        action = rng.choice(t["actions"])
        services = self.choisir_services(porteur, slug, action["service"])
        service_nom = services[0][1]
        commune = rng.choices(porteur.lieux, weights=[max(c["population"] or 0, 50) ** 0.5 for c in porteur.lieux])[0]
        cree_le = self.date_de_creation(porteur, nouvelle)
        statut, debut, fin = self.dates_de_l_action(cree_le, nouvelle)
        champs = {
            "lieu": commune["nom"],
            "a_lieu": a(commune["nom"]),
            "de_lieu": de(commune["nom"]),
            "Coll": sujet(porteur),
            "coll": minuscule(sujet(porteur)),
            "annee": debut.year,
            "n": nombre_lisible(self.nombre(porteur.population)),
            "petit": rng.randint(2, 12),
            "pct": rng.randint(10, 45),
            "pct2": rng.randint(78, 97),
            "outil": rng.choice(t["outils"]),
            "partenaire": rng.choice(t["partenaires"]),
            "Service": service_nom,
            "service": minuscule(service_nom),
        }

        def ecrire(modele):
            return majuscule(modele.format_map(champs))

        def phrase(modele):
            texte = ecrire(modele)
            return texte if texte.endswith((".", "!", "?")) else texte + "."

        def liste(modeles, nombre):
            return "\n".join(f"- {phrase(m)}" for m in rng.sample(modeles, min(nombre, len(modeles))))

        if statut == StatutAction.PROJET:
            resultats = f"L'action démarre : les premiers résultats seront connus fin {debut.year + 1}."
            recommandations = ""
        else:
            resultats = f"{phrase(rng.choice(action['resultats']))} {phrase(rng.choice(t['resultats']))}"
            recommandations = liste(t["recommandations"], 2)
        partenaires = rng.sample(t["partenaires"], min(rng.randint(1, 2), len(t["partenaires"])))
        if rng.random() < 0.4:
            partenaires.append(rng.choice(textes.PARTENAIRES_COMMUNS))
        publics = rng.sample(t["publics"], min(rng.randint(1, 2), len(t["publics"])))
        budget = None
        if rng.random() < 0.45:
            montant = rng.uniform(2_000, 15_000) * (max(porteur.population, 100) / 5_000) ** 0.4
            budget = Decimal(max(500, round(montant, -2)))
        fiche = FicheAction(
            collectivite_id=porteur.id,
            titre=ecrire(rng.choice(action["titres"]))[:200],
            sous_titre=rng.choice(textes.SOUS_TITRES) if rng.random() < 0.4 else "",
            synthese=f"{phrase(rng.choice(action['syntheses']))} {phrase(rng.choice(t['buts']))}",
            realisation=liste(t["realisations"], rng.randint(3, 4)),
            resultats=resultats,
            recommandations=recommandations,
            date_debut=debut,
            date_fin=fin,
            statut_action=statut,
            public_concerne=", ".join([publics[0]] + [minuscule(p) for p in publics[1:]]),
            partenaires="\n".join(majuscule(p) for p in partenaires),
            prestataires=majuscule(rng.choice(textes.PRESTATAIRES)) if rng.random() < 0.35 else "",
            outils=", ".join(rng.sample(t["outils"], min(rng.randint(2, 3), len(t["outils"])))),
            budget=budget,
            etat=EtatFiche.PUBLIEE,
            created_at=cree_le,
            publiee_le=cree_le + timedelta(days=rng.randint(1, 15), hours=rng.randint(0, 6)),
        )
        lieu = Lieu(
            nom=rng.choice(t["lieux"]).format_map(champs),
            adresse=f"{rng.randint(1, 40)} {rng.choice(textes.VOIES)}, {commune['nom']}",
            commune_id=commune["id"],
            latitude=round(min(max(commune["latitude"] + rng.gauss(0, 0.002), -90), 90), 6),
            longitude=round(min(max(commune["longitude"] + rng.gauss(0, 0.003), -180), 180), 6),
        )
        return fiche, [s[0] for s in services], lieu, self.personne(porteur, t)

    def personne(self, porteur, t):
        rng = self.rng
        femme = rng.random() < 0.55
        prenom = rng.choice(textes.PRENOMS_F if femme else textes.PRENOMS_M)
        nom = rng.choice(textes.NOMS)
        fonction, mandat = "", ""
        if rng.random() < 0.2:
            territoire = porteur.categorie == Categorie.TERRITOIRE
            mandat = rng.choice(textes.MANDATS_TERRITOIRE if territoire else textes.MANDATS_COMMUNE)
        else:
            fonction = rng.choice(t["fonctions"] if rng.random() < 0.7 else textes.FONCTIONS_COMMUNES)
        if femme:
            fonction, mandat = au_feminin(fonction), au_feminin(mandat)
        telephone = f"01 99 00 {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}" if rng.random() < 0.5 else ""
        return Personne(
            nom=f"{prenom} {nom}",
            fonction=fonction,
            mandat=mandat,
            email=f"{slugify(prenom)}.{slugify(nom)}{DOMAINE_DEMO}",
            telephone=telephone,  # 01 99 00 xx xx: numbers reserved for fiction by the Arcep
        )


def fiches_demo():
    """The fiches of the demo: unsigned fiches whose contacts have an @example.org e-mail."""
    contacts = Personne.objects.filter(email__endswith=DOMAINE_DEMO).values("fiche_id")
    return FicheAction.objects.filter(auteur__isnull=True, pk__in=contacts)


def supprimer_fiches_demo():
    return fiches_demo().delete()[0]


def reindexer_recherche(etape):
    """Rebuild the search index (fiches/search.py), if that module exists yet."""
    try:
        from fiches.search import reindexer_tout
    except ModuleNotFoundError as erreur:
        if erreur.name != "fiches.search":
            raise
        etape("Index de recherche : fiches/search.py absent, étape sautée.")
        return
    reindexer_tout()


@transaction.atomic
def construire_fiches_demo(*, seed=2026, cible=CIBLE, nouvelles=None, progression=None, indexer=True):
    """Replace the demo fiches by about `cible` new published ones, `nouvelles` of them new in the latest édition.

    Returns a ResumeFiches. Refuses a database with real éditions, like the label history.
    """
    etape = progression or (lambda message: None)
    if Edition.objects.filter(donnees_demo=False).exists():
        raise ValueError("La base contient des éditions réelles : la démo refuse de s'y mêler.")
    nouvelles = round(cible * PART_NOUVELLES) if nouvelles is None else nouvelles
    durees = {}
    debut = chrono.monotonic()

    def mesurer(nom):
        nonlocal debut
        durees[nom] = chrono.monotonic() - debut
        debut = chrono.monotonic()

    etape("Fiches actions : suppression des fiches de démonstration précédentes…")
    supprimer_fiches_demo()
    mesurer("suppression")

    etape("Fiches actions : choix des collectivités et du nombre de fiches de chacune…")
    generateur = GenerateurFiches(seed)
    porteurs = generateur.porteurs()
    generateur.repartir_fiches(porteurs, cible, nouvelles)
    mesurer("repartition")

    etape(f"Fiches actions : rédaction de {nombre_lisible(sum(p.nombre for p in porteurs))} fiches…")
    lignes = []
    for porteur in porteurs:
        drapeaux = [True] * porteur.nouvelles + [False] * (porteur.nombre - porteur.nouvelles)
        lignes += [generateur.fiche(porteur, nouvelle) for nouvelle in drapeaux]
    mesurer("redaction")

    etape("Fiches actions : écriture des fiches, de leurs services, lieux et contacts…")
    Liaison = FicheAction.services.through
    for depart in range(0, len(lignes), LOT):
        lot = lignes[depart : depart + LOT]
        fiches = FicheAction.objects.bulk_create([fiche for fiche, *_ in lot])
        Liaison.objects.bulk_create(
            [
                Liaison(ficheaction_id=fiche.pk, service_id=service_id)
                for fiche, (_, services, _, _) in zip(fiches, lot, strict=True)
                for service_id in services
            ]
        )
        for fiche, (_, _, lieu, personne) in zip(fiches, lot, strict=True):
            lieu.fiche_id = personne.fiche_id = fiche.pk
        Lieu.objects.bulk_create([lieu for _, _, lieu, _ in lot])
        Personne.objects.bulk_create([personne for *_, personne in lot])
    # updated_at is set on every save (auto_now): give it the publication time, as if nothing changed since.
    fiches_demo().update(updated_at=F("publiee_le"))
    mesurer("ecriture")

    # Fresh statistics, or SQLite's planner reads a collectivité's fiches through the (état, date) index.
    etape("Fiches actions : statistiques des tables pour le planificateur (ANALYZE)…")
    with connection.cursor() as cursor:
        for modele in (FicheAction, Liaison, Lieu, Personne):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(modele._meta.db_table)}")
    mesurer("analyse")

    if indexer:
        etape("Fiches actions : index de la recherche…")
        reindexer_recherche(etape)
        mesurer("index")

    derniers = [p for p in porteurs if p.dans_derniere]
    return ResumeFiches(
        total=len(lignes),
        nouvelles=sum(p.nouvelles for p in porteurs),
        annee=generateur.derniere.annee,
        par_derniere=sum(p.nombre for p in derniers),
        collectivites_derniere=len(derniers),
        collectivites=sum(1 for p in porteurs if p.nombre),
        durees=durees,
    )

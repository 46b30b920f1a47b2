"""Fiches for the tests of the search (fiches/search.py) and of its page /fiches/.

On the hand-made référentiel of arobase.testing: Dijon (ville, Côte-d'Or, 156,920 inhabitants), La Rochelle
(village, Haute-Saône, 39) and Dijon Métropole (territoire, an EPCI of the Côte-d'Or, 170,920), and the
taxonomy seeded by migration 0002.
"""

import datetime as dt

from django.utils import timezone

from arobase.testing import make_cast, make_collectivites, make_referentiel
from label.enums import Categorie
from label.models import Edition, Labellisation

from ..enums import EtatFiche
from ..models import Enjeu, FicheAction, Service
from ..search import indexer


def creer_fiche(collectivite, titre, *, services=(), etat=EtatFiche.PUBLIEE, **champs):
    """A fiche with its services, not indexed yet (call indexer())."""
    champs.setdefault("synthese", f"Synthèse de « {titre} ».")
    fiche = FicheAction.objects.create(collectivite=collectivite, titre=titre, etat=etat, **champs)
    fiche.services.set(services)
    return fiche


def service(nom):
    return Service.objects.select_related("enjeu__famille").get(nom=nom)


def make_recherche(*, avec_comptes=False):
    """Six fiches (four published, a draft, one under moderation) and a published 2026 label.

    Published: Dijon's « Médiation numérique à l'École » (services Espace public numérique and Conseillers
    numériques, enjeu Médiation; started in 2024) and « Budget participatif » (enjeu Démocratie locale,
    no start date, created in 2025), La Rochelle's « Ateliers numériques pour les aînés » (enjeu Médiation,
    2025), Dijon Métropole's « Open data métropolitain » (enjeu Démocratie locale, 2023).
    Not published: Dijon's draft « Brouillon secret sur la médiation » and La Rochelle's « Médiation en
    attente » under moderation.
    Labels: 2026 published (Dijon 5@, La Rochelle 2@), 2027 published tomorrow (Dijon 1@: never shown).
    With `avec_comptes`, the named cast of arobase.testing too (slower: passwords are hashed).
    """
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    cast = make_cast(collectivites) if avec_comptes else {}
    dijon, la_rochelle, metropole = collectivites["dijon"], collectivites["la_rochelle"], collectivites["metropole"]
    epn, conseillers = service("Espace public numérique"), service("Conseillers numériques")
    budget = service("Budget participatif")
    donnees = service("Données publiques ouvertes")

    hier = timezone.now() - dt.timedelta(days=1)
    e2026 = Edition.objects.create(
        annee=2026,
        numero=27,
        publication_at=hier,
        campagne_ouverture=dt.date(2025, 3, 1),
        campagne_cloture=dt.datetime(2025, 11, 15, 23, 59, tzinfo=dt.UTC),
    )
    e2027 = Edition.objects.create(annee=2027, numero=28, publication_at=timezone.now() + dt.timedelta(days=1))
    Labellisation.objects.create(edition=e2026, collectivite=dijon, categorie=Categorie.VILLE, arobases=5)
    Labellisation.objects.create(edition=e2026, collectivite=la_rochelle, categorie=Categorie.VILLAGE, arobases=2)
    Labellisation.objects.create(edition=e2027, collectivite=dijon, categorie=Categorie.VILLE, arobases=1)

    fiches = {
        "mediation": creer_fiche(
            dijon,
            "Médiation numérique à l'École",
            services=[epn, conseillers],
            sous_titre="Des ateliers pour les familles",
            synthese="Des ateliers numériques chaque semaine dans les écoles élémentaires.",
            resultats="300 familles accompagnées.",
            partenaires="Association Les Petits Débrouillards",
            date_debut=dt.date(2024, 3, 4),
            created_at=dt.datetime(2024, 5, 2, 10, tzinfo=dt.UTC),
        ),
        "budget": creer_fiche(
            dijon,
            "Budget participatif",
            services=[budget],
            synthese="Les habitants proposent et votent des projets en ligne.",
            created_at=dt.datetime(2025, 6, 10, 10, tzinfo=dt.UTC),
        ),
        "aines": creer_fiche(
            la_rochelle,
            "Ateliers numériques pour les aînés",
            services=[epn],
            synthese="Une tablette prêtée et un atelier de médiation chaque mois à la mairie.",
            outils="Tablettes, logiciels libres",
            date_debut=dt.date(2025, 1, 15),
            created_at=dt.datetime(2025, 2, 1, 10, tzinfo=dt.UTC),
        ),
        "opendata": creer_fiche(
            metropole,
            "Open data métropolitain",
            services=[donnees],
            synthese="Un portail de données publiques ouvertes : budgets, équipements, transports.",
            date_debut=dt.date(2023, 9, 1),
            created_at=dt.datetime(2023, 9, 20, 10, tzinfo=dt.UTC),
        ),
        "brouillon": creer_fiche(dijon, "Brouillon secret sur la médiation", services=[epn], etat=EtatFiche.BROUILLON),
        "en_moderation": creer_fiche(la_rochelle, "Médiation en attente", services=[epn], etat=EtatFiche.EN_MODERATION),
    }
    indexer([fiche.pk for fiche in fiches.values()])
    return {
        **fiches,
        **collectivites,
        **cast,
        "ref": ref,
        "e2026": e2026,
        "e2027": e2027,
        "epn": epn,
        "budget_participatif": budget,
        "mediation_enjeu": Enjeu.objects.get(nom="Médiation"),
        "democratie": Enjeu.objects.get(nom="Démocratie locale"),
    }


def ajouter_fiches(collectivite, nombre, *, titre="Fiche", services=(), debut=None):
    """`nombre` more published and indexed fiches, created one day apart (the newest last)."""
    debut = debut or dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    fiches = [
        creer_fiche(
            collectivite,
            f"{titre} {rang}",
            services=services,
            synthese=f"Action numéro {rang} de la collectivité.",
            created_at=debut + dt.timedelta(days=rang),
        )
        for rang in range(1, nombre + 1)
    ]
    indexer([fiche.pk for fiche in fiches])
    return fiches

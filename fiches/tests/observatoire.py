"""A small observatory for the tests of the public pages (fiche page, map).

On the hand-made référentiel and cast of arobase.testing: Dijon's published fiche on digital mediation in
schools (two services, two places, a contact whose e-mail and telephone are private, an image), Dijon's
draft, La Rochelle's published fiches sharing services with it, and a published 2026 label (Dijon 5@ with
a green arobase) while Dijon's 2027 result (1@) is published tomorrow only.
"""

import datetime as dt

from django.utils import timezone
from django.utils.text import slugify

from arobase.testing import make_cast, make_collectivites, make_referentiel
from label.enums import Categorie
from label.models import CategorieMention, Edition, Labellisation, Mention

from ..enums import EtatFiche, StatutAction
from ..models import Enjeu, Famille, FicheAction, Image, Lieu, Personne, Service, Taxonomie
from ..search import reindexer_tout

EMAIL_PRIVE = "claire.prive@dijon.example"
TELEPHONE_PRIVE = "06 12 34 56 78"


def creer_fiche(collectivite, titre, services, *, etat=EtatFiche.PUBLIEE, lieux=(), **champs):
    """A fiche with its services and places (name, latitude, longitude)."""
    champs.setdefault("synthese", f"Synthèse de « {titre} ».")
    fiche = FicheAction.objects.create(collectivite=collectivite, titre=titre, etat=etat, **champs)
    fiche.services.set(services)
    for nom, latitude, longitude in lieux:
        Lieu.objects.create(fiche=fiche, nom=nom, latitude=latitude, longitude=longitude)
    return fiche


def taxonomie():
    """Six services of two familles: the seeded taxonomy's first ones (migration 0002), or, when a
    transactional test has emptied the tables (browser tests), a small one made here."""
    services = list(Service.objects.select_related("enjeu__famille").order_by("pk")[:6])
    if len(services) == 6:
        return services
    version = Taxonomie.objects.create(nom="Taxonomie de test", depuis=2017, est_active=True)
    services = []
    for ordre, (famille_nom, enjeu_nom, couleur) in enumerate(
        [("Vivre ensemble", "Médiation", "#7a2e05"), ("Partage des connaissances", "Éducation", "#1d6b2f")]
    ):
        famille = Famille.objects.create(taxonomie=version, nom=famille_nom, slug=slugify(famille_nom), ordre=ordre)
        enjeu = Enjeu.objects.create(famille=famille, nom=enjeu_nom, slug=slugify(enjeu_nom), couleur=couleur)
        for numero in range(3):
            nom = f"{enjeu_nom} : service {numero + 1}"
            services.append(Service.objects.create(enjeu=enjeu, nom=nom, slug=slugify(nom), ordre=numero))
    return services


def make_observatoire():
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    cast = make_cast(collectivites)
    services = taxonomie()

    hier = timezone.now() - dt.timedelta(days=1)
    e2025 = Edition.objects.create(annee=2025, numero=26, publication_at=hier - dt.timedelta(days=365))
    e2026 = Edition.objects.create(annee=2026, numero=27, publication_at=hier)
    e2027 = Edition.objects.create(annee=2027, numero=28, publication_at=timezone.now() + dt.timedelta(days=1))
    transition = CategorieMention.objects.create(edition=e2026, nom="Transition écologique", arobase_verte=True)
    dijon, la_rochelle = collectivites["dijon"], collectivites["la_rochelle"]
    Labellisation.objects.create(edition=e2025, collectivite=dijon, categorie=Categorie.VILLE, arobases=4)
    label_2026 = Labellisation.objects.create(edition=e2026, collectivite=dijon, categorie=Categorie.VILLE, arobases=5)
    Mention.objects.create(labellisation=label_2026, categorie=transition)
    Labellisation.objects.create(edition=e2027, collectivite=dijon, categorie=Categorie.VILLE, arobases=1)
    Labellisation.objects.create(edition=e2025, collectivite=la_rochelle, categorie=Categorie.VILLAGE, arobases=2)

    publiee = creer_fiche(
        dijon,
        "Médiation numérique dans les écoles",
        services[:2],
        sous_titre="Des ateliers pour les familles",
        synthese="Des **ateliers** chaque semaine.",
        realisation="- achat de tablettes\n- formation des animateurs",
        resultats="300 familles accompagnées.",
        recommandations="Commencer petit.",
        date_debut=dt.date(2024, 3, 4),
        statut_action=StatutAction.EN_COURS,
        public_concerne="Familles des écoles élémentaires",
        partenaires="Association Les Petits Débrouillards",
        prestataires="Société Tablettes & Cie",
        outils="Tablettes, logiciels libres",
        liens="https://dijon.example/mediation\njavascript:alert(1)\nftp://dijon.example/fichier",
        budget=12500,
        publiee_le=hier,
        lieux=[("Médiathèque Champollion", 47.33, 5.05), ("École Voltaire", 47.31, 5.02)],
    )
    Personne.objects.create(
        fiche=publiee,
        nom="Claire Martin",
        fonction="Cheffe de projet numérique",
        mandat="",
        email=EMAIL_PRIVE,
        telephone=TELEPHONE_PRIVE,
    )
    Personne.objects.create(fiche=publiee, nom="Paul Durand", mandat="Adjoint au maire chargé du numérique")
    Image.objects.create(
        fiche=publiee,
        fichier=f"fiches/{publiee.pk}/atelier.webp",
        vignette=f"fiches/{publiee.pk}/atelier-vignette.webp",
        texte_alternatif="Un atelier de médiation numérique avec des parents",
        legende="Atelier du mercredi",
    )
    brouillon = creer_fiche(
        dijon,
        "Brouillon du budget participatif",
        services[:1],
        etat=EtatFiche.BROUILLON,
        lieux=[("Hôtel de ville", 47.32, 5.04)],
    )
    # Similar fiches of La Rochelle: both services shared, one service shared with close or unrelated titles.
    deux_services = creer_fiche(la_rochelle, "Tablettes au village", services[:2], lieux=[("Mairie", 47.74, 5.73)])
    proche = creer_fiche(la_rochelle, "Médiation numérique pour les aînés", services[1:2])
    lointaine = creer_fiche(la_rochelle, "Wifi public", services[:1])
    sans_rapport = creer_fiche(la_rochelle, "Médiation numérique (hors sujet)", services[4:5])
    en_moderation = creer_fiche(
        la_rochelle, "Médiation numérique en attente", services[:2], etat=EtatFiche.EN_MODERATION
    )
    reindexer_tout()  # the search index (published fiches only), for the text filter
    return {
        "ref": ref,
        "collectivites": collectivites,
        "cast": cast,
        "services": services,
        "publiee": publiee,
        "brouillon": brouillon,
        "deux_services": deux_services,
        "proche": proche,
        "lointaine": lointaine,
        "sans_rapport": sans_rapport,
        "en_moderation": en_moderation,
    }

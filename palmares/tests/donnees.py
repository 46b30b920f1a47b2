"""A small hand-made palmarès for the tests of the public pages.

Three published éditions (2024, 2025, 2026), one without a publication date (2023) and one whose results
are published tomorrow (2027). The unpublished ones carry results that must never show: Villersexel is
labelled only there, and Dijon's 2027 result carries a mention « Secret ».
"""

import datetime as dt

from django.utils import timezone

from arobase.testing import make_referentiel
from label.enums import Categorie
from label.models import CategorieMention, Collectivite, Edition, Labellisation, Mention
from territoires.models import Commune


def creer_edition(annee, *, publiee=True, publication_at=None, **champs):
    """An édition published yesterday by default; `publiee=False` leaves publication_at empty."""
    if publiee and publication_at is None:
        publication_at = timezone.now() - dt.timedelta(days=1)
    return Edition.objects.create(annee=annee, numero=annee - 1999, publication_at=publication_at, **champs)


def labelliser(edition, collectivite, arobases, *, categorie=None, mentions=(), titre=False):
    labellisation = Labellisation.objects.create(
        edition=edition,
        collectivite=collectivite,
        categorie=categorie or collectivite.categorie,
        arobases=arobases,
        titre_excellence=titre,
    )
    for categorie_mention in mentions:
        Mention.objects.create(labellisation=labellisation, categorie=categorie_mention)
    return labellisation


def collectivite_commune(commune, categorie):
    return Collectivite.objects.create(nom=commune.nom, commune=commune, categorie=categorie)


def make_palmares():
    ref = make_referentiel()
    e2023 = creer_edition(2023, publiee=False)
    e2024 = creer_edition(2024)
    e2025 = creer_edition(2025)
    e2026 = creer_edition(
        2026,
        ceremonie_date=dt.datetime(2026, 1, 29, 18, tzinfo=dt.UTC),
        ceremonie_lieu="Agen",
    )
    e2027 = creer_edition(2027, publication_at=timezone.now() + dt.timedelta(days=1))

    dijon = collectivite_commune(ref["dijon"], Categorie.VILLE)
    haulchin = collectivite_commune(ref["haulchin"], Categorie.VILLAGE)
    la_rochelle = collectivite_commune(ref["la_rochelle"], Categorie.VILLAGE)
    villersexel = collectivite_commune(ref["villersexel"], Categorie.VILLAGE)
    metropole = Collectivite.objects.create(
        nom="Dijon Métropole", epci=ref["metropole"], categorie=Categorie.TERRITOIRE
    )
    syndicat = Collectivite.objects.create(
        code="257000001", nom="Syndicat numérique de la Haute-Saône", categorie=Categorie.TERRITOIRE
    )
    syndicat.membres.set([ref["la_rochelle"], ref["villersexel"]])

    mediation = CategorieMention.objects.create(edition=e2026, nom="Médiation numérique")
    CategorieMention.objects.create(edition=e2026, nom="Numérique éducatif")
    transition = CategorieMention.objects.create(edition=e2026, nom="Transition écologique", arobase_verte=True)
    democratie = CategorieMention.objects.create(edition=e2025, nom="Démocratie locale")
    logiciel_libre = CategorieMention.objects.create(edition=e2023, nom="Logiciel libre")
    secret = CategorieMention.objects.create(edition=e2027, nom="Secret")

    labelliser(e2024, dijon, 5, titre=True)
    labelliser(e2025, dijon, 5)
    labelliser(e2025, haulchin, 2, mentions=[democratie])
    labelliser(e2026, dijon, 5)
    labelliser(e2026, haulchin, 3)
    labelliser(e2026, la_rochelle, 3, mentions=[mediation])
    labelliser(e2026, metropole, 5, mentions=[mediation, transition], titre=True)
    labelliser(e2026, syndicat, 2)
    # Unpublished: never shown, never counted.
    labelliser(e2023, haulchin, 4, mentions=[logiciel_libre], titre=True)
    labelliser(e2023, villersexel, 1)
    labelliser(e2027, dijon, 1, mentions=[secret], titre=True)
    labelliser(e2027, villersexel, 4)

    return {
        **ref,
        "e2023": e2023,
        "e2024": e2024,
        "e2025": e2025,
        "e2026": e2026,
        "e2027": e2027,
        "c_dijon": dijon,
        "c_haulchin": haulchin,
        "c_la_rochelle": la_rochelle,
        "c_villersexel": villersexel,
        "c_metropole": metropole,
        "c_syndicat": syndicat,
        "mediation": mediation,
    }


def ajouter_labellises(edition, nombre, *, departement):
    """`nombre` more labelled villages in `edition`, each a new commune (for query-count tests)."""
    for rang in range(nombre):
        commune = Commune.objects.create(
            code_insee=f"{departement.code}{900 + rang}",
            nom=f"Village {rang}",
            population=100 + rang,
            departement=departement,
        )
        labelliser(edition, collectivite_commune(commune, Categorie.VILLAGE), 1 + rang % 5)

"""Writing and moderating a fiche in a real browser: sign in, write, place on the map, submit, publish.

Every page is checked with axe-core. The taxonomy comes from a migration: serialized_rollback keeps it
across these transactional tests.
"""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from playwright.sync_api import expect

from arobase.testing import make_cast, make_collectivites, make_referentiel
from comptes.testing import verifier_adresses
from fiches.enums import EtatFiche
from fiches.models import FicheAction, Service

from .checks import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUFFIXE = "Label Territoires, Villes et Villages Internet"


@pytest.fixture
def cast(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cast = make_cast(make_collectivites(make_referentiel()))
    verifier_adresses(*cast.values())  # allauth signs in verified addresses only
    return cast


def se_connecter(open_page, email, destination, viewport="ordinateur", secret=None):
    """Sign in through the login page; with `secret` (an authenticator app's), type the app's current code too."""
    page = open_page(f"/compte/connexion/?next={destination}", viewport)
    assert_accessible(page)
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill("motdepasse-de-test")
    page.get_by_role("button", name="Se connecter").click()
    if secret is not None:
        expect(page).to_have_title(f"Code de double authentification — {SUFFIXE}")
        page.get_by_label("Code").fill(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
        page.get_by_role("button", name="Se connecter").click()
    return page


@pytest.mark.parametrize("viewport", ["ordinateur", "telephone"])
def test_a_member_writes_a_fiche_places_it_on_the_map_and_submits_it(open_page, cast, captures, viewport):
    page = se_connecter(open_page, "agent@dijon.fr", "/espace/fiches/", viewport)
    expect(page).to_have_title(f"Mes fiches actions — {SUFFIXE}")
    assert_accessible(page)

    page.get_by_role("link", name="Écrire une nouvelle fiche").click()
    expect(page).to_have_title(f"Nouvelle fiche action de Dijon — {SUFFIXE}")
    expect(page.locator("#id_lieux-0-nom")).to_have_value("Mairie de Dijon")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.locator("#id_titre").fill("Café numérique des aînés")
    page.locator("#id_synthese").fill("Chaque mardi, des bénévoles accompagnent les aînés.")
    service = Service.objects.select_related("enjeu").order_by("pk").first()
    page.locator("summary", has_text=service.enjeu.nom).click()
    page.get_by_label(service.nom, exact=True).check()
    page.locator("#id_lieux-1-nom").fill("Médiathèque")
    lieu = page.locator("#lieux-1")
    lieu.get_by_role("button", name="Placer sur la carte").click()
    carte = lieu.locator(".carte-choix")
    expect(carte).to_be_visible()
    carte.click(position={"x": 120, "y": 100})
    expect(page.locator("#id_lieux-1-latitude")).to_have_value(re.compile(r"^-?\d+,\d{5}$"))
    expect(page.locator("#id_lieux-1-longitude")).to_have_value(re.compile(r"^-?\d+,\d{5}$"))
    assert_accessible(page)
    page.screenshot(path=captures / f"fiche-formulaire-{viewport}.png", full_page=True)

    page.get_by_role("button", name="Enregistrer et soumettre à la modération").click()

    expect(page).to_have_title(re.compile("^Aperçu : Café numérique des aînés — Dijon"))
    expect(page.get_by_role("region", name=re.compile("Aperçu de la fiche"))).to_contain_text(
        "En attente de modération"
    )
    assert_accessible(page)
    fiche = FicheAction.objects.get()
    assert fiche.etat == EtatFiche.EN_MODERATION
    assert sorted(fiche.lieux.values_list("nom", flat=True)) == ["Mairie de Dijon", "Médiathèque"]


def test_an_invalid_form_lists_its_errors_with_links_to_the_fields(open_page, cast, captures):
    page = se_connecter(open_page, "agent@dijon.fr", "/fiches/nouvelle/")

    page.get_by_role("button", name="Enregistrer", exact=True).click()

    resume = page.get_by_role("alert")
    expect(resume).to_contain_text("erreurs à corriger")
    resume.get_by_role("link", name=re.compile("^Titre")).click()
    expect(page.locator("#id_titre")).to_be_focused()
    assert_accessible(page)
    page.screenshot(path=captures / "fiche-formulaire-erreurs.png", full_page=True)


def test_staff_publish_a_fiche_from_the_queue(open_page, cast, captures):
    fiche = FicheAction.objects.create(
        collectivite=cast["agent_dijon"].appartenances.get().collectivite,
        titre="Wifi public dans les parcs",
        synthese="Des bornes wifi gratuites dans quatre parcs.",
        etat=EtatFiche.EN_MODERATION,
    )
    fiche.lieux.create(nom="Parc de la Colombière", latitude=47.30, longitude=5.05)
    secret = generate_totp_secret()
    TOTP.activate(cast["equipe"], secret)  # staff moderate with two-factor authentication only
    page = se_connecter(open_page, "equipe@villes-internet.invalid", "/moderation/fiches/", secret=secret)
    expect(page).to_have_title(f"File de modération des fiches — {SUFFIXE}")
    assert_accessible(page)

    page.get_by_role("link", name="Wifi public dans les parcs").click()
    assert_accessible(page)
    page.get_by_label("Publier").check()
    page.get_by_role("button", name="Valider la décision").click()

    expect(page.get_by_text("Aucune fiche n'attend de modération.")).to_be_visible()
    fiche.refresh_from_db()
    assert fiche.etat == EtatFiche.PUBLIEE

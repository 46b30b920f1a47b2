"""A village secretary on a phone: creates an account, verifies the address from the e-mail, signs in, joins
her village (its domain is declared: accepted at once) and finds it on /espace/. axe-core checks every page.

The live server runs in this process: with pytest-django's locmem e-mail backend, the verification e-mail
lands in django.core.mail.outbox, read here as a person reads their mailbox.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from arobase.testing import make_collectivites, make_referentiel
from comptes.enums import Role
from comptes.models import Appartenance, CodePostal, DomaineCollectivite

from .checks import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUFFIXE = "Label Territoires, Villes et Villages Internet"
ADRESSE = "secretariat@mairie-larochelle70.fr"
MOT_DE_PASSE = "Un-Mot-De-Passe-Solide-42"


@pytest.fixture
def village(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    CodePostal.objects.create(code="70120", commune=ref["la_rochelle"])
    DomaineCollectivite.objects.create(collectivite=collectivites["la_rochelle"], domaine="mairie-larochelle70.fr")
    mail.outbox = []
    return collectivites["la_rochelle"]


def verifier(page, titre):
    expect(page).to_have_title(f"{titre} — {SUFFIXE}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_a_secretary_signs_up_verifies_signs_in_and_joins_her_village_on_a_phone(
    open_page, live_server, village, captures
):
    page = open_page("/", "telephone")
    page.get_by_role("link", name="Créer un compte").click()
    verifier(page, "Créer un compte")

    page.get_by_label("Prénom").fill("Josiane")
    page.get_by_label(re.compile("^Nom")).fill("Martin")
    page.get_by_label("Adresse e-mail").fill(ADRESSE)
    page.get_by_label(re.compile(r"^Mot de passe\W*$")).fill(MOT_DE_PASSE)
    page.get_by_label("Mot de passe (confirmation)").fill(MOT_DE_PASSE)
    page.screenshot(path=captures / "inscription-telephone.png", full_page=True)
    page.get_by_role("button", name="Créer mon compte").click()
    verifier(page, "Vérifiez votre adresse e-mail")

    (message,) = mail.outbox
    assert message.to == [ADRESSE]
    lien = re.search(r"https?://\S+/compte/adresse/verifier/\S+", message.body).group(0)
    page.goto(live_server.url + lien[lien.index("/compte/") :])
    verifier(page, "Confirmer l'adresse e-mail")
    page.get_by_role("button", name="Confirmer mon adresse").click()
    verifier(page, "Mon espace")  # the link signed her in, in the browser that signed up

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("link", name="Se connecter").click()
    verifier(page, "Connexion")
    page.get_by_label("Adresse e-mail").fill(ADRESSE)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Se connecter").click()
    verifier(page, "Mon espace")
    expect(page.get_by_text("Vous n'êtes membre d'aucune collectivité")).to_be_visible()

    page.get_by_role("link", name="Rejoindre une collectivité").click()
    verifier(page, "Rejoindre une collectivité")
    page.get_by_label(re.compile("^Nom, code postal ou code INSEE")).fill("70120")
    page.get_by_role("button", name="Rechercher").click()
    verifier(page, "Rejoindre une collectivité : « 70120 »")
    page.get_by_role("link", name="Demander à rejoindre La Rochelle").click()
    verifier(page, "Rejoindre La Rochelle")
    expect(page.get_by_text("est reconnue")).to_be_visible()
    page.get_by_label("Message").fill("Secrétaire de mairie")
    page.screenshot(path=captures / "rejoindre-telephone.png", full_page=True)
    page.get_by_role("button", name="Rejoindre La Rochelle").click()

    verifier(page, "Mon espace")
    expect(page.get_by_text("Vous êtes membre de La Rochelle (référent)")).to_be_visible()
    expect(page.get_by_role("heading", name="La Rochelle", level=3)).to_be_visible()
    page.screenshot(path=captures / "espace-telephone.png", full_page=True)
    appartenance = Appartenance.objects.get(user__email=ADRESSE)
    assert (appartenance.collectivite, appartenance.role) == (village, Role.REFERENT)

    page.get_by_role("link", name=re.compile("^Gérer les membres")).click()
    verifier(page, "Membres de La Rochelle")

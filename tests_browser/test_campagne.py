"""The campaign in a real browser, on a phone: a référent registers Dijon, answers the questionnaire (saved as
they type), submits; and nothing typed is lost when the connection drops. Every page is checked with axe-core.

Signing up and verifying the e-mail belong to the accounts' part (comptes): here the référent arrives signed in
(a session cookie made by Django's test client). The receipt e-mail is not reachable from the live server: the
dossier saying « Dossier soumis » is checked instead. The taxonomy comes from a migration: serialized_rollback
keeps it across these transactional tests.
"""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from campagne.models import Candidature, Reponse
from campagne.tests.outils import creer_fiche, make_campagne
from comptes.testing import activer_totp

from .checks import assert_accessible, assert_no_horizontal_scroll
from .conftest import VIEWPORTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUFFIXE = "Label Territoires, Villes et Villages Internet"


@pytest.fixture
def monde(transactional_db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    monde = make_campagne()
    activer_totp(monde.equipe)  # staff read dossiers with two-factor authentication only
    creer_fiche(monde, monde.dijon, titre="Café numérique des aînés")
    return monde


@pytest.fixture
def ouvrir_connecte(browser, live_server):
    """ouvrir_connecte(user, path, viewport) → a page of live_server's `path`, signed in as `user`."""
    contexts = []

    def ouvrir(user, path, viewport="telephone"):
        client = Client()
        client.force_login(user)
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="fr-FR")
        context.set_default_timeout(15_000)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        contexts.append(context)
        page = context.new_page()
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, f"GET {path} → {response and response.status}"
        return page

    yield ouvrir
    for context in contexts:
        context.close()


def test_a_referent_registers_answers_and_submits_the_dossier_on_a_phone(ouvrir_connecte, monde, captures):
    page = ouvrir_connecte(monde.referent_dijon, "/editions/2027/")
    expect(page).to_have_title(f"Calendrier du label 2027 — {SUFFIXE}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="l'inscrire").click()
    expect(page).to_have_title(f"Inscription au label 2027 — {SUFFIXE}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("button", name="Inscrire Dijon").click()
    expect(page).to_have_title(f"Dossier de Dijon — label 2027 — {SUFFIXE}")
    expect(page.get_by_text("Dijon est inscrite au label 2027")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    strategie = page.get_by_label("Quelle est votre stratégie numérique ?")
    strategie.fill("Trois axes : services en ligne, médiation, données ouvertes.")
    question = page.locator(".question", has=strategie)
    expect(question.locator(".etat-reponse")).to_contain_text(re.compile(r"Enregistré à \d\d:\d\d"))
    page.get_by_label("Élu chargé du numérique").fill("Mme Claire Martin")
    expect(
        page.locator(".question", has=page.get_by_label("Élu chargé du numérique")).locator(".etat-reponse")
    ).to_contain_text("Enregistré à")
    mediation = page.get_by_role("group", name=re.compile("Avez-vous un lieu de médiation numérique"))
    mediation.get_by_label("Oui").check()
    expect(page.locator(".question", has=mediation).locator(".etat-reponse")).to_contain_text("Enregistré à")
    assert Reponse.objects.filter(candidature__collectivite=monde.dijon).count() == 3
    assert_accessible(page)
    page.screenshot(path=captures / "dossier-telephone.png", full_page=True)

    page.reload()  # the checklist is complete: the submit button is there
    expect(page.get_by_text("Questions obligatoires répondues : 3 sur 3.")).to_be_visible()
    page.get_by_role("button", name="Soumettre le dossier de Dijon").click()

    expect(page.locator(".statut-dossier")).to_have_text("Dossier soumis")
    expect(page.get_by_text("Dossier soumis. Un accusé de réception a été envoyé")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert Candidature.objects.get(collectivite=monde.dijon).statut == "soumise"


def test_an_answer_typed_offline_is_kept_and_sent_when_the_page_comes_back(ouvrir_connecte, monde):
    Candidature.objects.create(edition=monde.e2027, collectivite=monde.dijon, categorie="ville")
    page = ouvrir_connecte(monde.agent_dijon, "/dossiers/2027/21231/")
    elu = page.get_by_label("Élu chargé du numérique")

    page.context.set_offline(True)
    elu.fill("Mme Claire Martin, tapé sans réseau")
    expect(page.locator("#alerte-reseau")).to_be_visible()
    assert not Reponse.objects.exists()

    context = page.context
    adresse = page.url
    page.close()  # the tab is closed before the network comes back
    context.set_offline(False)

    page = context.new_page()  # the server has nothing: the browser puts the value back and sends it
    page.goto(adresse)
    expect(page.get_by_label("Élu chargé du numérique")).to_have_value("Mme Claire Martin, tapé sans réseau")
    expect(
        page.locator(".question", has=page.get_by_label("Élu chargé du numérique")).locator(".etat-reponse")
    ).to_contain_text("Enregistré à")
    assert Reponse.objects.get().valeur == "Mme Claire Martin, tapé sans réseau"


def test_a_stale_answer_shows_the_other_persons_value_and_keeping_mine_saves_it(ouvrir_connecte, monde):
    from campagne.actions import enregistrer_reponse
    from campagne.tests.outils import question

    candidature = Candidature.objects.create(edition=monde.e2027, collectivite=monde.dijon, categorie="ville")
    page = ouvrir_connecte(monde.agent_dijon, "/dossiers/2027/21231/", "ordinateur")
    enregistrer_reponse(  # Claire saves while Paul's page is open
        candidature=candidature,
        question=question(monde, 2027, "ville", "elu"),
        valeurs=["Choix de Claire"],
        version=0,
        par=monde.referent_dijon,
    )

    page.get_by_label("Élu chargé du numérique").fill("Choix de Paul")
    conflit = page.locator(".conflit")
    expect(conflit).to_contain_text("referent.dijon a modifié cette réponse")
    expect(conflit).to_contain_text("Choix de Claire")
    assert_accessible(page)
    conflit.get_by_role("button", name="Garder ma réponse").click()

    expect(
        page.locator(".question", has=page.get_by_label("Élu chargé du numérique")).locator(".etat-reponse")
    ).to_contain_text("Enregistré à")
    assert Reponse.objects.get().valeur == "Choix de Paul"


def test_the_staff_list_and_the_unsubscribe_page_are_accessible(ouvrir_connecte, monde, live_server, browser):
    from campagne.actions import inscrire
    from campagne.courriels import jeton_desabonnement

    inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)
    inscrire(edition=monde.e2027, collectivite=monde.la_rochelle, par=monde.referent_la_rochelle)
    for viewport in VIEWPORTS:
        page = ouvrir_connecte(monde.equipe, "/equipe/candidatures/2027/", viewport)
        expect(page).to_have_title(f"Candidatures au label 2027 — {SUFFIXE}")
        expect(page.get_by_role("table", name=re.compile("2 candidatures"))).to_be_visible()
        assert_accessible(page)
        assert_no_horizontal_scroll(page)

        page.goto(live_server.url + "/dossiers/2027/70450/")  # staff read a dossier
        expect(page.locator("h1")).to_have_text("Dossier de La Rochelle — label 2027")
        assert_accessible(page)
        assert_no_horizontal_scroll(page)

        page.goto(live_server.url + f"/campagne/desabonnement/{jeton_desabonnement(monde.referent_dijon)}/")
        page.get_by_role("button", name="Ne plus recevoir les messages d'information").click()
        expect(page.get_by_role("status")).to_contain_text("vous ne recevrez plus")
        assert_accessible(page)
        page.get_by_role("button", name="Recevoir de nouveau les messages d'information").click()

"""An expert of the 2027 jury signs in with a password and a code of her authenticator app (TOTP), finds her
dossiers, reads one, evaluates it (a draft, then submitted) and then reads the other expert's evaluation; the
président reads the calibration; staff apply the proposed assignment and lift a conflict. axe-core checks every
page, on a computer and on a phone.

The TOTP code is computed here from the secret, with allauth's own helpers, as the app would.
"""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from playwright.sync_api import expect

from comptes.testing import verifier_adresses
from jury.tests.outils import MOT_DE_PASSE, affecter, make_jury
from jury.tests.test_evaluations import evaluer

from .checks import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUFFIXE = "Label Territoires, Villes et Villages Internet"


@pytest.fixture
def jury(transactional_db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    jury = make_jury(mfa=False)
    verifier_adresses(jury.expert_a, jury.president, jury.equipe)
    jury.secrets = {}
    for user in (jury.expert_a, jury.president, jury.equipe):
        jury.secrets[user.pk] = generate_totp_secret()
        TOTP.activate(user, jury.secrets[user.pk])
    affecter(jury.dossier_dijon, jury.expert_a, jury.expert_b)
    affecter(jury.dossier_la_rochelle, jury.expert_a)
    Authenticator.objects.create(user=jury.expert_b, type=Authenticator.Type.TOTP, data={})
    evaluer(jury, jury.expert_b, jury.dossier_dijon, arobases=4)
    return jury


def code_du_moment(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def verifier(page, titre):
    expect(page).to_have_title(f"{titre} — {SUFFIXE}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def se_connecter(page, jury, user):
    verifier(page, "Connexion")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Se connecter").click()
    verifier(page, "Code de double authentification")
    page.get_by_label("Code").fill(code_du_moment(jury.secrets[user.pk]))
    page.get_by_role("button", name="Se connecter").click()


@pytest.mark.parametrize("ecran", ["ordinateur", "telephone"])
def test_an_expert_signs_in_with_her_app_evaluates_a_dossier_then_reads_the_other_evaluation(
    open_page, jury, captures, ecran
):
    page = open_page("/compte/connexion/?next=/jury/2027/", ecran)
    se_connecter(page, jury, jury.expert_a)

    verifier(page, "Jury du label 2027")
    expect(page.get_by_role("heading", name="Mes dossiers")).to_be_visible()
    expect(page.get_by_text("2 dossiers à évaluer")).to_be_visible()
    page.get_by_role("link", name="Dijon", exact=True).click()

    verifier(page, "Dijon — dossier du label 2027 (jury)")
    expect(page.get_by_text("leurs évaluations vous seront visibles quand vous aurez soumis la vôtre")).to_be_visible()
    expect(page.get_by_text("Avis de expert.b")).to_have_count(0)
    page.screenshot(path=captures / f"jury-dossier-{ecran}.png", full_page=True)
    page.get_by_role("link", name="Évaluer ce dossier").click()

    verifier(page, "Évaluer Dijon — jury du label 2027")
    for critere in jury.criteres:
        page.get_by_label(re.compile(f"^{re.escape(critere.libelle)}")).select_option("3")
    page.get_by_label("Commentaire pour le jury").fill("Une médiation numérique exemplaire.")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    verifier(page, "Évaluer Dijon — jury du label 2027")
    expect(page.get_by_text("Brouillon enregistré.")).to_be_visible()

    page.get_by_role("button", name="Soumettre l'évaluation").click()
    verifier(page, "Erreur : Évaluer Dijon — jury du label 2027")
    expect(page.get_by_role("link", name=re.compile("Proposez un nombre d'arobases"))).to_be_visible()
    page.get_by_label("Arobases proposées").select_option("3")
    page.get_by_label("Note pour la collectivité (facultative)").fill("Ouvrez vos données.")
    page.get_by_label(re.compile("^Cette note peut être transmise")).check()
    page.screenshot(path=captures / f"jury-evaluation-{ecran}.png", full_page=True)
    page.get_by_role("button", name="Soumettre l'évaluation").click()

    verifier(page, "Dijon — dossier du label 2027 (jury)")
    expect(page.get_by_text("Vous avez soumis votre évaluation de ce dossier.")).to_be_visible()
    expect(page.get_by_text("Avis de expert.b")).to_be_visible()
    expect(page.get_by_role("heading", name="Mon évaluation — soumise : 3 @ proposées")).to_be_visible()


def test_the_president_reads_the_calibration(open_page, jury):
    evaluer(jury, jury.expert_a, jury.dossier_dijon, arobases=2)
    page = open_page("/compte/connexion/?next=/jury/2027/", "ordinateur")
    se_connecter(page, jury, jury.president)

    verifier(page, "Jury du label 2027")
    page.get_by_role("link", name="Calibration des experts").click()
    verifier(page, "Calibration des experts — jury du label 2027")
    expect(page.get_by_text("1 dossier où les experts divergent")).to_be_visible()
    page.get_by_role("link", name="Label 2027").click()
    page.get_by_role("link", name="Dossiers soumis").click()
    verifier(page, "Dossiers soumis — jury du label 2027")
    page.get_by_role("link", name="Label 2027").click()
    page.get_by_role("link", name="Mes conflits d'intérêts").click()
    verifier(page, "Mes conflits d'intérêts — jury du label 2027")


@pytest.mark.parametrize("ecran", ["ordinateur", "telephone"])
def test_staff_review_and_apply_the_assignment_and_lift_a_conflict(open_page, jury, ecran):
    page = open_page("/compte/connexion/?next=/jury/2027/", ecran)
    se_connecter(page, jury, jury.equipe)

    verifier(page, "Jury du label 2027")
    page.get_by_role("link", name="Affectation des dossiers").click()
    verifier(page, "Affectation des dossiers — label 2027")
    page.get_by_role("link", name="Proposer une affectation équilibrée").click()
    verifier(page, "Affectation des dossiers — label 2027")
    expect(page.get_by_text("3 affectations à créer")).to_be_visible()
    page.get_by_role("button", name="Appliquer la proposition").click()
    expect(page.get_by_text("3 affectation(s) créée(s).")).to_be_visible()

    page.get_by_role("link", name="Label 2027").click()
    page.get_by_role("link", name="Conflits d'intérêts").click()
    verifier(page, "Conflits d'intérêts — jury du label 2027")
    page.get_by_label(re.compile(r"^Motif de la levée \(expert.chenove@jury.example.org, Dijon Métropole\)")).fill(
        "A quitté la mairie de Chenôve."
    )
    page.get_by_role("button", name="Lever le conflit de expert.chenove@jury.example.org avec Dijon Métropole").click()
    expect(page.get_by_text("Conflit levé")).to_be_visible()
    verifier(page, "Conflits d'intérêts — jury du label 2027")

    for lien, titre in [
        ("Membres du jury et experts", "Membres du jury — label 2027"),
        ("Paramètres et grille d'évaluation", "Paramètres du jury — label 2027"),
    ]:
        page.get_by_role("link", name="Label 2027").click()
        page.get_by_role("link", name=lien).click()
        verifier(page, titre)

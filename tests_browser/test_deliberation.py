"""The jury's deliberation in the browser: a juror signs in with a code of her authenticator app (TOTP) and decides
a dossier; the président closes the deliberation; staff schedule the publication; once its time has passed, the
public palmarès and the collectivité's dossier page show the result. axe-core checks every page, on a computer
and on a phone.

The TOTP code is computed here from the secret, with allauth's own helpers, as the app would.
"""

import time
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.utils import timezone
from playwright.sync_api import expect

from comptes.testing import verifier_adresses
from deliberation.actions import decider
from deliberation.tests.outils import MOT_DE_PASSE, make_deliberation
from label.models import Edition

from .checks import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUFFIXE = "Label Territoires, Villes et Villages Internet"
CITATION = "Un atelier numérique chaque semaine, pour tout le village."


@pytest.fixture
def monde(transactional_db, settings, tmp_path):
    """The deliberation's world (deliberation.tests.outils); the juror, the président and staff sign in with a
    known TOTP secret; Dijon and the métropole are already decided, La Rochelle is left to the juror."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    monde = make_deliberation()
    gens = (monde.jure, monde.president, monde.equipe, monde.referent_la_rochelle)
    verifier_adresses(*gens)
    monde.secrets = {}
    for user in gens[:3]:
        user.authenticator_set.all().delete()
        monde.secrets[user.pk] = generate_totp_secret()
        TOTP.activate(user, monde.secrets[user.pk])
    for dossier, arobases in [(monde.dossier_dijon, 5), (monde.dossier_metropole, 3)]:
        decider(
            candidature=dossier,
            par=monde.president,
            arobases=arobases,
            mentions={},
            motifs="Motifs.",
            titre_confirme=True,
        )
    return monde


def code_du_moment(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def verifier(page, titre):
    expect(page).to_have_title(f"{titre} — {SUFFIXE}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def se_connecter(page, monde, user):
    verifier(page, "Connexion")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Se connecter").click()
    if user.pk in monde.secrets:
        verifier(page, "Code de double authentification")
        page.get_by_label("Code").fill(code_du_moment(monde.secrets[user.pk]))
        page.get_by_role("button", name="Se connecter").click()


@pytest.mark.parametrize("ecran", ["ordinateur", "telephone"])
def test_a_juror_decides_the_president_closes_and_the_palmares_shows_the_result_once_published(
    open_page, monde, captures, ecran
):
    # The juror decides La Rochelle.
    page = open_page("/compte/connexion/?next=/deliberation/2027/", ecran)
    se_connecter(page, monde, monde.jure)
    verifier(page, "Délibération du jury — label 2027")
    expect(page.get_by_text("3 dossiers soumis, 2 décidés, 1 avec un désaccord")).to_be_visible()
    expect(page.get_by_role("heading", name="Proposition des experts : 2 @")).to_be_visible()
    page.screenshot(path=captures / f"deliberation-ecran-{ecran}.png", full_page=True)
    page.get_by_role("link", name="La Rochelle", exact=True).click()

    verifier(page, "La Rochelle — délibération du label 2027")
    expect(page.get_by_text("Un village très actif pour sa taille.")).to_be_visible()
    page.get_by_role("button", name="Enregistrer la décision").click()
    verifier(page, "Erreur : La Rochelle — délibération du label 2027")
    expect(page.get_by_text("Écrivez les motifs de la décision.")).to_be_visible()
    page.get_by_label("3 @", exact=True).check()
    page.get_by_label("Médiation numérique", exact=True).check()
    page.get_by_label("Citation du jury pour la mention « Médiation numérique »").fill(CITATION)
    page.get_by_label("Motifs de la décision").fill("Le jury retient la proposition la plus généreuse.")
    page.screenshot(path=captures / f"deliberation-decision-{ecran}.png", full_page=True)
    page.get_by_role("button", name="Enregistrer la décision").click()
    verifier(page, "La Rochelle — délibération du label 2027")
    expect(page.get_by_text("Décision enregistrée pour La Rochelle.")).to_be_visible()
    expect(page.get_by_role("button", name="Modifier la décision")).to_be_visible()

    # The président closes the deliberation.
    page = open_page("/compte/connexion/?next=/deliberation/2027/", ecran)
    se_connecter(page, monde, monde.president)
    verifier(page, "Délibération du jury — label 2027")
    page.get_by_label("Je clos la délibération du label 2027").check()
    page.get_by_role("button", name="Clore la délibération").click()
    verifier(page, "Délibération du jury — label 2027")
    expect(page.get_by_text("Délibération close : les décisions sont arrêtées.")).to_be_visible()
    page.get_by_role("link", name="Journal de la délibération").click()
    verifier(page, "Journal de la délibération — label 2027")
    expect(page.get_by_text("Délibération close", exact=True).first).to_be_visible()

    # Staff schedule the publication: until then, the palmarès does not exist.
    page = open_page("/compte/connexion/?next=/deliberation/2027/publication/", ecran)
    se_connecter(page, monde, monde.equipe)
    verifier(page, "Publication des résultats — label 2027")
    demain = timezone.localtime(timezone.now() + timedelta(days=1))
    page.get_by_label("Publication des résultats (heure de Paris)").fill(demain.strftime("%Y-%m-%dT18:00"))
    page.get_by_role("button", name="Enregistrer la date").click()
    verifier(page, "Publication des résultats — label 2027")
    expect(page.get_by_text("Date de publication enregistrée.")).to_be_visible()
    reponse = page.goto(page.url.split("/deliberation/")[0] + "/palmares/2027/")
    assert reponse.status == 404

    # The ceremony: the publication time passes.
    Edition.objects.filter(annee=2027).update(publication_at=timezone.now() - timedelta(seconds=1))
    page = open_page("/palmares/2027/", ecran)
    verifier(page, "Palmarès 2027")
    ligne = page.get_by_role("row").filter(has_text="La Rochelle")
    expect(ligne).to_contain_text("3 arobases")
    page.screenshot(path=captures / f"deliberation-palmares-{ecran}.png", full_page=True)

    # The collectivité reads the jury's feedback on its dossier.
    page = open_page("/compte/connexion/?next=/dossiers/2027/70450/", ecran)
    se_connecter(page, monde, monde.referent_la_rochelle)
    verifier(page, "Dossier de La Rochelle — label 2027")
    expect(page.get_by_role("heading", name="Résultat et retour du jury — label 2027")).to_be_visible()
    expect(page.get_by_text(CITATION)).to_be_visible()
    expect(page.get_by_text("Documentez vos actions de médiation.")).to_be_visible()

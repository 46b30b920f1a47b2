"""The whole path of the jury (issue 5), in a real browser: an expert signs in with a code of her authenticator app
(TOTP) and evaluates the dossier assigned to her; staff open the deliberation; a juror (TOTP) decides the arobases
and a mention; the président (TOTP) closes; staff schedule the publication; until its time the public palmarès of
2027 does not exist, and once it has passed it shows the village with its arobases. axe-core checks every page.

The TOTP codes are computed here from the secrets, with allauth's own helpers, as the app would. The taxonomy comes
from a migration: serialized_rollback keeps it across these transactional tests.
"""

import re
import time
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from campagne.tests.outils import MOT_DE_PASSE, creer_fiche, make_campagne
from comptes.testing import verifier_adresses
from deliberation.models import Decision
from jury.enums import RoleJury, StatutEvaluation
from jury.grille import creer_grille_proposee
from jury.models import Evaluation, RoleEdition
from jury.tests.outils import affecter, soumettre
from label.enums import StatutEdition
from label.models import CategorieMention, Edition, Labellisation

from .checks import assert_accessible, assert_no_horizontal_scroll, oublier_les_types_de_contenu
from .conftest import VIEWPORTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUFFIXE = "Label Territoires, Villes et Villages Internet"
CITATION = "La secrétaire de mairie accompagne chaque habitant en ligne."


@pytest.fixture(scope="module", autouse=True)
def instantane_rechargeable(django_db_setup, django_db_blocker):
    """test_pages_publiques.py (just before this file) is transactional without serialized_rollback: its flush
    leaves re-created content types that the snapshot would collide with. See checks.oublier_les_types_de_contenu."""
    with django_db_blocker.unblock():
        oublier_les_types_de_contenu()


@pytest.fixture
def monde(transactional_db, settings, tmp_path):
    """The campaign's world (campagne.tests.outils) with the 2027 édition in evaluation: La Rochelle's dossier is the
    only one submitted, assigned to the expert Anne; Jules is a juror, Paule the président; the proposed grid and a
    mention « Médiation numérique ». The expert, the juror, the président and staff have an authenticator app whose
    secret is known here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    # The cache (a database table that the flush between transactional tests leaves alone) holds allauth's rate
    # limits, 30 sign-ins a minute from one address among them: the tests before this one must not use them up.
    cache.clear()
    monde = make_campagne()
    creer_fiche(monde, monde.la_rochelle, titre="Atelier numérique du jeudi")
    monde.e2027.statut = StatutEdition.EVALUATION
    monde.e2027.save()
    monde.dossier = soumettre(monde.e2027, monde.la_rochelle)
    monde.criteres = creer_grille_proposee(monde.e2027)
    CategorieMention.objects.create(edition=monde.e2027, nom="Médiation numérique")
    User = get_user_model()
    for nom, prenom, roles in [
        ("expert", "Anne", [RoleJury.EXPERT]),
        ("jure", "Jules", [RoleJury.JURE]),
        ("president", "Paule", [RoleJury.PRESIDENT, RoleJury.JURE]),
    ]:
        user = User.objects.create_user(f"{nom}.parcours", f"{nom}@jury.example.org", MOT_DE_PASSE)
        user.first_name, user.last_name = prenom, nom.capitalize()
        user.save()
        for role in roles:
            RoleEdition.objects.create(user=user, edition=monde.e2027, role=role)
        setattr(monde, nom, user)
    affecter(monde.dossier, monde.expert)
    gens = (monde.expert, monde.jure, monde.president, monde.equipe)
    verifier_adresses(*gens)
    monde.secrets = {}
    for user in gens:
        monde.secrets[user.pk] = generate_totp_secret()
        TOTP.activate(user, monde.secrets[user.pk])
    return monde


def code_du_moment(secret):
    """The code the app shows now. allauth accepts only the current 30 s window (MFA_TOTP_TOLERANCE is 0): near its
    end, wait for the next one, so that the code is not stale by the time the server checks it."""
    reste = 30 - time.time() % 30
    if reste < 3:
        time.sleep(reste + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def verifier(page, titre):
    expect(page).to_have_title(f"{titre} — {SUFFIXE}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def se_connecter(open_page, monde, user, destination):
    page = open_page(f"/compte/connexion/?next={destination}")
    verifier(page, "Connexion")
    page.get_by_label("Adresse e-mail").fill(user.email)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Se connecter").click()
    verifier(page, "Code de double authentification")
    page.get_by_label("Code").fill(code_du_moment(monde.secrets[user.pk]))
    page.get_by_role("button", name="Se connecter").click()
    return page


def statut_du_palmares(browser, live_server):
    """The HTTP status of /palmares/2027/ for an anonymous visitor (a fresh browser); its page (the site's
    French « Page introuvable » while embargoed) is checked with axe too."""
    context = browser.new_context(viewport=VIEWPORTS["ordinateur"], locale="fr-FR")
    try:
        page = context.new_page()
        reponse = page.goto(live_server.url + "/palmares/2027/")
        expect(page.get_by_text("La Rochelle")).to_have_count(0)
        assert_accessible(page)
        return reponse.status
    finally:
        context.close()


def test_an_expert_evaluates_the_jury_decides_the_president_closes_and_the_palmares_shows_it_once_published(
    open_page, browser, live_server, monde, captures
):
    # The expert evaluates the dossier assigned to her.
    page = se_connecter(open_page, monde, monde.expert, "/jury/2027/")
    verifier(page, "Jury du label 2027")
    expect(page.get_by_text("1 dossier à évaluer")).to_be_visible()
    page.get_by_role("link", name="La Rochelle", exact=True).click()
    verifier(page, "La Rochelle — dossier du label 2027 (jury)")
    page.get_by_role("link", name="Évaluer ce dossier").click()
    verifier(page, "Évaluer La Rochelle — jury du label 2027")
    for critere in monde.criteres:
        page.get_by_label(re.compile(f"^{re.escape(critere.libelle)}")).select_option("3")
    page.get_by_label("Commentaire pour le jury").fill("Un village très actif pour sa taille.")
    page.get_by_label("Arobases proposées").select_option("3")
    page.get_by_label("Note pour la collectivité (facultative)").fill("Documentez vos ateliers.")
    page.get_by_label(re.compile("^Cette note peut être transmise")).check()
    page.get_by_role("button", name="Soumettre l'évaluation").click()
    verifier(page, "La Rochelle — dossier du label 2027 (jury)")
    expect(page.get_by_text("Vous avez soumis votre évaluation de ce dossier.")).to_be_visible()
    evaluation = Evaluation.objects.get()
    assert (evaluation.expert, evaluation.statut, evaluation.arobases_proposees) == (
        monde.expert,
        StatutEvaluation.SOUMISE,
        3,
    )

    # Staff open the deliberation (their session serves again for the publication).
    equipe = se_connecter(open_page, monde, monde.equipe, "/deliberation/2027/")
    verifier(equipe, "Délibération du jury — label 2027")
    equipe.get_by_role("button", name="Ouvrir la délibération").click()
    verifier(equipe, "Délibération du jury — label 2027")
    expect(equipe.get_by_text("La délibération est ouverte")).to_be_visible()

    # The juror decides La Rochelle: 3 @ and a mention.
    page = se_connecter(open_page, monde, monde.jure, "/deliberation/2027/")
    verifier(page, "Délibération du jury — label 2027")
    expect(page.get_by_role("heading", name="Proposition des experts : 3 @")).to_be_visible()
    page.get_by_role("link", name="La Rochelle", exact=True).click()
    verifier(page, "La Rochelle — délibération du label 2027")
    expect(page.get_by_text("Un village très actif pour sa taille.")).to_be_visible()
    page.get_by_label("3 @", exact=True).check()
    page.get_by_label("Médiation numérique", exact=True).check()
    page.get_by_label("Citation du jury pour la mention « Médiation numérique »").fill(CITATION)
    page.get_by_label("Motifs de la décision").fill("Le jury suit la proposition de l'experte.")
    page.get_by_role("button", name="Enregistrer la décision").click()
    verifier(page, "La Rochelle — délibération du label 2027")
    expect(page.get_by_text("Décision enregistrée pour La Rochelle.")).to_be_visible()
    assert Decision.objects.get().arobases == 3

    # The président closes the deliberation.
    page = se_connecter(open_page, monde, monde.president, "/deliberation/2027/")
    verifier(page, "Délibération du jury — label 2027")
    page.get_by_label("Je clos la délibération du label 2027").check()
    page.get_by_role("button", name="Clore la délibération").click()
    verifier(page, "Délibération du jury — label 2027")
    expect(page.get_by_text("Délibération close : les décisions sont arrêtées.")).to_be_visible()

    # Staff schedule the publication for tomorrow evening: until then, the palmarès 2027 does not exist.
    equipe.get_by_role("link", name="Date de publication").click()
    verifier(equipe, "Publication des résultats — label 2027")
    demain = timezone.localtime(timezone.now() + timedelta(days=1))
    equipe.get_by_label("Publication des résultats (heure de Paris)").fill(demain.strftime("%Y-%m-%dT18:00"))
    equipe.get_by_role("button", name="Enregistrer la date").click()
    verifier(equipe, "Publication des résultats — label 2027")
    expect(equipe.get_by_text("Date de publication enregistrée.")).to_be_visible()
    assert Edition.objects.get(annee=2027).publication_at > timezone.now()
    assert not Labellisation.objects.publiees().filter(edition__annee=2027).exists()
    assert statut_du_palmares(browser, live_server) == 404

    # The ceremony: the publication time passes, and the palmarès shows the village with its arobases.
    Edition.objects.filter(annee=2027).update(publication_at=timezone.now() - timedelta(seconds=1))
    page = open_page("/palmares/2027/", "telephone")
    verifier(page, "Palmarès 2027")
    ligne = page.get_by_role("row").filter(has_text="La Rochelle")
    expect(ligne).to_contain_text("3 arobases")
    expect(ligne).to_contain_text("Médiation numérique")
    page.screenshot(path=captures / "parcours-jury-palmares.png", full_page=True)

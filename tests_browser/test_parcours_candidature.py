"""The whole path of a village secretary, on a phone, who has never used the platform (issue 4): she creates an
account, verifies her address from the e-mail, joins her village (its domain is declared: accepted at once, and as
the village has no référent yet she becomes its référent), writes a fiche, registers the village to the open
édition, answers the questionnaire, sees the checklist satisfied and submits. axe-core checks every page.

The live server runs in this process: with the locmem e-mail backend, the verification e-mail lands in
django.core.mail.outbox, read here as a person reads their mailbox. The taxonomy comes from a migration:
serialized_rollback keeps it across these transactional tests.
"""

import re
from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from arobase.testing import make_collectivites, make_referentiel
from campagne.calendrier import PARIS
from campagne.enums import StatutCandidature
from campagne.models import Candidature, Reponse
from campagne.tests.outils import creer_questionnaire
from comptes.enums import Role
from comptes.models import Appartenance, CodePostal, DomaineCollectivite
from fiches.models import FicheAction, Service
from label.enums import Categorie, StatutEdition
from label.models import Edition

from .checks import assert_accessible, assert_no_horizontal_scroll, oublier_les_types_de_contenu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SUFFIXE = "Label Territoires, Villes et Villages Internet"
ADRESSE = "josiane.martin@mairie-larochelle70.fr"
MOT_DE_PASSE = "Un-Mot-De-Passe-Solide-42"


@pytest.fixture(scope="module", autouse=True)
def instantane_rechargeable(django_db_setup, django_db_blocker):
    """test_pages_publiques.py (just before this file) is transactional without serialized_rollback: its flush
    leaves re-created content types that the snapshot would collide with. See checks.oublier_les_types_de_contenu."""
    with django_db_blocker.unblock():
        oublier_les_types_de_contenu()


@pytest.fixture
def campagne_ouverte(transactional_db, settings, tmp_path):
    """La Rochelle (a village of Haute-Saône, no member yet, domain mairie-larochelle70.fr declared) and the 2027
    édition whose campaign is open (closes in 20 days), with its questionnaires."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    ref = make_referentiel()
    la_rochelle = make_collectivites(ref)["la_rochelle"]
    CodePostal.objects.create(code="70120", commune=ref["la_rochelle"])
    DomaineCollectivite.objects.create(collectivite=la_rochelle, domaine="mairie-larochelle70.fr")
    aujourd_hui = timezone.localtime(timezone.now(), PARIS).date()
    edition = Edition.objects.create(
        annee=2027,
        numero=28,
        statut=StatutEdition.CAMPAGNE,
        campagne_ouverture=aujourd_hui - timedelta(days=30),
        campagne_cloture=datetime.combine(aujourd_hui + timedelta(days=20), time(23, 59), tzinfo=PARIS),
        seuil_village=2000,
    )
    for categorie in Categorie.values:
        creer_questionnaire(edition, categorie)
    # The cache (a database table that the flush between transactional tests leaves alone) holds allauth's rate
    # limits: another test's sign-ups or e-mails sent to an address must not hold this one back.
    cache.clear()
    mail.outbox = []
    return la_rochelle


def verifier(page, titre):
    expect(page).to_have_title(f"{titre} — {SUFFIXE}")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_a_village_secretary_signs_up_joins_writes_a_fiche_answers_and_submits_the_dossier_on_a_phone(
    open_page, live_server, campagne_ouverte, captures
):
    la_rochelle = campagne_ouverte

    # She creates her account.
    page = open_page("/", "telephone")
    verifier(page, "Accueil")
    page.get_by_role("link", name="Créer un compte").click()
    verifier(page, "Créer un compte")
    page.get_by_label("Prénom").fill("Josiane")
    page.get_by_label(re.compile("^Nom")).fill("Martin")
    page.get_by_label("Adresse e-mail").fill(ADRESSE)
    page.get_by_label(re.compile(r"^Mot de passe\W*$")).fill(MOT_DE_PASSE)
    page.get_by_label("Mot de passe (confirmation)").fill(MOT_DE_PASSE)
    page.get_by_role("button", name="Créer mon compte").click()
    verifier(page, "Vérifiez votre adresse e-mail")

    # She opens the link of the e-mail.
    (message,) = mail.outbox
    assert message.to == [ADRESSE]
    lien = re.search(r"https?://\S+/compte/adresse/verifier/\S+", message.body).group(0)
    page.goto(live_server.url + lien[lien.index("/compte/") :])
    verifier(page, "Confirmer l'adresse e-mail")
    page.get_by_role("button", name="Confirmer mon adresse").click()
    verifier(page, "Mon espace")
    expect(page.get_by_text("Vous n'êtes membre d'aucune collectivité")).to_be_visible()

    # She joins her village: its domain is declared, she is accepted at once, as its first référent.
    page.get_by_role("link", name="Rejoindre une collectivité").click()
    verifier(page, "Rejoindre une collectivité")
    page.get_by_label(re.compile("^Nom, code postal ou code INSEE")).fill("70120")
    page.get_by_role("button", name="Rechercher").click()
    verifier(page, "Rejoindre une collectivité : « 70120 »")
    page.get_by_role("link", name="Demander à rejoindre La Rochelle").click()
    verifier(page, "Rejoindre La Rochelle")
    expect(page.get_by_text("est reconnue")).to_be_visible()
    page.get_by_role("button", name="Rejoindre La Rochelle").click()
    verifier(page, "Mon espace")
    expect(page.get_by_text("Vous êtes membre de La Rochelle (référent)")).to_be_visible()
    appartenance = Appartenance.objects.get(user__email=ADRESSE)
    assert (appartenance.collectivite, appartenance.role) == (la_rochelle, Role.REFERENT)

    # She writes a fiche: the minimum the form asks for, the default place (the mairie) kept.
    page.get_by_role("link", name="Écrire une nouvelle fiche").first.click()
    verifier(page, "Nouvelle fiche action de La Rochelle")
    expect(page.locator("#id_lieux-0-nom")).to_have_value("Mairie de La Rochelle")
    page.locator("#id_titre").fill("Atelier numérique du jeudi")
    page.locator("#id_synthese").fill("Chaque jeudi, la secrétaire de mairie aide les habitants en ligne.")
    service = Service.objects.select_related("enjeu").order_by("pk").first()
    page.locator("summary", has_text=service.enjeu.nom).click()
    page.get_by_label(service.nom, exact=True).check()
    page.screenshot(path=captures / "parcours-fiche-telephone.png", full_page=True)
    page.get_by_role("button", name="Enregistrer et soumettre à la modération").click()
    expect(page).to_have_title(re.compile("^Aperçu : Atelier numérique du jeudi — La Rochelle"))
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    fiche = FicheAction.objects.get()
    assert (fiche.collectivite, list(fiche.lieux.values_list("nom", flat=True))) == (
        la_rochelle,
        ["Mairie de La Rochelle"],
    )

    # She registers the village to the 2027 édition from her space.
    page.goto(live_server.url + "/espace/")
    verifier(page, "Mon espace")
    page.get_by_role("link", name="inscrire la collectivité").click()
    verifier(page, "Inscription au label 2027")
    expect(page.get_by_role("row", name=re.compile("La Rochelle"))).to_contain_text("Village")
    page.get_by_role("button", name="Inscrire La Rochelle").click()
    verifier(page, "Dossier de La Rochelle — label 2027")
    expect(page.get_by_text("La Rochelle est inscrite au label 2027")).to_be_visible()
    expect(page.locator("#fiches")).to_contain_text("Atelier numérique du jeudi")
    expect(page.locator(".liste-controle .point-a-faire")).to_have_count(3)  # the three required questions

    # She answers the village's questionnaire; each answer is saved as she types.
    for libelle, valeur in [
        ("Quelle est votre stratégie numérique ?", "Un atelier chaque semaine et la démarche en ligne pour tous."),
        ("Élu chargé du numérique", "M. Paul Girard, adjoint"),
    ]:
        champ = page.get_by_label(libelle)
        champ.fill(valeur)
        expect(page.locator(".question", has=champ).locator(".etat-reponse")).to_contain_text(
            re.compile(r"Enregistré à \d\d:\d\d")
        )
    mediation = page.get_by_role("group", name=re.compile("Avez-vous un lieu de médiation numérique"))
    mediation.get_by_label("Oui").check()
    expect(page.locator(".question", has=mediation).locator(".etat-reponse")).to_contain_text("Enregistré à")
    assert Reponse.objects.filter(candidature__collectivite=la_rochelle).count() == 3
    assert_accessible(page)
    page.screenshot(path=captures / "parcours-dossier-telephone.png", full_page=True)

    # The checklist is satisfied: she submits.
    page.reload()
    verifier(page, "Dossier de La Rochelle — label 2027")
    expect(page.get_by_text("Questions obligatoires répondues : 3 sur 3.")).to_be_visible()
    expect(page.locator(".liste-controle .point-a-faire")).to_have_count(0)
    expect(page.locator(".liste-controle .point-fait")).to_have_count(4)  # 3 questions and a fiche
    page.get_by_role("button", name="Soumettre le dossier de La Rochelle").click()

    verifier(page, "Dossier de La Rochelle — label 2027")
    expect(page.locator(".statut-dossier")).to_have_text("Dossier soumis")
    expect(page.get_by_text("Dossier soumis. Un accusé de réception a été envoyé")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Soumettre"))).to_have_count(0)
    page.screenshot(path=captures / "parcours-soumis-telephone.png", full_page=True)
    assert Candidature.objects.get(collectivite=la_rochelle).statut == StatutCandidature.SOUMISE
    (accuse,) = [m for m in mail.outbox if m.subject.startswith("Dossier reçu")]
    assert (accuse.subject, accuse.to) == ("Dossier reçu : La Rochelle, label 2027", [ADRESSE])

"""Saving answers: values checked by type, the optimistic lock between two people, files checked by content."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from campagne.actions import ConflitDeReponse, confirmer_reponse, enregistrer_reponse, inscrire
from campagne.enums import StatutCandidature
from campagne.models import Candidature, RefusDossier, Reponse
from label.enums import Categorie

from .outils import question


@pytest.fixture
def dossier(monde):
    return inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)


def sauver(monde, dossier, cle, valeurs, version=0, par=None, **champs):
    return enregistrer_reponse(
        candidature=dossier,
        question=question(monde, 2027, Categorie.VILLE, cle),
        valeurs=valeurs,
        version=version,
        par=par or monde.agent_dijon,
        **champs,
    )


def test_the_first_save_creates_the_answer_and_starts_the_dossier(monde, dossier):
    reponse = sauver(monde, dossier, "strategie", ["  Un plan en trois axes.  "])

    assert reponse.valeur == "Un plan en trois axes."
    assert reponse.version == 1
    assert reponse.modifiee_par == monde.agent_dijon
    dossier.refresh_from_db()
    assert dossier.statut == StatutCandidature.EN_COURS


def test_each_save_increments_the_version(monde, dossier):
    premiere = sauver(monde, dossier, "strategie", ["Un"])
    seconde = sauver(monde, dossier, "strategie", ["Deux"], version=premiere.version)

    assert seconde.version == 2
    assert Reponse.objects.get().valeur == "Deux"


def test_a_stale_save_is_refused_with_the_other_persons_answer(monde, dossier):
    premiere = sauver(monde, dossier, "strategie", ["Version de départ"])
    sauver(monde, dossier, "strategie", ["Version de Claire"], version=premiere.version, par=monde.referent_dijon)

    with pytest.raises(ConflitDeReponse) as conflit:
        sauver(monde, dossier, "strategie", ["Version de Paul"], version=premiere.version)

    assert conflit.value.actuelle.valeur == "Version de Claire"
    assert conflit.value.actuelle.modifiee_par == monde.referent_dijon
    assert Reponse.objects.get().valeur == "Version de Claire"


def test_two_first_saves_of_the_same_answer_conflict_too(monde, dossier):
    sauver(monde, dossier, "strategie", ["Claire répond la première"], par=monde.referent_dijon)

    with pytest.raises(ConflitDeReponse):
        sauver(monde, dossier, "strategie", ["Paul aussi, sans l'avoir vue"], version=0)


def test_keeping_mine_after_a_conflict_saves_it_on_the_current_version(monde, dossier):
    premiere = sauver(monde, dossier, "strategie", ["Départ"])
    actuelle = sauver(monde, dossier, "strategie", ["Claire"], version=premiere.version, par=monde.referent_dijon)

    gardee = sauver(monde, dossier, "strategie", ["Paul"], version=actuelle.version)

    assert gardee.valeur == "Paul"
    assert gardee.version == 3


def test_the_same_value_sent_twice_is_no_conflict(monde, dossier):
    premiere = sauver(monde, dossier, "strategie", ["Même texte"])

    encore = sauver(monde, dossier, "strategie", ["Même texte"], version=0)
    inchangee = sauver(monde, dossier, "strategie", ["Même texte"], version=premiere.version)

    assert encore.version == inchangee.version == 1


@pytest.mark.parametrize(
    ("cle", "valeurs", "attendu"),
    [
        ("budget", ["1 250,50"], "1 250,50"),
        ("mediation", ["oui"], "oui"),
        ("logiciels", ["Quelques-uns"], "Quelques-uns"),
        ("publics", ["Jeunes", "Aînés"], "Aînés\nJeunes"),  # in the questionnaire's order
        ("publics", [], ""),
        ("strategie", [""], ""),
    ],
)
def test_values_are_stored_by_type(monde, dossier, cle, valeurs, attendu):
    assert sauver(monde, dossier, cle, valeurs).valeur == attendu


@pytest.mark.parametrize(
    ("cle", "valeurs", "message"),
    [
        ("budget", ["beaucoup"], "Saisissez un nombre"),
        ("budget", ["NaN"], "Saisissez un nombre"),
        ("mediation", ["peut-être"], "Choisissez parmi les choix proposés"),
        ("logiciels", ["Tous"], "Choisissez parmi les choix proposés"),
        ("publics", ["Aînés", "<script>"], "Choisissez parmi les choix proposés"),
        ("elu", ["x" * 501], "dépasse 500 caractères"),
    ],
)
def test_values_that_do_not_fit_the_question_are_refused_in_french(monde, dossier, cle, valeurs, message):
    with pytest.raises(ValidationError, match=message):
        sauver(monde, dossier, cle, valeurs)

    assert not Reponse.objects.exists()


def test_a_question_of_another_questionnaire_is_refused(monde, dossier):
    with pytest.raises(RefusDossier, match="n'appartient pas au questionnaire"):
        enregistrer_reponse(
            candidature=dossier,
            question=question(monde, 2027, Categorie.VILLAGE, "strategie"),
            valeurs=["x"],
            version=0,
            par=monde.agent_dijon,
        )


def test_a_submitted_dossier_refuses_answers(monde, dossier):
    Candidature.objects.filter(pk=dossier.pk).update(statut=StatutCandidature.SOUMISE, soumise_le=dossier.created_at)
    dossier.refresh_from_db()

    with pytest.raises(RefusDossier, match="Le dossier est soumis"):
        sauver(monde, dossier, "strategie", ["Trop tard"])


def test_a_dossier_refuses_answers_after_the_deadline(monde, dossier):
    with pytest.raises(RefusDossier, match="La date limite est passée"):
        sauver(monde, dossier, "strategie", ["Trop tard"], maintenant=monde.e2027.campagne_cloture)


def test_a_file_is_checked_by_content_and_kept_with_its_name(monde, dossier):
    pdf = SimpleUploadedFile("délibération.pdf", b"%PDF-1.7\n%...\n", content_type="application/pdf")

    reponse = sauver(monde, dossier, "deliberation", [], fichier=pdf)

    assert reponse.est_remplie
    assert reponse.nom_fichier == "délibération.pdf"
    assert reponse.fichier.name.startswith(f"reponses/{dossier.pk}/")
    assert reponse.fichier.read().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("nom", "contenu", "message"),
    [
        ("script.pdf", b"<script>alert(1)</script>", "ne correspond pas à son extension"),
        ("page.html", b"<html></html>", "Format non accepté"),
        ("vide.pdf", b"", "Le fichier est vide"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused(monde, dossier, nom, contenu, message):
    with pytest.raises(ValidationError, match=message):
        sauver(monde, dossier, "deliberation", [], fichier=SimpleUploadedFile(nom, contenu))


def test_a_file_over_the_size_limit_is_refused(monde, dossier, settings):
    settings.CAMPAGNE_FICHIER_POIDS_MAX = 1024 * 1024

    with pytest.raises(ValidationError, match="dépasse 1 Mo"):
        sauver(
            monde, dossier, "deliberation", [], fichier=SimpleUploadedFile("gros.pdf", b"%PDF-" + b"0" * 1024 * 1024)
        )


def test_confirming_keeps_the_value_and_the_version(monde, dossier):
    reponse = Reponse.objects.create(
        candidature=dossier, question=question(monde, 2027, Categorie.VILLE, "elu"), valeur="M. Roy", a_confirmer=True
    )

    confirmee = confirmer_reponse(candidature=dossier, reponse=reponse, par=monde.agent_dijon)

    assert not confirmee.a_confirmer
    assert (confirmee.valeur, confirmee.version) == ("M. Roy", 1)

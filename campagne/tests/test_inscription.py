"""Registering a collectivité: the campaign window, the référent, the kind, and the pre-fill from last year."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from campagne.actions import categorie_pour, enregistrer_reponse, inscrire
from campagne.enums import StatutCandidature, TypeEvenement
from campagne.models import Candidature, RefusDossier, Reponse
from label.enums import Categorie
from label.models import Collectivite

from .outils import creer_questionnaire, question


def test_a_referent_registers_a_collectivite_during_the_campaign(monde):
    candidature = inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)

    assert candidature.statut == StatutCandidature.INSCRITE
    assert candidature.inscrite_par == monde.referent_dijon
    assert list(candidature.evenements.values_list("type", flat=True)) == [TypeEvenement.INSCRIPTION]


def test_a_contributeur_cannot_register_the_collectivite(monde):
    with pytest.raises(RefusDossier, match="Seul un référent de Dijon"):
        inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.agent_dijon)

    assert not Candidature.objects.exists()


def test_registration_is_refused_before_and_after_the_campaign_with_a_clear_message(monde):
    debut = monde.e2027.campagne_ouverture
    avant = timezone.now().replace(year=debut.year, month=debut.month, day=debut.day) - timedelta(days=1)
    apres = monde.e2027.campagne_cloture + timedelta(minutes=1)

    for moment in (avant, apres):
        with pytest.raises(RefusDossier, match="ne sont pas ouvertes : elles se font pendant la campagne"):
            inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon, maintenant=moment)


def test_a_collectivite_registers_once_per_edition(monde):
    inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)

    with pytest.raises(RefusDossier, match="déjà inscrite"):
        inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)


def test_the_database_refuses_a_second_candidature_for_the_same_edition(monde):
    Candidature.objects.create(edition=monde.e2027, collectivite=monde.dijon, categorie=Categorie.VILLE)

    with pytest.raises(IntegrityError):
        Candidature.objects.create(edition=monde.e2027, collectivite=monde.dijon, categorie=Categorie.VILLE)


def test_the_kind_comes_from_the_referentiel_and_the_edition_threshold(monde):
    haulchin = Collectivite.objects.create(nom="Haulchin", categorie=Categorie.VILLE, commune=monde.ref["haulchin"])

    assert categorie_pour(monde.dijon, monde.e2027) == Categorie.VILLE
    assert categorie_pour(monde.la_rochelle, monde.e2027) == Categorie.VILLAGE  # 39 inhabitants
    assert categorie_pour(monde.metropole, monde.e2027) == Categorie.TERRITOIRE  # an EPCI
    # Haulchin (2,306 inhabitants): a ville under a 2,000 threshold, a village under 3,000.
    assert categorie_pour(haulchin, monde.e2027) == Categorie.VILLE
    monde.e2027.seuil_village = 3000
    assert categorie_pour(haulchin, monde.e2027) == Categorie.VILLAGE


def test_a_syndicat_is_a_territoire(monde):
    syndicat = Collectivite.objects.create(code="257000001", nom="Syndicat numérique", categorie=Categorie.TERRITOIRE)
    syndicat.membres.set([monde.ref["la_rochelle"], monde.ref["villersexel"]])

    assert categorie_pour(syndicat, monde.e2027) == Categorie.TERRITOIRE


# ---------------------------------------------------------------------------------------------------
# Pre-fill
# ---------------------------------------------------------------------------------------------------


def candidature_2026(monde, collectivite, reponses, categorie=Categorie.VILLE):
    candidature = Candidature.objects.create(
        edition=monde.e2026,
        collectivite=collectivite,
        categorie=categorie,
        statut=StatutCandidature.SOUMISE,
        soumise_le=monde.e2026.campagne_cloture - timedelta(days=3),
    )
    for cle, valeur in reponses.items():
        Reponse.objects.create(candidature=candidature, question=question(monde, 2026, categorie, cle), valeur=valeur)
    return candidature


def test_registering_pre_fills_last_years_answers_by_key_each_to_confirm(monde):
    ancienne = candidature_2026(monde, monde.dijon, {"strategie": "Un plan en trois axes.", "budget": "125000"})

    candidature = inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)

    reponses = {r.question.cle: r for r in candidature.reponses.select_related("question")}
    assert set(reponses) == {"strategie", "budget"}
    assert reponses["strategie"].valeur == "Un plan en trois axes."
    assert reponses["strategie"].question == question(monde, 2027, Categorie.VILLE, "strategie")
    assert all(r.a_confirmer for r in reponses.values())
    assert reponses["budget"].reprise_de.candidature == ancienne
    assert candidature.statut == StatutCandidature.INSCRITE


def test_pre_fill_skips_empty_answers_and_questions_gone_this_year(monde):
    candidature_2026(monde, monde.dijon, {"strategie": "", "elu": "Mme Martin"})
    question(monde, 2027, Categorie.VILLE, "elu").delete()

    candidature = inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)

    assert not candidature.reponses.exists()


def test_pre_fill_takes_the_latest_earlier_candidature_even_of_another_kind(monde):
    # La Rochelle was a ville in 2026 (say), a village in 2027: keys match across questionnaires.
    candidature_2026(monde, monde.la_rochelle, {"strategie": "Tout le village en ligne."}, categorie=Categorie.VILLE)

    candidature = inscrire(edition=monde.e2027, collectivite=monde.la_rochelle, par=monde.referent_la_rochelle)

    assert candidature.categorie == Categorie.VILLAGE
    assert candidature.reponses.get().question == question(monde, 2027, Categorie.VILLAGE, "strategie")


def test_the_differences_with_last_year_are_shown_on_a_pre_filled_answer(monde):
    questionnaire = monde.questionnaires[(2027, Categorie.VILLE)]
    questionnaire.delete()
    creer_questionnaire(
        monde.e2027,
        Categorie.VILLE,
        changements={
            "strategie": {"libelle": "Décrivez votre stratégie numérique et son calendrier."},
            "publics": {"choix": "Aînés\nFamilles"},
        },
    )
    candidature_2026(monde, monde.dijon, {"strategie": "Trois axes.", "publics": "Aînés\nJeunes", "elu": "M. Roy"})

    candidature = inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)

    ecarts = {r.question.cle: r.ecarts() for r in candidature.reponses.select_related("question", "reprise_de")}
    assert ecarts["strategie"] == [
        "La question a changé depuis 2026. Elle était : « Quelle est votre stratégie numérique ? »."
    ]
    assert ecarts["publics"] == [
        "Votre réponse de 2026 ne figure plus parmi les choix : « Jeunes ». Choisissez à nouveau."
    ]
    assert ecarts["elu"] == []


def test_saving_or_confirming_a_pre_filled_answer_clears_a_confirmer(monde):
    candidature_2026(monde, monde.dijon, {"strategie": "Trois axes.", "elu": "M. Roy"})
    candidature = inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)
    strategie = candidature.reponses.get(question__cle="strategie")

    enregistrer_reponse(
        candidature=candidature,
        question=strategie.question,
        valeurs=["Trois axes et un quatrième."],
        version=strategie.version,
        par=monde.agent_dijon,
    )

    assert candidature.reponses.filter(a_confirmer=True).get().question.cle == "elu"
    candidature.refresh_from_db()
    assert candidature.statut == StatutCandidature.EN_COURS

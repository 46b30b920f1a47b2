"""The demo's 2027 campaign (campagne/demo.py), on the small hand-made référentiel."""

from datetime import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from arobase.testing import make_collectivites, make_referentiel
from campagne.calendrier import PARIS, campagne_ouverte
from campagne.demo import construire_campagne_demo, supprimer_campagne_demo
from campagne.enums import StatutCandidature
from campagne.models import Candidature, Question, Questionnaire, Reponse
from label.demo import calendrier, supprimer_demo
from label.enums import Categorie
from label.models import Collectivite, Edition, Labellisation


@pytest.fixture
def historique(db):
    """Demo éditions 2025 and 2026 with a ville, two villages and a territoire labelled in 2026."""
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    collectivites["haulchin"] = Collectivite.objects.create(nom="Haulchin", categorie="ville", commune=ref["haulchin"])
    editions = {
        annee: Edition.objects.create(
            annee=annee, numero=annee - 1999, donnees_demo=True, seuil_village=2000, **calendrier(annee)
        )
        for annee in (2025, 2026)
    }
    for collectivite in collectivites.values():
        Labellisation.objects.create(
            edition=editions[2026], collectivite=collectivite, categorie=collectivite.categorie, arobases=3
        )
    return collectivites


def test_the_demo_2027_campaign_is_open_on_27_november_2026_and_unpublished(historique):
    construire_campagne_demo(seed=1)

    edition = Edition.objects.get(annee=2027)
    assert edition.donnees_demo and edition.numero == 28 and edition.publication_at is None
    assert campagne_ouverte(edition, datetime(2026, 11, 27, 12, tzinfo=PARIS))
    assert not campagne_ouverte(edition, datetime(2026, 12, 16, 0, 0, tzinfo=PARIS))
    assert edition.campagne_cloture == datetime(2026, 12, 15, 23, 59, tzinfo=PARIS)


def test_there_is_a_questionnaire_for_each_kind_the_village_one_shorter(historique):
    construire_campagne_demo(seed=1)

    nombres = {q.categorie: q.questions.count() for q in Questionnaire.objects.filter(edition__annee=2027)}
    assert set(nombres) == set(Categorie.values)
    assert nombres["village"] < nombres["ville"] == nombres["territoire"]
    # Same keys as 2026, one wording changed, one new question.
    cles_2026 = set(Question.objects.filter(questionnaire__edition__annee=2026).values_list("cle", flat=True))
    cles_2027 = set(Question.objects.filter(questionnaire__edition__annee=2027).values_list("cle", flat=True))
    assert cles_2027 - cles_2026 == {"sobriete"}


def test_the_candidatures_are_registered_in_progress_or_submitted_and_pre_filled_from_2026(historique):
    resume = construire_campagne_demo(seed=1)

    statuts = sorted(Candidature.objects.filter(edition__annee=2027).values_list("statut", flat=True))
    assert len(statuts) == 4 == resume.candidatures_precedentes
    assert set(statuts) <= {StatutCandidature.INSCRITE, StatutCandidature.EN_COURS, StatutCandidature.SOUMISE}
    assert Candidature.objects.filter(edition__annee=2026, statut=StatutCandidature.SOUMISE).count() == 4
    pre_remplies = Reponse.objects.filter(candidature__edition__annee=2027, reprise_de__isnull=False)
    assert pre_remplies.exists()
    inscrites = Reponse.objects.filter(candidature__edition__annee=2027, candidature__statut=StatutCandidature.INSCRITE)
    assert all(reponse.a_confirmer for reponse in inscrites)
    soumises = Reponse.objects.filter(candidature__edition__annee=2027, candidature__statut=StatutCandidature.SOUMISE)
    assert not soumises.filter(a_confirmer=True).exists()


def test_rebuilding_the_demo_campaign_gives_the_same_data(historique):
    def instantane():
        return sorted(
            Reponse.objects.values_list(
                "candidature__collectivite__code", "candidature__edition__annee", "question__cle", "valeur"
            )
        )

    construire_campagne_demo(seed=3)
    premier = instantane()
    construire_campagne_demo(seed=3)

    assert instantane() == premier
    assert Edition.objects.filter(annee=2027).count() == 1


def test_the_label_history_can_be_rebuilt_once_the_campaign_is_removed(historique):
    construire_campagne_demo(seed=1)

    supprimer_campagne_demo()
    supprimer_demo()

    assert not Edition.objects.exists()
    assert not Candidature.objects.exists()


def test_the_demo_command_adds_the_campaign_to_a_demo_built_before_it(historique, monkeypatch):
    from fiches.models import FicheAction

    FicheAction.objects.create(collectivite=historique["dijon"], titre="Déjà là", synthese="x")
    out = StringIO()

    call_command("demo", "--si-absente", stdout=out)
    call_command("demo", "--si-absente", stdout=out)

    assert "sans campagne :" in out.getvalue()
    assert "Campagne 2027 : 3 questionnaires" in out.getvalue()
    assert out.getvalue().rstrip().endswith("rien à faire.")
    assert Edition.objects.filter(annee=2027).count() == 1

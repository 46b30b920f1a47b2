"""Evaluations: drafts, submission, weighted score, and evaluations hidden until one's own is submitted."""

from decimal import Decimal

import pytest

from ..access import evaluations_visibles
from ..actions import enregistrer_evaluation, soumettre_evaluation
from ..enums import RoleJury, StatutEvaluation
from ..grille import GRILLE_PROPOSEE
from ..models import Critere, Evaluation, RefusJury, RoleEdition, score_pondere
from .outils import affecter


def evaluer(jury, expert, dossier, arobases=3, notes=None, soumettre=True):
    notes = notes if notes is not None else {critere.pk: 2 for critere in jury.criteres}
    valeurs = {
        "arobases_proposees": arobases,
        "commentaire": f"Avis de {expert.username}",
        "note_collectivite": "Continuez la médiation.",
        "note_partageable": True,
    }
    evaluation = enregistrer_evaluation(candidature=dossier, expert=expert, valeurs=valeurs, notes=notes)
    if soumettre:
        evaluation = soumettre_evaluation(evaluation=evaluation)
    return evaluation


def test_the_proposed_grid_has_the_four_criteria_of_the_issue(jury):
    assert [critere.libelle for critere in jury.criteres] == [
        "Couverture des enjeux",
        "Continuité avec l'an dernier",
        "Portée pour la population",
        "Ouverture et partage",
    ]
    assert len(GRILLE_PROPOSEE) == Critere.objects.filter(edition=jury.e2027).count()


def test_the_weighted_score_counts_each_criterion_by_its_weight_on_its_scale():
    fort = Critere(libelle="Fort", poids=3, note_max=4)
    faible = Critere(libelle="Faible", poids=1, note_max=10)

    # (3 × 4/4 + 1 × 0/10) / 4 = 75 %
    assert score_pondere([(fort, 4), (faible, 0)]) == Decimal("75.0")
    assert score_pondere([(fort, 2), (faible, None)]) == Decimal("50.0")
    assert score_pondere([]) is None


def test_an_expert_saves_a_draft_then_submits(jury):
    affecter(jury.dossier_dijon, jury.expert_a)

    brouillon = evaluer(jury, jury.expert_a, jury.dossier_dijon, soumettre=False)
    assert brouillon.statut == StatutEvaluation.BROUILLON
    assert brouillon.score == Decimal("50.0")  # 2 out of 4 everywhere
    assert brouillon.notes.count() == 4

    soumise = soumettre_evaluation(evaluation=brouillon)
    assert soumise.statut == StatutEvaluation.SOUMISE and soumise.soumise_le is not None
    with pytest.raises(RefusJury, match="ne peut plus changer"):
        evaluer(jury, jury.expert_a, jury.dossier_dijon, arobases=5, soumettre=False)
    assert Evaluation.objects.get().arobases_proposees == 3


def test_submitting_needs_every_criterion_and_the_arobases(jury):
    affecter(jury.dossier_dijon, jury.expert_a)
    premier = jury.criteres[0]

    brouillon = evaluer(jury, jury.expert_a, jury.dossier_dijon, notes={premier.pk: 4}, soumettre=False)
    with pytest.raises(RefusJury, match="Notez chaque critère"):
        soumettre_evaluation(evaluation=brouillon)
    sans_arobases = evaluer(jury, jury.expert_a, jury.dossier_dijon, arobases=None, soumettre=False)
    with pytest.raises(RefusJury, match="arobases"):
        soumettre_evaluation(evaluation=sans_arobases)


def test_only_an_assigned_expert_may_evaluate(jury):
    with pytest.raises(RefusJury, match="pas confié"):
        evaluer(jury, jury.expert_a, jury.dossier_dijon)


def test_an_expert_sees_the_others_evaluations_only_after_submitting_their_own(jury):
    affecter(jury.dossier_dijon, jury.expert_a, jury.expert_b)
    de_b = evaluer(jury, jury.expert_b, jury.dossier_dijon, arobases=4)
    brouillon_a = evaluer(jury, jury.expert_a, jury.dossier_dijon, arobases=2, soumettre=False)

    assert list(evaluations_visibles(jury.expert_a, jury.dossier_dijon)) == [brouillon_a]
    assert list(evaluations_visibles(jury.expert_b, jury.dossier_dijon)) == [de_b]  # a's draft stays hidden

    soumettre_evaluation(evaluation=brouillon_a)

    assert set(evaluations_visibles(jury.expert_a, jury.dossier_dijon)) == {brouillon_a, de_b}
    assert set(evaluations_visibles(jury.expert_b, jury.dossier_dijon)) == {brouillon_a, de_b}


def test_an_expert_who_is_also_a_juror_still_waits_for_their_own_submission(jury):
    RoleEdition.objects.create(user=jury.expert_a, edition=jury.e2027, role=RoleJury.JURE)
    affecter(jury.dossier_dijon, jury.expert_a, jury.expert_b)
    evaluer(jury, jury.expert_b, jury.dossier_dijon)

    assert not evaluations_visibles(jury.expert_a, jury.dossier_dijon).exists()


def test_jurors_and_staff_read_submitted_evaluations_never_drafts_and_never_when_in_conflict(jury):
    affecter(jury.dossier_dijon, jury.expert_a, jury.expert_b)
    soumise = evaluer(jury, jury.expert_a, jury.dossier_dijon)
    evaluer(jury, jury.expert_b, jury.dossier_dijon, soumettre=False)

    assert list(evaluations_visibles(jury.jure, jury.dossier_dijon)) == [soumise]
    assert list(evaluations_visibles(jury.president, jury.dossier_dijon)) == [soumise]
    assert list(evaluations_visibles(jury.equipe, jury.dossier_dijon)) == [soumise]
    assert not evaluations_visibles(jury.jure_metropole, jury.dossier_dijon).exists()  # in conflict
    assert not evaluations_visibles(jury.referent_dijon, jury.dossier_dijon).exists()
    assert not evaluations_visibles(jury.expert_chenove, jury.dossier_dijon).exists()  # not assigned

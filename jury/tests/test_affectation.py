"""The assignment proposal: k experts per dossier, balanced, within capacities, never a conflicted expert; and
staff's adjustments by hand."""

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from campagne.enums import StatutCandidature
from campagne.models import Candidature
from label.enums import Categorie
from label.models import Collectivite

from ..actions import affecter_expert, appliquer_proposition, retirer_expert
from ..affectation import proposer_affectation, repartir
from ..enums import RoleJury, StatutEvaluation
from ..models import Affectation, Evaluation, ParametresJury, RefusJury, RoleEdition
from .outils import affecter

# ---------------------------------------------------------------------------------------------------
# The algorithm (pure)
# ---------------------------------------------------------------------------------------------------


def ecart(charges):
    return max(charges.values()) - min(charges.values())


def test_without_conflicts_each_dossier_gets_k_experts_and_loads_differ_by_at_most_one():
    repartition = repartir(list(range(10)), ["a", "b", "c"], 2)

    assert repartition.manques == {}
    assert all(len(experts) == 2 == len(set(experts)) for experts in repartition.nouvelles.values())
    assert sorted(repartition.charges.values()) == [6, 7, 7]


def test_the_proposal_is_deterministic():
    assert repartir(list(range(7)), [3, 1, 2], 2) == repartir(list(range(7)), [3, 1, 2], 2)


def test_a_conflicted_pair_is_never_proposed():
    conflits = {("a", 0), ("b", 0)}

    repartition = repartir([0, 1], ["a", "b", "c"], 2, conflits=conflits)

    assert repartition.nouvelles[0] == ["c"]
    assert repartition.manques == {0: 1}


def test_capacities_are_respected_and_what_is_missing_is_reported():
    repartition = repartir([0, 1, 2], ["a", "b"], 2, capacites={"a": 1})

    assert repartition.charges == {"a": 1, "b": 3}
    assert sum(repartition.manques.values()) == 2


def test_what_is_already_assigned_counts_in_k_and_in_the_loads():
    repartition = repartir([0, 1], ["a", "b", "c"], 2, deja={0: {"a", "b"}})

    assert 0 not in repartition.nouvelles
    assert "c" in repartition.nouvelles[1]
    assert ecart(repartition.charges) <= 1


@settings(max_examples=150, deadline=None)
@given(
    nombre_dossiers=st.integers(0, 25),
    nombre_experts=st.integers(1, 8),
    k=st.integers(1, 3),
    graine=st.randoms(use_true_random=False),
    taux_conflit=st.sampled_from([0, 0.1, 0.3]),
    avec_capacites=st.booleans(),
)
def test_any_proposal_respects_conflicts_capacities_and_k(
    nombre_dossiers, nombre_experts, k, graine, taux_conflit, avec_capacites
):
    dossiers, experts = list(range(nombre_dossiers)), list(range(100, 100 + nombre_experts))
    conflits = {(e, d) for e in experts for d in dossiers if graine.random() < taux_conflit}
    capacites = {e: graine.randint(0, 6) for e in experts} if avec_capacites else {}

    repartition = repartir(dossiers, experts, k, conflits=conflits, capacites=capacites)

    for dossier, choisis in repartition.nouvelles.items():
        assert len(choisis) == len(set(choisis)) <= k
        assert not any((expert, dossier) in conflits for expert in choisis)
    for expert, charge in repartition.charges.items():
        assert charge == sum(expert in choisis for choisis in repartition.nouvelles.values())
        assert capacites.get(expert) is None or charge <= capacites[expert]
    for dossier in dossiers:
        recus = len(repartition.nouvelles.get(dossier, []))
        assert repartition.manques.get(dossier, 0) == k - recus
        if recus < k:  # missing only when no eligible expert with room is left
            assert all(
                (e, dossier) in conflits
                or e in repartition.nouvelles.get(dossier, [])
                or (capacites.get(e) is not None and repartition.charges[e] >= capacites[e])
                for e in experts
            )
    if not conflits and not capacites and nombre_experts >= k:
        assert repartition.manques == {}
        assert ecart(repartition.charges) <= 1


# ---------------------------------------------------------------------------------------------------
# On the édition
# ---------------------------------------------------------------------------------------------------


@pytest.fixture
def huit_dossiers(jury):
    """Five more submitted villes (eight submitted dossiers in all, Chenôve's is not submitted)."""
    for i in range(5):
        commune = jury.ref["haulchin"] if i == 0 else None
        collectivite = (
            Collectivite.objects.create(nom="Haulchin", categorie=Categorie.VILLE, commune=commune)
            if commune
            else Collectivite.objects.create(code=f"20000000{i}", nom=f"Syndicat {i}", categorie=Categorie.TERRITOIRE)
        )
        Candidature.objects.create(
            edition=jury.e2027,
            collectivite=collectivite,
            categorie=collectivite.categorie,
            statut=StatutCandidature.SOUMISE,
            soumise_le=timezone.now(),
        )
    return jury


def test_the_proposal_covers_every_submitted_dossier_with_two_experts_without_the_conflicted_one(huit_dossiers):
    jury = huit_dossiers

    proposition = proposer_affectation(jury.e2027)

    assert proposition.k == 2
    assert len(proposition.nouvelles) == 8 and proposition.manques == []
    assert jury.dossier_chenove not in [c for c, _ in proposition.nouvelles]
    assert all(len(experts) == 2 for _c, experts in proposition.nouvelles)
    proposes_metropole = dict(proposition.nouvelles)[jury.dossier_metropole]
    assert jury.expert_chenove not in proposes_metropole
    assert proposition.ecart <= 1
    assert sorted(charge for _e, charge, _cap in proposition.charges) == [5, 5, 6]


def test_the_proposal_follows_the_editions_k_and_reports_what_cannot_be_done(jury):
    ParametresJury.objects.create(edition=jury.e2027, experts_par_dossier=3)
    jury.e2027.refresh_from_db()

    proposition = proposer_affectation(jury.e2027)

    # Three experts, one of them in conflict with the métropole: it can only get two.
    assert [(c, manque) for c, manque in proposition.manques] == [(jury.dossier_metropole, 1)]


def test_capacities_of_the_edition_are_respected(huit_dossiers):
    jury = huit_dossiers
    RoleEdition.objects.filter(user=jury.expert_a, role=RoleJury.EXPERT).update(capacite=2)

    proposition = proposer_affectation(jury.e2027)

    charges = {expert: charge for expert, charge, _cap in proposition.charges}
    # 16 places: expert_a takes 2 (one of them the métropole, which expert_chenove may not have), the others 7 each.
    assert charges == {jury.expert_a: 2, jury.expert_b: 7, jury.expert_chenove: 7}
    assert proposition.manques == []
    assert set(dict(proposition.nouvelles)[jury.dossier_metropole]) == {jury.expert_a, jury.expert_b}


def test_applying_the_proposal_creates_the_assignments_once(jury):
    proposition = proposer_affectation(jury.e2027)

    crees, refus = appliquer_proposition(proposition=proposition, par=jury.equipe)

    assert (crees, refus) == (6, [])
    assert Affectation.objects.count() == 6
    assert not Affectation.objects.filter(expert=jury.expert_chenove, candidature=jury.dossier_metropole).exists()
    assert proposer_affectation(jury.e2027).nouvelles == []


def test_staff_may_add_an_expert_by_hand_but_never_a_conflicted_one(jury):
    affecter_expert(candidature=jury.dossier_dijon, expert=jury.expert_a, par=jury.equipe)

    with pytest.raises(RefusJury, match="conflit d'intérêts"):
        affecter_expert(candidature=jury.dossier_metropole, expert=jury.expert_chenove, par=jury.equipe)
    with pytest.raises(RefusJury, match="évalue déjà"):
        affecter_expert(candidature=jury.dossier_dijon, expert=jury.expert_a, par=jury.equipe)
    with pytest.raises(RefusJury, match="n'est pas expert"):
        affecter_expert(candidature=jury.dossier_dijon, expert=jury.jure, par=jury.equipe)
    with pytest.raises(RefusJury, match="dossier soumis"):
        affecter_expert(candidature=jury.dossier_chenove, expert=jury.expert_a, par=jury.equipe)
    assert Affectation.objects.get().par == jury.equipe


def test_adding_beyond_the_capacity_is_refused(jury):
    RoleEdition.objects.filter(user=jury.expert_a).update(capacite=1)
    affecter_expert(candidature=jury.dossier_dijon, expert=jury.expert_a, par=jury.equipe)

    with pytest.raises(RefusJury, match="capacité"):
        affecter_expert(candidature=jury.dossier_la_rochelle, expert=jury.expert_a, par=jury.equipe)


def test_removing_an_expert_takes_their_draft_but_is_refused_once_they_submitted(jury):
    affecter(jury.dossier_dijon, jury.expert_a, jury.expert_b)
    Evaluation.objects.create(candidature=jury.dossier_dijon, expert=jury.expert_a, commentaire="brouillon")
    Evaluation.objects.create(
        candidature=jury.dossier_dijon,
        expert=jury.expert_b,
        statut=StatutEvaluation.SOUMISE,
        arobases_proposees=3,
        soumise_le=timezone.now(),
    )

    retirer_expert(affectation=Affectation.objects.get(expert=jury.expert_a))
    with pytest.raises(RefusJury, match="soumis"):
        retirer_expert(affectation=Affectation.objects.get(expert=jury.expert_b))

    assert list(Affectation.objects.values_list("expert__username", flat=True)) == ["expert.b"]
    assert list(Evaluation.objects.values_list("expert__username", flat=True)) == ["expert.b"]

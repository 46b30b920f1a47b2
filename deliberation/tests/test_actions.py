"""The rules of the deliberation: decisions, the title rule, the journal, the closure, amendments, publication."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from campagne.enums import StatutCandidature
from deliberation.actions import (
    ConflitDeDecision,
    DossiersEnSuspens,
    RefusDeliberation,
    amender,
    clore_deliberation,
    cloture_de,
    decider,
    ouvrir_deliberation,
    programmer_publication,
    titres_possibles,
)
from deliberation.enums import TypeEntree
from deliberation.models import Decision, EntreeJournal, JournalInalterable, MentionDecidee
from label.enums import StatutEdition
from label.models import Labellisation, Mention

MOTIFS = "Une politique numérique suivie, des actions documentées."


def decider_tout(monde, *, par=None, dijon=5, titre=True):
    """A decision on each submitted dossier of 2027 (Dijon's title confirmed unless told)."""
    par = par or monde.president
    return {
        "dijon": decider(
            candidature=monde.dossier_dijon,
            par=par,
            arobases=dijon,
            mentions={monde.transition.pk: "Sobriété des services municipaux."},
            motifs=MOTIFS,
            titre_confirme=titre,
        ),
        "la_rochelle": decider(
            candidature=monde.dossier_la_rochelle, par=par, arobases=2, mentions={}, motifs="Un village actif."
        ),
        "metropole": decider(
            candidature=monde.dossier_metropole, par=par, arobases=3, mentions={}, motifs="Mutualisation."
        ),
    }


# -- decisions ----------------------------------------------------------------------------------------------


def test_a_juror_records_a_decision_with_its_grounds_who_and_when(monde):
    avant = timezone.now()
    decision = decider(
        candidature=monde.dossier_la_rochelle,
        par=monde.jure,
        arobases=2,
        mentions={monde.mediation.pk: "  Un atelier chaque semaine.  "},
        motifs="Un village très actif.",
    )
    decision.refresh_from_db()
    assert (decision.arobases, decision.motifs, decision.decidee_par) == (2, "Un village très actif.", monde.jure)
    assert decision.decidee_le >= avant
    assert [(m.categorie, m.citation) for m in decision.mentions.all()] == [
        (monde.mediation, "Un atelier chaque semaine.")
    ]
    assert decision.version == 1


@pytest.mark.parametrize("arobases", [0, 6, None])
def test_a_decision_gives_from_one_to_five_arobases(monde, arobases):
    with pytest.raises(RefusDeliberation, match="de 1 à 5"):
        decider(candidature=monde.dossier_la_rochelle, par=monde.jure, arobases=arobases, mentions={}, motifs=MOTIFS)
    assert not Decision.objects.exists()


@pytest.mark.parametrize("arobases", [0, 6])
def test_the_database_refuses_a_decision_outside_one_to_five_arobases(monde, arobases):
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(candidature=monde.dossier_dijon, arobases=arobases, motifs=MOTIFS)


def test_a_decision_needs_its_grounds(monde):
    with pytest.raises(RefusDeliberation, match="motifs"):
        decider(candidature=monde.dossier_la_rochelle, par=monde.jure, arobases=2, mentions={}, motifs="   ")
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(candidature=monde.dossier_dijon, arobases=3, motifs="")


def test_a_mention_comes_from_the_editions_list_with_a_citation(monde):
    ancienne = monde.e2026.categories_mention.create(nom="Démocratie locale")
    with pytest.raises(RefusDeliberation, match="liste de l'édition"):
        decider(
            candidature=monde.dossier_dijon,
            par=monde.jure,
            arobases=4,
            mentions={ancienne.pk: "Budget participatif."},
            motifs=MOTIFS,
        )
    with pytest.raises(RefusDeliberation, match="citation du jury pour la mention « Médiation numérique »"):
        decider(
            candidature=monde.dossier_dijon,
            par=monde.jure,
            arobases=4,
            mentions={monde.mediation.pk: " "},
            motifs=MOTIFS,
        )
    assert not MentionDecidee.objects.exists()


def test_the_rule_proposes_the_title_for_a_sixth_5_and_the_jury_confirms_it(monde):
    decision = decider(
        candidature=monde.dossier_dijon, par=monde.jure, arobases=5, mentions={}, motifs=MOTIFS, titre_confirme=True
    )
    assert (decision.titre_propose, decision.titre_confirme, decision.titre_accorde) == (True, True, True)


def test_the_rule_proposes_no_title_below_5_nor_before_the_sixth_5(monde):
    assert titres_possibles(monde.e2027, [monde.dijon.pk, monde.la_rochelle.pk, monde.metropole.pk]) == {monde.dijon.pk}
    a_4 = decider(
        candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs=MOTIFS, titre_confirme=True
    )
    assert (a_4.titre_propose, a_4.titre_confirme) == (False, None)  # nothing to confirm
    premiere_5 = decider(
        candidature=monde.dossier_metropole, par=monde.jure, arobases=5, mentions={}, motifs=MOTIFS, titre_confirme=True
    )
    assert (premiere_5.titre_propose, premiere_5.titre_confirme) == (False, None)


def test_the_title_rule_reads_only_the_published_history(monde):
    # Dijon's fifth 5@ (2026) is hidden again: 5@ in 2027 would only be the fifth published one.
    monde.e2026.publication_at = timezone.now() + timedelta(days=1)
    monde.e2026.save()
    assert titres_possibles(monde.e2027, [monde.dijon.pk]) == set()


def test_the_database_refuses_a_title_confirmed_without_the_rules_proposal(monde):
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(candidature=monde.dossier_dijon, arobases=4, motifs=MOTIFS, titre_confirme=True)


def test_each_change_is_journaled_with_who_when_and_old_to_new(monde):
    decision = decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs=MOTIFS)
    decider(
        candidature=monde.dossier_dijon,
        par=monde.president,
        arobases=5,
        mentions={monde.mediation.pk: "Des ateliers partout."},
        motifs=MOTIFS,
        titre_confirme=False,
        version=decision.version,
    )
    creation, modification = EntreeJournal.objects.filter(candidature=monde.dossier_dijon)
    assert (creation.type, creation.par, modification.type, modification.par) == (
        TypeEntree.DECISION,
        monde.jure,
        TypeEntree.MODIFICATION,
        monde.president,
    )
    assert {"champ": "Arobases", "avant": "—", "apres": "4"} in creation.changements
    assert modification.changements == [
        {"champ": "Arobases", "avant": "4", "apres": "5"},
        {"champ": "Titre d'excellence", "avant": "non proposé", "apres": "non confirmé"},
        {"champ": "Mention « Médiation numérique »", "avant": "—", "apres": "Des ateliers partout."},
    ]


def test_saving_the_same_decision_again_writes_nothing_in_the_journal(monde):
    decision = decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs=MOTIFS)
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs=MOTIFS, version=1)
    assert EntreeJournal.objects.filter(candidature=monde.dossier_dijon).count() == 1
    decision.refresh_from_db()
    assert decision.version == 2


def test_a_decision_changed_meanwhile_is_not_overwritten(monde):
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs=MOTIFS)
    decider(candidature=monde.dossier_dijon, par=monde.president, arobases=3, mentions={}, motifs=MOTIFS, version=1)
    with pytest.raises(ConflitDeDecision):
        decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=5, mentions={}, motifs=MOTIFS, version=1)
    with pytest.raises(ConflitDeDecision):  # a form opened before the first decision existed
        decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=5, mentions={}, motifs=MOTIFS)
    assert Decision.objects.get().arobases == 3


def test_a_juror_in_conflict_cannot_decide(monde):
    with pytest.raises(RefusDeliberation, match="conflit d'intérêts"):
        decider(candidature=monde.dossier_dijon, par=monde.jure_metropole, arobases=3, mentions={}, motifs=MOTIFS)
    assert not Decision.objects.exists()


def test_decisions_wait_for_the_deliberation_to_open(monde):
    monde.e2027.statut = StatutEdition.EVALUATION
    monde.e2027.save()
    with pytest.raises(RefusDeliberation, match="pas ouverte"):
        decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=3, mentions={}, motifs=MOTIFS)
    ouvrir_deliberation(edition=monde.e2027, par=monde.equipe)
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=3, mentions={}, motifs=MOTIFS)
    assert EntreeJournal.objects.filter(type=TypeEntree.OUVERTURE, par=monde.equipe).exists()


def test_only_a_submitted_dossier_gets_a_decision(monde):
    with pytest.raises(RefusDeliberation, match="dossier soumis"):
        decider(candidature=monde.dossiers["chenove"], par=monde.jure, arobases=3, mentions={}, motifs=MOTIFS)


# -- closing ------------------------------------------------------------------------------------------------


def test_closing_needs_a_decision_on_every_submitted_dossier(monde):
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs=MOTIFS)
    with pytest.raises(DossiersEnSuspens, match="attendent encore une décision") as refus:
        clore_deliberation(edition=monde.e2027, par=monde.president)
    assert sorted(refus.value.candidature_ids) == sorted([monde.dossier_la_rochelle.pk, monde.dossier_metropole.pk])
    monde.e2027.refresh_from_db()
    assert monde.e2027.statut == StatutEdition.DELIBERATION
    assert not Labellisation.objects.filter(edition=monde.e2027).exists()


def test_closing_needs_every_proposed_title_examined(monde):
    decider_tout(monde, titre=None)
    with pytest.raises(DossiersEnSuspens, match="titre d'excellence proposé par la règle reste à examiner") as refus:
        clore_deliberation(edition=monde.e2027, par=monde.president)
    assert refus.value.candidature_ids == [monde.dossier_dijon.pk]


def test_closing_writes_the_results_secretly_and_closes_the_edition(monde):
    decider_tout(monde)
    assert clore_deliberation(edition=monde.e2027, par=monde.president) == 3
    monde.e2027.refresh_from_db()
    assert monde.e2027.statut == StatutEdition.CLOSE
    resultats = {
        lab.collectivite.nom: (lab.arobases, lab.categorie, lab.titre_excellence)
        for lab in Labellisation.objects.filter(edition=monde.e2027).select_related("collectivite")
    }
    assert resultats == {
        "Dijon": (5, "ville", True),
        "La Rochelle": (2, "village", False),
        "Dijon Métropole": (3, "territoire", False),
    }
    assert Mention.objects.get(labellisation__edition=monde.e2027).citation == "Sobriété des services municipaux."
    assert not Labellisation.objects.publiees().filter(edition=monde.e2027).exists()  # publication_at is empty
    cloture = cloture_de(monde.e2027)
    assert (cloture.par, cloture.type) == (monde.president, TypeEntree.CLOTURE)


def test_a_title_the_jury_does_not_confirm_is_not_given(monde):
    decider_tout(monde, titre=False)
    clore_deliberation(edition=monde.e2027, par=monde.president)
    assert not Labellisation.objects.get(edition=monde.e2027, collectivite=monde.dijon).titre_excellence


def test_a_decision_cannot_change_after_closing(monde):
    decisions = decider_tout(monde)
    clore_deliberation(edition=monde.e2027, par=monde.president)
    with pytest.raises(RefusDeliberation, match="amendement"):
        decider(
            candidature=monde.dossier_la_rochelle,
            par=monde.president,
            arobases=3,
            mentions={},
            motifs=MOTIFS,
            version=decisions["la_rochelle"].version,
        )
    with pytest.raises(RefusDeliberation, match="déjà close"):
        clore_deliberation(edition=monde.e2027, par=monde.president)
    assert Decision.objects.get(candidature=monde.dossier_la_rochelle).arobases == 2
    assert Labellisation.objects.get(edition=monde.e2027, collectivite=monde.la_rochelle).arobases == 2


def test_an_amendment_needs_a_reason_and_changes_the_results(monde):
    decisions = decider_tout(monde)
    clore_deliberation(edition=monde.e2027, par=monde.president)
    with pytest.raises(RefusDeliberation, match="motif"):
        amender(decision=decisions["la_rochelle"], par=monde.president, motif=" ", arobases=3, mentions={}, motifs="x")
    amender(
        decision=decisions["la_rochelle"],
        par=monde.president,
        motif="Erreur de saisie pendant la séance.",
        arobases=3,
        mentions={monde.mediation.pk: "Un atelier chaque semaine."},
        motifs="Un village actif.",
    )
    labellisation = Labellisation.objects.get(edition=monde.e2027, collectivite=monde.la_rochelle)
    assert labellisation.arobases == 3
    assert [m.citation for m in labellisation.mentions.all()] == ["Un atelier chaque semaine."]
    amendement = EntreeJournal.objects.get(type=TypeEntree.AMENDEMENT)
    assert (amendement.par, amendement.motif) == (monde.president, "Erreur de saisie pendant la séance.")
    assert {"champ": "Arobases", "avant": "2", "apres": "3"} in amendement.changements


def test_an_amendment_withdrawing_the_title_withdraws_it_from_the_results(monde):
    decisions = decider_tout(monde)
    clore_deliberation(edition=monde.e2027, par=monde.president)
    amender(
        decision=decisions["dijon"],
        par=monde.equipe,
        motif="Recours examiné.",
        arobases=5,
        mentions={},
        motifs=MOTIFS,
        titre_confirme=False,
    )
    assert not Labellisation.objects.get(edition=monde.e2027, collectivite=monde.dijon).titre_excellence
    assert not Mention.objects.filter(
        labellisation__collectivite=monde.dijon, labellisation__edition=monde.e2027
    ).exists()


def test_an_amendment_is_refused_before_closing(monde):
    decisions = decider_tout(monde)
    with pytest.raises(RefusDeliberation, match="pas close"):
        amender(decision=decisions["dijon"], par=monde.president, motif="x", arobases=4, mentions={}, motifs=MOTIFS)


def test_a_reopened_dossier_blocks_the_closure(monde):
    decider_tout(monde)
    monde.dossier_metropole.statut = StatutCandidature.REOUVERTE
    monde.dossier_metropole.save()
    with pytest.raises(RefusDeliberation, match="rouvert"):
        clore_deliberation(edition=monde.e2027, par=monde.president)


# -- the journal -------------------------------------------------------------------------------------------


def test_the_journal_is_append_only(monde):
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs=MOTIFS)
    entree = EntreeJournal.objects.get()
    entree.motif = "réécrit"
    with pytest.raises(JournalInalterable):
        entree.save()
    with pytest.raises(JournalInalterable):
        entree.delete()
    with pytest.raises(JournalInalterable):
        EntreeJournal.objects.update(motif="réécrit")
    with pytest.raises(JournalInalterable):
        EntreeJournal.objects.all().delete()
    assert EntreeJournal.objects.get().motif == ""


def test_the_database_keeps_one_closure_per_edition(monde):
    EntreeJournal.objects.create(edition=monde.e2027, type=TypeEntree.CLOTURE)
    with pytest.raises(IntegrityError), transaction.atomic():
        EntreeJournal.objects.create(edition=monde.e2027, type=TypeEntree.CLOTURE)


# -- publication --------------------------------------------------------------------------------------------


def test_publication_is_scheduled_once_closed_and_in_the_future(monde):
    demain = timezone.now() + timedelta(days=1)
    with pytest.raises(RefusDeliberation, match="une fois la délibération close"):
        programmer_publication(edition=monde.e2027, par=monde.equipe, publication_at=demain)
    decider_tout(monde)
    clore_deliberation(edition=monde.e2027, par=monde.president)
    with pytest.raises(RefusDeliberation, match="dans le futur"):
        programmer_publication(edition=monde.e2027, par=monde.equipe, publication_at=timezone.now() - timedelta(1))
    programmer_publication(edition=monde.e2027, par=monde.equipe, publication_at=demain)
    monde.e2027.refresh_from_db()
    assert monde.e2027.publication_at == demain
    entree = EntreeJournal.objects.get(type=TypeEntree.PUBLICATION)
    assert (entree.par, entree.changements[0]["avant"]) == (monde.equipe, "non programmée")


def test_the_publication_date_no_longer_moves_once_the_results_are_public(monde):
    decider_tout(monde)
    clore_deliberation(edition=monde.e2027, par=monde.president)
    programmer_publication(edition=monde.e2027, par=monde.equipe, publication_at=timezone.now() + timedelta(hours=1))
    plus_tard = timezone.now() + timedelta(hours=2)
    with pytest.raises(RefusDeliberation, match="déjà publics"):
        programmer_publication(edition=monde.e2027, par=monde.equipe, publication_at=None, maintenant=plus_tard)

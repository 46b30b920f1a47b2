"""The demo's 2027 deliberation (deliberation/demo.py), on the small hand-made référentiel."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from arobase.testing import make_collectivites, make_referentiel
from campagne.demo import construire_campagne_demo
from campagne.enums import StatutCandidature
from campagne.models import Candidature
from deliberation.demo import CLOTURE, DOMAINE, construire_deliberation_demo, supprimer_deliberation_demo
from deliberation.ecran import dossiers_a_deliberer
from deliberation.enums import TypeEntree
from deliberation.models import Decision, EntreeJournal
from jury.enums import RoleJury
from jury.models import Affectation, Evaluation, RoleEdition
from label.demo import calendrier
from label.enums import Categorie, StatutEdition
from label.models import CategorieMention, Collectivite, Edition, Labellisation
from territoires.models import Commune


@pytest.fixture
def historique(db):
    """Demo éditions 2025 and 2026; the référentiel's collectivités and 20 more villes labelled in 2026 (3@), the
    2026 mentions."""
    ref = make_referentiel()
    collectivites = list(make_collectivites(ref).values())
    for numero in range(20):
        commune = Commune.objects.create(
            code_insee=f"21{numero + 500}", nom=f"Ville {numero}", population=5000 + numero, departement=ref["cote_dor"]
        )
        collectivites.append(Collectivite.objects.create(nom=commune.nom, categorie=Categorie.VILLE, commune=commune))
    editions = {
        annee: Edition.objects.create(
            annee=annee, numero=annee - 1999, donnees_demo=True, seuil_village=2000, **calendrier(annee)
        )
        for annee in (2025, 2026)
    }
    for collectivite in collectivites:
        Labellisation.objects.create(
            edition=editions[2026], collectivite=collectivite, categorie=collectivite.categorie, arobases=3
        )
    CategorieMention.objects.create(edition=editions[2026], nom="Médiation numérique")
    return collectivites


@pytest.fixture
def demo(historique):
    construire_campagne_demo(seed=1)
    return construire_deliberation_demo(seed=1)


def test_the_2027_edition_is_in_deliberation_and_nothing_is_published(demo):
    edition = Edition.objects.get(annee=2027)
    assert edition.statut == StatutEdition.DELIBERATION and edition.publication_at is None
    assert edition.campagne_cloture == CLOTURE
    assert not Labellisation.objects.filter(edition=edition).exists()  # decisions are drafts
    assert Client().get("/palmares/2027/").status_code == 404
    assert not Candidature.objects.filter(edition=edition, soumise_le__gt=CLOTURE).exists()


def test_more_dossiers_are_submitted_and_each_gets_two_experts(demo):
    soumises = Candidature.objects.filter(edition__annee=2027, statut=StatutCandidature.SOUMISE)
    assert demo.soumis == soumises.count() > 3  # the campaign's demo submits 3 of its dozen
    for candidature in soumises:
        assert Affectation.objects.filter(candidature=candidature).count() == 2
    assert Evaluation.objects.filter(candidature__in=soumises).count() == 2 * soumises.count()


def test_the_jury_and_the_experts_are_fictitious_people_who_cannot_sign_in(demo):
    personnes = get_user_model().objects.filter(email__endswith=f"@{DOMAINE}")
    assert personnes.count() == 1 + 13 + 22
    assert not any(user.has_usable_password() for user in personnes)
    roles = RoleEdition.objects.filter(edition__annee=2027)
    assert roles.filter(role=RoleJury.PRESIDENT).count() == 1
    assert roles.filter(role=RoleJury.JURE).count() == 14  # the président is a juré too
    assert roles.filter(role=RoleJury.EXPERT).count() == 22


def test_experts_propose_around_last_years_level_and_some_disagree(demo):
    edition = Edition.objects.get(annee=2027)
    staff = get_user_model().objects.create_user("equipe", "equipe@example.org", "x", is_staff=True)
    dossiers = dossiers_a_deliberer(staff, edition)
    assert sum(1 for dossier in dossiers if dossier.desaccord) == demo.desaccords > 0
    autour = [p for dossier in dossiers if not dossier.desaccord for p in dossier.propositions]
    assert autour and all(2 <= p <= 4 for p in autour)  # everyone had 3@ in 2026


def test_some_draft_decisions_are_recorded_in_the_journal(demo):
    decisions = Decision.objects.filter(candidature__edition__annee=2027)
    assert decisions.count() == demo.decisions > 0
    assert EntreeJournal.objects.filter(type=TypeEntree.DECISION).count() == demo.decisions
    assert EntreeJournal.objects.filter(type=TypeEntree.OUVERTURE).count() == 1


def test_the_deliberation_can_be_removed_then_rebuilt_with_the_same_data(demo):
    def instantane():
        return sorted(
            Evaluation.objects.values_list("candidature__collectivite__code", "expert__email", "arobases_proposees")
        )

    premier = instantane()
    supprimer_deliberation_demo()
    assert not EntreeJournal.objects.exists() and not Decision.objects.exists()
    assert not get_user_model().objects.filter(email__endswith=f"@{DOMAINE}").exists()
    construire_campagne_demo(seed=1)
    construire_deliberation_demo(seed=1)
    assert instantane() == premier


def test_the_demo_command_adds_the_deliberation_to_a_demo_built_before_it(historique):
    from fiches.models import FicheAction

    FicheAction.objects.create(collectivite=historique[0], titre="Déjà là", synthese="x")
    construire_campagne_demo(seed=1)
    out = StringIO()

    call_command("demo", "--si-absente", stdout=out)
    call_command("demo", "--si-absente", stdout=out)

    assert "sans délibération :" in out.getvalue()
    assert "Délibération 2027 (campagne close le 15 novembre 2026 à 23:59)" in out.getvalue()
    assert out.getvalue().rstrip().endswith("rien à faire.")
    assert Edition.objects.get(annee=2027).statut == StatutEdition.DELIBERATION

"""The pages of experts, jurés and the président: each page for each person, a conflicted expert and juror
included (they never see the dossier, its evaluations or its counts)."""

import pytest

from ..enums import StatutEvaluation
from ..models import Evaluation
from .outils import affecter
from .test_evaluations import evaluer


@pytest.fixture
def affecte(jury):
    """expert_a and expert_b on Dijon; expert_a and expert_chenove on La Rochelle; expert_chenove also on the
    métropole, written in the database past every check (a conflict found after the assignment)."""
    affecter(jury.dossier_dijon, jury.expert_a, jury.expert_b)
    affecter(jury.dossier_la_rochelle, jury.expert_a, jury.expert_chenove)
    affecter(jury.dossier_metropole, jury.expert_chenove)
    return jury


def statut(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


ANONYME = None


# ---------------------------------------------------------------------------------------------------
# Who reaches which page
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qui, attendu",
    [
        (ANONYME, 302),
        ("referent_dijon", 404),
        ("agent_la_rochelle", 404),
        ("expert_a", 200),
        ("expert_chenove", 200),
        ("jure", 200),
        ("president", 200),
        ("equipe", 200),
    ],
)
def test_the_jury_home_and_the_edition_page_are_for_the_jury_and_staff(client, affecte, qui, attendu):
    user = getattr(affecte, qui) if qui else None

    assert statut(client, user, "/jury/") == attendu
    assert statut(client, user, "/jury/2027/") == attendu


def test_an_edition_where_one_has_no_role_is_a_404(client, affecte):
    assert statut(client, affecte.expert_a, "/jury/2026/") == 404
    assert statut(client, affecte.equipe, "/jury/2026/") == 200
    assert statut(client, affecte.equipe, "/jury/1990/") == 404


@pytest.mark.parametrize(
    "qui, dossier, attendu",
    [
        (ANONYME, "dijon", 302),
        ("referent_dijon", "dijon", 404),  # a member of the collectivité, no role in the jury
        ("agent_la_rochelle", "dijon", 404),
        ("expert_a", "dijon", 200),  # assigned
        ("expert_a", "metropole", 404),  # not assigned
        ("expert_chenove", "la_rochelle", 200),
        ("expert_chenove", "metropole", 404),  # assigned but in conflict
        ("jure", "dijon", 200),
        ("jure", "chenove", 200),
        ("jure_metropole", "dijon", 404),  # in conflict: a commune of the juror's métropole
        ("jure_metropole", "la_rochelle", 200),
        ("president", "metropole", 200),
        ("equipe", "metropole", 200),
    ],
)
def test_a_dossier_is_shown_to_staff_the_jury_and_its_experts_never_to_a_conflicted_person(
    client, affecte, qui, dossier, attendu
):
    user = getattr(affecte, qui) if qui else None
    candidature = affecte.dossiers[dossier]

    assert statut(client, user, f"/jury/2027/dossiers/{candidature.pk}/") == attendu


def test_a_dossier_of_another_edition_is_a_404(client, affecte):
    assert statut(client, affecte.equipe, f"/jury/2026/dossiers/{affecte.dossier_dijon.pk}/") == 404


@pytest.mark.parametrize(
    "qui, dossier, attendu",
    [
        (ANONYME, "dijon", 302),
        ("referent_dijon", "dijon", 404),
        ("expert_a", "dijon", 200),
        ("expert_b", "la_rochelle", 404),  # not assigned
        ("expert_chenove", "metropole", 404),  # in conflict
        ("jure", "dijon", 404),  # jurors read, they do not evaluate
        ("president", "dijon", 404),
        ("equipe", "dijon", 404),
    ],
)
def test_only_an_assigned_expert_without_conflict_reaches_the_evaluation_form(client, affecte, qui, dossier, attendu):
    user = getattr(affecte, qui) if qui else None
    candidature = affecte.dossiers[dossier]

    assert statut(client, user, f"/jury/2027/dossiers/{candidature.pk}/evaluation/") == attendu


# ---------------------------------------------------------------------------------------------------
# What the pages show
# ---------------------------------------------------------------------------------------------------


def test_mes_dossiers_lists_the_expert_s_visible_dossiers_with_the_deadline(client, affecte):
    from datetime import datetime

    from campagne.calendrier import PARIS

    from ..models import ParametresJury

    ParametresJury.objects.create(
        edition=affecte.e2027, date_limite_evaluation=datetime(2026, 12, 10, 18, 0, tzinfo=PARIS)
    )
    client.force_login(affecte.expert_chenove)

    html = client.get("/jury/2027/").content.decode()

    assert '<h2 id="mes-dossiers">Mes dossiers</h2>' in html
    assert "10 décembre 2026 à 18:00" in html
    assert "La Rochelle" in html
    assert "Dijon Métropole" not in html  # assigned but in conflict: not even its name
    assert "1 dossier à évaluer" in html


def test_the_dossier_page_shows_the_answers_the_mosaique_and_no_form_to_change_them(client, affecte):
    client.force_login(affecte.expert_a)

    html = client.get(f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/").content.decode()

    assert "<h1>Dijon — dossier du label 2027</h1>" in html
    assert "Réponses au questionnaire" in html and "Quelle est votre stratégie numérique ?" in html
    assert 'id="mosaique"' in html
    assert "Évaluer ce dossier" in html
    assert "hx-post" not in html and 'name="valeur"' not in html


def test_the_dossier_page_hides_the_other_evaluations_until_one_s_own_is_submitted(client, affecte):
    evaluer(affecte, affecte.expert_b, affecte.dossier_dijon, arobases=4)
    client.force_login(affecte.expert_a)
    url = f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/"

    avant = client.get(url).content.decode()
    assert "leurs évaluations vous seront visibles quand vous aurez soumis la vôtre" in avant
    assert "Avis de expert.b" not in avant and "4 @ proposées" not in avant

    evaluer(affecte, affecte.expert_a, affecte.dossier_dijon, arobases=3)
    apres = client.get(url).content.decode()
    assert "Avis de expert.b" in apres and "4 @ proposées" in apres
    assert "Mon évaluation — soumise : 3 @ proposées" in apres


def test_a_juror_reads_the_submitted_evaluations_with_the_names_of_the_experts(client, affecte):
    evaluer(affecte, affecte.expert_b, affecte.dossier_dijon, arobases=4)
    evaluer(affecte, affecte.expert_a, affecte.dossier_dijon, arobases=2, soumettre=False)
    client.force_login(affecte.jure)

    html = client.get(f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/").content.decode()

    assert "Avis de expert.b" in html
    assert "Avis de expert.a" not in html  # a draft
    assert "Experts : Expert A, Expert B." in html


def test_the_list_of_dossiers_shows_only_what_one_may_see_and_counts_nothing_else(client, affecte):
    evaluer(affecte, affecte.expert_a, affecte.dossier_dijon, arobases=2)
    evaluer(affecte, affecte.expert_b, affecte.dossier_dijon, arobases=4)

    client.force_login(affecte.jure)
    tout = client.get("/jury/2027/dossiers/").content.decode()
    assert "3 dossiers" in tout  # Chenôve's is not submitted
    assert "2, 4 (moyenne 3,0)" in tout

    client.force_login(affecte.jure_metropole)
    en_conflit = client.get("/jury/2027/dossiers/").content.decode()
    assert "1 dossier</caption>" in en_conflit
    assert "Dijon" not in en_conflit and "Dijon Métropole" not in en_conflit and "2, 4" not in en_conflit

    client.force_login(affecte.expert_chenove)
    expert = client.get("/jury/2027/dossiers/").content.decode()
    assert "1 dossier</caption>" in expert and "La Rochelle" in expert and "Métropole" not in expert


def test_searching_never_finds_a_conflicted_dossier(client, affecte):
    client.force_login(affecte.jure_metropole)

    html = client.get("/jury/2027/dossiers/", {"q": "Dijon"}).content.decode()

    assert "0 dossier pour « Dijon »" in html
    assert client.get("/jury/2027/dossiers/", {"q": "x" * 500}).status_code == 200


def test_the_list_of_dossiers_hides_the_proposals_of_a_dossier_from_its_expert_until_they_submit(client, affecte):
    evaluer(affecte, affecte.expert_b, affecte.dossier_dijon, arobases=4)
    client.force_login(affecte.expert_a)

    html = client.get("/jury/2027/dossiers/").content.decode()

    assert "visibles après votre évaluation" in html and "4 (moyenne" not in html


def test_the_list_of_dossiers_costs_a_fixed_number_of_queries(client, affecte, django_assert_num_queries):
    evaluer(affecte, affecte.expert_a, affecte.dossier_dijon, arobases=2)
    client.force_login(affecte.jure)
    client.get("/jury/2027/dossiers/")  # warm the session and MFA caches

    # session, user, jury role (MFA required?), MFA (authenticator), édition, roles (access), roles
    # (candidatures_visibles), settings (conflicts), the dossiers with their counts, my assignments, my
    # submitted evaluations, roles (may read all?), the proposals, the demo banner.
    with django_assert_num_queries(14):
        client.get("/jury/2027/dossiers/")
    evaluer(affecte, affecte.expert_b, affecte.dossier_dijon, arobases=4)
    evaluer(affecte, affecte.expert_a, affecte.dossier_la_rochelle, arobases=3)
    with django_assert_num_queries(14):
        client.get("/jury/2027/dossiers/")


# ---------------------------------------------------------------------------------------------------
# The evaluation form
# ---------------------------------------------------------------------------------------------------


def donnees(jury, **autres):
    champs = {f"note_{critere.pk}": "3" for critere in jury.criteres}
    champs.update(
        arobases_proposees="4", commentaire="Belle progression.", note_collectivite="Bravo.", note_partageable="on"
    )
    champs.update(autres)
    return champs


def test_the_form_saves_a_draft_and_shows_it_again(client, affecte):
    client.force_login(affecte.expert_a)
    url = f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/evaluation/"

    reponse = client.post(url, donnees(affecte, enregistrer=""))

    assert reponse.status_code == 302 and reponse["Location"] == url
    evaluation = Evaluation.objects.get()
    assert evaluation.statut == StatutEvaluation.BROUILLON and evaluation.score == 75
    html = client.get(url).content.decode()
    assert "Brouillon enregistré." in html and "Belle progression." in html
    assert "Score pondéré du brouillon : 75,0 sur 100." in html


def test_submitting_redirects_to_the_dossier_and_locks_the_evaluation(client, affecte):
    client.force_login(affecte.expert_a)
    url = f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/evaluation/"

    reponse = client.post(url, donnees(affecte, soumettre=""))

    assert reponse["Location"] == f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/"
    assert Evaluation.objects.get().statut == StatutEvaluation.SOUMISE
    assert client.get(url)["Location"] == f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/"
    assert client.post(url, donnees(affecte, arobases_proposees="1", enregistrer="")).status_code == 302
    assert Evaluation.objects.get().arobases_proposees == 4


def test_an_incomplete_submission_keeps_what_was_typed_as_a_draft_and_says_what_is_missing(client, affecte):
    client.force_login(affecte.expert_a)
    url = f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/evaluation/"
    champs = donnees(affecte, arobases_proposees="", soumettre="")
    champs[f"note_{affecte.criteres[0].pk}"] = ""

    reponse = client.post(url, champs)

    html = reponse.content.decode()
    assert reponse.status_code == 422
    assert "<title>Erreur : Évaluer Dijon" in html
    assert "Notez ce critère avant de soumettre." in html
    assert "Proposez un nombre d&#x27;arobases avant de soumettre." in html
    assert "Belle progression." in html
    evaluation = Evaluation.objects.get()
    assert evaluation.statut == StatutEvaluation.BROUILLON and evaluation.commentaire == "Belle progression."


def test_an_invalid_score_is_refused_in_french_and_nothing_is_saved(client, affecte):
    client.force_login(affecte.expert_a)
    url = f"/jury/2027/dossiers/{affecte.dossier_dijon.pk}/evaluation/"

    reponse = client.post(url, donnees(affecte, arobases_proposees="9", enregistrer=""))

    assert reponse.status_code == 422
    assert "Sélectionnez un choix valide" in reponse.content.decode()
    assert not Evaluation.objects.exists()


def test_a_conflicted_expert_cannot_post_an_evaluation(client, affecte):
    client.force_login(affecte.expert_chenove)

    reponse = client.post(
        f"/jury/2027/dossiers/{affecte.dossier_metropole.pk}/evaluation/", donnees(affecte, soumettre="")
    )

    assert reponse.status_code == 404
    assert not Evaluation.objects.exists()


@pytest.mark.parametrize("qui, lien", [("jure", True), ("president", True), ("equipe", True), ("expert_a", False)])
def test_the_edition_page_links_the_deliberation_for_those_who_deliberate(client, affecte, qui, lien):
    client.force_login(getattr(affecte, qui))
    page = client.get("/jury/2027/").content.decode()
    assert ('href="/deliberation/2027/"' in page) is lien

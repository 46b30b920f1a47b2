"""The deliberation screen /deliberation/<annee>/ and the list /deliberation/, for each role."""

import pytest
from django.urls import reverse

from deliberation.actions import decider
from jury.enums import RoleJury
from jury.models import RoleEdition
from jury.tests.outils import soumettre
from label.enums import Categorie
from label.models import Collectivite

from .outils import evaluer


def ecran(annee=2027):
    return reverse("deliberation:ecran", args=[annee])


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, monde):
    reponse = client.get(ecran())
    assert reponse.status_code == 302
    assert reponse.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("qui", ["referent_dijon", "agent_la_rochelle", "expert_a", "expert_seul"])
def test_a_member_of_a_collectivite_or_an_expert_not_on_the_jury_gets_a_404(client, monde, qui):
    client.force_login(getattr(monde, qui))
    assert client.get(ecran()).status_code == 404
    assert client.get(reverse("deliberation:index")).status_code == 404


def test_a_juror_without_two_factor_authentication_is_sent_to_turn_it_on(client, monde):
    monde.jure.authenticator_set.all().delete()
    client.force_login(monde.jure)
    reponse = client.get(ecran())
    assert reponse.status_code == 302 and reponse.url == reverse("mfa_index")


def test_a_juror_sees_every_submitted_dossier_grouped_by_the_experts_proposal(client, monde):
    client.force_login(monde.jure)
    reponse = client.get(ecran())
    assert reponse.status_code == 200
    groupes = [(g.proposition, [d.collectivite.nom for d in g.dossiers]) for g in reponse.context["groupes"]]
    # Dijon 5 and 4 → 4.5 → 5; Métropole 3 (the draft is not counted); La Rochelle 1 and 3 → 2.
    assert groupes == [(5, ["Dijon"]), (3, ["Dijon Métropole"]), (2, ["La Rochelle"])]
    contenu = reponse.content.decode()
    assert "Chenôve" not in contenu  # registered, not submitted
    assert "Désaccord de 2 @" in contenu
    assert "Une politique complète et suivie." in contenu  # an expert's summary
    assert "Clore la délibération" not in contenu  # the président's


def test_the_screen_shows_last_years_level_and_the_mosaique(client, monde):
    client.force_login(monde.jure)
    reponse = client.get(ecran())
    dossiers = {d.collectivite.nom: d for g in reponse.context["groupes"] for d in g.dossiers}
    assert {nom: d.niveau_precedent for nom, d in dossiers.items()} == {
        "Dijon": 5,
        "La Rochelle": 2,
        "Dijon Métropole": 3,
    }
    assert len(dossiers["Dijon"].mosaique.tuiles) == 16
    assert dossiers["Dijon"].titre_possible and not dossiers["La Rochelle"].titre_possible


def test_a_juror_in_conflict_never_sees_the_dossier_nor_counts_it(client, monde):
    client.force_login(monde.jure_metropole)  # an agent of the métropole: Dijon (member commune) and the métropole
    reponse = client.get(ecran())
    assert reponse.status_code == 200
    contenu = reponse.content.decode()
    assert [d.collectivite.nom for g in reponse.context["groupes"] for d in g.dossiers] == ["La Rochelle"]
    assert f"/dossiers/{monde.dossier_dijon.pk}/" not in contenu
    assert f"/dossiers/{monde.dossier_metropole.pk}/" not in contenu
    assert "Une politique complète et suivie." not in contenu
    assert "1 dossier soumis" in contenu


def test_the_president_sees_the_closing_form_and_staff_the_publication_link(client, monde):
    client.force_login(monde.president)
    contenu = client.get(ecran()).content.decode()
    assert "Clore la délibération" in contenu and "Date de publication" not in contenu
    client.force_login(monde.equipe)
    contenu = client.get(ecran()).content.decode()
    assert "Clore la délibération" not in contenu and reverse("deliberation:publication", args=[2027]) in contenu


def test_the_filters_keep_a_kind_a_region_or_the_disagreements(client, monde):
    client.force_login(monde.jure)

    def noms(parametres):
        reponse = client.get(ecran(), parametres)
        return sorted(d.collectivite.nom for g in reponse.context["groupes"] for d in g.dossiers)

    assert noms({"categorie": "village"}) == ["La Rochelle"]
    assert noms({"desaccord": "on"}) == ["La Rochelle"]
    assert noms({"region": monde.ref["region"].code}) == ["Dijon", "Dijon Métropole", "La Rochelle"]
    assert noms({"region": monde.ref["region2"].code}) == []
    assert noms({"categorie": "n-importe-quoi", "region": "zz"}) == ["Dijon", "Dijon Métropole", "La Rochelle"]


def test_the_list_of_editions_shows_those_the_user_deliberates_on(client, monde):
    client.force_login(monde.jure)
    reponse = client.get(reverse("deliberation:index"))
    assert reponse.status_code == 200
    assert ecran() in reponse.content.decode()


def test_an_edition_without_a_role_is_a_404_even_for_a_juror_of_another(client, monde):
    client.force_login(monde.jure)
    assert client.get(ecran(2026)).status_code == 404
    assert client.get(ecran(1990)).status_code == 404


def test_the_screen_is_read_in_a_constant_number_of_queries(client, monde, django_assert_num_queries):
    client.force_login(monde.jure)
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs="Des motifs.")
    # session, user, the jury's check of two-factor authentication (role? authenticator?), the édition, the
    # user's roles (deliberation.access), the régions of the filter, the roles again and the édition's settings
    # (jury.conflits), the dossiers with their decision, their evaluations, the decisions' mentions, the user's
    # assignments (hidden evaluations), last year's levels, the 5@ history (title rule), the enjeux, the counts of
    # fiches (mosaïques), the demo banner.
    with django_assert_num_queries(18):
        client.get(ecran())
    for numero in range(5):  # five more submitted dossiers (syndicats), each evaluated and decided
        syndicat = Collectivite.objects.create(
            nom=f"Syndicat {numero}", code=f"99000000{numero}", categorie=Categorie.TERRITOIRE
        )
        candidature = soumettre(monde.e2027, syndicat)
        evaluer(candidature, monde.expert_a, 2, commentaire="Commentaire.")
        decider(
            candidature=candidature, par=monde.jure, arobases=2, mentions={monde.mediation.pk: "Bravo."}, motifs="x"
        )
    with django_assert_num_queries(18):
        reponse = client.get(ecran())
    assert reponse.context["nombre"] == 8


def test_a_juror_who_is_also_an_expert_reads_the_others_evaluations_once_hers_is_submitted(client, monde):
    RoleEdition.objects.create(user=monde.jure, edition=monde.e2027, role=RoleJury.EXPERT)
    mienne = evaluer(monde.dossier_la_rochelle, monde.jure, 2, soumise=False)
    client.force_login(monde.jure)

    def lues():
        reponse = client.get(ecran())
        dossier = next(d for g in reponse.context["groupes"] for d in g.dossiers if d.candidature == mienne.candidature)
        page = client.get(reverse("deliberation:dossier", args=[2027, mienne.candidature.pk]))
        return dossier.propositions, [e.expert for e in page.context["dossier"].evaluations]

    assert lues() == ([], [])
    mienne.soumettre()
    assert lues() == ([1, 2, 3], [monde.expert_a, monde.expert_b, monde.jure])


def test_the_list_of_editions_leaves_out_the_history_not_deliberated_here(client, monde):
    client.force_login(monde.equipe)
    editions = client.get(reverse("deliberation:index")).context["editions"]
    assert [edition.annee for edition in editions] == [2027]  # 2022-2026 are closed, but not by this site

"""Staff's pages: roles, settings and grid, assignment, conflicts. Staff only (404 for everyone else), and a
staff member in conflict with a dossier does not see it there either."""

import pytest

from comptes.enums import Role
from comptes.models import Appartenance

from ..enums import RoleJury
from ..models import Affectation, Critere, LeveeConflit, ParametresJury, RoleEdition
from .outils import affecter, make_jury

PAGES = [
    "/jury/2027/equipe/roles/",
    "/jury/2027/equipe/parametres/",
    "/jury/2027/equipe/affectation/",
    "/jury/2027/equipe/affectation/?proposer=1",
    "/jury/2027/equipe/conflits/",
]
MUTATIONS = [
    "/jury/2027/equipe/roles/accorder/",
    "/jury/2027/equipe/grille-proposee/",
    "/jury/2027/equipe/affectation/appliquer/",
    "/jury/2027/equipe/conflits/lever/",
]


@pytest.mark.parametrize("qui", [None, "referent_dijon", "expert_a", "jure", "president"])
def test_staff_pages_are_a_404_for_everyone_but_staff(client, jury, qui):
    if qui:
        client.force_login(getattr(jury, qui))
    for url in PAGES:
        assert client.get(url).status_code == (302 if qui is None else 404), url
    for url in MUTATIONS:
        assert client.post(url, {}).status_code == (302 if qui is None else 404), url
    assert not Affectation.objects.exists()


def test_staff_pages_answer_staff(client, jury):
    client.force_login(jury.equipe)

    for url in PAGES:
        assert client.get(url).status_code == 200, url
    for url in MUTATIONS[:3]:
        assert client.get(url).status_code == 405, url


def test_staff_grant_a_role_with_a_capacity_and_take_it_back(client, jury):
    client.force_login(jury.equipe)

    reponse = client.post(
        "/jury/2027/equipe/roles/accorder/", {"email": "Agent@Dijon.fr", "role": RoleJury.EXPERT, "capacite": "12"}
    )

    assert reponse["Location"] == "/jury/2027/equipe/roles/"
    role = RoleEdition.objects.get(user=jury.agent_dijon)
    assert (role.role, role.capacite, role.accorde_par) == (RoleJury.EXPERT, 12, jury.equipe)
    html = client.get("/jury/2027/equipe/roles/").content.decode()
    assert '<span class="aide">agent@dijon.fr</span></th>' in html and '<td class="nombre">12</td>' in html
    client.post(f"/jury/2027/equipe/roles/{role.pk}/retirer/")
    assert not RoleEdition.objects.filter(user=jury.agent_dijon).exists()


def test_granting_a_role_to_an_unknown_address_keeps_what_was_typed(client, jury):
    client.force_login(jury.equipe)

    reponse = client.post("/jury/2027/equipe/roles/accorder/", {"email": "personne@nulle-part.fr", "role": "expert"})

    html = reponse.content.decode()
    assert reponse.status_code == 422
    assert "<title>Erreur : Membres du jury" in html
    assert "Aucun compte n&#x27;a cette adresse" in html and 'value="personne@nulle-part.fr"' in html


def test_staff_set_the_edition_s_settings(client, jury):
    client.force_login(jury.equipe)

    reponse = client.post(
        "/jury/2027/equipe/parametres/",
        {"experts_par_dossier": "3", "date_limite_evaluation": "2026-12-10T18:00", "conflit_meme_departement": "on"},
    )

    assert reponse.status_code == 302
    parametres = ParametresJury.objects.get(edition=jury.e2027)
    assert parametres.experts_par_dossier == 3 and parametres.conflit_meme_departement
    assert parametres.date_limite_evaluation.isoformat() == "2026-12-10T17:00:00+00:00"
    assert client.post("/jury/2027/equipe/parametres/", {"experts_par_dossier": "0"}).status_code == 422


def test_staff_create_the_proposed_grid_once(client, jury):
    Critere.objects.all().delete()
    client.force_login(jury.equipe)

    assert "Créer la grille proposée" in client.get("/jury/2027/equipe/parametres/").content.decode()
    client.post("/jury/2027/equipe/grille-proposee/")
    client.post("/jury/2027/equipe/grille-proposee/")

    assert Critere.objects.filter(edition=jury.e2027).count() == 4


def test_staff_review_the_proposal_then_apply_it(client, jury):
    client.force_login(jury.equipe)

    apercu = client.get("/jury/2027/equipe/affectation/?proposer=1").content.decode()
    assert "6 affectations à créer" in apercu and "l'écart de charge entre experts serait de 0 dossier" in apercu
    assert not Affectation.objects.exists()

    reponse = client.post("/jury/2027/equipe/affectation/appliquer/", follow=True)

    assert "6 affectation(s) créée(s)." in reponse.content.decode()
    assert Affectation.objects.count() == 6
    assert not Affectation.objects.filter(expert=jury.expert_chenove, candidature=jury.dossier_metropole).exists()


def test_staff_add_an_expert_by_hand_and_a_conflicted_one_is_refused(client, jury):
    client.force_login(jury.equipe)

    client.post(f"/jury/2027/equipe/dossiers/{jury.dossier_dijon.pk}/affecter/", {"expert": jury.expert_a.pk})
    refus = client.post(
        f"/jury/2027/equipe/dossiers/{jury.dossier_metropole.pk}/affecter/",
        {"expert": jury.expert_chenove.pk},
        follow=True,
    )
    juré = client.post(
        f"/jury/2027/equipe/dossiers/{jury.dossier_dijon.pk}/affecter/", {"expert": jury.jure.pk}, follow=True
    )

    assert "est en conflit d&#x27;intérêts avec ce dossier" in refus.content.decode()
    assert "Choisissez un expert de l&#x27;édition." in juré.content.decode()
    assert list(Affectation.objects.values_list("candidature", "expert")) == [(jury.dossier_dijon.pk, jury.expert_a.pk)]


def test_staff_remove_an_expert(client, jury):
    affecter(jury.dossier_dijon, jury.expert_a)
    client.force_login(jury.equipe)

    client.post(f"/jury/2027/equipe/affectations/{Affectation.objects.get().pk}/retirer/")

    assert not Affectation.objects.exists()


def test_the_conflicts_page_lists_each_conflict_with_its_reasons(client, jury):
    client.force_login(jury.equipe)

    html = client.get("/jury/2027/equipe/conflits/").content.decode()

    assert "Membre d&#x27;une commune du territoire" in html  # expert_chenove and the métropole
    assert "Membre de l&#x27;intercommunalité de la commune" in html  # jure_metropole and Dijon, Chenôve
    assert "5 conflits" in html  # chenove: métropole, Chenôve; jure_metropole: Dijon, Chenôve, métropole


def test_staff_lift_a_conflict_with_a_reason_recorded_with_who_and_when(client, jury):
    client.force_login(jury.equipe)
    champs = {"user": jury.expert_chenove.pk, "candidature": jury.dossier_metropole.pk}

    sans_motif = client.post("/jury/2027/equipe/conflits/lever/", champs | {"motif": ""})
    reponse = client.post("/jury/2027/equipe/conflits/lever/", champs | {"motif": "A quitté Chenôve."}, follow=True)

    assert sans_motif.status_code == 422 and "Donnez le motif de la levée du conflit." in sans_motif.content.decode()
    levee = LeveeConflit.objects.get()
    assert (levee.user, levee.candidature, levee.par) == (jury.expert_chenove, jury.dossier_metropole, jury.equipe)
    assert "« A quitté Chenôve. », levé le" in reponse.content.decode()


def test_a_staff_member_in_conflict_does_not_see_the_dossier_on_staff_pages(client, jury):
    Appartenance.objects.create(user=jury.equipe, collectivite=jury.la_rochelle, role=Role.CONTRIBUTEUR)
    affecter(jury.dossier_la_rochelle, jury.expert_a)
    client.force_login(jury.equipe)

    for url in PAGES:
        assert "La Rochelle" not in client.get(url).content.decode(), url
    assert client.get(f"/jury/2027/dossiers/{jury.dossier_la_rochelle.pk}/").status_code == 404
    assert client.post(f"/jury/2027/equipe/dossiers/{jury.dossier_la_rochelle.pk}/affecter/").status_code == 404
    autre = Affectation.objects.get()
    assert client.post(f"/jury/2027/equipe/affectations/{autre.pk}/retirer/").status_code == 404


def test_the_assignment_page_costs_a_fixed_number_of_queries(client, jury, django_assert_num_queries):
    client.force_login(jury.equipe)
    client.get("/jury/2027/equipe/affectation/")

    # session, user, MFA, édition, roles (candidatures_visibles skips them for staff), settings (conflicts),
    # dossiers, assignments, evaluations, experts, loads, settings (k), the demo banner.
    with django_assert_num_queries(12):
        client.get("/jury/2027/equipe/affectation/")
    affecter(jury.dossier_dijon, jury.expert_a, jury.expert_b)
    affecter(jury.dossier_la_rochelle, jury.expert_a)
    with django_assert_num_queries(12):
        client.get("/jury/2027/equipe/affectation/")


def test_a_staff_member_without_two_factor_authentication_is_sent_to_turn_it_on(client, db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    jury = make_jury(mfa=False)
    client.force_login(jury.equipe)

    assert client.get("/jury/2027/equipe/roles/")["Location"] == "/compte/double-authentification/"

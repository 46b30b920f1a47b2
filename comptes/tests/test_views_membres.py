"""Managing a collectivité: /espace/collectivites/<code>/membres/, decisions, roles, removal, domains."""

import pytest

from comptes.enums import Role, StatutDemande
from comptes.models import Appartenance, DemandeAdhesion, DomaineCollectivite
from comptes.testing import activer_totp

MEMBRES = "/espace/collectivites/21231/membres/"
MFA = "/compte/double-authentification/"


@pytest.fixture
def demande(monde, creer_personne):
    marie = creer_personne("marie@exemple.fr", first_name="Marie", last_name="Curie")
    return DemandeAdhesion.objects.create(user=marie, collectivite=monde.dijon, message="Secrétaire de mairie")


def decider(client, demande, **donnees):
    prefixe = f"demande-{demande.pk}-"
    return client.post(f"/espace/demandes/{demande.pk}/decision/", {prefixe + k: v for k, v in donnees.items()})


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, monde):
    assert client.get(MEMBRES)["Location"] == f"/compte/connexion/?next={MEMBRES}"


@pytest.mark.parametrize("qui", ["agent_dijon", "agent_la_rochelle"])
def test_a_contributeur_or_another_collectivite_gets_a_404(client, monde, demande, qui):
    client.force_login(getattr(monde, qui))

    assert client.get(MEMBRES).status_code == 404
    assert decider(client, demande, decision="accepter", role="referent").status_code == 404
    assert client.post("/espace/collectivites/21231/domaines/", {"domaine": "dijon.fr"}).status_code == 404
    referent = Appartenance.objects.get(user=monde.referent_dijon)
    assert (
        client.post(f"/espace/membres/{referent.pk}/role/", {f"membre-{referent.pk}-role": "contributeur"}).status_code
        == 404
    )
    assert client.post(f"/espace/membres/{referent.pk}/retirer/").status_code == 404
    demande.refresh_from_db()
    assert demande.statut == StatutDemande.EN_ATTENTE
    assert Appartenance.objects.get(user=monde.referent_dijon).role == Role.REFERENT


@pytest.mark.parametrize("qui", ["referent_dijon", "equipe"])
def test_a_referent_and_staff_see_members_requests_and_domains(client, monde, demande, qui):
    activer_totp(monde.equipe)  # staff need it (test below); the référent has none
    client.force_login(getattr(monde, qui))

    html = client.get(MEMBRES).content.decode()

    assert "<title>Membres de Dijon — " in html
    assert "Marie Curie" in html and "« Secrétaire de mairie »" in html
    assert "2 membres, dont 1 référent" in html
    assert "Domaines de messagerie" in html


def test_staff_without_two_factor_authentication_are_sent_to_turn_it_on_and_see_no_member(client, monde, demande):
    domaine = DomaineCollectivite.objects.create(collectivite=monde.dijon, domaine="dijon.fr")
    referent = Appartenance.objects.get(user=monde.referent_dijon)
    agent = Appartenance.objects.get(user=monde.agent_dijon)
    client.force_login(monde.equipe)

    reponses = [
        client.get(MEMBRES),
        decider(client, demande, decision="accepter", role="referent"),
        client.post(f"/espace/membres/{referent.pk}/role/", {f"membre-{referent.pk}-role": "contributeur"}),
        client.post(f"/espace/membres/{agent.pk}/retirer/"),
        client.post("/espace/collectivites/21231/domaines/", {"domaine": "dijon.fr"}),
        client.post(f"/espace/domaines/{domaine.pk}/retirer/"),
    ]

    for reponse in reponses:
        assert (reponse.status_code, reponse["Location"]) == (302, MFA)
        html = reponse.content.decode()
        assert "Marie Curie" not in html and "marie@exemple.fr" not in html and "referent@dijon.fr" not in html
    demande.refresh_from_db()
    assert demande.statut == StatutDemande.EN_ATTENTE
    assert Appartenance.objects.filter(pk=agent.pk).exists()
    assert Appartenance.objects.get(pk=referent.pk).role == Role.REFERENT
    assert list(DomaineCollectivite.objects.values_list("domaine", flat=True)) == ["dijon.fr"]
    assert "demandent la double authentification" in client.get(MEMBRES, follow=True).content.decode()

    activer_totp(monde.equipe)
    html = client.get(MEMBRES).content.decode()
    assert "Marie Curie" in html and "marie@exemple.fr" in html and "referent@dijon.fr" in html


def test_staff_who_are_its_referent_manage_their_collectivite_without_it(client, monde, demande):
    monde.referent_dijon.is_staff = True
    monde.referent_dijon.save()
    client.force_login(monde.referent_dijon)

    html = client.get(MEMBRES).content.decode()
    reponse = decider(client, demande, decision="accepter", role="contributeur")

    assert "Marie Curie" in html and "marie@exemple.fr" in html
    assert reponse["Location"] == MEMBRES
    assert Appartenance.objects.get(user=demande.user).role == Role.CONTRIBUTEUR


def test_the_members_page_takes_a_fixed_number_of_queries(client, monde, demande, django_assert_num_queries):
    client.force_login(monde.referent_dijon)

    # session, user, collectivité, access (référent?), members, pending requests, domains, demo banner
    with django_assert_num_queries(8):
        client.get(MEMBRES)


def test_the_last_referent_has_no_button_to_step_down(client, monde):
    client.force_login(monde.referent_dijon)

    html = client.get(MEMBRES).content.decode()

    assert "(seul référent)" in html
    referent = Appartenance.objects.get(user=monde.referent_dijon)
    assert f"/espace/membres/{referent.pk}/retirer/" not in html


def test_a_referent_accepts_a_request_with_a_role(client, monde, demande, mailoutbox):
    client.force_login(monde.referent_dijon)

    response = decider(client, demande, decision="accepter", role="contributeur")

    assert response["Location"] == MEMBRES
    assert Appartenance.objects.get(user=demande.user).role == Role.CONTRIBUTEUR
    assert [m.to for m in mailoutbox] == [["marie@exemple.fr"]]


def test_staff_refuse_a_request_with_a_reason(client, monde, demande, mailoutbox):
    activer_totp(monde.equipe)
    client.force_login(monde.equipe)

    decider(client, demande, decision="refuser", role="contributeur", motif="Inconnue en mairie")

    demande.refresh_from_db()
    assert (demande.statut, demande.motif, demande.decidee_par) == (
        StatutDemande.REFUSEE,
        "Inconnue en mairie",
        monde.equipe,
    )
    assert "Motif : Inconnue en mairie" in mailoutbox[0].body


def test_a_decision_without_choice_changes_nothing(client, monde, demande):
    client.force_login(monde.referent_dijon)

    response = decider(client, demande, role="contributeur")

    assert response["Location"] == MEMBRES
    demande.refresh_from_db()
    assert demande.statut == StatutDemande.EN_ATTENTE


def test_deciding_twice_says_it_is_already_decided(client, monde, demande):
    client.force_login(monde.referent_dijon)
    decider(client, demande, decision="refuser", role="contributeur")

    response = client.post(
        f"/espace/demandes/{demande.pk}/decision/",
        {f"demande-{demande.pk}-decision": "accepter", f"demande-{demande.pk}-role": "referent"},
        follow=True,
    )

    assert "elle ne peut plus changer" in response.content.decode()
    assert not Appartenance.objects.filter(user=demande.user).exists()


def test_mutations_take_a_post(client, monde, demande):
    client.force_login(monde.referent_dijon)
    agent = Appartenance.objects.get(user=monde.agent_dijon)

    assert client.get(f"/espace/demandes/{demande.pk}/decision/").status_code == 405
    assert client.get(f"/espace/membres/{agent.pk}/role/").status_code == 405
    assert client.get(f"/espace/membres/{agent.pk}/retirer/").status_code == 405
    assert client.get("/espace/collectivites/21231/domaines/").status_code == 405


def test_a_referent_makes_a_contributeur_referent_then_steps_down(client, monde):
    client.force_login(monde.referent_dijon)
    agent = Appartenance.objects.get(user=monde.agent_dijon)
    moi = Appartenance.objects.get(user=monde.referent_dijon)

    client.post(f"/espace/membres/{agent.pk}/role/", {f"membre-{agent.pk}-role": "referent"})
    client.post(f"/espace/membres/{moi.pk}/role/", {f"membre-{moi.pk}-role": "contributeur"})

    agent.refresh_from_db()
    moi.refresh_from_db()
    assert (agent.role, moi.role) == (Role.REFERENT, Role.CONTRIBUTEUR)


def test_the_last_referent_cannot_step_down_or_leave(client, monde):
    client.force_login(monde.referent_dijon)
    moi = Appartenance.objects.get(user=monde.referent_dijon)

    demotion = client.post(f"/espace/membres/{moi.pk}/role/", {f"membre-{moi.pk}-role": "contributeur"}, follow=True)
    depart = client.post(f"/espace/membres/{moi.pk}/retirer/", follow=True)

    assert "Dijon doit garder au moins un référent" in demotion.content.decode()
    assert "Dijon doit garder au moins un référent" in depart.content.decode()
    moi.refresh_from_db()
    assert moi.role == Role.REFERENT


def test_a_referent_removes_a_member(client, monde):
    client.force_login(monde.referent_dijon)
    agent = Appartenance.objects.get(user=monde.agent_dijon)

    response = client.post(f"/espace/membres/{agent.pk}/retirer/")

    assert response["Location"] == MEMBRES
    assert not Appartenance.objects.filter(pk=agent.pk).exists()


def test_a_contributeur_may_leave_by_themselves(client, monde):
    client.force_login(monde.agent_dijon)
    moi = Appartenance.objects.get(user=monde.agent_dijon)

    response = client.post(f"/espace/membres/{moi.pk}/retirer/")

    assert response["Location"] == "/espace/"
    assert not Appartenance.objects.filter(pk=moi.pk).exists()


def test_a_referent_declares_the_domain_of_their_address(client, monde):
    client.force_login(monde.referent_dijon)

    response = client.post("/espace/collectivites/21231/domaines/", {"domaine": "Dijon.fr"})

    assert response["Location"] == MEMBRES
    assert list(monde.dijon.domaines.values_list("domaine", flat=True)) == ["dijon.fr"]


@pytest.mark.parametrize(
    ("domaine", "erreur"),
    [
        ("gmail.com", "est une messagerie publique"),
        ("mairie-larochelle70.fr", "votre propre adresse"),
        ("pas un domaine", "Saisissez un nom de domaine"),
    ],
)
def test_a_refused_domain_is_explained_and_kept_in_the_field(client, monde, domaine, erreur):
    client.force_login(monde.referent_dijon)

    response = client.post("/espace/collectivites/21231/domaines/", {"domaine": domaine})

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Erreur : Membres de Dijon — " in html
    assert erreur in html
    assert f'value="{domaine}"' in html
    assert not DomaineCollectivite.objects.exists()


def test_a_domain_declared_twice_is_refused_in_french(client, monde):
    DomaineCollectivite.objects.create(collectivite=monde.dijon, domaine="dijon.fr")
    client.force_login(monde.referent_dijon)

    response = client.post("/espace/collectivites/21231/domaines/", {"domaine": "dijon.fr"})

    assert "Ce domaine est déjà déclaré pour cette collectivité." in response.content.decode()


def test_a_domain_is_withdrawn_by_a_referent_or_staff_only(client, monde):
    domaine = DomaineCollectivite.objects.create(collectivite=monde.dijon, domaine="dijon.fr")

    client.force_login(monde.agent_la_rochelle)
    assert client.post(f"/espace/domaines/{domaine.pk}/retirer/").status_code == 404
    activer_totp(monde.equipe)
    client.force_login(monde.equipe)
    assert client.post(f"/espace/domaines/{domaine.pk}/retirer/")["Location"] == MEMBRES
    assert not DomaineCollectivite.objects.exists()


def test_an_unknown_collectivite_is_a_404_even_for_staff(client, monde):
    activer_totp(monde.equipe)
    client.force_login(monde.equipe)

    assert client.get("/espace/collectivites/00000/membres/").status_code == 404

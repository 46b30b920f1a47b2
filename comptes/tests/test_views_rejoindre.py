"""Searching a collectivité and asking to join it: /espace/rejoindre/ and /espace/rejoindre/<code>/."""

import pytest

from comptes.enums import StatutDemande
from comptes.models import Appartenance, DemandeAdhesion, DomaineCollectivite


@pytest.mark.parametrize("url", ["/espace/rejoindre/", "/espace/rejoindre/21231/"])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db, url):
    response = client.get(url)

    assert response["Location"] == f"/compte/connexion/?next={url}"


def test_an_anonymous_post_creates_nothing(client, monde):
    client.post("/espace/rejoindre/21231/", {"message": "?"})

    assert not DemandeAdhesion.objects.exists()


def test_the_search_lists_communes_with_their_postcodes_and_my_state(client, monde):
    client.force_login(monde.agent_dijon)

    response = client.get("/espace/rejoindre/", {"q": "dijon"})

    html = response.content.decode()
    assert "<title>Rejoindre une collectivité : « dijon » — " in html
    assert "vous en êtes membre" in html  # Dijon
    assert 'href="/espace/rejoindre/242100410/"' in html  # Dijon Métropole
    assert "(21000)" in html


def test_the_search_page_without_query_shows_the_labelled_field(client, monde):
    client.force_login(monde.agent_dijon)

    html = client.get("/espace/rejoindre/").content.decode()

    assert '<label for="id_q">Nom, code postal ou code INSEE' in html
    assert "résultat" not in html


def test_a_search_finding_nothing_says_what_to_try(client, monde):
    client.force_login(monde.agent_dijon)

    html = client.get("/espace/rejoindre/", {"q": "Xyzzy"}).content.decode()

    assert "Aucun résultat" in html and "code postal" in html


def test_a_search_takes_a_fixed_number_of_queries(client, monde, django_assert_num_queries):
    client.force_login(monde.agent_dijon)

    # session, user, 5 for the search (communes, EPCI, syndicats, collectivités, postcodes), my memberships,
    # my pending requests, the demo banner
    with django_assert_num_queries(10):
        client.get("/espace/rejoindre/", {"q": "la rochelle"})


def test_the_request_page_says_who_will_decide(client, monde, creer_personne):
    client.force_login(creer_personne("marie@exemple.fr"))

    dijon = client.get("/espace/rejoindre/21231/").content.decode()
    chenove = client.get("/espace/rejoindre/21166/").content.decode()

    assert "<title>Rejoindre Dijon — " in dijon
    assert "Un référent de Dijon recevra votre demande" in dijon
    assert "n'a pas encore de référent" in chenove and "l'équipe de Villes Internet vérifiera" in chenove


def test_the_request_page_announces_an_automatic_acceptance(client, monde, creer_personne):
    DomaineCollectivite.objects.create(collectivite=monde.la_rochelle, domaine="mairie-larochelle70.fr")
    client.force_login(creer_personne("marie@mairie-larochelle70.fr"))

    html = client.get("/espace/rejoindre/70450/").content.decode()

    assert "est reconnue" in html
    assert "Rejoindre La Rochelle</button>" in html


def test_asking_to_join_records_the_request_and_goes_back_to_my_space(client, monde, creer_personne, mailoutbox):
    marie = creer_personne("marie@exemple.fr")
    client.force_login(marie)

    response = client.post("/espace/rejoindre/21231/", {"message": "Secrétaire de mairie"}, follow=True)

    demande = DemandeAdhesion.objects.get(user=marie)
    assert (demande.collectivite, demande.message, demande.statut) == (
        monde.dijon,
        "Secrétaire de mairie",
        StatutDemande.EN_ATTENTE,
    )
    assert response.redirect_chain == [("/espace/", 302)]
    assert "Votre demande pour rejoindre Dijon est envoyée" in response.content.decode()
    assert len(mailoutbox) == 1


def test_joining_by_a_declared_domain_is_immediate(client, monde, creer_personne):
    DomaineCollectivite.objects.create(collectivite=monde.la_rochelle, domaine="mairie-larochelle70.fr")
    marie = creer_personne("marie@mairie-larochelle70.fr")
    client.force_login(marie)

    response = client.post("/espace/rejoindre/70450/", {"message": ""}, follow=True)

    assert Appartenance.objects.get(user=marie).collectivite == monde.la_rochelle
    assert "Vous êtes membre de La Rochelle (référent)" in response.content.decode()


def test_a_member_asking_again_is_told_so(client, monde):
    client.force_login(monde.agent_dijon)

    page = client.get("/espace/rejoindre/21231/").content.decode()
    response = client.post("/espace/rejoindre/21231/", {"message": ""}, follow=True)

    assert "Vous êtes déjà membre de Dijon" in page
    assert "Vous êtes déjà membre de Dijon." in response.content.decode()
    assert not DemandeAdhesion.objects.exists()


def test_an_unknown_code_is_a_404(client, monde):
    client.force_login(monde.agent_dijon)

    assert client.get("/espace/rejoindre/00000/").status_code == 404
    assert client.post("/espace/rejoindre/70999/").status_code == 404


def test_the_requester_may_withdraw_and_nobody_else(client, monde, creer_personne):
    marie = creer_personne("marie@exemple.fr")
    demande = DemandeAdhesion.objects.create(user=marie, collectivite=monde.dijon)

    for autre in [monde.referent_dijon, monde.agent_la_rochelle, monde.equipe]:
        client.force_login(autre)
        assert client.post(f"/espace/demandes/{demande.pk}/annuler/").status_code == 404
    client.force_login(marie)
    assert client.get(f"/espace/demandes/{demande.pk}/annuler/").status_code == 405
    assert client.post(f"/espace/demandes/{demande.pk}/annuler/")["Location"] == "/espace/"

    demande.refresh_from_db()
    assert demande.statut == StatutDemande.ANNULEE

"""The unsubscribe page of the campaign's information messages, reached by the signed link of an e-mail."""

from campagne.courriels import jeton_desabonnement, lien_desabonnement
from campagne.models import Desabonnement


def test_the_link_of_an_email_opens_a_page_that_changes_nothing_by_itself(client, monde):
    lien = lien_desabonnement(monde.referent_dijon)
    chemin = lien.removeprefix("https://label.example.org")

    response = client.get(chemin)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Messages d'information de la campagne — " in html
    assert "Ne plus recevoir les messages d'information" in html
    assert not Desabonnement.objects.exists()


def test_posting_the_form_records_the_choice_without_logging_in_and_it_can_be_undone(client, monde):
    chemin = f"/campagne/desabonnement/{jeton_desabonnement(monde.referent_dijon)}/"

    response = client.post(chemin, {"action": "desabonner"})

    assert "vous ne recevrez plus les messages d'information" in response.content.decode()
    assert Desabonnement.objects.get().user == monde.referent_dijon
    client.post(chemin, {"action": "desabonner"})
    assert Desabonnement.objects.count() == 1

    response = client.post(chemin, {"action": "reabonner"})

    assert "vous recevrez de nouveau les messages d'information" in response.content.decode()
    assert not Desabonnement.objects.exists()


def test_a_tampered_or_cut_link_is_a_404_with_an_explanation(client, monde):
    jeton = jeton_desabonnement(monde.referent_dijon)

    for mauvais in (jeton[:-3] + "abc", jeton.split(":")[0], "n-importe-quoi"):
        response = client.get(f"/campagne/desabonnement/{mauvais}/")
        assert response.status_code == 404
        assert "Ce lien de désabonnement n'est pas valable" in response.content.decode()
    assert client.post(f"/campagne/desabonnement/{jeton[:-3]}abc/", {"action": "desabonner"}).status_code == 404
    assert not Desabonnement.objects.exists()


def test_the_token_of_one_person_cannot_unsubscribe_another(client, monde):
    client.post(f"/campagne/desabonnement/{jeton_desabonnement(monde.agent_dijon)}/", {"action": "desabonner"})

    assert list(Desabonnement.objects.values_list("user__username", flat=True)) == ["agent.dijon"]


def test_the_page_refuses_other_methods(client, monde):
    assert client.put(f"/campagne/desabonnement/{jeton_desabonnement(monde.agent_dijon)}/").status_code == 405

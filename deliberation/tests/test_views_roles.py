"""Each page of the deliberation for each person: anonymous, a member of a candidate collectivité, an expert not on
the jury, a juror in conflict with Dijon, a juror, the président, staff. Two-factor authentication is on for the
jury and staff (deliberation.tests.outils)."""

import pytest
from django.urls import reverse

from deliberation.actions import clore_deliberation, decider

PERSONNES = ["anonyme", "referent_dijon", "expert_a", "jure_metropole", "jure", "president", "equipe"]

# GET: the expected status for each person, in the order of PERSONNES (302 for anonymous: the login page).
PAGES = {
    "index": [302, 404, 404, 200, 200, 200, 200],
    "ecran": [302, 404, 404, 200, 200, 200, 200],
    "dossier": [302, 404, 404, 404, 200, 200, 200],  # Dijon's: jure_metropole is in conflict with it
    "journal": [302, 404, 404, 200, 200, 200, 200],
    "publication": [302, 404, 404, 404, 404, 404, 200],
}
# POST while the deliberation is open: 302 = done (then redirected), 404 = refused without a word.
ACTIONS_OUVERTE = {
    "decision": [302, 404, 404, 404, 302, 302, 404],
    "ouverture": [302, 404, 404, 404, 404, 404, 302],  # staff (refused with a message: it is already open)
    "cloture": [302, 404, 404, 404, 404, 302, 404],  # the président (refused with a message: Dijon undecided)
}
# POST once the deliberation is closed.
ACTIONS_CLOSE = {
    "amendement": [302, 404, 404, 404, 404, 302, 302],
}


def adresse(nom, monde):
    if nom == "index":
        return reverse("deliberation:index")
    if nom in ("dossier", "decision", "amendement"):
        return reverse(f"deliberation:{nom}", args=[2027, monde.dossier_dijon.pk])
    return reverse(f"deliberation:{nom}", args=[2027])


def connecter(client, monde, personne):
    if personne != "anonyme":
        client.force_login(getattr(monde, personne))


DONNEES = {"arobases": "4", "motifs": "Motifs.", "motif": "Raison de l'amendement.", "confirmation": "oui"}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("rang,personne", list(enumerate(PERSONNES)))
def test_each_page_answers_each_person_as_expected(client, monde, page, rang, personne):
    connecter(client, monde, personne)
    reponse = client.get(adresse(page, monde))
    assert reponse.status_code == PAGES[page][rang]
    if reponse.status_code == 302:
        assert reponse.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("action", ACTIONS_OUVERTE)
@pytest.mark.parametrize("rang,personne", list(enumerate(PERSONNES)))
def test_each_action_of_the_open_deliberation_answers_each_person_as_expected(client, monde, action, rang, personne):
    connecter(client, monde, personne)
    reponse = client.post(adresse(action, monde), DONNEES)
    assert reponse.status_code == ACTIONS_OUVERTE[action][rang]


@pytest.mark.parametrize("action", ACTIONS_CLOSE)
@pytest.mark.parametrize("rang,personne", list(enumerate(PERSONNES)))
def test_each_action_of_the_closed_deliberation_answers_each_person_as_expected(client, monde, action, rang, personne):
    for dossier, arobases in [(monde.dossier_dijon, 3), (monde.dossier_la_rochelle, 2), (monde.dossier_metropole, 3)]:
        decider(candidature=dossier, par=monde.president, arobases=arobases, mentions={}, motifs="Motifs.")
    clore_deliberation(edition=monde.e2027, par=monde.president)
    connecter(client, monde, personne)
    reponse = client.post(adresse(action, monde), DONNEES)
    assert reponse.status_code == ACTIONS_CLOSE[action][rang]

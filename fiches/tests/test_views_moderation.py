from datetime import timedelta
from unittest import mock

import pytest
from allauth.mfa.models import Authenticator
from django.utils import timezone

from comptes.testing import activer_totp
from fiches.enums import EtatFiche
from fiches.historique import versions_de
from fiches.models import FicheAction

from .edition_outils import creer_fiche, donnees_formulaire, make_monde


@pytest.fixture
def monde(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monde = make_monde()
    activer_totp(monde.equipe)  # staff moderate with two-factor authentication only (comptes.access)
    return monde


@pytest.fixture(autouse=True)
def indexer():
    with mock.patch("fiches.actions.indexer") as indexer:
        yield indexer


def en_attente_depuis(fiche, jours):
    FicheAction.objects.filter(pk=fiche.pk).update(updated_at=timezone.now() - timedelta(days=jours))


# ---------------------------------------------------------------------------------------------------
# The queue
# ---------------------------------------------------------------------------------------------------


def test_the_queue_lists_the_fiches_waiting_the_longest_waiting_first(client, monde):
    recente = creer_fiche(monde, titre="Soumise hier", etat=EtatFiche.EN_MODERATION)
    ancienne = creer_fiche(
        monde, titre="Soumise il y a dix jours", etat=EtatFiche.EN_MODERATION, collectivite="la_rochelle"
    )
    creer_fiche(monde, titre="Brouillon", etat=EtatFiche.BROUILLON)
    creer_fiche(monde, titre="Déjà publiée", etat=EtatFiche.PUBLIEE)
    en_attente_depuis(recente, 1)
    en_attente_depuis(ancienne, 10)
    client.force_login(monde.equipe)

    response = client.get("/moderation/fiches/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>File de modération des fiches — " in html
    assert html.count("<h1>") == 1
    assert [fiche.titre for fiche in response.context["page"]] == ["Soumise il y a dix jours", "Soumise hier"]
    assert f'<a href="/moderation/fiches/{ancienne.pk}/">Soumise il y a dix jours</a>' in html
    assert "<caption>2 fiches en attente</caption>" in html


def test_the_queue_runs_a_constant_number_of_queries(client, monde, django_assert_num_queries):
    creer_fiche(monde, etat=EtatFiche.EN_MODERATION)
    client.force_login(monde.equipe)
    # session, user, the authenticator app (two-factor), the count, the demo banner, the page of fiches with their
    # collectivité and author.
    with django_assert_num_queries(6):
        client.get("/moderation/fiches/")
    for numero in range(4):
        creer_fiche(monde, titre=f"Fiche {numero}", etat=EtatFiche.EN_MODERATION, collectivite="la_rochelle")
    with django_assert_num_queries(6):
        client.get("/moderation/fiches/")


def test_the_queue_is_for_staff_only(client, monde):
    anonyme = client.get("/moderation/fiches/")
    client.force_login(monde.referent_dijon)
    membre = client.get("/moderation/fiches/")

    assert anonyme.status_code == 302
    assert anonyme["Location"] == "/compte/connexion/?next=/moderation/fiches/"
    assert membre.status_code == 403


def test_staff_without_two_factor_authentication_are_sent_to_turn_it_on_and_see_no_fiche(client, monde, indexer):
    fiche = creer_fiche(monde, titre="Fiche non publiée", etat=EtatFiche.EN_MODERATION)
    version = versions_de(fiche).get()
    Authenticator.objects.filter(user=monde.equipe).delete()
    client.force_login(monde.equipe)

    reponses = [
        client.get("/moderation/fiches/"),
        client.get(f"/moderation/fiches/{fiche.pk}/"),
        client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": "publier"}),
        client.get(f"/fiches/{fiche.pk}/historique/"),
        client.post(f"/fiches/{fiche.pk}/historique/{version.pk}/restaurer/"),
    ]

    for reponse in reponses:
        assert (reponse.status_code, reponse["Location"]) == (302, "/compte/double-authentification/")
        assert "Fiche non publiée" not in reponse.content.decode()
    fiche.refresh_from_db()
    assert fiche.etat == EtatFiche.EN_MODERATION
    assert versions_de(fiche).count() == 1
    indexer.assert_not_called()
    page = client.get("/moderation/fiches/", follow=True).content.decode()
    assert "demandent la double authentification" in page

    activer_totp(monde.equipe)
    assert "Fiche non publiée" in client.get("/moderation/fiches/").content.decode()


# ---------------------------------------------------------------------------------------------------
# A decision
# ---------------------------------------------------------------------------------------------------


def test_the_moderation_page_shows_the_fiche_and_the_possible_decisions(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)
    client.force_login(monde.equipe)

    response = client.get(f"/moderation/fiches/{fiche.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Modérer : Café numérique des aînés — Dijon — " in html
    assert html.count("<h1") == 1
    assert "Chaque mardi, des bénévoles accompagnent les aînés" in html
    assert [valeur for valeur, _ in response.context["form"].fields["decision"].choices] == [
        "publier",
        "demander_modifications",
        "rejeter",
    ]


def test_staff_publish_a_fiche_from_the_queue(client, monde, indexer):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)
    client.force_login(monde.equipe)

    response = client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": "publier"})

    fiche.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/moderation/fiches/"
    assert fiche.etat == EtatFiche.PUBLIEE
    assert fiche.publiee_le is not None
    assert versions_de(fiche).first().revision.user == monde.equipe
    indexer.assert_called_once_with([fiche.pk])


def test_asking_for_changes_without_a_reason_keeps_the_form_and_says_why(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)
    client.force_login(monde.equipe)

    response = client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": "demander_modifications", "motif": " "})

    html = response.content.decode()
    fiche.refresh_from_db()
    assert response.status_code == 200
    assert fiche.etat == EtatFiche.EN_MODERATION
    assert "<title>Erreur : Modérer : " in html
    assert "Indiquez le motif : la collectivité le lira pour corriger sa fiche." in html
    assert 'value="demander_modifications" required id="id_decision_1" checked' in html


@pytest.mark.parametrize(
    ("decision", "etat"), [("demander_modifications", EtatFiche.A_MODIFIER), ("rejeter", EtatFiche.REJETEE)]
)
def test_the_author_reads_the_reason_in_my_fiches(client, monde, decision, etat):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)
    client.force_login(monde.equipe)
    client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": decision, "motif": "Ajoutez les résultats chiffrés."})
    client.force_login(monde.agent_dijon)

    mes_fiches = client.get("/espace/fiches/").content.decode()
    apercu = client.get(f"/fiches/{fiche.pk}/apercu/").content.decode()

    fiche.refresh_from_db()
    assert fiche.etat == etat
    assert "Motif : Ajoutez les résultats chiffrés." in mes_fiches
    assert "Ajoutez les résultats chiffrés." in apercu


def test_staff_may_ask_changes_on_a_published_fiche_which_leaves_the_index(client, monde, indexer):
    fiche = creer_fiche(monde, etat=EtatFiche.PUBLIEE)
    client.force_login(monde.equipe)

    client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": "demander_modifications", "motif": "Lien cassé."})

    fiche.refresh_from_db()
    assert (fiche.etat, fiche.motif_moderation) == (EtatFiche.A_MODIFIER, "Lien cassé.")
    indexer.assert_called_once_with([fiche.pk])


def test_a_decision_the_fiche_cannot_take_is_refused(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.BROUILLON)
    client.force_login(monde.equipe)

    page = client.get(f"/moderation/fiches/{fiche.pk}/").content.decode()
    response = client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": "publier"})

    fiche.refresh_from_db()
    assert "Cette fiche n'attend pas de décision." in page
    assert response.status_code == 200
    assert fiche.etat == EtatFiche.BROUILLON


def test_the_moderation_page_is_for_staff_only(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)

    anonyme = client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": "publier"})
    client.force_login(monde.agent_dijon)
    membre = client.post(f"/moderation/fiches/{fiche.pk}/", {"decision": "publier"})
    client.force_login(monde.agent_la_rochelle)
    autre = client.get(f"/moderation/fiches/{fiche.pk}/")

    assert (anonyme.status_code, membre.status_code, autre.status_code) == (302, 403, 403)
    fiche.refresh_from_db()
    assert fiche.etat == EtatFiche.EN_MODERATION


# ---------------------------------------------------------------------------------------------------
# History and restore
# ---------------------------------------------------------------------------------------------------


def modifier(client, fiche, **changements):
    fiche.refresh_from_db()
    response = client.post(f"/fiches/{fiche.pk}/modifier/", donnees_formulaire(fiche, **changements))
    assert response.status_code == 302


def test_the_history_shows_who_when_and_what_changed(client, monde):
    fiche = creer_fiche(monde, synthese="Ateliers le mardi.")
    client.force_login(monde.referent_dijon)
    modifier(client, fiche, synthese="Ateliers le jeudi.", titre="Café numérique")
    client.force_login(monde.equipe)

    response = client.get(f"/fiches/{fiche.pk}/historique/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Historique : Café numérique — " in html
    assert html.count("<h1>") == 1
    assert "— referent.dijon</h2>" in html
    assert "— agent.dijon</h2>" in html
    assert "<p>Modification de la fiche.</p>" in html
    assert (
        '<del><span class="visuellement-cache">[supprimé : </span>mardi.<span class="visuellement-cache">]</span></del>'
    ) in html
    assert (
        '<ins><span class="visuellement-cache">[ajouté : </span>jeudi.<span class="visuellement-cache">]</span></ins>'
        in html
    )
    assert "Première version enregistrée." in html
    assert html.count("Restaurer cette version") == 1


def test_staff_restore_a_version_from_the_history_page(client, monde):
    fiche = creer_fiche(monde, synthese="Texte d'origine.")
    origine = versions_de(fiche).get()
    client.force_login(monde.agent_dijon)
    modifier(client, fiche, synthese="Texte abîmé.", services=[monde.services[2].pk])
    client.force_login(monde.equipe)

    response = client.post(f"/fiches/{fiche.pk}/historique/{origine.pk}/restaurer/")

    fiche.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"/fiches/{fiche.pk}/historique/"
    assert fiche.synthese == "Texte d'origine."
    assert list(fiche.services.all()) == [monde.services[0]]
    assert versions_de(fiche).count() == 3


def test_restore_refuses_the_version_of_another_fiche(client, monde):
    fiche = creer_fiche(monde)
    autre = creer_fiche(monde, titre="Autre")
    client.force_login(monde.equipe)

    response = client.post(f"/fiches/{fiche.pk}/historique/{versions_de(autre).get().pk}/restaurer/")

    assert response.status_code == 404


def test_history_and_restore_are_for_staff_only(client, monde):
    fiche = creer_fiche(monde)
    version = versions_de(fiche).get()

    anonyme = client.get(f"/fiches/{fiche.pk}/historique/")
    client.force_login(monde.agent_dijon)
    membre = client.get(f"/fiches/{fiche.pk}/historique/")
    restauration = client.post(f"/fiches/{fiche.pk}/historique/{version.pk}/restaurer/")
    client.force_login(monde.equipe)
    get = client.get(f"/fiches/{fiche.pk}/historique/{version.pk}/restaurer/")

    assert (anonyme.status_code, membre.status_code, restauration.status_code, get.status_code) == (302, 403, 403, 405)
    assert versions_de(fiche).count() == 1

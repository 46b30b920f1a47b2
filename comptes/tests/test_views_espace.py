"""The logged-in home /espace/."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from comptes.models import DemandeAdhesion
from comptes.testing import activer_totp
from fiches.enums import EtatFiche
from fiches.models import FicheAction
from label.enums import StatutEdition
from label.models import Edition


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, db):
    assert client.get("/espace/")["Location"] == "/compte/connexion/?next=/espace/"


def test_it_takes_a_get(client, monde):
    client.force_login(monde.agent_dijon)

    assert client.post("/espace/").status_code == 405


def test_a_newcomer_is_invited_to_join_a_collectivite(client, creer_personne):
    client.force_login(creer_personne("marie@exemple.fr", first_name="Marie"))

    html = client.get("/espace/").content.decode()

    assert "<title>Mon espace — " in html
    assert "Bonjour Marie." in html
    assert "Vous n'êtes membre d'aucune collectivité" in html
    assert 'href="/espace/rejoindre/"' in html
    assert "Aucune campagne du label n'est ouverte" in html


def test_a_contributeur_sees_the_collectivite_its_referents_and_a_button_to_leave(client, monde):
    client.force_login(monde.agent_dijon)

    html = client.get("/espace/").content.decode()

    assert '<h3><a href="/collectivites/21231/">Dijon</a></h3>' in html
    assert "<dt>Mon rôle</dt><dd>Contributeur</dd>" in html
    assert "<dt>Référent</dt><dd>Rémi Ferent</dd>" in html
    assert "Quitter" in html
    assert "/espace/collectivites/21231/membres/" not in html


def test_a_referent_gets_the_link_to_members_and_the_requests_to_decide(client, monde, creer_personne):
    DemandeAdhesion.objects.create(
        user=creer_personne("marie@exemple.fr", first_name="Marie", last_name="Curie"), collectivite=monde.dijon
    )
    DemandeAdhesion.objects.create(user=creer_personne("paul@exemple.fr"), collectivite=monde.la_rochelle)
    client.force_login(monde.referent_dijon)

    html = client.get("/espace/").content.decode()

    assert "Gérer les membres" in html
    assert "1 demande d'adhésion à décider" in html
    assert "Marie Curie pour" in html
    assert "paul@exemple.fr" not in html  # La Rochelle is not theirs


def test_staff_see_the_requests_of_collectivites_without_referent(client, monde, creer_personne):
    DemandeAdhesion.objects.create(user=creer_personne("marie@exemple.fr"), collectivite=monde.dijon)
    DemandeAdhesion.objects.create(user=creer_personne("paul@exemple.fr"), collectivite=monde.la_rochelle)
    activer_totp(monde.equipe)
    client.force_login(monde.equipe)

    html = client.get("/espace/").content.decode()

    assert "1 demande d'adhésion à décider" in html
    assert "paul@exemple.fr pour" in html  # La Rochelle has no référent
    assert "marie@exemple.fr" not in html  # Dijon's référent decides


def test_my_pending_and_refused_requests_are_listed_with_the_reason(client, monde, creer_personne):
    marie = creer_personne("marie@exemple.fr")
    DemandeAdhesion.objects.create(user=marie, collectivite=monde.dijon)
    DemandeAdhesion.objects.create(
        user=marie, collectivite=monde.la_rochelle, statut="refusee", motif="Inconnue", decidee_at=timezone.now()
    )
    client.force_login(marie)

    html = client.get("/espace/").content.decode()

    assert "Dijon : en attente depuis le" in html
    assert "La Rochelle : refusée le" in html and "(motif : Inconnue)" in html


def test_my_fiches_are_counted_by_etat_and_moderation_reasons_shown(client, monde):
    FicheAction.objects.create(collectivite=monde.dijon, titre="Wifi", synthese="-", etat=EtatFiche.BROUILLON)
    FicheAction.objects.create(
        collectivite=monde.dijon,
        titre="Café numérique",
        synthese="-",
        etat=EtatFiche.A_MODIFIER,
        motif_moderation="Ajoutez une photo.",
    )
    FicheAction.objects.create(collectivite=monde.la_rochelle, titre="Ailleurs", synthese="-")
    client.force_login(monde.agent_dijon)

    html = client.get("/espace/").content.decode()

    assert '<span class="valeur">1</span> brouillon' in html
    assert '<span class="valeur">1</span> modifications demandées' in html
    assert "Motif de la modération : Ajoutez une photo." in html
    assert "Ailleurs" not in html
    assert 'href="/espace/fiches/?etat=brouillon"' in html


def test_the_open_edition_and_its_deadline_are_shown(client, monde):
    cloture = timezone.now() + timedelta(days=20)
    Edition.objects.create(annee=2027, numero=28, statut=StatutEdition.CAMPAGNE, campagne_cloture=cloture)
    client.force_login(monde.agent_dijon)

    html = client.get("/espace/").content.decode()

    assert "La campagne du <strong>label 2027</strong> est ouverte" in html
    assert "(heure de Paris)" in html


@pytest.mark.skipif(not apps.is_installed("campagne"), reason="the campagne app is not installed")
def test_the_candidature_of_each_collectivite_links_to_its_dossier(client, monde):
    from campagne.models import Candidature

    edition = Edition.objects.create(
        annee=2027, numero=28, statut=StatutEdition.CAMPAGNE, campagne_cloture=timezone.now() + timedelta(days=20)
    )
    candidature = Candidature.objects.create(edition=edition, collectivite=monde.dijon, categorie="ville")
    client.force_login(monde.referent_dijon)

    html = client.get("/espace/").content.decode()

    assert f'href="{candidature.get_absolute_url()}"' in html
    assert candidature.etat_du_dossier in html


def test_the_page_takes_a_fixed_number_of_queries(client, monde, creer_personne, django_assert_num_queries):
    for i in range(3):
        DemandeAdhesion.objects.create(user=creer_personne(f"p{i}@exemple.fr"), collectivite=monde.dijon)
        FicheAction.objects.create(collectivite=monde.dijon, titre=f"F{i}", synthese="-", etat=EtatFiche.REJETEE)
    client.force_login(monde.referent_dijon)

    # session, user, memberships, référents, my requests, requests to decide, fiches by état, fiches with a
    # reason, open édition, jury roles, demo banner (+ candidatures when the campagne app is installed, no
    # édition here)
    with django_assert_num_queries(11):
        client.get("/espace/")


def test_staff_without_two_factor_authentication_are_asked_for_it_instead_of_the_requests(
    client, monde, creer_personne
):
    DemandeAdhesion.objects.create(user=creer_personne("paul@exemple.fr"), collectivite=monde.la_rochelle)
    client.force_login(monde.equipe)

    html = client.get("/espace/").content.decode()

    assert "paul@exemple.fr" not in html  # names and addresses: personal data
    assert "demande d&#x27;adhésion à décider" not in html
    assert "demandent la double authentification" in html
    assert 'href="/compte/double-authentification/"' in html

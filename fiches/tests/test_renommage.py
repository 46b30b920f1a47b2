"""Renaming a collectivité, a service or an enjeu: the search finds the fiches by the new name at once.

The search index holds those names (fiches/search.py); the administration, where they are renamed, calls
fiches.actions.reindexer_apres_renommage().
"""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model

from comptes.testing import activer_totp

from ..actions import reindexer_apres_renommage
from ..models import Enjeu, FicheAction, Service
from ..search import rechercher
from .edition_outils import valeurs_postees
from .recherche_donnees import make_recherche


@pytest.fixture
def donnees(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_recherche()


@pytest.fixture
def equipe(client, donnees):
    admin = get_user_model().objects.create_superuser("admin", "admin@exemple.fr", "motdepasse-de-test")
    activer_totp(admin)  # the administration requires two-factor authentication of staff
    client.force_login(admin)
    return client


def titres(texte):
    return {FicheAction.objects.get(pk=pk).titre for pk in rechercher(texte).ids}


def enregistrer(client, url, *, inline=None, **changements):
    """Post the admin's change page at `url` as shown, with `changements`; `inline`: {field name: value}
    changed in the inline forms."""
    page = client.get(url)
    formulaires = [page.context["adminform"].form]
    for formset in page.context["inline_admin_formsets"]:
        formulaires += [formset.formset.management_form, *formset.formset.forms]
    donnees = {nom: valeur for formulaire in formulaires for nom, valeur in valeurs_postees(formulaire).items()}
    donnees.update(changements, **(inline or {}))
    response = client.post(url, donnees)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def test_renaming_a_collectivite_in_the_admin_reindexes_its_fiches(equipe, donnees):
    la_rochelle = donnees["la_rochelle"]
    assert titres("Rochelle") == {"Ateliers numériques pour les aînés"}

    enregistrer(equipe, f"/admin/label/collectivite/{la_rochelle.pk}/change/", nom="Rochefort-en-Terre")

    assert titres("Rochefort") == {"Ateliers numériques pour les aînés"}
    assert titres("Rochelle") == set()
    # The index still holds published fiches only: the one under moderation is not found by the new name.
    assert "Médiation en attente" not in titres("Rochefort")


def test_renaming_a_service_in_the_admin_reindexes_its_fiches(equipe, donnees):
    conseillers = Service.objects.get(nom="Conseillers numériques")
    assert titres("conseillers") == {"Médiation numérique à l'École"}

    enregistrer(equipe, f"/admin/fiches/service/{conseillers.pk}/change/", nom="Passeurs numériques")

    assert titres("passeurs") == {"Médiation numérique à l'École"}
    assert titres("conseillers") == set()


def test_moving_a_service_to_another_enjeu_in_the_admin_reindexes_its_fiches(equipe, donnees):
    budget = donnees["budget_participatif"]
    assert titres("démocratie locale") == {"Budget participatif", "Open data métropolitain"}

    enregistrer(equipe, f"/admin/fiches/service/{budget.pk}/change/", enjeu=donnees["mediation_enjeu"].pk)

    assert titres("démocratie locale") == {"Open data métropolitain"}
    assert "Budget participatif" in titres("médiation")


def test_renaming_an_enjeu_in_the_admin_reindexes_the_fiches_of_its_services(equipe, donnees):
    democratie = donnees["democratie"]

    enregistrer(equipe, f"/admin/fiches/enjeu/{democratie.pk}/change/", nom="Agora citoyenne")

    assert titres("agora") == {"Budget participatif", "Open data métropolitain"}
    assert titres("démocratie locale") == set()


def test_renaming_an_enjeu_on_its_famille_page_reindexes_too(equipe, donnees):
    mediation = donnees["mediation_enjeu"]
    page = equipe.get(f"/admin/fiches/famille/{mediation.famille_id}/change/")
    formset = page.context["inline_admin_formsets"][0].formset
    prefixe = next(form.prefix for form in formset.forms if form.instance == mediation)

    enregistrer(
        equipe,
        f"/admin/fiches/famille/{mediation.famille_id}/change/",
        inline={f"{prefixe}-nom": "Kiosque du numérique"},
    )

    assert Enjeu.objects.get(pk=mediation.pk).nom == "Kiosque du numérique"
    assert titres("kiosque") == {"Médiation numérique à l'École", "Ateliers numériques pour les aînés"}


def test_saving_without_renaming_does_not_reindex(equipe, donnees):
    with (
        mock.patch("fiches.admin.reindexer_apres_renommage") as fiches_,
        mock.patch("label.admin.reindexer_apres_renommage") as label_,
    ):
        enregistrer(equipe, f"/admin/label/collectivite/{donnees['dijon'].pk}/change/")
        enregistrer(equipe, f"/admin/fiches/service/{donnees['epn'].pk}/change/", ordre=7)
        enregistrer(equipe, f"/admin/fiches/enjeu/{donnees['democratie'].pk}/change/", note="Une note.")
        enregistrer(equipe, f"/admin/fiches/famille/{donnees['democratie'].famille_id}/change/")

    fiches_.assert_not_called()
    label_.assert_not_called()


def test_the_admin_of_the_names_is_closed_to_members_of_collectivites(client, donnees):
    membre = get_user_model().objects.create_user("agent", "agent@dijon.example", "motdepasse-de-test")
    client.force_login(membre)

    response = client.post(f"/admin/label/collectivite/{donnees['dijon'].pk}/change/", {"nom": "Piratée"})

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert titres("Piratée") == set()


def test_reindexer_apres_renommage_counts_the_published_fiches_it_reindexed(donnees, django_assert_num_queries):
    # Dijon: « Médiation numérique à l'École » and « Budget participatif » (its draft is left out).
    assert reindexer_apres_renommage(collectivites=[donnees["dijon"].pk]) == 2
    assert reindexer_apres_renommage(services=[donnees["epn"]], enjeux=[donnees["democratie"]]) == 4
    with django_assert_num_queries(0):
        assert reindexer_apres_renommage() == 0

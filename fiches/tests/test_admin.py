from unittest import mock

import pytest
from django.contrib.auth import get_user_model

from comptes.testing import activer_totp
from fiches.enums import EtatFiche
from fiches.historique import versions_de
from fiches.models import Enjeu, Taxonomie

from .edition_outils import creer_fiche, make_monde, valeurs_postees


@pytest.fixture
def monde(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_monde()


@pytest.fixture
def admin_client(client, monde):
    admin = get_user_model().objects.create_superuser("admin", "admin@exemple.fr", "motdepasse-de-test")
    activer_totp(admin)  # the administration requires two-factor authentication of staff
    client.force_login(admin)
    return client


def donnees_admin(client, fiche):
    """What the admin's change page of `fiche` posts when sent as shown."""
    page = client.get(f"/admin/fiches/ficheaction/{fiche.pk}/change/")
    formulaires = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        formulaires += [inline.formset.management_form, *inline.formset.forms]
    return {nom: valeur for formulaire in formulaires for nom, valeur in valeurs_postees(formulaire).items()}


def test_the_fiches_changelist_runs_a_constant_number_of_queries(admin_client, monde, django_assert_num_queries):
    creer_fiche(monde)
    # session, user, the staff member's authenticator app (two-factor authentication), the savepoint and its
    # release (VersionAdmin's revision), the enjeux of the filter, the count (filtered, then total), the page of
    # fiches with their collectivité, the demo banner's check, the date hierarchy (first and last dates, then the
    # days).
    with django_assert_num_queries(12):
        admin_client.get("/admin/fiches/ficheaction/")
    for numero in range(5):
        creer_fiche(monde, titre=f"Fiche {numero}", collectivite="la_rochelle")
    with django_assert_num_queries(12):
        response = admin_client.get("/admin/fiches/ficheaction/")

    assert response.status_code == 200
    assert "Fiche 4" in response.content.decode()


def test_the_fiches_changelist_filters_by_etat_and_enjeu_and_searches_the_collectivite(admin_client, monde):
    creer_fiche(monde, titre="Publiée", etat=EtatFiche.PUBLIEE)
    creer_fiche(monde, titre="Brouillon rochelais", collectivite="la_rochelle")
    enjeu = monde.services[0].enjeu

    publiees = admin_client.get("/admin/fiches/ficheaction/?etat=publiee").context["cl"].result_list
    par_enjeu = admin_client.get(f"/admin/fiches/ficheaction/?services__enjeu__id__exact={enjeu.pk}")
    cherchees = admin_client.get("/admin/fiches/ficheaction/?q=rochelle").context["cl"].result_list

    assert [fiche.titre for fiche in publiees] == ["Publiée"]
    assert par_enjeu.context["cl"].result_count == 2
    assert [fiche.titre for fiche in cherchees] == ["Brouillon rochelais"]


def test_a_fiche_opens_in_the_admin_with_its_places_contacts_and_history(admin_client, monde):
    fiche = creer_fiche(monde)

    change = admin_client.get(f"/admin/fiches/ficheaction/{fiche.pk}/change/")
    historique = admin_client.get(f"/admin/fiches/ficheaction/{fiche.pk}/history/")

    html = change.content.decode()
    assert change.status_code == 200
    assert 'name="lieux-0-nom"' in html
    assert 'name="personnes-0-email"' in html
    assert 'name="images-TOTAL_FORMS"' in html
    assert historique.status_code == 200
    assert "Création de la fiche." in historique.content.decode()


def test_saving_in_the_admin_records_a_version_bumps_the_lock_and_reindexes(admin_client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.PUBLIEE)
    donnees = donnees_admin(admin_client, fiche)
    donnees["titre"] = "Titre revu par l'équipe"

    with mock.patch("fiches.admin.indexer") as indexer:
        response = admin_client.post(f"/admin/fiches/ficheaction/{fiche.pk}/change/", donnees)

    fiche.refresh_from_db()
    assert response.status_code == 302, response.context["errors"]
    assert (fiche.titre, fiche.version) == ("Titre revu par l'équipe", 2)
    assert versions_de(fiche).count() == 2
    indexer.assert_called_once_with([fiche.pk])


def test_the_taxonomy_admin_shows_the_familles_inline_and_the_enjeux_with_note_and_colour(admin_client, monde):
    taxonomie = Taxonomie.objects.active()
    enjeu = Enjeu.objects.filter(note__gt="").first() or Enjeu.objects.first()

    taxonomie_page = admin_client.get(f"/admin/fiches/taxonomie/{taxonomie.pk}/change/").content.decode()
    enjeux = admin_client.get("/admin/fiches/enjeu/").content.decode()
    services = admin_client.get("/admin/fiches/service/")

    assert taxonomie_page.count('name="familles-') >= 4 * 3
    assert enjeu.couleur in enjeux
    assert enjeu.note[:30] in enjeux
    assert services.status_code == 200
    assert services.context["cl"].result_count == 139


def test_the_admin_is_closed_to_members_of_collectivites(client, monde):
    client.force_login(monde.agent_dijon)

    response = client.get("/admin/fiches/ficheaction/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_place_deleted_in_the_admin_is_not_kept_in_the_new_version(admin_client, monde):
    fiche = creer_fiche(monde)
    fiche.lieux.create(nom="Salle des fêtes", latitude=47.29, longitude=5.0)
    donnees = donnees_admin(admin_client, fiche)
    donnees["lieux-0-DELETE"] = "on"

    with mock.patch("fiches.admin.indexer"):
        admin_client.post(f"/admin/fiches/ficheaction/{fiche.pk}/change/", donnees)

    revision = versions_de(fiche).first().revision
    lieux = [version.object_repr for version in revision.version_set.all() if version.content_type.model == "lieu"]
    assert lieux == ["Salle des fêtes"]
    assert revision.user.username == "admin"

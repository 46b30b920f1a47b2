"""Staff's list of the candidatures of an édition, its counts, filters, progress and exports."""

import csv
import io

import openpyxl
import pytest
from django.conf import settings
from django.db import connection
from django.shortcuts import resolve_url
from django.test.utils import CaptureQueriesContext

from campagne.actions import enregistrer_reponse, inscrire
from campagne.models import Candidature
from label.enums import Categorie
from label.models import Collectivite

from .outils import creer_fiche, question

URL = "/equipe/candidatures/2027/"


@pytest.fixture
def candidatures(monde):
    dijon = inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)
    inscrire(edition=monde.e2027, collectivite=monde.la_rochelle, par=monde.referent_la_rochelle)
    inscrire(edition=monde.e2027, collectivite=monde.metropole, par=monde.referent_metropole)
    for cle in ("strategie", "elu"):
        enregistrer_reponse(
            candidature=dijon,
            question=question(monde, 2027, Categorie.VILLE, cle),
            valeurs=["x"],
            version=0,
            par=monde.agent_dijon,
        )
    enregistrer_reponse(  # not required: not counted
        candidature=dijon,
        question=question(monde, 2027, Categorie.VILLE, "budget"),
        valeurs=["3"],
        version=0,
        par=monde.agent_dijon,
    )
    creer_fiche(monde, monde.dijon, titre="Une")
    creer_fiche(monde, monde.dijon, titre="Deux", etat="brouillon")
    creer_fiche(monde, monde.dijon, titre="Refusée", etat="rejetee")
    return Candidature.objects.all()


def test_the_list_sends_an_anonymous_visitor_to_the_login_page(client, candidatures):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{resolve_url(settings.LOGIN_URL)}?next={URL}"


@pytest.mark.parametrize("qui", ["referent_dijon", "agent_la_rochelle"])
def test_the_list_is_forbidden_to_people_who_are_not_staff(client, monde, candidatures, qui):
    client.force_login(getattr(monde, qui))

    assert client.get(URL).status_code == 403
    assert client.get(URL + "export.csv").status_code == 403
    assert client.get(URL + "export.xlsx").status_code == 403


def test_staff_see_the_counts_by_statut_kind_and_region_and_each_dossiers_progress(client, monde, candidatures):
    client.force_login(monde.equipe)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Candidatures au label 2027 — " in html
    assert "3 candidatures inscrites." in html
    totaux = response.context["totaux"]
    assert totaux["par_statut"] == [
        ("Inscrite", "inscrite", 2),
        ("En cours", "en_cours", 1),
        ("Soumise", "soumise", 0),
        ("Rouverte", "reouverte", 0),
    ]
    assert totaux["par_categorie"] == [
        ("Ville", "ville", 1),
        ("Village", "village", 1),
        ("Territoire", "territoire", 1),
    ]
    assert totaux["par_region"] == [("Bourgogne-Franche-Comté", "27", 3)]
    lignes = {c.collectivite.nom: (c.repondues, c.obligatoires, c.nombre_fiches) for c in response.context["lignes"]}
    assert lignes == {"Dijon": (2, 3, 2), "La Rochelle": (0, 3, 0), "Dijon Métropole": (0, 3, 0)}
    assert "2 sur 3" in html


def test_the_list_is_read_in_a_constant_number_of_queries(client, monde, candidatures, django_assert_num_queries):
    client.force_login(monde.equipe)
    client.get(URL)  # warm the session

    # session, user, the staff member's authenticator app (two-factor authentication), demo banner, édition,
    # counts by statut/kind/région, required questions per questionnaire, the candidatures with their progress
    # and fiches (subqueries).
    with django_assert_num_queries(8):
        client.get(URL)
    autre = Collectivite.objects.create(nom="Haulchin", categorie="ville", commune=monde.ref["haulchin"])
    Candidature.objects.create(edition=monde.e2027, collectivite=autre, categorie="ville")
    with django_assert_num_queries(8):
        response = client.get(URL)
    assert len(response.context["lignes"]) == 4
    assert ("Hauts-de-France", "32", 1) in response.context["totaux"]["par_region"]


@pytest.mark.parametrize(
    ("requete", "noms"),
    [
        ("statut=en_cours", ["Dijon"]),
        ("categorie=village", ["La Rochelle"]),
        ("region=27", ["Dijon", "Dijon Métropole", "La Rochelle"]),
        ("region=32", []),
        ("q=dijon", ["Dijon", "Dijon Métropole"]),
        ("q=70450", ["La Rochelle"]),
        ("statut=nimporte&categorie=<script>", ["Dijon", "Dijon Métropole", "La Rochelle"]),
    ],
)
def test_filters_are_get_parameters_and_unknown_values_are_ignored(client, monde, candidatures, requete, noms):
    client.force_login(monde.equipe)

    response = client.get(f"{URL}?{requete}")

    assert response.status_code == 200
    assert [c.collectivite.nom for c in response.context["lignes"]] == noms


def test_an_unknown_edition_is_a_404_for_staff(client, monde):
    client.force_login(monde.equipe)

    assert client.get("/equipe/candidatures/1990/").status_code == 404


def test_the_csv_export_keeps_the_filters(client, monde, candidatures):
    client.force_login(monde.equipe)

    response = client.get(URL + "export.csv?categorie=ville")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="candidatures-2027.csv"'
    texte = response.content.decode("utf-8")
    assert texte.startswith("\ufeff")
    lignes = list(csv.reader(io.StringIO(texte.lstrip("\ufeff")), delimiter=";"))
    assert lignes[0][:3] == ["Collectivité", "Code", "Catégorie"]
    assert lignes[1][:9] == [
        "Dijon",
        "21231",
        "Ville",
        "Côte-d'Or",
        "Bourgogne-Franche-Comté",
        "En cours",
        "2",
        "3",
        "2",
    ]
    assert len(lignes) == 2


def test_the_xlsx_export_is_a_workbook_of_the_list(client, monde, candidatures):
    client.force_login(monde.equipe)

    response = client.get(URL + "export.xlsx")

    classeur = openpyxl.load_workbook(io.BytesIO(response.content))
    feuille = classeur.active
    lignes = list(feuille.iter_rows(values_only=True))
    assert feuille.title == "Candidatures 2027"
    assert lignes[0][0] == "Collectivité"
    assert [ligne[0] for ligne in lignes[1:]] == ["Dijon", "Dijon Métropole", "La Rochelle"]
    assert lignes[1][6:9] == (2, 3, 2)


def test_the_list_refuses_a_post(client, monde, candidatures):
    client.force_login(monde.equipe)

    assert client.post(URL).status_code == 405


def test_count_queries_helper_is_exact(client, monde, candidatures):
    """The counts of the list do not grow with the number of answers or fiches (one subquery each)."""
    client.force_login(monde.equipe)
    client.get(URL)
    with CaptureQueriesContext(connection) as avant:
        client.get(URL)
    for titre in ("Trois", "Quatre", "Cinq"):
        creer_fiche(monde, monde.la_rochelle, titre=titre)
    with CaptureQueriesContext(connection) as apres:
        client.get(URL)
    assert len(avant) == len(apres)

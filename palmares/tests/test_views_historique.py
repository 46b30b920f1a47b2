import csv
import io

import pytest

from .donnees import ajouter_labellises, creer_edition


def test_it_draws_the_evolution_with_the_tables(client, historique):
    response = client.get("/palmares/historique/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Historique du label — " in html
    assert html.count("<h1>") == 1
    assert html.count('role="img"') == 4
    assert (
        'aria-label="Collectivités labellisées par catégorie et par édition, de 2020 à 2025. Villes de 2 à 2 ; '
        'Villages de 1 à 3 ; Territoires de 0 à 3. Les valeurs exactes sont dans le tableau qui suit."' in html
    )
    for caption in [
        "Collectivités labellisées par catégorie et par édition",
        "Collectivités labellisées par nombre d'arobases et par édition",
        "Communes et habitants concernés par édition (intercommunalités et populations actuelles)",
    ]:
        assert f"<caption>{caption}</caption>" in html
    # Every segment has its tooltip; patterns keep the series apart without colour.
    assert "<title>2025 — Territoires : 3 collectivités</title>" in html
    assert 'id="categories-motif-1"' in html
    assert "<title>2025 — Habitants concernés : 174\u202f765 habitants</title>" in html
    assert '<td class="nombre">174\xa0765</td>' in html


def test_it_says_that_todays_intercommunalities_are_used_for_past_years(client, historique):
    html = client.get("/palmares/historique/").content.decode()

    assert "Les intercommunalités et les populations sont celles du référentiel actuel" in html


def test_it_never_shows_an_unpublished_edition(client, historique):
    html = client.get("/palmares/historique/").content.decode()

    assert "2019" not in html
    assert "2026" not in html


def test_it_says_when_nothing_is_published(client, db):
    creer_edition(2026, publiee=False)

    response = client.get("/palmares/historique/")

    assert response.status_code == 200
    assert "Aucun palmarès n'est encore publié" in response.content.decode()


def test_it_is_linked_from_the_index_and_comes_before_the_year_routes(client, palmares):
    assert 'href="/palmares/historique/"' in client.get("/palmares/").content.decode()
    assert client.get("/palmares/historique/").resolver_match.view_name == "palmares:historique"


def test_it_gives_the_series_as_csv(client, historique):
    response = client.get("/palmares/historique.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="palmares-historique.csv"'
    contenu = response.content.decode("utf-8")
    assert contenu.startswith("\ufeff")
    lignes = list(csv.reader(io.StringIO(contenu.removeprefix("\ufeff"))))
    assert lignes == [
        [
            "annee",
            "edition",
            "collectivites_labellisees",
            "villes",
            "villages",
            "territoires",
            "arobases_5",
            "arobases_4",
            "arobases_3",
            "arobases_2",
            "arobases_1",
            "communes_concernees",
            "habitants_concernes",
            "mentions",
            "titres_excellence",
        ],
        ["2020", "21", "3", "2", "1", "0", "1", "0", "0", "1", "1", "3", "173226", "0", "0"],
        ["2021", "22", "5", "2", "3", "0", "1", "0", "1", "0", "3", "5", "174765", "0", "0"],
        ["2022", "23", "4", "2", "1", "1", "1", "1", "1", "1", "0", "3", "170959", "1", "0"],
        ["2023", "24", "4", "2", "1", "1", "1", "1", "1", "1", "0", "3", "170959", "0", "0"],
        ["2024", "25", "5", "2", "2", "1", "1", "2", "1", "1", "0", "4", "173265", "0", "0"],
        ["2025", "26", "7", "2", "2", "3", "2", "0", "3", "2", "0", "5", "174765", "3", "1"],
    ]


def test_the_csv_has_only_its_header_when_nothing_is_published(client, db):
    lignes = client.get("/palmares/historique.csv").content.decode("utf-8-sig").splitlines()

    assert len(lignes) == 1
    assert lignes[0].startswith("annee,edition,")


@pytest.mark.parametrize("url", ["/palmares/historique/", "/palmares/historique.csv"])
def test_it_rejects_a_post(client, db, url):
    assert client.post(url).status_code == 405


@pytest.mark.parametrize("url", ["/palmares/historique/?annee=abc", "/palmares/historique.csv?de=%FF"])
def test_it_ignores_parameters(client, historique, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("en_plus", [0, 6])
def test_it_counts_in_constant_queries(client, historique, django_assert_num_queries, en_plus):
    ajouter_labellises(creer_edition(2018), en_plus, departement=historique["nord"])
    # 1 demo banner, 2 published éditions, 3 labellisations and titles by édition, catégorie and arobases,
    # 4 labelled communes and EPCI by édition, 5 members of labelled EPCI, 6 members of labelled syndicats,
    # 7 mentions by édition.
    with django_assert_num_queries(7):
        assert client.get("/palmares/historique/").status_code == 200
    # The CSV: the same without the banner.
    with django_assert_num_queries(6):
        assert client.get("/palmares/historique.csv").status_code == 200

import pytest

from .donnees import ajouter_labellises


def test_it_shows_the_figures_of_a_published_edition_with_how_they_are_counted(client, palmares):
    response = client.get("/palmares/2026/statistiques/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Les chiffres du label 2026 — " in html
    assert html.count("<h1>") == 1
    assert response.context["stats"].total == 5
    assert "1 + 2 + 2 = 5." in html
    assert (
        "1 ville + 2 villages + 4 communes des territoires = 7 ; 2 communes comptées deux fois car labellisées "
        "elles-mêmes et membres d&#x27;un territoire labellisé → 5 communes distinctes."
    ) in html
    assert "174\xa0765</span> habitants concernés" in html
    assert "Le label depuis 2024" in html
    assert '<span class="valeur">8</span> labellisations de collectivités' in html


def test_it_draws_the_distribution_with_a_table_equivalent(client, palmares):
    html = client.get("/palmares/2026/statistiques/").content.decode()

    assert '<svg class="graphique" role="img" aria-label="Collectivités labellisées en 2026 par nombre' in html
    assert "5 arobases : 2 ; 4 arobases : 0 ; 3 arobases : 2 ; 2 arobases : 1 ; 1 arobase : 0." in html
    assert "<caption>Collectivités labellisées en 2026 par nombre d'arobases</caption>" in html
    assert '<th scope="col" class="nombre">Collectivités</th>' in html


@pytest.mark.parametrize("annee", [2027, 2023])
def test_it_hides_an_unpublished_edition(client, palmares, annee):
    # 2027 is published tomorrow, 2023 has no publication date.
    assert client.get(f"/palmares/{annee}/statistiques/").status_code == 404


def test_it_returns_404_for_an_unknown_year(client, palmares):
    assert client.get("/palmares/1998/statistiques/").status_code == 404


def test_it_rejects_a_post(client, palmares):
    assert client.post("/palmares/2026/statistiques/").status_code == 405


def test_it_shows_an_edition_without_results(client, palmares):
    palmares["e2026"].labellisations.all().delete()

    response = client.get("/palmares/2026/statistiques/")

    assert response.status_code == 200
    assert response.context["stats"].total == 0


@pytest.mark.parametrize("en_plus", [0, 7])
def test_it_counts_in_constant_queries(client, palmares, django_assert_num_queries, en_plus):
    ajouter_labellises(palmares["e2026"], en_plus, departement=palmares["nord"])
    # 1 demo banner, 2 édition; statistics: 3 labellisations, 4 EPCI members, 5 syndicat members,
    # 6 mentions by catégorie, 7 published éditions, 8 history of this édition's collectivités and the
    # previous results, 9 cumulative labellisations, collectivités and titles, 10 cumulative mentions.
    with django_assert_num_queries(10):
        response = client.get("/palmares/2026/statistiques/")
    assert response.context["stats"].total == 5 + en_plus

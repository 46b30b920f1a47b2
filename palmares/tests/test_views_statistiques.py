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


def test_it_shows_the_new_figures_each_with_how_it_is_counted(client, historique):
    response = client.get("/palmares/2025/statistiques/")

    html = response.content.decode()
    assert "<caption>Collectivités labellisées en 2025 par arobases et par catégorie</caption>" in html
    assert "<caption>Collectivités labellisées en 2025 par région et par arobases</caption>" in html
    assert "<caption>Collectivités labellisées en 2025 par département et par arobases</caption>" in html
    assert "<caption>Collectivités labellisées en 2025 par tranche de population et par arobases</caption>" in html
    assert '<svg class="graphique" role="img" aria-label="Collectivités labellisées en 2025 par région.' in html
    assert "Bourgogne-Franche-Comté : 6 ; Sans région (syndicats) : 1." in html
    assert "moins de 500 habitants ; de 500 à 1 999 habitants ; de 2 000 à 9 999 habitants" in html
    # Newcomers, ups and downs against 2024: 3 + 1 + 2 + 1 = 7.
    assert "3 + 1 + 2 + 1 = 7 collectivités labellisées en 2025." in html
    assert "nouvelles par rapport à 2024, dont 2 labellisées pour la première fois" in html
    assert '<a href="/collectivites/59288/">Haulchin</a>' in html  # left after 2024
    assert 'href="/palmares/comparer/?de=2024&amp;a=2025"' in html
    # Continuity: 3 over the last five éditions, 2 since 2020; fewer than ten éditions are published.
    assert "labellisées à chacune des 5 dernières éditions (2021–2025)" in html
    assert "labellisées à chacune des éditions depuis 2020" in html
    assert "Moins de 10 éditions publiées" in html
    assert '<span class="valeur">8</span> collectivités différentes labellisées au moins une fois' in html
    assert html.count("<h1>") == 1


def test_it_never_shows_an_unpublished_result_in_the_new_figures(client, historique):
    html = client.get("/palmares/2025/statistiques/").content.decode()

    assert "Secret" not in html
    assert "Logiciel libre" not in html
    assert "2026" not in html


def test_it_says_when_there_is_no_previous_edition(client, historique):
    html = client.get("/palmares/2020/statistiques/").content.decode()

    assert "Aucune édition publiée avant 2020 : pas de comparaison possible." in html


def test_it_links_to_the_other_pages_of_the_edition(client, palmares):
    html = client.get("/palmares/2026/statistiques/").content.decode()

    for lien in [
        "/palmares/2026/",
        "/palmares/2026/carte/",
        "/palmares/2026/texte/",
        "/palmares/comparer/?a=2026",
        "/palmares/historique/",
    ]:
        assert f'href="{lien}"' in html
    assert 'aria-current="page">Chiffres 2026</a>' in html


def test_it_is_the_same_page_for_staff(client, palmares):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("equipe", "equipe@example.org", "motdepasse-de-test", is_staff=True)
    client.login(username="equipe", password="motdepasse-de-test")

    assert client.get("/palmares/2027/statistiques/").status_code == 404
    assert client.get("/palmares/2026/statistiques/").context["stats"].total == 5


def test_it_ignores_unknown_parameters(client, palmares):
    assert client.get("/palmares/2026/statistiques/?annee=abc&region=%00").status_code == 200

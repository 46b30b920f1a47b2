import pytest

from .donnees import creer_edition


def test_it_lists_the_published_editions_and_leads_to_the_latest(client, palmares):
    response = client.get("/palmares/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Palmarès — " in html
    assert html.count("<h1>") == 1
    assert [edition.annee for edition in response.context["editions"]] == [2026, 2025, 2024]
    assert [edition.labellisees for edition in response.context["editions"]] == [5, 2, 1]
    assert '<a class="bouton" href="/palmares/2026/">Voir le palmarès 2026</a>' in html
    assert "27<sup>e</sup> édition" in html
    assert "29 janvier 2026, Agen" in html
    assert 'href="/palmares/2024/statistiques/"' in html


def test_it_hides_unpublished_editions(client, palmares):
    html = client.get("/palmares/").content.decode()

    # 2027 is published tomorrow, 2023 has no publication date.
    assert "2027" not in html
    assert "2023" not in html


def test_it_says_when_nothing_is_published(client, db):
    creer_edition(2026, publiee=False)

    response = client.get("/palmares/")

    assert response.status_code == 200
    assert response.context["derniere"] is None
    assert "Aucun palmarès n'est encore publié" in response.content.decode()


def test_it_rejects_a_post(client, db):
    assert client.post("/palmares/").status_code == 405


@pytest.mark.parametrize("editions", [1, 6])
def test_it_lists_the_editions_in_constant_queries(client, db, django_assert_num_queries, editions):
    for rang in range(editions):
        creer_edition(2020 + rang)
    # 1 demo banner (context processor), 2 éditions with their number of labellisations.
    with django_assert_num_queries(2):
        assert client.get("/palmares/").status_code == 200

"""The comparison of two éditions, on the six-year history (see donnees_historique for the table of results)."""

import pytest

from .donnees import ajouter_labellises, creer_edition


def noms(liste):
    return [ecart.nom for ecart in liste]


def test_it_compares_the_latest_edition_with_the_previous_one_by_default(client, historique):
    response = client.get("/palmares/comparer/")

    assert response.status_code == 200
    assert (response.context["de"], response.context["a"]) == (2024, 2025)
    ecarts = response.context["ecarts"]
    assert noms(ecarts.entrees) == ["CC du Pays de Villersexel", "Syndicat numérique du Nord-Est", "Villersexel"]
    assert noms(ecarts.sorties) == ["Haulchin"]
    assert noms(ecarts.hausses) == ["Dijon Métropole"]
    assert noms(ecarts.baisses) == ["Chenôve"]
    assert noms(ecarts.stables) == ["Dijon", "La Rochelle"]
    html = response.content.decode()
    assert "<title>Comparer deux éditions : 2024 et 2025 — " in html
    assert html.count("<h1>") == 1
    assert "<h2>De 2024 à 2025</h2>" in html
    assert '<a href="/collectivites/21166/">Chenôve</a>' in html
    assert "5 collectivités en 2024, 7 en 2025." in html
    assert '<option value="2024" selected>2024</option>' in html
    for champ in ["de", "a", "categorie", "region", "departement"]:
        assert f'<label for="id_{champ}">' in html


def test_it_compares_any_two_published_editions(client, historique):
    ecarts = client.get("/palmares/comparer/?de=2020&a=2025").context["ecarts"]

    assert noms(ecarts.entrees) == [
        "CC du Pays de Villersexel",
        "Dijon Métropole",
        "La Rochelle",
        "Syndicat numérique du Nord-Est",
        "Villersexel",
    ]
    assert noms(ecarts.sorties) == ["Haulchin"]
    assert [(e.nom, e.avant, e.apres) for e in ecarts.hausses] == [("Chenôve", 2, 3)]
    assert noms(ecarts.stables) == ["Dijon"]
    assert ecarts.baisses == []


def test_the_default_start_is_the_edition_published_before_the_chosen_one(client, historique):
    assert (client.get("/palmares/comparer/?a=2022").context["de"]) == 2021


@pytest.mark.parametrize(
    "parametres, region_ou_departement, entrees, sorties",
    [
        ("categorie=territoire", None, ["CC du Pays de Villersexel", "Syndicat numérique du Nord-Est"], []),
        ("categorie=village", None, ["Villersexel"], ["Haulchin"]),
        # The syndicat has no département: it is left out of any région or département.
        ("region=27", "27", ["CC du Pays de Villersexel", "Villersexel"], []),
        ("region=32", "32", [], ["Haulchin"]),
        ("departement=70", "70", ["CC du Pays de Villersexel", "Villersexel"], []),
    ],
)
def test_it_filters_by_categorie_region_and_departement(
    client, historique, parametres, region_ou_departement, entrees, sorties
):
    response = client.get(f"/palmares/comparer/?de=2024&a=2025&{parametres}")

    ecarts = response.context["ecarts"]
    assert (noms(ecarts.entrees), noms(ecarts.sorties)) == (entrees, sorties)
    assert "(liste filtrée)" in response.content.decode()


def test_it_offers_the_regions_and_departements_of_both_editions(client, historique):
    html = client.get("/palmares/comparer/?de=2024&a=2025").content.decode()

    # Haulchin (Nord, Hauts-de-France) is labelled in 2024 only.
    assert '<option value="32">Hauts-de-France</option>' in html
    assert '<option value="59">59 — Nord</option>' in html


def test_it_asks_for_two_different_editions(client, historique):
    response = client.get("/palmares/comparer/?de=2023&a=2023")

    assert response.status_code == 200
    assert response.context["ecarts"] is None
    assert "Choisissez deux éditions différentes." in response.content.decode()


def test_it_says_when_a_single_edition_is_published(client, db):
    creer_edition(2025)

    response = client.get("/palmares/comparer/")

    assert response.context["ecarts"] is None
    assert "Une seule édition est publiée : il n'y a rien à comparer." in response.content.decode()


def test_it_says_when_nothing_is_published(client, db):
    creer_edition(2026, publiee=False)

    assert "Aucun palmarès n'est encore publié" in client.get("/palmares/comparer/").content.decode()


@pytest.mark.parametrize(
    "parametres",
    [
        "de=2019&a=2026",  # unpublished: 2019 has no publication date, 2026 is published tomorrow
        "de=abc&a=%3Cscript%3E",
        "de=99999999999999999999&a=-1",
        "de=2024&a=2025&region=zz&departement=%00&categorie=metropole",
        "de=&a=",
    ],
)
def test_it_drops_wrong_values_and_never_shows_an_unpublished_edition(client, historique, parametres):
    response = client.get(f"/palmares/comparer/?{parametres}")

    assert response.status_code == 200
    assert (response.context["de"], response.context["a"]) == (2024, 2025)
    assert response.context["ecarts"].apres == 7
    html = response.content.decode()
    assert "Secret" not in html
    assert '<option value="2026"' not in html


def test_it_rejects_a_post(client, historique):
    assert client.post("/palmares/comparer/?de=2024&a=2025").status_code == 405


def test_the_edition_pages_lead_to_it(client, historique):
    assert 'href="/palmares/comparer/?a=2025"' in client.get("/palmares/2025/").content.decode()
    assert 'href="/palmares/comparer/"' in client.get("/palmares/").content.decode()


@pytest.mark.parametrize("en_plus", [0, 6])
def test_it_counts_in_constant_queries(client, historique, django_assert_num_queries, en_plus):
    ajouter_labellises(historique["e2025"], en_plus, departement=historique["nord"])
    # 1 demo banner, 2 published éditions, 3 both éditions' labellisations with département and région.
    with django_assert_num_queries(3):
        response = client.get("/palmares/comparer/?de=2024&a=2025")
    assert response.context["ecarts"].apres == 7 + en_plus

import pytest

from .donnees import ajouter_labellises

TEXTE_2026 = """Label national Territoires, Villes et Villages Internet 2026 — palmarès

BOURGOGNE-FRANCHE-COMTÉ

Côte-d'Or (21)
Dijon (21) @@@@@
Dijon Métropole (21) @@@@@

Haute-Saône (70)
La Rochelle (70) @@@

HAUTS-DE-FRANCE

Nord (59)
Haulchin (59) @@@

AUTRES TERRITOIRES

Sans département
Syndicat numérique de la Haute-Saône @@
"""


def test_it_gives_the_palmares_in_the_press_format(client, palmares):
    response = client.get("/palmares/2026/texte/")

    assert response.status_code == 200
    assert response.context["texte"] == TEXTE_2026
    html = response.content.decode()
    assert "<title>Palmarès 2026 par région, format presse — " in html
    assert html.count("<h1>") == 1
    assert '<label for="texte-presse">' in html
    assert '<textarea id="texte-presse" readonly' in html
    assert "Dijon Métropole (21) @@@@@" in html
    assert 'href="/palmares/2026/texte.txt" download' in html


def test_it_sorts_by_arobases_then_by_name_ignoring_accents(client, palmares):
    palmares["c_dijon"].labellisations.filter(edition=palmares["e2026"]).update(arobases=2)
    palmares["c_metropole"].nom = "Éveil Métropole"
    palmares["c_metropole"].save()
    palmares["c_haulchin"].labellisations.filter(edition=palmares["e2026"]).update(arobases=5)

    texte = client.get("/palmares/2026/texte/").context["texte"]

    assert "Côte-d'Or (21)\nÉveil Métropole (21) @@@@@\nDijon (21) @@\n" in texte


def test_it_filters_by_region_and_says_so_in_the_title(client, palmares):
    texte = client.get("/palmares/2026/texte/?region=27").context["texte"]

    assert texte == (
        "Label national Territoires, Villes et Villages Internet 2026 — palmarès (Bourgogne-Franche-Comté)\n\n"
        "BOURGOGNE-FRANCHE-COMTÉ\n\n"
        "Côte-d'Or (21)\nDijon (21) @@@@@\nDijon Métropole (21) @@@@@\n\n"
        "Haute-Saône (70)\nLa Rochelle (70) @@@\n"
    )


def test_it_filters_by_departement_and_categorie(client, palmares):
    texte = client.get("/palmares/2026/texte/?departement=21&categorie=territoire&arobases=5").context["texte"]

    assert texte == (
        "Label national Territoires, Villes et Villages Internet 2026 — palmarès (Côte-d'Or (21), territoires, 5 @)"
        "\n\nBOURGOGNE-FRANCHE-COMTÉ\n\nCôte-d'Or (21)\nDijon Métropole (21) @@@@@\n"
    )


def test_it_downloads_the_same_text(client, palmares):
    response = client.get("/palmares/2026/texte.txt?region=27")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="palmares-2026.txt"'
    assert response.content.decode("utf-8") == client.get("/palmares/2026/texte/?region=27").context["texte"]


def test_the_palmares_page_leads_to_the_text_of_its_selection(client, palmares):
    html = client.get("/palmares/2026/?region=27&tri=nom").content.decode()

    assert 'href="/palmares/2026/texte/?region=27">Cette liste au format presse' in html


def test_it_never_shows_an_unpublished_result(client, palmares):
    assert "Villersexel" not in client.get("/palmares/2026/texte/").context["texte"]


@pytest.mark.parametrize("url", ["/palmares/{}/texte/", "/palmares/{}/texte.txt"])
@pytest.mark.parametrize("annee", [2027, 2023, 1998])
def test_it_hides_an_unpublished_or_unknown_edition(client, palmares, url, annee):
    assert client.get(url.format(annee)).status_code == 404


@pytest.mark.parametrize("url", ["/palmares/2026/texte/", "/palmares/2026/texte.txt"])
def test_it_rejects_a_post(client, palmares, url):
    assert client.post(url).status_code == 405


@pytest.mark.parametrize(
    "parametres", ["region=zz", "arobases=abc", "departement=%3Cscript%3E", "categorie=metropole&arobases=9"]
)
def test_it_ignores_invalid_parameter_values(client, palmares, parametres):
    response = client.get(f"/palmares/2026/texte/?{parametres}")

    assert response.status_code == 200
    assert response.context["texte"] == TEXTE_2026
    assert client.get(f"/palmares/2026/texte.txt?{parametres}").content.decode() == TEXTE_2026


@pytest.mark.parametrize("en_plus", [0, 6])
def test_it_counts_in_constant_queries(client, palmares, django_assert_num_queries, en_plus):
    ajouter_labellises(palmares["e2026"], en_plus, departement=palmares["nord"])
    # 1 demo banner, 2 édition, 3 labellisations with collectivité, commune/EPCI, département and région,
    # 4 mentions, 5 member communes of syndicats.
    with django_assert_num_queries(5):
        client.get("/palmares/2026/texte/")
    # The download has no page around it: no banner.
    with django_assert_num_queries(4):
        client.get("/palmares/2026/texte.txt")

import json
import re

import pytest

from label.enums import Categorie
from palmares import carte
from territoires.models import Commune, Departement

from .donnees import ajouter_labellises, collectivite_commune, labelliser


@pytest.fixture
def fond_de_carte(tmp_path, monkeypatch):
    """A base layer of two départements (Côte-d'Or as a square, Guadeloupe as a triangle), or none.

    Calls with `None` to have no base-layer file. The in-memory cache is emptied before and after.
    """

    def installer(features):
        carte.contours_departements.cache_clear()
        if features is None:
            monkeypatch.setattr(carte.finders, "find", lambda chemin: None)
            return
        fichier = tmp_path / "departements.geojson"
        fichier.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
        monkeypatch.setattr(carte.finders, "find", lambda chemin: str(fichier))

    yield installer
    carte.contours_departements.cache_clear()


COTE_D_OR = {
    "type": "Feature",
    "properties": {"code": "21", "nom": "Côte-d'Or"},
    "geometry": {"type": "Polygon", "coordinates": [[[4.1, 46.9], [5.5, 46.9], [5.5, 48.0], [4.1, 48.0], [4.1, 46.9]]]},
}
GUADELOUPE = {
    "type": "Feature",
    "properties": {"code": "971", "nom": "Guadeloupe"},
    "geometry": {
        "type": "MultiPolygon",
        "coordinates": [[[[-61.8, 16.0], [-61.2, 16.0], [-61.5, 16.5], [-61.8, 16.0]]]],
    },
}


def test_it_maps_the_labelled_collectivites_with_a_text_equivalent(client, palmares, fond_de_carte):
    fond_de_carte(None)

    response = client.get("/palmares/2026/carte/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Carte du label 2026 — " in html
    assert html.count("<h1>") == 1
    assert '<svg class="carte" role="img" aria-label="Carte des 5 collectivités labellisées en 2026' in html
    # Villes and villages are points with a tooltip; their size follows the population.
    assert "<title>Dijon (21) — 5 arobases — 156\u202f920 habitants</title>" in html
    assert "<title>La Rochelle (70) — 3 arobases — 39 habitants</title>" in html
    # A territoire is drawn by its member communes.
    assert "<title>Chenôve (21), membre de Dijon Métropole</title>" in html
    assert "<title>Villersexel (70), membre de Syndicat numérique de la Haute-Saône</title>" in html
    # The table lists every collectivité of the palmarès, and every member commune of the territoires.
    assert "<caption>Collectivités labellisées en 2026 sur la carte, par arobases puis par nom</caption>" in html
    lignes = response.context["carte"].lignes
    assert [ligne.nom for ligne in lignes] == [
        "Dijon",
        "Dijon Métropole",
        "Haulchin",
        "La Rochelle",
        "Syndicat numérique de la Haute-Saône",
    ]
    assert lignes[1].membres == ["Chenôve (21)", "Dijon (21)"]
    assert "2 communes membres sur 2" in html
    assert "Le fond des départements n'est pas disponible" in html
    assert 'class="carte-departements"' not in html


def test_the_legend_gives_colours_sizes_and_territoires(client, palmares, fond_de_carte):
    fond_de_carte(None)

    html = client.get("/palmares/2026/carte/").content.decode()

    assert '<h2 class="legende-titre">Légende</h2>' in html
    for couleur in ["#0072B2", "#56B4E9", "#009E73", "#E69F00", "#CC79A7"]:
        assert f'fill="{couleur}"' in html
    assert "100\u202f000 habitants" in html
    assert "un territoire : le contour de ses communes membres" in html


def test_it_draws_the_departements_when_the_base_layer_exists(client, palmares, fond_de_carte):
    fond_de_carte([COTE_D_OR, GUADELOUPE])

    html = client.get("/palmares/2026/carte/").content.decode()

    assert '<g class="carte-departements">' in html
    assert "<title>Côte-d&#x27;Or (21)</title>" in html
    assert "<title>Guadeloupe (971)</title>" in html
    assert "Le fond des départements n'est pas disponible" not in html
    # Coordinates are written without the French decimal comma.
    chemins = re.findall(r'<path d="([^"]+)">', html)
    assert len(chemins) == 2
    assert all("," not in chemin for chemin in chemins)


def test_an_overseas_commune_goes_to_its_inset_and_a_commune_without_position_to_the_table(client, palmares):
    guadeloupe = Departement.objects.create(code="971", nom="Guadeloupe", region=palmares["region2"])
    abymes = Commune.objects.create(
        code_insee="97101", nom="Les Abymes", population=53_000, departement=guadeloupe, latitude=16.27, longitude=-61.5
    )
    sans_position = Commune.objects.create(code_insee="59999", nom="Sans-Mairie", departement=palmares["nord"])
    labelliser(palmares["e2026"], collectivite_commune(abymes, Categorie.VILLE), 4)
    labelliser(palmares["e2026"], collectivite_commune(sans_position, Categorie.VILLAGE), 1)

    response = client.get("/palmares/2026/carte/")

    html = response.content.decode()
    point = next(p for p in response.context["carte"].points if p.titre.startswith("Les Abymes"))
    encart = carte.CADRES["971"]
    assert encart.x <= point.x <= encart.x + encart.largeur
    assert encart.y <= point.y <= encart.y + encart.hauteur
    assert "Guadeloupe (971)</text>" in html
    assert "1 collectivité sans position connue dans le référentiel n'apparaît pas sur la carte :\nSans-Mairie." in html
    assert "Non (position inconnue)" in html


@pytest.mark.parametrize("annee", [2027, 2023, 1998])
def test_it_hides_an_unpublished_or_unknown_edition(client, palmares, annee):
    assert client.get(f"/palmares/{annee}/carte/").status_code == 404


def test_it_rejects_a_post(client, palmares):
    assert client.post("/palmares/2026/carte/").status_code == 405


def test_it_ignores_parameters(client, palmares):
    assert client.get("/palmares/2026/carte/?zoom=%3Cscript%3E&arobases=abc").status_code == 200


def test_it_never_shows_an_unpublished_result(client, palmares):
    # Villersexel is labelled only in unpublished éditions: here it is only a member of the syndicat.
    lignes = client.get("/palmares/2026/carte/").context["carte"].lignes

    assert "Villersexel" not in [ligne.nom for ligne in lignes]


@pytest.mark.parametrize("en_plus", [0, 7])
def test_it_counts_in_constant_queries(client, palmares, django_assert_num_queries, en_plus):
    ajouter_labellises(palmares["e2026"], en_plus, departement=palmares["nord"])
    # 1 demo banner, 2 édition, 3 labellisations with commune and EPCI, 4 members of labelled EPCI,
    # 5 members of labelled syndicats.
    with django_assert_num_queries(5):
        response = client.get("/palmares/2026/carte/")
    assert len(response.context["carte"].lignes) == 5 + en_plus


def test_the_hull_of_a_territoire_surrounds_its_member_communes():
    points = [(0, 0), (10, 0), (10, 10), (0, 10), (5, 5), (5, 0)]

    assert carte.enveloppe(points) == [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert carte.enveloppe([(0, 0), (1, 1)]) == []
    assert carte.enveloppe([(0, 0), (1, 1), (2, 2)]) == []


def test_a_larger_population_has_a_larger_circle():
    assert carte.rayon(40) < carte.rayon(2_000) < carte.rayon(150_000) <= carte.rayon(2_100_000) == 14.0
    assert carte.rayon(None) == 2.0


def test_each_frame_keeps_metropolitan_and_overseas_points_apart():
    assert carte.projeter(5.04, 47.32, "21") is not None
    assert carte.projeter(-61.5, 16.27, "21") is None  # not in metropolitan France
    assert carte.projeter(-61.5, 16.27, "971") is not None
    assert carte.projeter(None, 47.0, "21") is None
    x, y = carte.projeter(-5.3, 51.2, "29")
    assert x >= 0 and y >= 0

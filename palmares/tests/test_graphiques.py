"""The SVG charts of the history and statistics pages (label/templatetags/graphiques.py)."""

import pytest
from django.template import Context, Template

from label.templatetags.graphiques import graduations, graphique_colonnes, nombre_lisible


def rendre(gabarit, **contexte):
    return Template("{% load graphiques %}" + gabarit).render(Context(contexte))


@pytest.mark.parametrize(
    "maximum, attendu",
    [
        (0, [0, 1]),
        (3, [0, 1, 2, 3]),
        (7, [0, 2, 4, 6, 8]),
        (356, [0, 100, 200, 300, 400]),
        (4_659_903, [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000]),
    ],
)
def test_the_axis_has_round_ticks_covering_the_maximum(maximum, attendu):
    assert graduations(maximum) == attendu


def test_numbers_are_written_the_french_way():
    assert nombre_lisible(213) == "213"
    assert nombre_lisible(174_765) == "174\u202f765"
    assert nombre_lisible(4_600_000) == "4,6\u202fM"
    assert nombre_lisible(2_000_000) == "2\u202fM"


def test_stacked_columns_pile_the_series_with_their_pattern_and_tooltip():
    contexte = graphique_colonnes(
        [2025, 2026],
        [("Villes", [3, 2]), ("Villages", [1, 0]), ("Territoires", [0, 2])],
        "Collectivités",
        "test",
        palette="categories",
        unite="collectivités",
    )

    premiere, seconde = contexte["colonnes"]
    # 2025: villes then villages (no territoire segment); 2026: villes then territoires.
    assert [segment["titre"] for segment in premiere["segments"]] == [
        "2025 — Villes : 3 collectivités",
        "2025 — Villages : 1 collectivité",
    ]
    assert [segment["remplissage"] for segment in seconde["segments"]] == ["#0072B2", "url(#test-motif-2)"]
    # Segments touch: the top of one is the bottom of the next.
    bas, haut = premiere["segments"]
    assert haut["y"] + haut["hauteur"] == pytest.approx(bas["y"])
    assert bas["y"] + bas["hauteur"] == pytest.approx(contexte["base"])
    assert [item["libelle"] for item in contexte["legende"]] == ["Villes", "Villages", "Territoires"]
    assert contexte["aria_label"] == (
        "Collectivités, de 2025 à 2026. Villes de 2 à 3 ; Villages de 0 à 1 ; Territoires de 0 à 2. "
        "Les valeurs exactes sont dans le tableau qui suit."
    )


def test_the_svg_is_an_image_with_patterns_and_no_decimal_comma():
    html = rendre(
        '{% graphique_colonnes annees series "Répartition" "rep" palette="arobases" %}',
        annees=[2024, 2025, 2026],
        series=[(f"{n} @", [n, n + 1, 7]) for n in range(5, 0, -1)],
    )

    assert '<svg class="graphique" role="img" aria-label="Répartition, de 2024 à 2026.' in html
    assert html.count("<pattern ") == 4  # 5 @ is plain; 4 @ to 1 @ have a pattern
    assert html.count("<title>") == 15
    assert 'transform="rotate(-90' in html
    # French localisation must not turn 12.5 into « 12,5 » in coordinates.
    assert ',5"' not in html


def test_a_chart_without_years_still_renders():
    html = rendre('{% graphique_colonnes annees series "Vide" "vide" palette="simple" %}', annees=[], series=[])

    assert 'aria-label="Vide, aucune année.' in html


def test_horizontal_bars_label_each_bar():
    html = rendre(
        '{% graphique_barres donnees "Par région" %}', donnees=[("Bretagne", 10), ("Provence-Alpes-Côte d'Azur", 13)]
    )

    assert 'aria-label="Par région. Bretagne : 10 ; Provence-Alpes-Côte d&#x27;Azur : 13."' in html
    assert "<title>Bretagne : 10</title>" in html

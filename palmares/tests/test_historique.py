"""The figures of every published édition at once (see donnees_historique for the table of results)."""

import pytest

from palmares.historique import historique_du_label
from palmares.stats import statistiques_edition

from .donnees import ajouter_labellises, creer_edition


def test_it_has_one_row_per_published_edition_with_its_figures(historique):
    annees = historique_du_label().annees

    # 2019 has no publication date, 2026 is published tomorrow.
    assert [annee.annee for annee in annees] == [2020, 2021, 2022, 2023, 2024, 2025]
    assert [(a.villes, a.villages, a.territoires, a.total) for a in annees] == [
        (2, 1, 0, 3),
        (2, 3, 0, 5),
        (2, 1, 1, 4),
        (2, 1, 1, 4),
        (2, 2, 1, 5),
        (2, 2, 3, 7),
    ]
    assert [a.par_arobases for a in annees] == [
        [(5, 1), (4, 0), (3, 0), (2, 1), (1, 1)],
        [(5, 1), (4, 0), (3, 1), (2, 0), (1, 3)],
        [(5, 1), (4, 1), (3, 1), (2, 1), (1, 0)],
        [(5, 1), (4, 1), (3, 1), (2, 1), (1, 0)],
        [(5, 1), (4, 2), (3, 1), (2, 1), (1, 0)],
        [(5, 2), (4, 0), (3, 3), (2, 2), (1, 0)],
    ]
    assert [(a.mentions, a.titres) for a in annees] == [(0, 0), (0, 0), (1, 0), (0, 0), (0, 0), (3, 1)]


def test_it_counts_the_communes_and_inhabitants_concerned_each_year(historique):
    annees = historique_du_label().annees

    dijon, chenove, haulchin, la_rochelle, villersexel = 156_920, 14_000, 2_306, 39, 1_500
    assert [(a.annee, a.communes_concernees, a.habitants) for a in annees] == [
        (2020, 3, dijon + chenove + haulchin),
        (2021, 5, dijon + chenove + haulchin + la_rochelle + villersexel),
        # Dijon Métropole's members, Dijon and Chenôve, are labelled themselves: counted once.
        (2022, 3, dijon + chenove + la_rochelle),
        (2023, 3, dijon + chenove + la_rochelle),
        (2024, 4, dijon + chenove + haulchin + la_rochelle),
        (2025, 5, dijon + chenove + haulchin + la_rochelle + villersexel),
    ]


def test_it_agrees_with_the_figures_of_each_edition(historique):
    for annee in historique_du_label().annees:
        stats = statistiques_edition(historique[f"e{annee.annee}"])
        assert (annee.total, annee.par_arobases, annee.communes_concernees, annee.habitants) == (
            stats.total,
            stats.par_arobases,
            stats.communes_concernees,
            stats.habitants,
        )
        assert (annee.mentions, annee.titres) == (stats.mentions, stats.titres)


def test_it_gives_the_series_of_the_charts(historique):
    resultat = historique_du_label()

    assert resultat.millesimes == [2020, 2021, 2022, 2023, 2024, 2025]
    assert resultat.series_categories()[2] == ("Territoires", [0, 0, 1, 1, 1, 3])
    assert resultat.series_arobases()[0] == ("5 @", [1, 1, 1, 1, 1, 2])
    assert resultat.serie_communes() == [("Communes concernées", [3, 5, 3, 3, 4, 5])]


def test_it_keeps_an_edition_without_results(db):
    creer_edition(2024)

    annees = historique_du_label().annees

    assert [(a.annee, a.total, a.communes_concernees, a.habitants) for a in annees] == [(2024, 0, 0, 0)]


@pytest.mark.parametrize("en_plus", [0, 8])
def test_it_counts_in_constant_queries(historique, django_assert_num_queries, en_plus):
    ajouter_labellises(creer_edition(2018), en_plus, departement=historique["nord"])
    # 1 published éditions, 2 labellisations and titles by édition, catégorie and arobases, 3 labelled
    # communes and EPCI by édition, 4 member communes of every labelled EPCI, 5 members of labelled
    # syndicats, 6 mentions by édition.
    with django_assert_num_queries(6):
        annees = historique_du_label().annees
    assert len(annees) == 7

"""The figures of the 2025 édition of the six-year history (see donnees_historique for the table of results)."""

import pytest

from palmares.stats import (
    POPULATION_INCONNUE,
    Ecarts,
    Resultat,
    comparer,
    statistiques_edition,
    tranche_de_population,
)

from .donnees import creer_edition


def noms(liste):
    return [element.nom for element in liste]


@pytest.fixture
def stats(historique):
    return statistiques_edition(historique["e2025"])


def test_it_counts_by_arobases_and_by_categorie(stats):
    # Villes Dijon and Chenôve, villages La Rochelle and Villersexel, territoires Dijon Métropole, the CC, the syndicat.
    assert (stats.villes, stats.villages, stats.territoires, stats.total) == (2, 2, 3, 7)
    assert stats.par_arobases == [(5, 2), (4, 0), (3, 3), (2, 2), (1, 0)]
    assert stats.par_arobases_et_categorie == [
        (5, [1, 0, 1], 2),  # Dijon; Dijon Métropole
        (4, [0, 0, 0], 0),
        (3, [1, 1, 1], 3),  # Chenôve; La Rochelle; the CC
        (2, [0, 1, 1], 2),  # Villersexel; the syndicat
        (1, [0, 0, 0], 0),
    ]


def test_it_counts_by_region_and_departement_with_the_syndicat_apart(stats):
    assert [(r.code, r.nom, r.total, r.par_arobases) for r in stats.par_region] == [
        ("27", "Bourgogne-Franche-Comté", 6, [(5, 2), (4, 0), (3, 3), (2, 1), (1, 0)]),
        ("", "Sans région (syndicats)", 1, [(5, 0), (4, 0), (3, 0), (2, 1), (1, 0)]),
    ]
    assert [(d.code, d.nom, d.region, d.total) for d in stats.par_departement] == [
        ("21", "Côte-d'Or", "Bourgogne-Franche-Comté", 3),  # Dijon, Chenôve, Dijon Métropole
        ("70", "Haute-Saône", "Bourgogne-Franche-Comté", 3),  # La Rochelle, Villersexel, the CC
        ("", "Sans département (syndicats)", "", 1),
    ]
    assert stats.regions_pour_graphique == [("Bourgogne-Franche-Comté", 6), ("Sans région (syndicats)", 1)]


def test_it_counts_by_population_band(stats):
    assert [(tranche.nom, tranche.total) for tranche in stats.par_population] == [
        ("Moins de 500 habitants", 1),  # La Rochelle (39)
        ("De 500 à 1 999 habitants", 2),  # Villersexel (1,500), the CC (39 + 1,500)
        ("De 2 000 à 9 999 habitants", 1),  # the syndicat: Haulchin + La Rochelle = 2,345
        ("De 10 000 à 49 999 habitants", 1),  # Chenôve (14,000)
        ("50 000 habitants et plus", 2),  # Dijon (156,920), Dijon Métropole (170,920)
    ]
    assert stats.par_population[4].par_arobases == [(5, 2), (4, 0), (3, 0), (2, 0), (1, 0)]


@pytest.mark.parametrize(
    "population, tranche",
    [
        (0, "Moins de 500 habitants"),
        (499, "Moins de 500 habitants"),
        (500, "De 500 à 1 999 habitants"),
        (1_999, "De 500 à 1 999 habitants"),
        (2_000, "De 2 000 à 9 999 habitants"),
        (9_999, "De 2 000 à 9 999 habitants"),
        (10_000, "De 10 000 à 49 999 habitants"),
        (49_999, "De 10 000 à 49 999 habitants"),
        (50_000, "50 000 habitants et plus"),
        (2_100_000, "50 000 habitants et plus"),
        (None, POPULATION_INCONNUE),
    ],
)
def test_the_population_bands_include_their_bounds(population, tranche):
    assert tranche_de_population(population) == tranche


def test_it_deduplicates_the_communes_concernees_for_both_reasons(stats):
    # 2 villes + 2 villages + 6 member communes (Dijon, Chenôve; La Rochelle, Villersexel; Haulchin, La Rochelle).
    assert (stats.communes_membres, stats.communes_avant_dedoublonnage) == (6, 10)
    # Dijon, Chenôve, La Rochelle, Villersexel are labelled themselves; La Rochelle is in the CC and the syndicat.
    assert (stats.labellisees_et_membres, stats.membres_de_plusieurs_territoires) == (4, 1)
    assert stats.communes_concernees == 5
    assert stats.habitants == 156_920 + 14_000 + 39 + 1_500 + 2_306
    assert stats.calcul_communes_concernees == (
        "2 villes + 2 villages + 6 communes des territoires = 10 ; 5 communes comptées deux fois "
        "(4 labellisées elles-mêmes et membres d'un territoire labellisé ; 1 membre de plusieurs territoires "
        "labellisés) → 5 communes distinctes."
    )


def test_it_compares_with_the_previous_published_edition(stats):
    evolution = stats.evolution
    ecarts = evolution.ecarts

    assert evolution.precedente == 2024
    # Villersexel comes back (labelled in 2021); the CC and the syndicat are labelled for the first time.
    assert noms(ecarts.entrees) == ["CC du Pays de Villersexel", "Syndicat numérique du Nord-Est", "Villersexel"]
    assert noms(evolution.premieres) == ["CC du Pays de Villersexel", "Syndicat numérique du Nord-Est"]
    assert [(e.nom, e.avant, e.apres) for e in ecarts.sorties] == [("Haulchin", 2, None)]
    assert [(e.nom, e.avant, e.apres) for e in ecarts.hausses] == [("Dijon Métropole", 4, 5)]
    assert [(e.nom, e.avant, e.apres) for e in ecarts.baisses] == [("Chenôve", 4, 3)]
    assert noms(ecarts.stables) == ["Dijon", "La Rochelle"]
    assert (ecarts.avant, ecarts.apres) == (5, 7)
    assert ecarts.hausses[0].url == "/collectivites/242100410/"


def test_it_has_no_comparison_for_the_first_edition(historique):
    evolution = statistiques_edition(historique["e2020"]).evolution

    # 2019 has no publication date: 2020 is the first published édition.
    assert (evolution.precedente, evolution.ecarts, evolution.premieres) == (None, None, [])


def test_it_counts_the_collectivites_present_at_every_one_of_the_last_editions(stats):
    cinq, dix, toutes = stats.fidelite

    assert (cinq.editions, cinq.disponible, cinq.depuis) == (5, True, 2021)
    assert noms(cinq.collectivites) == ["Chenôve", "Dijon", "La Rochelle"]
    # Six éditions are published: the ten-édition series is not computed.
    assert (dix.editions, dix.disponible, dix.collectivites) == (10, False, [])
    assert (toutes.editions, toutes.disponible, toutes.depuis) == (None, True, 2020)
    assert noms(toutes.collectivites) == ["Chenôve", "Dijon"]


def test_a_year_without_edition_does_not_break_a_series(historique):
    historique["e2022"].labellisations.all().delete()
    historique["e2022"].categories_mention.all().delete()
    historique["e2022"].delete()

    cinq = statistiques_edition(historique["e2025"]).fidelite[0]

    # 2020, 2021, 2023, 2024, 2025: Dijon and Chenôve were there every time; La Rochelle missed 2020.
    assert cinq.depuis == 2020
    assert noms(cinq.collectivites) == ["Chenôve", "Dijon"]


def test_it_sums_everything_published_since_the_first_edition(stats):
    cumul = stats.cumul

    # 3 + 5 + 4 + 4 + 5 + 7 labellisations from 2020 to 2025, by 8 different collectivités.
    assert (cumul.premiere_annee, cumul.editions) == (2020, 6)
    assert (cumul.labellisations, cumul.collectivites) == (28, 8)
    # Dijon 2022; La Rochelle and Dijon Métropole (two) in 2025. 2019 and 2026 are not published.
    assert (cumul.mentions, cumul.labellisations_avec_mention, cumul.titres) == (4, 3, 1)


def test_it_counts_mentions_and_titles_of_the_edition(stats):
    assert (stats.mentions, stats.labellisations_avec_mention, stats.titres) == (3, 2, 1)
    assert stats.mentions_par_categorie == [("Médiation numérique", 2), ("Transition écologique", 1)]


def test_an_edition_without_results_has_empty_groups(db):
    stats = statistiques_edition(creer_edition(2026))

    assert (stats.par_region, stats.par_departement) == ([], [])
    assert [tranche.total for tranche in stats.par_population] == [0, 0, 0, 0, 0]
    assert all(not fidelite.collectivites for fidelite in stats.fidelite)
    assert stats.cumul.collectivites == 0


def test_comparer_sorts_each_list_by_name_ignoring_accents():
    def resultat(nom, arobases):
        return Resultat(code=nom, nom=nom, categorie="ville", arobases=arobases)

    avant = {1: resultat("Zeste", 3), 2: resultat("Épinal", 2), 3: resultat("Arles", 4), 4: resultat("Bar", 1)}
    apres = {1: resultat("Zeste", 3), 2: resultat("Épinal", 3), 3: resultat("Arles", 5), 5: resultat("Cahors", 2)}

    ecarts = comparer(avant, apres)

    assert noms(ecarts.hausses) == ["Arles", "Épinal"]
    assert noms(ecarts.stables) == ["Zeste"]
    assert (noms(ecarts.entrees), noms(ecarts.sorties), ecarts.baisses) == (["Cahors"], ["Bar"], [])
    assert isinstance(ecarts.filtrer(categorie="village"), Ecarts)
    assert ecarts.filtrer(categorie="village").apres == 0

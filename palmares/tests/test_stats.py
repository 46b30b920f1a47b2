import pytest

from label.enums import Categorie
from label.models import Collectivite
from palmares.stats import statistiques_edition

from .donnees import ajouter_labellises, collectivite_commune, creer_edition, labelliser


def test_it_counts_the_figures_of_an_edition(palmares):
    stats = statistiques_edition(palmares["e2026"])

    # Dijon (ville), Haulchin and La Rochelle (villages), Dijon Métropole and the syndicat (territoires).
    assert (stats.villes, stats.villages, stats.territoires, stats.total) == (1, 2, 2, 5)
    assert stats.par_arobases == [(5, 2), (4, 0), (3, 2), (2, 1), (1, 0)]
    # Dijon Métropole groups Dijon and Chenôve, the syndicat La Rochelle and Villersexel.
    assert stats.communes_membres == 4
    # Dijon and La Rochelle are labelled themselves and members of a labelled territoire: counted once.
    assert stats.communes_avant_dedoublonnage == 7
    assert stats.labellisees_et_membres == 2
    assert stats.membres_de_plusieurs_territoires == 0
    assert stats.comptees_plusieurs_fois == 2
    assert stats.communes_concernees == 5
    # Dijon 156 920 + Chenôve 14 000 + Haulchin 2 306 + La Rochelle 39 + Villersexel 1 500.
    assert stats.habitants == 174_765
    assert stats.calcul_communes_concernees == (
        "1 ville + 2 villages + 4 communes des territoires = 7 ; 2 communes comptées deux fois car labellisées "
        "elles-mêmes et membres d'un territoire labellisé → 5 communes distinctes."
    )
    # La Rochelle: médiation; Dijon Métropole: médiation and transition écologique.
    assert stats.mentions == 3
    assert stats.labellisations_avec_mention == 2
    assert stats.mentions_par_categorie == [
        ("Médiation numérique", 2),
        ("Numérique éducatif", 0),
        ("Transition écologique", 1),
    ]
    assert stats.titres == 1


def test_it_sums_the_published_editions_up_to_this_one(palmares):
    cumul = statistiques_edition(palmares["e2026"]).cumul

    # 2024: 1 labellisation (a title); 2025: 2 (a mention); 2026: 5 (3 mentions to 2 of them, a title).
    # 2023 (no publication date) and 2027 (published tomorrow) are not counted.
    assert cumul.premiere_annee == 2024
    assert cumul.editions == 3
    assert cumul.labellisations == 8
    assert cumul.mentions == 4
    assert cumul.labellisations_avec_mention == 3
    assert cumul.titres == 2


def test_it_stops_the_cumulative_figures_at_the_edition(palmares):
    cumul = statistiques_edition(palmares["e2025"]).cumul

    assert (cumul.editions, cumul.labellisations, cumul.mentions, cumul.titres) == (2, 3, 1, 1)


def test_it_counts_a_commune_member_of_two_territoires_once(db):
    from arobase.testing import make_referentiel

    ref = make_referentiel()
    edition = creer_edition(2026)
    metropole = Collectivite.objects.create(
        nom="Dijon Métropole", epci=ref["metropole"], categorie=Categorie.TERRITOIRE
    )
    syndicat = Collectivite.objects.create(code="257000002", nom="Syndicat", categorie=Categorie.TERRITOIRE)
    syndicat.membres.set([ref["chenove"]])
    labelliser(edition, metropole, 4)
    labelliser(edition, syndicat, 2)
    labelliser(edition, collectivite_commune(ref["haulchin"], Categorie.VILLAGE), 1)

    stats = statistiques_edition(edition)

    # Dijon + Chenôve (métropole), Chenôve (syndicat), Haulchin (village).
    assert (stats.communes_membres, stats.communes_concernees) == (3, 3)
    assert stats.membres_de_plusieurs_territoires == 1
    assert stats.habitants == 156_920 + 14_000 + 2_306
    assert stats.calcul_communes_concernees == (
        "0 ville + 1 village + 3 communes des territoires = 4 ; 1 commune comptée deux fois car membre de "
        "plusieurs territoires labellisés → 3 communes distinctes."
    )


def test_it_counts_zero_for_an_edition_without_results(db):
    stats = statistiques_edition(creer_edition(2026))

    assert stats.total == 0
    assert stats.par_arobases == [(5, 0), (4, 0), (3, 0), (2, 0), (1, 0)]
    assert (stats.communes_concernees, stats.habitants, stats.mentions, stats.titres) == (0, 0, 0, 0)
    assert stats.calcul_communes_concernees == (
        "0 ville + 0 village + 0 commune des territoires = 0 ; aucune commune n'est comptée deux fois "
        "→ 0 commune distincte."
    )


def test_it_never_counts_an_unpublished_result_even_when_asked(palmares):
    stats = statistiques_edition(palmares["e2027"])

    assert stats.total == 0
    assert stats.mentions_par_categorie == [("Secret", 0)]


def test_it_counts_in_constant_queries(palmares, django_assert_num_queries):
    # 1 labellisations, 2 EPCI members, 3 syndicat members, 4 mentions by catégorie, 5 published éditions,
    # 6 history of this édition's collectivités and previous results, 7 cumulative labellisations,
    # collectivités and titles, 8 cumulative mentions.
    with django_assert_num_queries(8):
        statistiques_edition(palmares["e2026"])


@pytest.mark.parametrize("en_plus", [0, 9])
def test_it_counts_in_the_same_queries_whatever_the_history(historique, django_assert_num_queries, en_plus):
    ajouter_labellises(historique["e2025"], en_plus, departement=historique["nord"])
    ajouter_labellises(historique["e2024"], en_plus, departement=historique["haute_saone"])

    with django_assert_num_queries(8):
        stats = statistiques_edition(historique["e2025"])
    assert stats.total == 7 + en_plus

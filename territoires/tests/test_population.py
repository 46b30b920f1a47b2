"""The population bands (territoires/population.py), shared by the statistics, the search facets and the
mosaïque."""

import pytest
from django.db.models.functions import Coalesce

from arobase.testing import make_referentiel
from label.enums import Categorie
from label.models import Collectivite
from territoires.enums import TypeCommune
from territoires.models import Commune
from territoires.population import TRANCHES_PAR_CLE, TRANCHES_POPULATION, filtre_tranches, tranche_de


@pytest.fixture
def referentiel(db):
    return make_referentiel()


def test_the_bands_follow_each_other_without_gap_or_overlap():
    assert TRANCHES_POPULATION[0].bas == 0
    assert TRANCHES_POPULATION[-1].haut is None
    for tranche, suivante in zip(TRANCHES_POPULATION, TRANCHES_POPULATION[1:], strict=False):
        assert tranche.haut == suivante.bas
    assert len(TRANCHES_PAR_CLE) == len(TRANCHES_POPULATION)


@pytest.mark.parametrize(
    "population, cle",
    [
        (0, "moins-de-500"),
        (499, "moins-de-500"),
        (500, "500-1999"),
        (1_999, "500-1999"),
        (2_000, "2000-9999"),
        (9_999, "2000-9999"),
        (10_000, "10000-49999"),
        (49_999, "10000-49999"),
        (50_000, "50000-et-plus"),
        (2_200_000, "50000-et-plus"),
    ],
)
def test_a_band_holds_its_lower_bound_and_not_its_upper_one(population, cle):
    assert tranche_de(population).cle == cle


def test_an_unknown_population_has_no_band():
    assert tranche_de(None) is None
    assert tranche_de(-1) is None


def test_the_labels_and_their_phrases_after_a_noun():
    assert [(t.libelle, t.maximum) for t in TRANCHES_POPULATION] == [
        ("Moins de 500 habitants", 499),
        ("De 500 à 1 999 habitants", 1_999),
        ("De 2 000 à 9 999 habitants", 9_999),
        ("De 10 000 à 49 999 habitants", 49_999),
        ("50 000 habitants et plus", None),
    ]
    assert [t.complement for t in TRANCHES_POPULATION] == [
        "de moins de 500 habitants",
        "de 500 à 1\u202f999 habitants",
        "de 2\u202f000 à 9\u202f999 habitants",
        "de 10\u202f000 à 49\u202f999 habitants",
        "de 50\u202f000 habitants et plus",
    ]


def test_a_band_unpacks_into_its_bounds():
    bas, haut = TRANCHES_PAR_CLE["500-1999"]

    assert (bas, haut) == (500, 2_000)


def test_the_filters_select_the_same_rows_as_tranche_de(referentiel):
    communes = Commune.objects.filter(type=TypeCommune.COMMUNE)

    for tranche in TRANCHES_POPULATION:
        attendues = {c.nom for c in communes if tranche_de(c.population) == tranche}
        assert set(communes.filter(tranche.filtre()).values_list("nom", flat=True)) == attendues
    assert set(communes.filter(filtre_tranches(["moins-de-500", "2000-9999", "inconnue"]))) == {
        c for c in communes if tranche_de(c.population).cle in {"moins-de-500", "2000-9999"}
    }
    assert not communes.filter(filtre_tranches([])).exists()


def test_a_filter_works_on_an_alias_of_the_population(referentiel):
    ville = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=referentiel["dijon"])
    Collectivite.objects.create(nom="CC du Pays de Villersexel", categorie=Categorie.TERRITOIRE, epci=referentiel["cc"])

    lignes = Collectivite.objects.alias(population=Coalesce("commune__population", "epci__population"))

    assert list(lignes.filter(TRANCHES_PAR_CLE["50000-et-plus"].filtre())) == [ville]
    assert lignes.filter(TRANCHES_PAR_CLE["500-1999"].filtre()).get().nom == "CC du Pays de Villersexel"

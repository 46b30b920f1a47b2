import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comptes.recherche import COMMUNE, INTERCOMMUNALITE, categorie_pour, motif_nom, rechercher, trouver
from label.enums import Categorie
from label.models import Edition


def noms(resultats):
    return [r.nom for r in resultats]


def test_a_name_is_found_without_accents_case_or_hyphens(monde):
    assert noms(rechercher("chenove")) == ["Chenôve"]
    assert noms(rechercher("CHENÔVE")) == ["Chenôve"]
    assert "La Rochelle" in noms(rechercher("la-rochelle"))
    assert "La Rochelle" in noms(rechercher("Rochelle (La)"))


def test_an_exact_name_comes_before_longer_ones(monde):
    resultats = rechercher("dijon")

    assert resultats[0].nom == "Dijon"
    assert resultats[0].genre == COMMUNE
    assert "Dijon Métropole" in noms(resultats)


def test_an_intercommunality_is_found_by_name_and_by_siren(monde):
    par_nom = rechercher("pays de villersexel")
    par_siren = rechercher("200041887")

    assert [(r.nom, r.genre) for r in par_nom] == [("CC du Pays de Villersexel", INTERCOMMUNALITE)]
    assert [r.code for r in par_siren] == ["200041887"]


def test_a_commune_is_found_by_its_insee_code_and_by_its_postcode(monde):
    par_insee = rechercher("70450")
    par_code_postal = rechercher("70120")

    assert noms(par_insee) == ["La Rochelle"]
    assert noms(par_code_postal) == ["La Rochelle"]
    assert par_code_postal[0].codes_postaux == ["70120"]
    assert "code postal 70120" in par_code_postal[0].precision


def test_an_old_commune_leads_to_its_current_commune(monde):
    resultats = rechercher("ancien village")

    assert [(r.nom, r.code) for r in resultats] == [("Villersexel", "70561")]
    assert "ancienne commune Ancien-Village" in resultats[0].precision


def test_a_result_carries_the_collectivite_the_label_already_knows(monde):
    dijon, chenove = rechercher("dijon")[0], rechercher("chenove")[0]

    assert dijon.collectivite == monde.dijon
    assert chenove.collectivite is None


@pytest.mark.parametrize("texte", ["", "a", "((**", "[", "\\", "' OR 1=1 --", "é" * 200, "%_%", "?*+"])
def test_any_typed_text_is_a_safe_search(monde, texte):
    assert isinstance(rechercher(texte), list)


def test_the_pattern_is_built_of_letters_and_classes_only():
    assert motif_nom("St-Étienne") == ("s[aàâäAÀÂÄ][iîïIÎÏ]nt[ '’-]+[eéèêëEÉÈÊË]t[iîïIÎÏ][eéèêëEÉÈÊË]nn[eéèêëEÉÈÊË]")
    assert motif_nom("((**") == ""


def test_a_search_takes_a_fixed_number_of_queries(monde):
    with CaptureQueriesContext(connection) as petite:
        rechercher("la rochelle")
    with CaptureQueriesContext(connection) as grande:
        rechercher("e")  # too short: nothing
        rechercher("ll")  # many communes
    # communes, EPCI, syndicats, then existing collectivités and postcodes of the results
    assert len(petite) == 5
    assert len(grande) == 5


def test_trouver_gives_the_joinable_collectivite_of_a_code(monde):
    assert trouver("21166").nom == "Chenôve"
    assert trouver("242100410").collectivite == monde.metropole
    assert trouver("70999") is None  # a commune déléguée is not a collectivité
    assert trouver("99999") is None
    assert trouver("pas-un-code") is None


def test_a_new_collectivite_is_a_village_under_the_latest_editions_threshold(monde):
    Edition.objects.create(annee=2026, numero=27, seuil_village=3000)
    Edition.objects.create(annee=2027, numero=28, seuil_village=2000)

    assert categorie_pour(trouver("70561")) == Categorie.VILLAGE  # Villersexel, 1 500 inhabitants
    assert categorie_pour(trouver("59288")) == Categorie.VILLE  # Haulchin, 2 306
    assert categorie_pour(trouver("242100410")) == Categorie.TERRITOIRE

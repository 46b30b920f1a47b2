"""The name resolver (territoires/resolution.py) on a small référentiel written here, one test per trap."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arobase.testing import make_referentiel
from territoires.resolution import (
    AMBIGU,
    NON_RESOLU,
    RESOLU,
    Referentiel,
    cle,
    cle_intercommunalite,
    cle_sans_article,
    est_intercommunalite,
    normaliser,
    remettre_article,
    une_faute,
)

from .petit_referentiel import petit_referentiel


@pytest.fixture(scope="module")
def referentiel():
    return petit_referentiel()


def codes(resolution):
    return [candidat.code for candidat in resolution.candidats]


# --- Normalisation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ecrit", "officiel"),
    [
        ("SAINT-AMAND-LES-EAUX", "Saint-Amand-les-Eaux"),
        ("Saint Amand les Eaux", "Saint-Amand-les-Eaux"),
        ("St-Amand-les-Eaux", "Saint-Amand-les-Eaux"),
        ("st amand les eaux", "Saint-Amand-les-Eaux"),
        ("Ste-Mere-Eglise", "Sainte-Mère-Église"),
        ("Rochelle (La)", "La Rochelle"),
        ("Rochelle, La", "La Rochelle"),
        ("ROCHELLE (LA)", "La Rochelle"),
        ("Haÿ-les-Roses (L')", "L'Haÿ-les-Roses"),
        ("L’Haÿ-les-Roses", "L'Haÿ-les-Roses"),
        ("Oeuilly", "Œuilly"),
        ("Laetitia", "Lætitia"),
        ("Châlons-s/-Marne", "Châlons-sur-Marne"),
        ("Larochelle", "La Rochelle"),
    ],
)
def test_the_key_ignores_what_people_write_differently(ecrit, officiel):
    assert cle(ecrit) == cle(officiel)


def test_normaliser_gives_a_readable_form():
    assert normaliser("Rochelle (La)") == "la rochelle"
    assert normaliser("SAINTE-MÈRE-ÉGLISE") == "sainte mere eglise"
    assert normaliser("St-Brieuc") == "saint brieuc"


def test_an_article_written_after_goes_back_in_front():
    assert remettre_article("Rochelle (La)") == "La Rochelle"
    assert remettre_article("Ulis, Les") == "Les Ulis"
    assert remettre_article("Abergement-Clémenciat (L')") == "L'Abergement-Clémenciat"
    assert remettre_article("Dijon") == "Dijon"


def test_the_key_without_article_joins_a_name_with_and_without_its_article():
    assert cle_sans_article("La Rochelle") == cle_sans_article("Rochelle") == "rochelle"
    assert cle("La Rochelle") != cle("Rochelle")


@pytest.mark.parametrize(
    "ecrit",
    [
        "CA Amiens Métropole",
        "Communauté d'agglomération Amiens Métropole",
        "Amiens Métropole",
        "Agglo Amiens",
        "Communauté d'agglomération d'Amiens",
        "Agglomération d'Amiens Métropole",
    ],
)
def test_the_core_of_an_intercommunality_drops_its_kind(ecrit):
    assert cle_intercommunalite(ecrit) == "amiens"


def test_an_intercommunality_is_recognised_by_its_words():
    assert est_intercommunalite("CC du Pays des Abers")
    assert est_intercommunalite("Brest Métropole")
    assert est_intercommunalite("Communauté urbaine d'Arras")
    assert not est_intercommunalite("Saint-Amand-les-Eaux")
    assert not est_intercommunalite("Cany-Barville")


@pytest.mark.parametrize(
    ("a", "b", "attendu"),
    [
        ("montbeliard", "montbeliad", True),  # a letter left out
        ("colmar", "colmarr", True),  # a letter more
        ("lourdes", "lourdse", True),  # two letters swapped
        ("haguenau", "haguenou", True),  # a letter replaced
        ("haguenau", "haguenau", False),  # the same name is not a typo
        ("haguenau", "hagueanu", True),
        ("haguenau", "hguenoau", False),  # two edits
        ("", "a", True),
        ("ab", "ba", True),
    ],
)
def test_une_faute_means_exactly_one_edit(a, b, attendu):
    assert une_faute(a, b) is attendu
    assert une_faute(b, a) is attendu


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_normalisation_never_fails_and_is_stable(texte):
    assert cle(normaliser(texte)) == cle(texte)
    assert " " not in cle(texte)


# --- Resolution ------------------------------------------------------------------------------------------


def test_a_name_and_its_departement_resolve_to_the_commune(referentiel):
    resolution = referentiel.resoudre("Saint-Amand-les-Eaux", departements={"59"})

    assert resolution.statut == RESOLU
    assert resolution.candidat.code == "59526"
    assert resolution.candidat.nom == "Saint-Amand-les-Eaux"


def test_the_departement_settles_homonyms(referentiel):
    assert codes(referentiel.resoudre("La Rochelle", departements={"17"})) == ["17300"]
    assert codes(referentiel.resoudre("Rochelle (La)", departements={"70"})) == ["70450"]
    assert codes(referentiel.resoudre("Saint-Denis", departements={"974"})) == ["97411"]


def test_homonyms_without_departement_are_ambiguous_and_listed_by_population(referentiel):
    resolution = referentiel.resoudre("LA ROCHELLE")

    assert resolution.statut == AMBIGU
    assert codes(resolution) == ["17300", "70450"]
    assert [c.population for c in resolution.candidats] == [75735, 39]
    assert "2 homonymes" in resolution.motif


def test_a_name_without_its_article_still_finds_the_commune(referentiel):
    assert codes(referentiel.resoudre("Rochelle", departements={"17"})) == ["17300"]


def test_oe_stands_for_the_ligature(referentiel):
    assert codes(referentiel.resoudre("Oeuilly", departements={"51"})) == ["51410"]
    assert referentiel.resoudre("Oeuilly").statut == AMBIGU


def test_a_commune_deleguee_resolves_to_its_current_commune_and_keeps_its_name(referentiel):
    resolution = referentiel.resoudre("Cherbourg-Octeville", departements={"50"})

    assert resolution.statut == RESOLU
    assert resolution.candidat.code == "50129"
    assert resolution.candidat.nom == "Cherbourg-en-Cotentin"
    assert resolution.candidat.nom_historique == "Cherbourg-Octeville"
    assert "ancienne commune Cherbourg-Octeville" in resolution.motif


def test_a_commune_deleguee_of_the_same_name_as_its_commune_is_not_an_homonym(referentiel):
    resolution = referentiel.resoudre("Annecy")

    assert resolution.statut == RESOLU
    assert resolution.candidat.code == "74010"
    assert resolution.candidat.nom_historique == ""


def test_an_intercommunality_is_found_by_its_abbreviation(referentiel):
    for ecrit in ["CA Amiens Métropole", "Amiens Métropole", "Communauté d'agglomération d'Amiens"]:
        resolution = referentiel.resoudre(ecrit, departements={"80"})
        assert resolution.statut == RESOLU, ecrit
        assert resolution.candidat.code == "248000531"
        assert resolution.candidat.genre == "epci"


def test_a_commune_and_the_intercommunality_of_the_same_name_are_told_apart(referentiel):
    assert codes(referentiel.resoudre("La Rochelle", departements={"17"})) == ["17300"]
    assert codes(referentiel.resoudre("Agglo de La Rochelle")) == ["241700434"]
    assert codes(referentiel.resoudre("Amiens")) == ["80021"]


def test_an_epci_is_found_by_the_acronym_of_its_name(referentiel):
    assert codes(referentiel.resoudre("CINOR")) == ["249740119"]


def test_an_epci_whose_name_has_no_kind_word_is_found(referentiel):
    assert codes(referentiel.resoudre("Creuse Confluence")) == ["200067544"]


def test_an_epci_is_matched_in_a_departement_of_its_members(referentiel):
    assert referentiel.resoudre("CC Coeur de Savoie", departements={"73"}).statut == RESOLU
    assert referentiel.resoudre("CC Coeur de Savoie", departements={"74"}).statut == AMBIGU


def test_a_typo_is_corrected_only_with_the_departement(referentiel):
    avec = referentiel.resoudre("Saint-Amand-les-Eax", departements={"59"})
    sans = referentiel.resoudre("Saint-Amand-les-Eax")

    assert avec.statut == RESOLU
    assert avec.candidat.code == "59526"
    assert "faute de frappe corrigée" in avec.motif
    assert sans.statut == AMBIGU
    assert codes(sans) == ["59526"]
    assert "sans département pour trancher" in sans.motif


def test_a_typo_on_a_short_name_is_never_corrected(referentiel):
    assert referentiel.resoudre("Amien", departements={"80"}).statut == NON_RESOLU
    assert referentiel.resoudre("Cholt", departements={"49"}).statut == NON_RESOLU


def test_a_foreign_town_is_unresolved(referentiel):
    for nom in ["Genève", "Bruxelles", "Monaco", "Nouméa", "Papeete"]:
        resolution = referentiel.resoudre(nom)
        assert resolution.statut == NON_RESOLU, nom
        assert resolution.candidats == []
        assert "aucune commune ni intercommunalité de ce nom" in resolution.motif


def test_a_name_found_only_outside_the_departement_given_is_ambiguous(referentiel):
    resolution = referentiel.resoudre("Cholet", departements={"59"})

    assert resolution.statut == AMBIGU
    assert codes(resolution) == ["49099"]
    assert "ailleurs : Cholet (49)" in resolution.motif


def test_a_region_restricts_the_candidates(referentiel):
    assert codes(referentiel.resoudre("La Rochelle", regions={"75"})) == ["17300"]
    assert codes(referentiel.resoudre("Saint-Denis", regions={"04"})) == ["97411"]


def test_syndicats_and_territorial_public_establishments_are_outside_the_referentiel(referentiel):
    syndicat = referentiel.resoudre("Syndicat mixte de la Baie de Somme", departements={"80"})
    ept = referentiel.resoudre("EPT Plaine Commune")

    assert syndicat.statut == ept.statut == NON_RESOLU
    assert "syndicat" in syndicat.motif
    assert "établissement public territorial" in ept.motif


def test_arrondissements_are_not_candidates(referentiel):
    assert referentiel.resoudre("Marseille 1er Arrondissement").statut == NON_RESOLU


def test_a_blank_name_is_unresolved(referentiel):
    assert referentiel.resoudre("  -- ").statut == NON_RESOLU


@pytest.mark.parametrize(
    ("ecrit", "attendu"),
    [
        ("59", {"59"}),
        ("2a", {"2A"}),
        ("20", {"2A", "2B"}),
        ("974", {"974"}),
        ("Maine-et-Loire", {"49"}),
        ("maine et loire", {"49"}),
        ("Cotes d'Armor", {"22"}),
        ("Réunion", {"974"}),
    ],
)
def test_a_departement_is_read_as_a_number_or_a_name(referentiel, ecrit, attendu):
    codes_, erreur = referentiel.lire_departement(ecrit)

    assert codes_ == attendu
    assert erreur == ""


def test_an_unknown_departement_number_is_an_error_and_a_word_is_not_a_departement(referentiel):
    assert referentiel.lire_departement("987") == (None, "le département « 987 » n'est pas dans le référentiel")
    assert referentiel.lire_departement("Suisse") == (None, "")


def test_a_region_is_read_by_code_name_or_former_name(referentiel):
    assert referentiel.lire_region("28") == "28"
    assert referentiel.lire_region("normandie") == "28"
    assert referentiel.lire_region("Basse-Normandie") == "28"
    assert referentiel.lire_region("Poitou-Charentes") == "75"
    assert referentiel.lire_region("Atlantide") is None


def test_a_code_gives_its_collectivite(referentiel):
    assert referentiel.par_code_donne("50602").code == "50129"  # a commune déléguée's code
    assert referentiel.par_code_donne("248000531").genre == "epci"
    assert referentiel.par_code_donne("2a004").code == "2A004"
    assert referentiel.par_code_donne("99999") is None


@given(st.text(max_size=80), st.sampled_from([None, {"59"}, {"2A", "2B"}]))
@settings(max_examples=300, deadline=None)
def test_any_text_gets_an_answer_and_never_an_exception(referentiel, texte, departements):
    resolution = referentiel.resoudre(texte, departements=departements)

    assert resolution.statut in (RESOLU, AMBIGU, NON_RESOLU)
    assert (resolution.statut == RESOLU) == (len(resolution.candidats) == 1 and resolution.candidat is not None)


def test_the_index_is_loaded_from_the_database_in_few_queries(db, django_assert_num_queries):
    make_referentiel()

    # départements, régions, communes, member départements of EPCI, EPCI.
    with django_assert_num_queries(5):
        referentiel = Referentiel.charger()

    assert codes(referentiel.resoudre("Rochelle (La)", departements={"70"})) == ["70450"]
    assert codes(referentiel.resoudre("Ancien-Village")) == ["70561"]
    assert codes(referentiel.resoudre("Dijon Métropole")) == ["242100410"]
    assert referentiel.resoudre("CC du Pays de Villersexel", departements={"70"}).statut == RESOLU

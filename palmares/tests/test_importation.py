"""Parsing of a palmarès (text, CSV, XLSX), the report, and the all-or-nothing import."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arobase.testing import make_referentiel
from label.enums import StatutEdition
from label.models import CategorieMention, Collectivite, Edition, Labellisation, Mention
from palmares.importation import (
    AMBIGU,
    COLONNES_RAPPORT,
    IGNOREE,
    LIGNES_MAX,
    NON_RESOLU,
    POIDS_MAX,
    RESOLU,
    FichierInvalide,
    ImportImpossible,
    analyser,
    analyser_tableau,
    analyser_texte,
    decouper,
    importer_palmares,
    lire_arobases,
    lire_fichier,
    numero_pour,
)
from territoires.resolution import Referentiel

from .petit_referentiel import petit_referentiel


@pytest.fixture(scope="module")
def referentiel():
    return petit_referentiel()


def une(texte, referentiel, **indices):
    """The report line of a one-line text."""
    return analyser_texte(texte, referentiel, **indices).lignes[0]


# --- Reading one line ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "nom", "departements", "arobases"),
    [
        ("Saint-Amand-les-Eaux (59) @@", "Saint-Amand-les-Eaux", {"59"}, [2]),
        ("@@@@ CA Amiens Métropole (80)", "CA Amiens Métropole", {"80"}, [4]),
        ("Rochelle (La) (17) 3 arobases", "La Rochelle", {"17"}, [3]),
        ("Rochelle (La) (17) 3 @", "La Rochelle", {"17"}, [3]),
        ("Dijon (Côte-d'Or) 5@", "Dijon", {"21"}, [5]),
        ("Dijon (cote d'or) (@@@@)", "Dijon", {"21"}, [4]),
        ("(@@@@) Dijon, Côte-d'Or", "Dijon", {"21"}, [4]),
        ("Dijon - 21 - @ @", "Dijon", {"21"}, [2]),
        ("Dijon 21 @@@@", "Dijon", {"21"}, [4]),
        ("Ajaccio (2A) deux arobases", "Ajaccio", {"2A"}, [2]),
        ("Bastia (20) @", "Bastia", {"2A", "2B"}, [1]),
        ("Saint-Denis (974) arobases : 3", "Saint-Denis", {"974"}, [3]),
        ("Cholet (49300) @@", "Cholet", {"49"}, [2]),
        ("- Cholet (49) @@;", "Cholet", {"49"}, [2]),
        ("12. Cholet (49) @@", "Cholet", {"49"}, [2]),
        ("Haÿ-les-Roses (L') @", "L'Haÿ-les-Roses", None, [1]),
        ("Cholet", "Cholet", None, []),
    ],
)
def test_a_line_is_read_in_every_press_format(referentiel, texte, nom, departements, arobases):
    lue = decouper(texte, referentiel)

    assert lue.sorte == "collectivite"
    assert lue.nom == nom
    assert lue.departements == departements
    assert lue.arobases == arobases


@pytest.mark.parametrize(
    ("texte", "sorte"),
    [
        ("", "vide"),
        ("   \t ", "vide"),
        ("-----", "ponctuation"),
        ("* * *", "ponctuation"),
        ("2012", "ponctuation"),
        ("(59)", "ponctuation"),
        ("5 @", "titre"),
        ("@@@@@", "titre"),
        ("— 3 arobases —", "titre"),
        ("Villages 5@", "titre"),
        ("Palmarès 2012", "titre"),
        ("Les territoires labellisés", "titre"),
        ("Région Normandie", "titre"),
        ("Normandie", "titre"),
        ("Département du Nord", "titre"),
        ("Département 59", "titre"),
        ("Mentions spéciales du jury :", "titre"),
        ("Villes (01) @@", "collectivite"),
        ("Bretagne (36) @", "collectivite"),
        ("Bretagne", "collectivite"),  # a commune's name, not a heading
        ("Paris", "collectivite"),
    ],
)
def test_blank_lines_headings_and_punctuation_are_recognised(referentiel, texte, sorte):
    assert decouper(texte, referentiel).sorte == sorte


def test_a_heading_that_is_also_the_name_of_a_commune_is_left_to_a_person(referentiel):
    rapport = analyser_texte("Villes\nVilles 5@\nVilles (01) @@", referentiel)
    titre, doute, commune = rapport.lignes

    assert titre.statut == IGNOREE
    assert (doute.statut, doute.motif) == (
        NON_RESOLU,
        "« Villes » est un titre ou le nom d'une commune : indiquez son département",
    )
    assert (commune.statut, commune.code) == (RESOLU, "01448")


def test_mentions_may_follow_the_arobases(referentiel):
    lue = decouper("Dijon (21) @@@@ mentions Démocratie locale, Logiciel libre", referentiel)

    assert lue.nom == "Dijon"
    assert lue.mentions == ["Démocratie locale", "Logiciel libre"]


def test_a_parenthesis_that_is_not_a_departement_stays_in_the_name(referentiel):
    lue = decouper("Communauté d'agglomération du Nord de la Réunion (CINOR) @@", referentiel)

    assert lue.nom == "Communauté d'agglomération du Nord de la Réunion (CINOR)"
    assert lue.cherche == "Communauté d'agglomération du Nord de la Réunion"
    assert lue.precision == "CINOR"


@pytest.mark.parametrize(
    ("ecrit", "valeur"),
    [("4", 4), ("4.0", 4), ("@@@@", 4), ("4@", 4), ("4 arobases", 4), ("", None), ("quatre", -1), ("0", 0)],
)
def test_a_cell_of_arobases_is_read(ecrit, valeur):
    assert lire_arobases(ecrit) == valeur


# --- Statuses of the report ------------------------------------------------------------------------------


def test_a_resolved_line_gives_the_code_and_the_official_name(referentiel):
    ligne = une("St-Amand-les-Eaux (59) @@", referentiel)

    assert (ligne.statut, ligne.code, ligne.nom_officiel, ligne.arobases) == (
        RESOLU,
        "59526",
        "Saint-Amand-les-Eaux",
        2,
    )
    assert ligne.candidats == []


def test_an_ambiguous_line_lists_its_candidates(referentiel):
    ligne = une("La Rochelle @@@", referentiel)

    assert ligne.statut == AMBIGU
    assert ligne.code == ""
    assert ligne.candidats_texte == "17300:La Rochelle|70450:La Rochelle"


@pytest.mark.parametrize(
    ("texte", "motif"),
    [
        ("Dijon (21) @@@@@@", "arobases invalides : 6 (de 1 à 5)"),
        ("Dijon (21) 6 arobases", "arobases invalides : 6 (de 1 à 5)"),
        ("Dijon (21) (0@)", "arobases invalides : 0 (de 1 à 5)"),
        ("Dijon (21)", "arobases manquantes"),
        ("Dijon (21) @@ 3@", "arobases contradictoires : 2, 3"),
        ("Papeete (987) @@", "le département « 987 » n'est pas dans le référentiel"),
    ],
)
def test_a_line_with_invalid_arobases_or_departement_is_rejected_with_its_reason(referentiel, texte, motif):
    ligne = une(texte, referentiel)

    assert ligne.statut == NON_RESOLU
    assert ligne.code == ""
    assert ligne.motif.startswith(motif)


def test_a_foreign_town_is_never_forced_onto_a_look_alike(referentiel):
    assert une("Genève (Suisse) @@", referentiel).statut == NON_RESOLU
    assert une("Monaco @@@", referentiel).statut == NON_RESOLU


def test_skipped_lines_are_reported_as_such(referentiel):
    rapport = analyser_texte("Palmarès 2012\n\n-----\n5 @\nDijon (21)\n", referentiel)

    assert [ligne.statut for ligne in rapport.lignes] == [IGNOREE, IGNOREE, IGNOREE, IGNOREE, RESOLU]
    assert [ligne.motif for ligne in rapport.lignes[:4]] == [
        "titre",
        "ligne vide",
        "ponctuation ou ligne sans nom",
        "titre : 5 @ pour les lignes suivantes",
    ]
    assert rapport.resume() == {RESOLU: 1, AMBIGU: 0, NON_RESOLU: 0, IGNOREE: 4}


def test_a_heading_of_arobases_gives_them_to_the_lines_under_it(referentiel):
    rapport = analyser_texte("5 @\nDijon (21)\nCholet (49) @@\n4 arobases\nParis (75)", referentiel)
    dijon, cholet, paris = (rapport.lignes[i] for i in (1, 2, 4))

    assert (dijon.arobases, cholet.arobases, paris.arobases) == (5, 2, 4)
    assert dijon.motif == "arobases du titre de la ligne 1"


def test_a_heading_of_region_settles_the_homonyms_under_it(referentiel):
    rapport = analyser_texte(
        "Région Poitou-Charentes\nLa Rochelle @@\nRégion Franche-Comté\nLa Rochelle @", referentiel
    )

    assert [(ligne.statut, ligne.code) for ligne in rapport.lignes[1::2]] == [(RESOLU, "17300"), (RESOLU, "70450")]
    assert "région du titre de la ligne 3" in rapport.lignes[3].motif


def test_a_heading_of_region_never_pulls_a_line_out_of_it(referentiel):
    rapport = analyser_texte("Région Bretagne\nCholet @@", referentiel)

    assert rapport.lignes[1].statut == AMBIGU
    assert "aucune collectivité de ce nom dans la région 53" in rapport.lignes[1].motif


def test_the_departement_hint_settles_homonyms_and_a_line_keeps_its_own(referentiel):
    rapport = analyser_texte("La Rochelle @\nCholet (49) @@", referentiel, departement="70")

    assert [ligne.code for ligne in rapport.lignes] == ["70450", "49099"]


def test_the_region_hint_restricts_every_line(referentiel):
    rapport = analyser_texte("Saint-Denis @\nAjaccio (2A) @", referentiel, region="La Réunion")

    assert rapport.lignes[0].code == "97411"
    assert rapport.lignes[1].statut == AMBIGU


def test_an_unknown_hint_is_refused(referentiel):
    with pytest.raises(ValueError, match="Département inconnu"):
        analyser_texte("Dijon @", referentiel, departement="Atlantide")
    with pytest.raises(ValueError, match="Région inconnue"):
        analyser_texte("Dijon @", referentiel, region="Atlantide")


def test_two_lines_of_the_same_collectivite_are_not_both_imported(referentiel):
    rapport = analyser_texte("Annecy-le-Vieux (74) @@@\nAnnecy (74) @@", referentiel)
    premiere, seconde = rapport.lignes

    assert (premiere.statut, premiere.code) == (RESOLU, "74010")
    assert seconde.statut == NON_RESOLU
    assert seconde.motif.startswith("même collectivité que la ligne 1 (Annecy, 74010)")


def test_the_historical_name_of_a_commune_deleguee_is_kept_in_the_report(referentiel):
    ligne = une("Cherbourg-Octeville (50) @@@", referentiel)

    assert (ligne.nom, ligne.code, ligne.nom_officiel) == ("Cherbourg-Octeville", "50129", "Cherbourg-en-Cotentin")
    assert "ancienne commune Cherbourg-Octeville" in ligne.motif


# --- Tables: CSV, XLSX, pasted from a spreadsheet --------------------------------------------------------


def test_a_csv_with_a_header_is_read_by_column_names(referentiel):
    contenu = (
        "Collectivité;Dépt;Arobases;Code INSEE;Mentions\n"
        "Rochelle (La);17;@@@;;Démocratie locale|Logiciel libre\n"
        "Cherbourg-Octeville;;4;50129;\n"
        ";;;;\n"
        "Cholet;49;6;;\n"
    ).encode()
    sorte, rangees = lire_fichier("palmares.csv", contenu)
    rapport = analyser(sorte, rangees, referentiel)

    assert [ligne.ligne for ligne in rapport.lignes] == [2, 3, 4, 5]
    rochelle, cherbourg, vide, cholet = rapport.lignes
    assert (rochelle.code, rochelle.arobases, rochelle.mentions) == (
        "17300",
        3,
        ["Démocratie locale", "Logiciel libre"],
    )
    assert (cherbourg.statut, cherbourg.code) == (RESOLU, "50129")  # the code confirms a historical name
    assert "ancienne commune Cherbourg-Octeville" in cherbourg.motif
    assert vide.statut == IGNOREE
    assert (cholet.statut, cholet.motif) == (NON_RESOLU, "arobases invalides : 6 (de 1 à 5)")


def test_a_csv_from_a_french_spreadsheet_is_read_in_windows_1252_with_commas(referentiel):
    contenu = "nom,departement,arobases\nAjaccio,2A,2\nŒuilly,51,1\nVilles,1,3\n".encode("cp1252")
    rapport = analyser(*lire_fichier("export.CSV", contenu), referentiel)

    assert [(ligne.code, ligne.arobases) for ligne in rapport.lignes] == [("2A004", 2), ("51410", 1), ("01448", 3)]


def test_a_csv_without_header_takes_the_columns_in_order(referentiel):
    rapport = analyser(*lire_fichier("sans-entete.csv", b"Dijon;21;4\nCholet;49;2\n"), referentiel)

    assert [(ligne.ligne, ligne.code, ligne.arobases) for ligne in rapport.lignes] == [(1, "21231", 4), (2, "49099", 2)]


def test_a_code_that_contradicts_the_name_makes_the_line_ambiguous(referentiel):
    rangees = [["nom", "code", "arobases"], ["Dijon", "49099", "3"], ["Dijon", "99999", "3"]]
    contradiction, inconnu = analyser_tableau(rangees, referentiel).lignes

    assert contradiction.statut == AMBIGU
    assert contradiction.candidats_texte == "49099:Cholet|21231:Dijon"
    assert "le code « 49099 » désigne Cholet (49)" in contradiction.motif
    assert (inconnu.statut, inconnu.motif) == (AMBIGU, "code « 99999 » inconnu du référentiel")


def test_an_xlsx_is_read_from_its_first_sheet(referentiel):
    classeur = openpyxl.Workbook()
    feuille = classeur.active
    feuille.append(["Nom", "Département", "@"])
    feuille.append(["Dijon", 21, 4])
    feuille.append(["Villes", 1, 2.0])
    feuille.append(["Bastia", "2B", "@@@"])
    flux = io.BytesIO()
    classeur.save(flux)

    rapport = analyser(*lire_fichier("palmares.xlsx", flux.getvalue()), referentiel)

    assert [(ligne.code, ligne.arobases) for ligne in rapport.lignes] == [("21231", 4), ("01448", 2), ("2B033", 3)]


def test_text_pasted_from_a_spreadsheet_is_read_as_a_table(referentiel):
    rapport = analyser("texte", "nom\tdépartement\tarobases\nDijon\t21\t4\nLa Rochelle\t70\t1\n", referentiel)

    assert [(ligne.code, ligne.arobases) for ligne in rapport.lignes] == [("21231", 4), ("70450", 1)]


@pytest.mark.parametrize(
    ("nom", "contenu", "message"),
    [
        ("palmares.pdf", b"%PDF-1.4", "Type de fichier non pris en charge"),
        ("palmares", b"Dijon @", "Type de fichier non pris en charge"),
        ("palmares.txt", b"Dijon\x00\x01", "n'est pas du texte"),
        ("palmares.xlsx", b"Dijon;21;4", "n'est pas un classeur XLSX"),
        ("palmares.xlsx", b"PK\x03\x04abime", "n'est pas un classeur XLSX"),
        ("palmares.txt", b"x" * (POIDS_MAX + 1), "dépasse 2 Mo"),
        ("palmares.csv", b"Dijon;21;4\n" * (LIGNES_MAX + 1), "La liste compte 5002 lignes : 5000 au plus."),
    ],
)
def test_a_file_of_the_wrong_kind_or_too_big_is_refused(nom, contenu, message):
    with pytest.raises(FichierInvalide, match=message):
        lire_fichier(nom, contenu)


# --- The report ------------------------------------------------------------------------------------------


def test_the_report_csv_has_one_row_per_input_line_and_the_agreed_columns(referentiel):
    rapport = analyser_texte("Palmarès\nLa Rochelle @@\nDijon (21) @@@@ mention Logiciel libre\nGenève @", referentiel)
    flux = io.StringIO()
    rapport.ecrire_csv(flux)
    rangees = list(csv.DictReader(io.StringIO(flux.getvalue())))

    assert COLONNES_RAPPORT[:9] == [
        "ligne",
        "texte",
        "nom",
        "departement",
        "arobases",
        "statut",
        "code",
        "nom_officiel",
        "candidats",
    ]
    assert list(rangees[0]) == COLONNES_RAPPORT
    assert [r["ligne"] for r in rangees] == ["1", "2", "3", "4"]
    assert [r["statut"] for r in rangees] == ["ignoree", "ambigu", "resolu", "non_resolu"]
    assert rangees[1]["candidats"] == "17300:La Rochelle|70450:La Rochelle"
    assert (rangees[2]["code"], rangees[2]["nom_officiel"], rangees[2]["departement"]) == ("21231", "Dijon", "21")
    assert rangees[2]["mentions"] == "Logiciel libre"
    assert rapport.texte_resume() == ("4 lignes : 1 résolue, 1 ambiguë, 1 non résolue, 1 ignorée (titre : 1)")


# --- Junk never crashes the parser ---------------------------------------------------------------------

MORCEAUX = st.sampled_from(
    ["@", "@@", "(", ")", "(La)", "(59)", "(2A)", "(987)", "5@", "6 arobases", "Dijon", "Saint", "St", "-", ",", ":",
     "mention", "Région", "Département", "CA", "Métropole", "’", "Œ", "\t", " ", "12.", "•", "0", "20", "49300"]
)  # fmt: skip
LIGNES_BIZARRES = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(MORCEAUX, st.text(max_size=5)), max_size=12).map("".join),
)


@given(st.lists(LIGNES_BIZARRES, max_size=8))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_lines_never_crash_the_parser(referentiel, lignes):
    texte = "\n".join(lignes)
    rapport = analyser("texte", texte, referentiel)

    for ligne in rapport.lignes:
        assert ligne.statut in (RESOLU, AMBIGU, NON_RESOLU, IGNOREE)
        if ligne.statut == RESOLU:
            assert ligne.code and 1 <= ligne.arobases <= 5
    rapport.ecrire_csv(io.StringIO())
    assert sum(rapport.resume().values()) == len(rapport.lignes)


@given(st.lists(st.lists(st.text(max_size=20), max_size=6), max_size=6))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_junk_tables_never_crash_the_parser(referentiel, rangees):
    rapport = analyser_tableau(rangees, referentiel)

    assert all(ligne.statut in (RESOLU, AMBIGU, NON_RESOLU, IGNOREE) for ligne in rapport.lignes)


# --- Import: all or nothing ------------------------------------------------------------------------------


@pytest.fixture
def ref_bd(db):
    """The hand-made référentiel of arobase.testing, in the database, and its index."""
    ref = make_referentiel()
    return ref, Referentiel.charger()


def test_an_import_creates_an_unpublished_edition_collectivites_and_labellisations(ref_bd):
    _, index = ref_bd
    rapport = analyser_texte("Dijon (21) @@@@@\nLa Rochelle (70) @\nDijon Métropole @@@", index)

    bilan = importer_palmares(annee=2012, lignes=rapport.lignes)

    edition = Edition.objects.get(annee=2012)
    assert bilan.edition_creee
    assert edition.publication_at is None
    assert edition.statut == StatutEdition.CLOSE  # a past palmarès: deliberation closed, not yet published
    assert edition.numero == 13
    assert not Edition.objects.publiees().exists()
    resultats = {
        (lab.collectivite.code, lab.collectivite.categorie, lab.categorie, lab.arobases)
        for lab in Labellisation.objects.filter(edition=edition).select_related("collectivite")
    }
    assert resultats == {
        ("21231", "ville", "ville", 5),
        ("70450", "village", "village", 1),
        ("242100410", "territoire", "territoire", 3),
    }
    assert Collectivite.objects.get(code="242100410").epci.siren == "242100410"
    assert (bilan.labellisations_creees, bilan.collectivites_creees, bilan.labellisations_modifiees) == (3, 3, 0)
    assert "Label 2012 (édition créée, non publiée) : 3 labellisations créées" in bilan.texte()


def test_nothing_is_imported_while_a_line_is_ambiguous_or_unresolved(ref_bd):
    _, index = ref_bd
    rapport = analyser_texte("Dijon (21) @@@@@\nGenève @@\nDijon (21) @@@@@@", index)

    with pytest.raises(ImportImpossible) as erreur:
        importer_palmares(annee=2012, lignes=rapport.lignes)

    assert "2 lignes sont ambiguës ou non résolues" in str(erreur.value)
    assert [ligne.ligne for ligne in erreur.value.lignes] == [2, 3]
    assert not Edition.objects.exists()
    assert not Collectivite.objects.exists()
    assert not Labellisation.objects.exists()


def test_an_import_that_fails_halfway_leaves_nothing_behind(ref_bd, monkeypatch):
    _, index = ref_bd
    rapport = analyser_texte("Dijon (21) @@@@@\nLa Rochelle (70) @", index)

    def panne(**kwargs):
        raise RuntimeError("panne")

    monkeypatch.setattr("label.actions.appliquer_titres_excellence", panne)
    with pytest.raises(RuntimeError):
        importer_palmares(annee=2012, lignes=rapport.lignes)

    assert not Edition.objects.exists()
    assert not Collectivite.objects.exists()


def test_ignoring_the_unresolved_imports_the_rest_and_lists_what_was_left_out(ref_bd):
    _, index = ref_bd
    rapport = analyser_texte("Dijon (21) @@@@@\nGenève @@\nChenôve @@", index)

    bilan = importer_palmares(annee=2012, lignes=rapport.lignes, ignorer_non_resolus=True)

    assert [ligne.texte for ligne in bilan.laissees_de_cote] == ["Genève @@"]
    assert Labellisation.objects.count() == 2
    assert "1 ligne laissée de côté." in bilan.texte()


def test_a_reimport_updates_the_arobases_instead_of_duplicating(ref_bd):
    _, index = ref_bd
    importer_palmares(annee=2012, lignes=analyser_texte("Dijon (21) @@@\nChenôve (21) @@", index).lignes)

    bilan = importer_palmares(annee=2012, lignes=analyser_texte("Dijon (21) @@@@\nChenôve (21) @@", index).lignes)

    assert Labellisation.objects.count() == 2
    assert Collectivite.objects.count() == 2
    assert Edition.objects.count() == 1
    assert Labellisation.objects.get(collectivite__code="21231").arobases == 4
    assert (bilan.edition_creee, bilan.labellisations_creees, bilan.labellisations_modifiees) == (False, 0, 1)
    assert bilan.labellisations_inchangees == 1
    assert "1 mise à jour (arobases changées), 1 inchangée" in bilan.texte()


def test_an_existing_collectivite_and_edition_are_reused_and_a_published_date_is_kept(ref_bd):
    ref, index = ref_bd
    publiee = timezone.now() - timedelta(days=1)
    edition = Edition.objects.create(annee=2012, numero=13, publication_at=publiee)
    Collectivite.objects.create(nom="Dijon", categorie="ville", commune=ref["dijon"])

    bilan = importer_palmares(annee=2012, lignes=analyser_texte("Dijon @@@", index).lignes)

    edition.refresh_from_db()
    assert edition.publication_at == publiee
    assert (bilan.edition_creee, bilan.collectivites_creees, bilan.labellisations_creees) == (False, 0, 1)


def test_mentions_create_the_categories_of_the_edition(ref_bd):
    _, index = ref_bd
    texte = "Dijon (21) @@@@ mention Démocratie locale, Logiciel libre\nChenôve (21) @@ mention démocratie locale"

    bilan = importer_palmares(annee=2012, lignes=analyser_texte(texte, index).lignes)
    importer_palmares(annee=2012, lignes=analyser_texte(texte, index).lignes)

    assert sorted(CategorieMention.objects.values_list("nom", flat=True)) == ["Démocratie locale", "Logiciel libre"]
    assert Mention.objects.count() == 3
    assert (bilan.categories_mention_creees, bilan.mentions_creees) == (2, 3)


def test_the_excellence_rule_is_applied_to_the_edition_and_the_later_ones(ref_bd):
    ref, index = ref_bd
    dijon = Collectivite.objects.create(nom="Dijon", categorie="ville", commune=ref["dijon"])
    for annee in [2018, 2019, 2021, 2022, 2023]:
        edition = Edition.objects.create(annee=annee, numero=annee - 1999)
        Labellisation.objects.create(edition=edition, collectivite=dijon, categorie="ville", arobases=5)

    importer_palmares(annee=2017, lignes=analyser_texte("Dijon (21) @@@@@", index).lignes)

    titres = Labellisation.objects.filter(titre_excellence=True).values_list("edition__annee", flat=True)
    assert list(titres) == [2023]  # the sixth 5@ is 2023's now that 2017 is known


def test_two_lines_chosen_for_the_same_collectivite_are_refused(ref_bd):
    _, index = ref_bd
    rapport = analyser_texte("Dijon (21) @@\nDijon (Côte-d'Or) @", index)
    rapport.lignes[1].statut, rapport.lignes[1].code = RESOLU, "21231"

    with pytest.raises(ImportImpossible, match="les lignes 1 et 2 désignent la même collectivité"):
        importer_palmares(annee=2012, lignes=rapport.lignes)
    assert not Labellisation.objects.exists()


def test_an_ambiguous_line_is_settled_only_by_one_of_its_candidates(ref_bd):
    _, index = ref_bd
    ligne = analyser_texte("Dijon @\nLa Rochelle @@", index, region="Hauts-de-France").lignes[1]

    with pytest.raises(ValueError):
        ligne.choisir("21231")
    ligne.choisir("70450")

    assert (ligne.statut, ligne.code, ligne.nom_officiel) == (RESOLU, "70450", "La Rochelle")


def test_the_number_of_a_new_edition_follows_the_nearest_one(db):
    assert numero_pour(2026) == 27
    Edition.objects.create(annee=2010, numero=11)
    assert numero_pour(2012) == 12
    assert numero_pour(2005) == 10

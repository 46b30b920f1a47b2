"""The command `import_palmares`: dry run by default, a report, an all-or-nothing --apply."""

import csv
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from arobase.testing import make_referentiel
from label.models import Collectivite, Edition, Labellisation

PALMARES = """Palmarès 2012

5 @
Dijon (21)
Rochelle (La) (70) 1 arobase
CA Dijon Métropole @@@@
"""


@pytest.fixture
def referentiel(db):
    return make_referentiel()


@pytest.fixture
def fichier(tmp_path):
    def ecrire(texte, nom="palmares.txt"):
        chemin = tmp_path / nom
        chemin.write_text(texte, encoding="utf-8")
        return str(chemin)

    return ecrire


def lancer(*args):
    sortie = StringIO()
    call_command("import_palmares", *args, stdout=sortie)
    return sortie.getvalue()


def test_it_is_a_dry_run_by_default(referentiel, fichier):
    sortie = lancer(fichier(PALMARES), "--annee", "2012")

    assert "6 lignes : 3 résolues, 0 ambiguë, 0 non résolue, 3 ignorées" in sortie
    assert "Essai à blanc : rien n'a été écrit" in sortie
    assert not Edition.objects.exists()
    assert not Labellisation.objects.exists()


def test_it_writes_the_report_as_csv(referentiel, fichier, tmp_path):
    rapport = tmp_path / "rapport.csv"

    lancer(fichier(PALMARES + "Bretagne (70) @@\n"), "--annee", "2012", "--rapport", str(rapport))

    with open(rapport, encoding="utf-8", newline="") as flux:
        rangees = list(csv.DictReader(flux))
    assert [r["statut"] for r in rangees] == ["ignoree"] * 3 + ["resolu"] * 3 + ["non_resolu"]
    assert (rangees[3]["ligne"], rangees[3]["code"], rangees[3]["arobases"]) == ("4", "21231", "5")
    assert rangees[5]["nom_officiel"] == "Dijon Métropole"


def test_apply_imports_everything_in_one_go(referentiel, fichier):
    sortie = lancer(fichier(PALMARES), "--annee", "2012", "--apply")

    assert "Label 2012 (édition créée, non publiée) : 3 labellisations créées" in sortie
    edition = Edition.objects.get(annee=2012)
    assert edition.publication_at is None
    assert sorted(edition.labellisations.values_list("collectivite__code", "arobases")) == [
        ("21231", 5),
        ("242100410", 4),
        ("70450", 1),
    ]


def test_apply_imports_nothing_while_a_line_is_ambiguous_or_unresolved(referentiel, fichier):
    Edition.objects.create(annee=2011, numero=12)
    chemin = fichier(PALMARES + "La Rochelle @@\nGenève @\n")

    with pytest.raises(CommandError, match="Rien n'a été importé : 2 lignes sont ambiguës ou non résolues"):
        lancer(chemin, "--annee", "2012", "--apply")

    assert list(Edition.objects.values_list("annee", flat=True)) == [2011]
    assert not Collectivite.objects.exists()


def test_ignorer_non_resolus_imports_the_rest_and_lists_what_was_left_out(referentiel, fichier):
    sortie = lancer(fichier(PALMARES + "Genève @\n"), "--annee", "2012", "--apply", "--ignorer-non-resolus")

    assert "laissée de côté : ligne 7 « Genève @ » (non_resolu)" in sortie
    assert Labellisation.objects.count() == 3


def test_a_second_run_updates_instead_of_duplicating_and_says_so(referentiel, fichier):
    lancer(fichier(PALMARES), "--annee", "2012", "--apply")

    sortie = lancer(fichier(PALMARES.replace("1 arobase", "2 arobases")), "--annee", "2012", "--apply")

    assert "0 labellisation créée, 1 mise à jour (arobases changées), 2 inchangées" in sortie
    assert Labellisation.objects.count() == 3


def test_the_departement_hint_settles_the_homonyms(referentiel, fichier):
    sortie = lancer(fichier("La Rochelle @\n"), "--annee", "2012", "--departement", "Haute-Saône")

    assert "1 ligne : 1 résolue" in sortie


def test_the_number_of_a_new_edition_can_be_given(referentiel, fichier):
    lancer(fichier(PALMARES), "--annee", "2012", "--apply", "--numero", "12")

    assert Edition.objects.get(annee=2012).numero == 12


def test_it_reads_a_csv(referentiel, fichier):
    sortie = lancer(fichier("nom;departement;arobases\nDijon;21;4\n", "palmares.csv"), "--annee", "2012")

    assert "1 ligne : 1 résolue" in sortie


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--annee", "1990"], "L'année du label doit être comprise entre 1999 et 2100."),
        (["--annee", "2012", "--region", "Atlantide"], "Région inconnue : « Atlantide »."),
    ],
)
def test_it_refuses_wrong_options(referentiel, fichier, args, message):
    with pytest.raises(CommandError, match=message):
        lancer(fichier(PALMARES), *args)


def test_it_refuses_a_missing_file_or_a_wrong_type(referentiel, fichier, tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        lancer(str(tmp_path / "absent.txt"), "--annee", "2012")
    with pytest.raises(CommandError, match="Type de fichier non pris en charge"):
        lancer(fichier("Dijon @", "palmares.pdf"), "--annee", "2012")


def test_it_asks_for_the_referentiel_first(db, fichier):
    with pytest.raises(CommandError, match="lancez d'abord « manage.py import_territoires »"):
        lancer(fichier(PALMARES), "--annee", "2012")

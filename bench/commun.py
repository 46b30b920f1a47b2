"""Shared set-up of the benchmarks: Django on a scratch SQLite file with the real référentiel."""

import os
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
BASE = Path(os.environ.get("BENCH_SQLITE", RACINE / "bench" / "bench.sqlite3"))


def django_sur_base_bench():
    """Point Django at the bench database, migrate it and import the référentiel if needed."""
    sys.path.insert(0, str(RACINE))
    os.environ["SQLITE_PATH"] = str(BASE)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arobase.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("import_territoires", "--si-necessaire", verbosity=0)


def chrono(fonction, repetitions=1):
    """Best wall time of `repetitions` calls, in seconds, and the last result."""
    meilleur, resultat = float("inf"), None
    for _ in range(repetitions):
        debut = time.perf_counter()
        resultat = fonction()
        meilleur = min(meilleur, time.perf_counter() - debut)
    return meilleur, resultat

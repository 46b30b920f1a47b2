"""SQLite: prefix indexes of 2 to 8 characters (were 2 to 4) in the FTS5 table fiches_recherche.

Every word of a query is a prefix; without an index of its length, FTS5 merges the doclists of every indexed word
that begins with it. Measured at 150,000 fiches (bench/search.py's vocabulary): the page of "commune", "conseil"
or "numer" ranked 10 to 20 % faster and counted 2 to 4 times faster; the index grows by 60 % (224 → 360 MB at
150,000 fiches, about 36 MB at 15,000). The table is rebuilt from the old one (same rows), then optimized.
Nothing to do on PostgreSQL.
"""

from django.db import migrations


def reconstruire(prefixes):
    def operation(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE fiches_recherche RENAME TO fiches_recherche_ancienne")
            cursor.execute(
                "CREATE VIRTUAL TABLE fiches_recherche USING fts5("
                f"titre, texte, contexte, tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefixes}')"
            )
            cursor.execute(
                "INSERT INTO fiches_recherche(fiches_recherche, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)')"
            )
            cursor.execute(
                "INSERT INTO fiches_recherche (rowid, titre, texte, contexte) "
                "SELECT rowid, titre, texte, contexte FROM fiches_recherche_ancienne"
            )
            cursor.execute("DROP TABLE fiches_recherche_ancienne")
            cursor.execute("INSERT INTO fiches_recherche(fiches_recherche) VALUES ('optimize')")

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("fiches", "0006_recherche_prefixes"),
    ]

    operations = [migrations.RunPython(reconstruire("2 3 4 5 6 7 8"), reconstruire("2 3 4"))]

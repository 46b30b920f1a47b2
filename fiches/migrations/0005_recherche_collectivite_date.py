"""PostgreSQL: the search index keeps each fiche's collectivité and creation date.

The filters of the collectivité (région, département, kind, population, arobases) and the sort by date then
read the index only, not the fiches' wide rows. Neither changes for a fiche once created; indexer() writes
them with the text. Nothing to do on SQLite (its filters go through the index of the fiches' collectivite_id).
"""

from django.db import migrations


def ajouter(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE fiches_recherche ADD COLUMN collectivite_id bigint, ADD COLUMN created_at timestamptz"
        )
        cursor.execute(
            "UPDATE fiches_recherche r SET collectivite_id = f.collectivite_id, created_at = f.created_at "
            "FROM fiches_ficheaction f WHERE f.id = r.fiche_id"
        )


def retirer(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE fiches_recherche DROP COLUMN collectivite_id, DROP COLUMN created_at")


class Migration(migrations.Migration):
    dependencies = [
        ("fiches", "0004_recherche_sans_accents_rapide"),
    ]

    operations = [migrations.RunPython(ajouter, retirer)]

"""PostgreSQL: the SQL function fiches_tsquery(), so that a word of a query is also a prefix, as on SQLite.

fiches_tsquery(expression) reads `expression` as to_tsquery('french', …) does (each word stemmed), except that a
word written 'mot':* matches its stem *or*, unstemmed, any indexed word that begins with it: 'ecole':* gives
'ecol' | 'ecole':*, which finds « écoles » but not « écologie » (stemmed prefixes, 'ecol':*, would). The
stems come from ts_rewrite() on the stemmed query, so phrases and exclusions keep their shape. IMMUTABLE: the
planner computes it once per query, before choosing the GIN index. Nothing to do on SQLite (FTS5 prefixes).
"""

from django.db import migrations

REQUETE = """
CREATE OR REPLACE FUNCTION fiches_tsquery(expression text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    requete tsquery := to_tsquery('french', replace(expression, ':*', ''));
    mot text;
    racine tsquery;
BEGIN
    FOR mot IN SELECT DISTINCT m[1] FROM regexp_matches(expression, '''([^'']+)'':\\*', 'g') AS m LOOP
        racine := to_tsquery('french', quote_literal(mot));
        IF numnode(racine) > 0 THEN
            requete := ts_rewrite(requete, racine, racine || to_tsquery('simple', quote_literal(mot) || ':*'));
        END IF;
    END LOOP;
    RETURN requete;
END
$$
"""


def creer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(REQUETE)


def supprimer(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("DROP FUNCTION IF EXISTS fiches_tsquery(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("fiches", "0005_recherche_collectivite_date"),
    ]

    operations = [migrations.RunPython(creer, supprimer)]

"""The full-text index of the published fiches (see fiches/search.py for how it is used).

SQLite: an FTS5 virtual table. PostgreSQL: a tsvector table with a GIN index, and the SQL function
fiches_sans_accents() (translate(), no extension needed). Each is created only on its own database.
The index is then filled from the fiches already published.
"""

# SQL below is assembled from table and column names and placeholders only; values go as parameters.
# ruff: noqa: S608

import unicodedata

from django.db import migrations


def table_des_accents():
    # Frozen copy of fiches.search.table_des_accents(): canonical decompositions never change.
    table = {}
    for debut, fin in [(0xC0, 0x250), (0x1E00, 0x1F00)]:
        for code in range(debut, fin):
            decompose = unicodedata.normalize("NFD", chr(code))
            if len(decompose) > 1 and decompose[0].isascii() and decompose[0].isalpha():
                table[chr(code)] = decompose[0]
    return table


TEXTE = "f.sous_titre || ' ' || f.synthese || ' ' || f.realisation || ' ' || f.resultats || ' ' || f.recommandations || ' ' || f.outils || ' ' || f.partenaires"


def selection(agreger):
    # Frozen copy of fiches.search._selection_a_indexer() for every published fiche.
    services = (
        f"(SELECT {agreger.format('s.nom')} FROM fiches_ficheaction_services l "
        "JOIN fiches_service s ON s.id = l.service_id WHERE l.ficheaction_id = f.id)"
    )
    enjeux = (
        f"(SELECT {agreger.format('e.nom')} FROM fiches_enjeu e WHERE e.id IN (SELECT s.enjeu_id "
        "FROM fiches_ficheaction_services l JOIN fiches_service s ON s.id = l.service_id WHERE l.ficheaction_id = f.id))"
    )
    return (
        f"SELECT f.id AS id, f.titre AS titre, {TEXTE} AS texte, "
        f"c.nom || ' ' || coalesce({services}, '') || ' ' || coalesce({enjeux}, '') AS contexte "
        "FROM fiches_ficheaction f JOIN label_collectivite c ON c.id = f.collectivite_id WHERE f.etat = 'publiee'"
    )


def creer(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE VIRTUAL TABLE fiches_recherche USING fts5("
                "titre, texte, contexte, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
            )
            cursor.execute(
                "INSERT INTO fiches_recherche(fiches_recherche, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)')"
            )
            cursor.execute(
                "INSERT INTO fiches_recherche (rowid, titre, texte, contexte) " + selection("group_concat({}, ' ')")
            )
        elif connection.vendor == "postgresql":
            accents = table_des_accents()
            de, vers = "".join(accents), "".join(accents.values())
            cursor.execute(
                "CREATE OR REPLACE FUNCTION fiches_sans_accents(text) RETURNS text "
                f"LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT translate($1, '{de}', '{vers}') $$"
            )
            cursor.execute("CREATE TABLE fiches_recherche (fiche_id bigint PRIMARY KEY, vecteur tsvector NOT NULL)")
            cursor.execute("CREATE INDEX fiches_recherche_vecteur ON fiches_recherche USING gin (vecteur)")
            cursor.execute(
                "INSERT INTO fiches_recherche (fiche_id, vecteur) SELECT id, "
                "setweight(to_tsvector('french', fiches_sans_accents(titre)), 'A') || "
                "setweight(to_tsvector('french', fiches_sans_accents(contexte)), 'B') || "
                "setweight(to_tsvector('french', fiches_sans_accents(texte)), 'C') "
                "FROM (" + selection("string_agg({}, ' ')") + ") AS a_indexer"
            )


def supprimer(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS fiches_recherche")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS fiches_sans_accents(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("fiches", "0002_taxonomie_initiale"),
    ]

    operations = [migrations.RunPython(creer, supprimer)]

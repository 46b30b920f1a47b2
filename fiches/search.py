"""French full-text search of the published fiches actions: one entry point, two engines.

`rechercher()` picks the engine from `connection.vendor`; `indexer()` and `reindexer_tout()` keep the
index in step with the fiches. The index holds **published fiches only** (indexer() removes the others):
whatever the query, the public never finds a draft.

Indexed text, in three parts: the title; the body (sous-titre, synthèse, réalisation, résultats,
recommandations, outils, partenaires); the context (name of the collectivité, names of the services and
of their enjeux). Renaming one of those re-indexes the fiches that name it:
`fiches.actions.reindexer_apres_renommage()`, called by the administration (the only place that renames);
otherwise `reindexer_tout()` (command `reindexer_recherche`).

SQLite — an FTS5 virtual table `fiches_recherche(titre, texte, contexte)`, rowid = id of the fiche, created
by migration 0003 on SQLite only. Tokenizer `unicode61 remove_diacritics 2` (case and accents ignored:
"mediation" finds "médiation"), prefix indexes of 2 to 8 characters (migration 0007): every word of a
query is a prefix ("numeri" finds "numériques"). Ranking: bm25() weighted titre 10, texte 1, contexte 4 (also stored
as the table's `rank`), with SQLite's bounded sorter; the matches are counted apart, from the doclists only.

PostgreSQL — a plain table `fiches_recherche(fiche_id, vecteur tsvector)` with a GIN index, created by the
same migration on PostgreSQL only, with the fiche's collectivite_id and created_at (migration 0005) so that
the filters of the collectivité and the sort by date never read the fiches' wide rows. The vector uses the 'french' configuration (stemming: "numériques"
finds "numérique"), weights A titre, B contexte, C texte, over text stripped of its accents by the SQL
function `fiches_sans_accents()` (migration 0004): normalize(…, NFD) then the combining marks removed, so
no extension (unaccent) is needed — PostgreSQL 13 or later, UTF-8 database. `sans_accents()` below does
the same in Python. The query goes through the SQL function `fiches_tsquery()` (migration 0006): every word
of 3 characters or more (and the last word of a phrase) matches its French stem *or*, unstemmed, as a prefix
of the indexed lexemes: "ecole" → 'ecol' | 'ecole':*, so "biblio" finds "bibliothèque" and "ecole" finds
"écoles" but not "écologie" (a stemmed prefix, 'ecol':*, would). The index holds stems, so a prefix typed
past a word's stem misses it ("applic" does not find "application", stemmed 'appliqu'; "numeri" does, as
it stems to 'numer' like "numériques"). Ranking: ts_rank. One statement per page: matches, total, page and
the text of its fiches.

Highlighted titles and snippets: built in Python from the page's text (fiches.extraits), the same way for
both engines, with each engine's rules (prefixes; French stems on PostgreSQL).
No foreign key to the fiches (Django's flush truncates the fiches without it): a deleted fiche leaves the
index through indexer([its id]), and the pages load the fiches of a result page from the published ones.

User input never reaches MATCH or fiches_tsquery() as such: `analyser()` keeps words made of letters and
digits, and the engine's query is built from them only (quoted FTS5 strings, quoted tsquery lexemes).
Understood syntax, like a web search engine: words (all required), "an exact phrase", -word (excluded),
OU / OR between two words (either). Anything else is text: quotes, parentheses, AND, NOT, *, NEAR, emoji,
10,000 characters always give a page. Snippets are built as escaped text in which only <mark> is added.
"""

# SQL below is assembled from table and column names and placeholders only; values go as parameters.
# ruff: noqa: S608

import html as html_
import math
import re
import unicodedata
import uuid
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import BigIntegerField, ExpressionWrapper, F, Q
from django.db.models.expressions import RawSQL
from django.db.models.lookups import In
from django.utils.safestring import mark_safe

from .enums import EtatFiche
from .models import Enjeu, FicheAction, Service

TABLE = "fiches_recherche"

# ---------------------------------------------------------------------------------------------------
# Accents
# ---------------------------------------------------------------------------------------------------


def table_des_accents():
    """Letters with diacritics → their base letter, one character for one: a character whose canonical
    decomposition is one letter followed by combining marks of U+0300–U+036F (é, À, ç, ǖ, ệ…). This is exactly
    what the SQL function fiches_sans_accents() does on PostgreSQL (NFD, then the marks removed), for every
    character that it turns into a single one; canonical decompositions never change (Unicode stability
    policy), so both stay in step under any version."""
    table = {}
    for code in range(0xC0, 0x2000):
        decompose = unicodedata.normalize("NFD", chr(code))
        base = "".join(c for c in decompose if not 0x300 <= ord(c) <= 0x36F)
        if len(decompose) > 1 and len(base) == 1:
            table[chr(code)] = base
    return table


ACCENTS = table_des_accents()
_TRADUCTION = str.maketrans(ACCENTS)


def sans_accents(texte):
    """The text without its accents, every character at its place ("École" → "Ecole")."""
    return texte.translate(_TRADUCTION)


# ---------------------------------------------------------------------------------------------------
# Reading the user's query
# ---------------------------------------------------------------------------------------------------

LONGUEUR_MAX = 500  # characters of the query read; the rest is ignored
MOTS_MAX = 12  # words or phrases kept
LONGUEUR_MOT_MAX = 40

# PostgreSQL's French stop words (tsearch_data/french.stop), without accents: never searched alone, on
# either engine, so that both answer alike ("l'école" searches "ecole").
MOTS_VIDES = frozenset(
    sans_accents(mot)
    for mot in """au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi
    mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre
    vous c d j l à m n s t y été étée étées étés étant étante étants étantes suis es est sommes êtes sont serai
    seras sera serons serez seront serais serait serions seriez seraient étais était étions étiez étaient fus
    fut fûmes fûtes furent sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant
    ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais
    aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait
    ayons ayez aient eusse eusses eût eussions eussiez eussent les""".split()
)
MOT = re.compile(r"[^\W_]+")
MORCEAU = re.compile(r'(?P<moins>-?)"(?P<phrase>[^"]*)"?|(?P<brut>[^\s"]+)')
OU = {"OU", "OR", "|"}


def _mots(texte):
    return [mot[:LONGUEUR_MOT_MAX] for mot in MOT.findall(sans_accents(texte).lower())]


def _utiles(mots):
    return [mot for mot in mots if len(mot) > 1 and mot not in MOTS_VIDES]


@dataclass
class Requete:
    """What a query asks: every group (one of its phrases at least), and none of the excluded phrases.

    A phrase is a tuple of words (lowercase, without accents, letters and digits only)."""

    groupes: list = field(default_factory=list)
    exclus: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.groupes)

    def mots(self):
        return [mot for groupe in self.groupes for phrase in groupe for mot in phrase]


def analyser(texte):
    """Turn any user input into a Requete (possibly empty). Never raises."""
    requete = Requete()
    ou = False
    nombre = 0
    for morceau in MORCEAU.finditer((texte or "")[:LONGUEUR_MAX]):
        if nombre >= MOTS_MAX:
            break
        if morceau["phrase"] is not None:
            mots = _mots(morceau["phrase"])
            phrases = [tuple(mots)] if _utiles(mots) else []
            exclu = bool(morceau["moins"])
        elif morceau["brut"] in OU:
            ou = bool(requete.groupes)
            continue
        else:
            brut = morceau["brut"]
            exclu = brut.startswith("-") and len(brut) > 1
            phrases = [(mot,) for mot in _utiles(_mots(brut))]
        if not phrases:
            continue
        nombre += len(phrases)
        if exclu:
            requete.exclus.extend(phrases)
        elif ou:
            # "école OU collège": the first word after OU joins the previous group, the others are required.
            requete.groupes[-1].append(phrases[0])
            requete.groupes.extend([phrase] for phrase in phrases[1:])
        else:
            requete.groupes.extend([phrase] for phrase in phrases)
        ou = False
    return requete


# ---------------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------------

PAR_PAGE = 20
DEBUT, FIN, SEPARATEUR = "\x02", "\x03", "\x01"
_MARQUES = re.compile("([\x01\x02\x03])")
_CONTROLES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ESPACES = re.compile(r"\s+")


def surligner(texte_marque):
    """HTML of a text in which DEBUT/FIN surround the matches: the text is escaped, only <mark> is added
    (always balanced, whatever the text contains), SEPARATEUR between two fragments becomes " … "."""
    html, ouvert = [], False
    for morceau in _MARQUES.split(texte_marque or ""):
        if morceau == DEBUT:
            if not ouvert:
                html.append("<mark>")
                ouvert = True
        elif morceau in (FIN, SEPARATEUR):
            if ouvert:
                html.append("</mark>")
                ouvert = False
            if morceau == SEPARATEUR:
                html.append(" … ")
        elif morceau:
            # The standard library's escape, as django.utils.html.escape does it (without its lazy wrapper).
            html.append(html_.escape(_ESPACES.sub(" ", _CONTROLES.sub("", morceau))))
    if ouvert:
        html.append("</mark>")
    return mark_safe("".join(html).strip())  # noqa: S308 - every piece of text above is escaped


@dataclass
class Resultats:
    """One page of results: `ids` in the order of the page, highlighted titles and snippets by id."""

    total: int
    page: int
    par_page: int
    ids: list
    titres: dict
    extraits: dict
    requete: Requete

    @property
    def nombre_de_pages(self):
        return max(1, math.ceil(self.total / self.par_page))


def _sous_requete(requete):
    if requete is None:
        return "", []
    sql, params = requete.query.sql_with_params()
    return sql, list(params)


def rechercher(texte="", *, parmi=None, collectivites=None, tri="pertinence", page=1, par_page=PAR_PAGE):
    """Published fiches matching `texte`, one page of them, best first (tri="pertinence") or newest first
    (tri="date"), with highlighted titles and snippets.

    `parmi`: an optional queryset of fiches to search among (the filters of the page); it need not
    restrict to published fiches, the index holds nothing else. `collectivites`: an optional queryset of the
    ids of the collectivités whose fiches are searched (PostgreSQL reads them from the index itself). An empty query lists the published fiches
    (of `parmi`), newest first. Queries: PostgreSQL, and SQLite with `parmi`, 1 (the page with its total and
    text), 3 for a page past the last one (that empty page, a count, the last page); SQLite without `parmi`, 2
    (a count, the page with its text); 2 for an empty query (count, page). The snippets are made from the page's text (fiches.extraits), no query.
    """
    requete = analyser(texte)
    page = _page_valide(page)
    moteur = _moteur()
    if collectivites is not None and (not requete or moteur is SQLite):
        # SQLite reaches the collectivité of a fiche through the index of the fiches' collectivite_id.
        parmi = (parmi if parmi is not None else FicheAction.objects.all()).filter(collectivite_id__in=collectivites)
        collectivites = None
    if not requete:
        return _lister(requete, parmi=parmi, page=page, par_page=par_page)
    sql_parmi, params_parmi = _sous_requete(parmi.order_by().values("id") if parmi is not None else None)
    sql_collectivites, params_collectivites = _sous_requete(collectivites)
    filtre, params_filtre = (sql_parmi, sql_collectivites), params_parmi + params_collectivites
    expression = moteur.expression(requete)
    par_date = tri == "date"

    def classer(decalage):
        return moteur.page(requete, expression, filtre, params_filtre, par_page, decalage, par_date=par_date)

    with connection.cursor() as cursor:
        if moteur.total_avec_la_page(tri, filtre):
            cursor.execute(*classer((page - 1) * par_page))
            lignes = cursor.fetchall()
            total = lignes[0][1] if lignes else None
        else:
            lignes, total = [], None
        if total is None:
            cursor.execute(*moteur.compter(expression, filtre, params_filtre))
            total = cursor.fetchone()[0]
            # A page number past the last page (a hand-made address) shows the last one.
            page = min(page, max(1, math.ceil(total / par_page)))
            if total:
                cursor.execute(*classer((page - 1) * par_page))
                lignes = cursor.fetchall()
    # Rows: id, total (PostgreSQL) or None, titre, texte (the body, CHAMPS_TEXTE).
    surligneur = moteur.surligneur(requete)
    ids = [ligne[0] for ligne in lignes]
    titres = {ligne[0]: surligneur.titre(ligne[2]) for ligne in lignes}
    extraits = {ligne[0]: surligneur.extrait(ligne[3]) for ligne in lignes}
    return Resultats(total, page, par_page, ids, titres, extraits, requete)


def correspondances(texte):
    """A Q on FicheAction keeping the indexed (so published) fiches that match `texte`, or None for an empty
    query. For the facet counts, which group the matching fiches by other tables."""
    requete = analyser(texte)
    if not requete:
        return None
    moteur = _moteur()
    correspondantes = RawSQL(moteur.SOUS_REQUETE, [moteur.expression(requete)])  # noqa: S611 - a parameter
    if moteur is SQLite:
        # `id + 0`: SQLite must not probe the fiches by each matching rowid crossed with the other IN lists of the
        # query (it would, and take seconds); it walks an index of the fiches and looks each id up in the list.
        return Q(In(ExpressionWrapper(F("pk") + 0, output_field=BigIntegerField()), correspondantes))
    return Q(pk__in=correspondantes)


def _page_valide(page):
    try:
        return min(max(1, int(page)), 10**6)
    except (TypeError, ValueError):
        return 1


def _lister(requete, *, parmi, page, par_page):
    fiches = (parmi if parmi is not None else FicheAction.objects.all()).publiees()
    total = fiches.count()
    page = min(page, max(1, math.ceil(total / par_page)))
    debut = (page - 1) * par_page
    ids = list(fiches.order_by("-created_at", "-id").values_list("id", flat=True)[debut : debut + par_page])
    return Resultats(total, page, par_page, ids, {}, {}, requete)


class SQLite:
    @staticmethod
    def total_avec_la_page(tri, filtre):
        # Without filters, the matches are counted apart, from the doclists only (a few milliseconds, no
        # ranking): a window count would forbid bm25() in the page's query, and `ORDER BY rank` (which allows
        # it) sorts every match inside FTS5, where `ORDER BY bm25(…) LIMIT` keeps the best ones only (SQLite's
        # top-k sorter): measured 30 to 45 % faster on common words at 150,000 fiches. By date, the page stops
        # early in the index of the dates. With filters, the list of the fiches they keep costs more to build
        # than the ranking (36 ms for 128,000 fiches): it is built once, for the matches read once with their
        # score into a materialized CTE, counted and paged from there.
        return bool(filtre[0])

    SOUS_REQUETE = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s"
    # Weights of the columns titre, texte, contexte: those of the table's `rank` (migration 0003).
    BM25 = f"bm25({TABLE}, 10.0, 1.0, 4.0)"

    @staticmethod
    def expression(requete):
        def phrase(mots):
            # Quoted FTS5 string (the words hold letters and digits only), the last word as a prefix.
            return '"' + " ".join(mots) + '"*'

        def groupe(phrases):
            return phrase(phrases[0]) if len(phrases) == 1 else "(" + " OR ".join(map(phrase, phrases)) + ")"

        expression = " AND ".join(groupe(g) for g in requete.groupes)
        if requete.exclus:
            expression = f"({expression}) NOT ({' OR '.join(map(phrase, requete.exclus))})"
        return expression

    @staticmethod
    def _filtre(filtre, rowid="rowid"):
        # The unary + keeps SQLite from handing `rowid IN (…)` to FTS5, which would then evaluate the MATCH
        # once per rowid of the list: the MATCH runs once, each of its rows is looked up in the list.
        parmi, _ = filtre  # the collectivités are already in `parmi` (see rechercher())
        return f" AND +{rowid} IN ({parmi})" if parmi else ""

    @classmethod
    def compter(cls, expression, filtre, params_filtre):
        sql = f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH %s{cls._filtre(filtre)}"
        return sql, [expression, *params_filtre]

    @classmethod
    def page(cls, requete, expression, filtre, params_filtre, limite, decalage, *, par_date):
        if cls.total_avec_la_page(None, filtre):
            return cls.page_filtree(expression, filtre, params_filtre, limite, decalage, par_date=par_date)
        classer = cls.par_date if par_date else cls.par_pertinence
        return classer(expression, filtre, params_filtre, limite, decalage)

    @classmethod
    def page_filtree(cls, expression, filtre, params_filtre, limite, decalage, *, par_date):
        fiches = FicheAction._meta.db_table
        if par_date:
            sql = (
                f"WITH m AS MATERIALIZED (SELECT rowid AS id FROM {TABLE} WHERE {TABLE} MATCH %s{cls._filtre(filtre)}) "
                f"SELECT f.id, (SELECT count(*) FROM m), f.titre, {_TEXTE} FROM {fiches} f "
                "WHERE f.etat = %s AND f.id IN (SELECT id FROM m) ORDER BY f.created_at DESC, f.id DESC LIMIT %s OFFSET %s"
            )
            return sql, [expression, *params_filtre, EtatFiche.PUBLIEE.value, limite, decalage]
        sql = (
            f"WITH m AS MATERIALIZED (SELECT rowid AS id, {cls.BM25} AS score FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s{cls._filtre(filtre)}), "
            "p AS (SELECT id, score FROM m ORDER BY score, id DESC LIMIT %s OFFSET %s) "
            f"SELECT f.id, (SELECT count(*) FROM m), f.titre, {_TEXTE} FROM p JOIN {fiches} f ON f.id = p.id "
            "ORDER BY p.score, p.id DESC"
        )
        return sql, [expression, *params_filtre, limite, decalage]

    @classmethod
    def par_pertinence(cls, expression, filtre, params_filtre, limite, decalage):
        # The page's ids and scores first (bm25() and the bounded sorter), then their text only.
        sql = (
            f"SELECT f.id, NULL, f.titre, {_TEXTE} FROM (SELECT rowid AS id, {cls.BM25} AS score FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s{cls._filtre(filtre)} ORDER BY score, rowid DESC LIMIT %s OFFSET %s) p "
            f"JOIN {FicheAction._meta.db_table} f ON f.id = p.id ORDER BY p.score, p.id DESC"
        )
        return sql, [expression, *params_filtre, limite, decalage]

    @classmethod
    def par_date(cls, expression, filtre, params_filtre, limite, decalage):
        # Walks the index (etat, created_at) newest first and stops after the page: only the page's rows are read.
        sql = (
            f"SELECT f.id, NULL, f.titre, {_TEXTE} FROM {FicheAction._meta.db_table} f WHERE f.etat = %s "
            f"AND f.id IN ({cls.SOUS_REQUETE}){cls._filtre(filtre, 'f.id')} "
            "ORDER BY f.created_at DESC, f.id DESC LIMIT %s OFFSET %s"
        )
        return sql, [EtatFiche.PUBLIEE.value, expression, *params_filtre, limite, decalage]

    @staticmethod
    def surligneur(requete):
        from .extraits import Surligneur  # noqa: PLC0415 - fiches.extraits builds on this module

        # Every word is a prefix, as in the engine's query.
        return Surligneur(requete)

    @staticmethod
    def indexer(cursor, ids):
        if ids is None:
            cursor.execute(f"DELETE FROM {TABLE}")
        else:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids)
        sql, params = _selection_a_indexer(ids, concat=" || ' ' || ", agreger="group_concat({}, ' ')")
        cursor.execute(
            f"INSERT INTO {TABLE} (rowid, titre, texte, contexte) SELECT id, titre, texte, contexte FROM ({sql})",
            params,
        )


class PostgreSQL:
    # The tsquery of an expression: fiches_tsquery() (migration 0006) stems its words as to_tsquery('french', …)
    # does, and a word written 'mot':* also matches, unstemmed, any indexed word that begins with it.
    TSQUERY = "fiches_tsquery(%s)"
    SOUS_REQUETE = f"SELECT fiche_id FROM {TABLE} WHERE vecteur @@ {TSQUERY}"
    # Shorter words are not prefixes: "el" would find most fiches (and rank them all), for a word still being typed.
    PREFIXE_MIN = 3

    @staticmethod
    def total_avec_la_page(tri, filtre):
        # The matches are read once: ranked, and counted from a narrow materialized CTE (id, score or date).
        # Counting apart would visit the heap a second time.
        return True

    @classmethod
    def lexeme(cls, mot, *, prefixe):
        """A quoted lexeme (letters and digits only), a prefix as well if asked and long enough."""
        if prefixe and len(mot) >= cls.PREFIXE_MIN and mot not in MOTS_VIDES:
            return f"'{mot}':*"
        return f"'{mot}'"

    @classmethod
    def expression(cls, requete):
        def phrase(mots):
            # Its last word is a prefix, as in FTS5's "…"*: a single word is one, a phrase stays exact otherwise.
            dernier = len(mots) - 1
            return "(" + " <-> ".join(cls.lexeme(mot, prefixe=rang == dernier) for rang, mot in enumerate(mots)) + ")"

        def groupe(phrases):
            return "(" + " | ".join(map(phrase, phrases)) + ")"

        expression = " & ".join(groupe(g) for g in requete.groupes)
        for exclu in requete.exclus:
            expression += f" & !{phrase(exclu)}"
        return expression

    @staticmethod
    def _filtre(filtre):
        parmi, collectivites = filtre
        sql = f" AND r.fiche_id IN ({parmi})" if parmi else ""
        if collectivites:
            # The index keeps each fiche's collectivité: the fiches themselves are not read.
            sql += f" AND r.collectivite_id IN ({collectivites})"
        return sql

    @classmethod
    def compter(cls, expression, filtre, params_filtre):
        sql = f"SELECT count(*) FROM {TABLE} r WHERE r.vecteur @@ {cls.TSQUERY}{cls._filtre(filtre)}"
        return sql, [expression, *params_filtre]

    @classmethod
    def page(cls, requete, expression, filtre, params_filtre, limite, decalage, *, par_date):
        """One statement, one round trip: the matches read once into a narrow materialized CTE (id and score or
        date), their number, the page, and the text of the page's fiches only."""
        cle = "r.created_at" if par_date else "ts_rank(r.vecteur, q, 1)"
        sql = (
            f"WITH m AS MATERIALIZED (SELECT r.fiche_id, {cle} AS cle FROM {TABLE} r, {cls.TSQUERY} q "
            f"WHERE r.vecteur @@ q{cls._filtre(filtre)}), "
            "p AS (SELECT fiche_id, cle FROM m ORDER BY cle DESC, fiche_id DESC LIMIT %s OFFSET %s) "
            f"SELECT p.fiche_id, (SELECT count(*) FROM m), f.titre, {_TEXTE} "
            f"FROM p JOIN {FicheAction._meta.db_table} f ON f.id = p.fiche_id ORDER BY p.cle DESC, p.fiche_id DESC"
        )
        return sql, [expression, *params_filtre, limite, decalage]

    @classmethod
    def surligneur(cls, requete):
        from .extraits import Surligneur  # noqa: PLC0415 - fiches.extraits builds on this module

        # Words of PREFIXE_MIN letters or more are prefixes, and the French stems match, as in the engine's query.
        return Surligneur(requete, prefixe_min=cls.PREFIXE_MIN, racines=True)

    @staticmethod
    def indexer(cursor, ids):
        if ids is None:
            # Filling the table then building the GIN index is several times faster than updating the index
            # row by row.
            cursor.execute(f"TRUNCATE {TABLE}")
            cursor.execute(f"DROP INDEX IF EXISTS {TABLE}_vecteur")
        else:
            cursor.execute(f"DELETE FROM {TABLE} WHERE fiche_id = ANY(%s)", [list(ids)])
        sql, params = _selection_a_indexer(ids, concat=" || ' ' || ", agreger="string_agg({}, ' ')")
        cursor.execute(
            f"INSERT INTO {TABLE} (fiche_id, collectivite_id, created_at, vecteur) SELECT id, collectivite_id, created_at, "
            "setweight(to_tsvector('french', fiches_sans_accents(titre)), 'A') || "
            "setweight(to_tsvector('french', fiches_sans_accents(contexte)), 'B') || "
            "setweight(to_tsvector('french', fiches_sans_accents(texte)), 'C') "
            f"FROM ({sql}) AS a_indexer",
            params,
        )
        if ids is None:
            cursor.execute(f"CREATE INDEX {TABLE}_vecteur ON {TABLE} USING gin (vecteur)")


# ---------------------------------------------------------------------------------------------------
# Index maintenance
# ---------------------------------------------------------------------------------------------------

CHAMPS_TEXTE = ["sous_titre", "synthese", "realisation", "resultats", "recommandations", "outils", "partenaires"]
# The body of a fiche `f`, in SQL (the same on both engines), for the snippets.
_TEXTE = " || ' ' || ".join(f"f.{champ}" for champ in CHAMPS_TEXTE)
LOT = 500


def _selection_a_indexer(ids, *, concat, agreger):
    """SELECT id, titre, texte, contexte of the published fiches among `ids` (all of them if None).

    The names of the services and enjeux come from one GROUP BY joined to the fiches (a subquery per fiche
    would cost more than the rest of the indexing)."""
    fiche = FicheAction._meta.db_table
    collectivite = FicheAction._meta.get_field("collectivite").related_model._meta.db_table
    liaison = FicheAction.services.through._meta.db_table
    service, enjeu = Service._meta.db_table, Enjeu._meta.db_table
    parmi = f" IN ({', '.join(['%s'] * len(ids))})" if ids is not None else ""
    texte = concat.join(f"f.{champ}" for champ in CHAMPS_TEXTE)
    taxonomie = (
        f"SELECT l.ficheaction_id AS fiche_id, {agreger.format(concat.join(['s.nom', 'e.nom']))} AS noms "
        f"FROM {liaison} l JOIN {service} s ON s.id = l.service_id JOIN {enjeu} e ON e.id = s.enjeu_id"
        + (f" WHERE l.ficheaction_id{parmi}" if parmi else "")
        + " GROUP BY l.ficheaction_id"
    )
    contexte = concat.join(["c.nom", "coalesce(t.noms, '')"])
    sql = (
        f"SELECT f.id AS id, f.collectivite_id AS collectivite_id, f.created_at AS created_at, f.titre AS titre, "
        f"{texte} AS texte, {contexte} AS contexte FROM {fiche} f JOIN {collectivite} c ON c.id = f.collectivite_id "
        f"LEFT JOIN ({taxonomie}) t ON t.fiche_id = f.id WHERE f.etat = %s"
    )
    params = [*(ids or []), EtatFiche.PUBLIEE.value]
    if parmi:
        sql += f" AND f.id{parmi}"
        params += list(ids)
    return sql, params


def _moteur():
    return SQLite if connection.vendor == "sqlite" else PostgreSQL


GENERATION = "fiches:recherche:generation"


def generation():
    """A token that changes with the index (nouvelle_generation(), after every indexer() and reindexer_tout()):
    what is computed from the published fiches may be cached under it (the facet counts are). In the default
    cache, shared by every worker of the site (one query with the database cache)."""
    jeton = caches["default"].get(GENERATION)
    return jeton if jeton is not None else nouvelle_generation()


def nouvelle_generation():
    jeton = uuid.uuid4().hex
    caches["default"].set(GENERATION, jeton, None)
    return jeton


def indexer(fiche_ids):
    """Re-index these fiches: published ones are (re)written, the others (and deleted ones) leave the index.

    Call it after any change of a fiche's text, services or état."""
    ids = sorted({int(fiche_id) for fiche_id in fiche_ids})
    moteur = _moteur()
    with transaction.atomic(), connection.cursor() as cursor:
        # Once the change is committed (not before: a page computed meanwhile would cache the old counts under
        # the new token).
        transaction.on_commit(nouvelle_generation)
        for debut in range(0, len(ids), LOT):
            moteur.indexer(cursor, ids[debut : debut + LOT])


def reindexer_tout():
    """Rebuild the whole index in one INSERT … SELECT (after a bulk load, or a renamed collectivité/service)."""
    moteur = _moteur()
    with transaction.atomic(), connection.cursor() as cursor:
        transaction.on_commit(nouvelle_generation)
        moteur.indexer(cursor, None)
        if moteur is SQLite:
            cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")
    if moteur is PostgreSQL:
        # Fresh statistics after a bulk load: the planner chooses between the GIN index and the filters by them.
        liaison = FicheAction.services.through._meta.db_table
        collectivite = FicheAction._meta.get_field("collectivite").related_model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}, {FicheAction._meta.db_table}, {liaison}, {collectivite}")

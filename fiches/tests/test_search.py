import io

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from label.models import Collectivite

from ..enums import EtatFiche
from ..models import FicheAction
from ..search import (
    DEBUT,
    FIN,
    SEPARATEUR,
    analyser,
    correspondances,
    indexer,
    rechercher,
    reindexer_tout,
    sans_accents,
    surligner,
)
from .recherche_donnees import ajouter_fiches, creer_fiche, make_recherche

postgresql_seulement = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL")


@pytest.fixture
def donnees(db):
    return make_recherche()


def titres(resultats):
    return [FicheAction.objects.get(pk=pk).titre for pk in resultats.ids]


# ---------------------------------------------------------------------------------------------------
# Reading the query
# ---------------------------------------------------------------------------------------------------


def test_it_keeps_words_without_accents_case_or_stop_words():
    assert analyser("L'École  numérique, et la MÉDIATION !").groupes == [
        [("ecole",)],
        [("numerique",)],
        [("mediation",)],
    ]


def test_it_reads_phrases_exclusions_and_alternatives():
    requete = analyser('"accueil de loisirs" -velo ecole OU college')

    assert requete.groupes == [[("accueil", "de", "loisirs")], [("ecole",), ("college",)]]
    assert requete.exclus == [("velo",)]


@pytest.mark.parametrize(
    "texte",
    ["", "   ", "(((", '"', "''", "*", "-", "OR", "😀🎉", "l' d' à", "-école", '""'],
)
def test_it_turns_input_without_a_searchable_word_into_an_empty_query(texte):
    requete = analyser(texte)
    assert not requete
    assert requete.mots() == []


def test_it_treats_engine_operators_as_plain_words():
    assert analyser("école AND NOT NEAR(collège) *numérique*").mots() == [
        "ecole",
        "and",
        "not",
        "near",
        "college",
        "numerique",
    ]


def test_it_reads_only_the_beginning_of_a_very_long_query():
    requete = analyser("médiation " * 1000)

    assert len(requete.groupes) == 12
    assert analyser("a" * 10_000).mots() == ["a" * 40]


def test_sans_accents_keeps_every_character_at_its_place():
    texte = "Élève, cœur, façade, Ÿ, ñ, 😀"
    assert sans_accents(texte) == "Eleve, cœur, facade, Y, n, 😀"
    assert len(sans_accents(texte)) == len(texte)


# ---------------------------------------------------------------------------------------------------
# Highlighting
# ---------------------------------------------------------------------------------------------------


def test_it_escapes_the_text_and_adds_only_mark():
    html = surligner(f"<script>alert('x')</script> la {DEBUT}médiation{FIN} & co")

    assert html == "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; la <mark>médiation</mark> &amp; co"


def test_it_balances_marks_whatever_the_text_contains():
    assert surligner(f"{FIN}a {DEBUT}b {DEBUT}c") == "a <mark>b c</mark>"
    assert surligner(f"{DEBUT}a{SEPARATEUR}b") == "<mark>a</mark> … b"
    assert surligner(None) == ""


# ---------------------------------------------------------------------------------------------------
# Searching
# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texte,attendu",
    [
        ("mediation", "Médiation numérique à l'École"),
        ("MÉDIATION", "Médiation numérique à l'École"),
        ("ecole", "Médiation numérique à l'École"),
        ("l'école", "Médiation numérique à l'École"),
        ("aines", "Ateliers numériques pour les aînés"),
    ],
)
def test_it_ignores_accents_and_case(donnees, texte, attendu):
    assert attendu in titres(rechercher(texte))


@postgresql_seulement
def test_postgresql_stems_french_words(donnees):
    assert "Médiation numérique à l'École" in titres(rechercher("numériques"))
    assert "Médiation numérique à l'École" in titres(rechercher("accompagnée"))


@postgresql_seulement
def test_postgresql_keeps_words_of_two_letters_whole(donnees):
    # A prefix of two letters would match most fiches: "nu" is searched as a word (SQLite takes it as a prefix).
    assert rechercher("nu").total == 0
    assert rechercher("num").total == 2


def test_it_matches_every_word_as_a_prefix(donnees):
    assert "Médiation numérique à l'École" in titres(rechercher("numeri"))
    assert "Médiation numérique à l'École" in titres(rechercher("accompagn"))
    assert titres(rechercher("débrouill")) == ["Médiation numérique à l'École"]
    assert set(titres(rechercher("ateli tabl"))) == {"Ateliers numériques pour les aînés"}


@pytest.fixture
def bibliotheque(donnees):
    fiches = [
        creer_fiche(donnees["dijon"], "Bibliothèque numérique", synthese="Des livres à lire en ligne."),
        creer_fiche(donnees["dijon"], "Sentier d'écologie", synthese="La nature en ville."),
    ]
    indexer([fiche.pk for fiche in fiches])
    return fiches


def test_a_prefix_finds_a_longer_word_and_is_highlighted(bibliotheque):
    resultats = rechercher("biblio")

    assert titres(resultats) == ["Bibliothèque numérique"]
    assert resultats.titres[bibliotheque[0].pk] == "<mark>Bibliothèque</mark> numérique"


def test_a_word_never_finds_a_word_that_only_shares_its_stem_prefix(bibliotheque):
    # "école" stems to "ecol" on PostgreSQL, a prefix of "écologie" (stemmed "ecolog"): never a match.
    assert "Sentier d'écologie" not in titres(rechercher("ecole"))
    assert "Sentier d'écologie" not in titres(rechercher("écoles"))
    assert titres(rechercher("écolo")) == ["Sentier d'écologie"]


def test_a_phrase_is_exact_but_for_its_last_word_and_exclusions_are_prefixes(donnees):
    assert titres(rechercher('"tablette prêt"')) == ["Ateliers numériques pour les aînés"]
    assert rechercher('"tabl prêtée"').total == 0
    assert titres(rechercher("ateliers -tabl")) == ["Médiation numérique à l'École"]


def test_it_never_finds_a_fiche_that_is_not_published(donnees):
    trouves = titres(rechercher("médiation"))

    assert "Brouillon secret sur la médiation" not in trouves
    assert "Médiation en attente" not in trouves
    assert rechercher("secret").total == 0


def test_it_searches_every_field_the_collectivite_and_the_taxonomy(donnees):
    assert titres(rechercher("Débrouillards")) == ["Médiation numérique à l'École"]
    assert titres(rechercher("tablettes libres")) == ["Ateliers numériques pour les aînés"]
    assert set(titres(rechercher("Rochelle"))) == {"Ateliers numériques pour les aînés"}
    # A service's name, then an enjeu's name.
    assert titres(rechercher("conseillers")) == ["Médiation numérique à l'École"]
    assert set(titres(rechercher("démocratie locale"))) == {"Budget participatif", "Open data métropolitain"}


def test_it_ranks_a_match_in_the_title_first(donnees):
    # "Médiation" is in a title and in the body of the aînés' fiche.
    resultats = rechercher("médiation")

    assert titres(resultats)[0] == "Médiation numérique à l'École"
    assert resultats.total == 2


def test_it_requires_every_word_and_understands_phrases_exclusions_and_alternatives(donnees):
    assert titres(rechercher("ateliers écoles")) == ["Médiation numérique à l'École"]
    assert titres(rechercher('"tablette prêtée"')) == ["Ateliers numériques pour les aînés"]
    assert rechercher('"prêtée tablette"').total == 0
    assert titres(rechercher("ateliers -tablette")) == ["Médiation numérique à l'École"]
    assert set(titres(rechercher("budget OU portail"))) == {"Budget participatif", "Open data métropolitain"}


def test_it_sorts_by_date_newest_first(donnees):
    resultats = rechercher("numériques", tri="date")

    assert titres(resultats) == ["Ateliers numériques pour les aînés", "Médiation numérique à l'École"]


def test_an_empty_query_lists_the_published_fiches_newest_first(donnees):
    resultats = rechercher("")

    assert resultats.total == 4
    assert titres(resultats) == [
        "Budget participatif",
        "Ateliers numériques pour les aînés",
        "Médiation numérique à l'École",
        "Open data métropolitain",
    ]
    assert resultats.extraits == {}


def test_it_searches_among_a_queryset(donnees):
    resultats = rechercher("numériques", parmi=FicheAction.objects.filter(collectivite=donnees["la_rochelle"]))

    assert titres(resultats) == ["Ateliers numériques pour les aînés"]
    assert rechercher("", parmi=FicheAction.objects.filter(collectivite=donnees["metropole"])).total == 1


@pytest.mark.parametrize("tri", ["pertinence", "date"])
def test_it_searches_among_collectivites(donnees, tri):
    rochelle = Collectivite.objects.filter(pk=donnees["la_rochelle"].pk).values("pk")
    parmi = FicheAction.objects.filter(titre__startswith="Ateliers")

    assert titres(rechercher("numériques", collectivites=rochelle, tri=tri)) == ["Ateliers numériques pour les aînés"]
    assert titres(rechercher("numériques", collectivites=rochelle, parmi=parmi, tri=tri)) == [
        "Ateliers numériques pour les aînés"
    ]
    assert rechercher("écoles", collectivites=rochelle, tri=tri).total == 0
    assert rechercher("", collectivites=rochelle).total == 1


def test_it_highlights_the_title_and_a_snippet_with_the_original_accents(donnees):
    resultats = rechercher("ecoles mediation")
    fiche = donnees["mediation"].pk

    assert "<mark>Médiation</mark>" in resultats.titres[fiche]
    assert "<mark>écoles</mark>" in resultats.extraits[fiche]


def test_it_escapes_the_fiche_text_in_snippets(donnees):
    piege = creer_fiche(
        donnees["dijon"],
        "<img src=x onerror=alert(1)> Piège",
        synthese="<script>alert('piège')</script> Un atelier de médiation.",
    )
    indexer([piege.pk])

    resultats = rechercher("piège")

    assert resultats.ids == [piege.pk]
    # The snippet skips the tags of the text (it is a passage, not HTML), the rest is escaped.
    assert "<script" not in resultats.extraits[piege.pk]
    assert "script" not in resultats.extraits[piege.pk]
    assert "alert(&#x27;<mark>piège</mark>&#x27;)" in resultats.extraits[piege.pk]
    assert resultats.titres[piege.pk].startswith("&lt;img src=x onerror=alert(1)&gt; <mark>Piège</mark>")


def test_it_pages_the_results(donnees):
    ajouter_fiches(donnees["dijon"], 25, titre="Atelier vidéo")

    premiere = rechercher("vidéo", tri="date")
    deuxieme = rechercher("vidéo", tri="date", page=2)

    assert (premiere.total, premiere.nombre_de_pages, len(premiere.ids), len(deuxieme.ids)) == (25, 2, 20, 5)
    assert set(premiere.ids).isdisjoint(deuxieme.ids)
    assert titres(deuxieme)[-1] == "Atelier vidéo 1"


@pytest.mark.parametrize("page,attendue", [("abc", 1), (0, 1), (-3, 1), (99, 2), ("2", 2), (None, 1)])
def test_it_keeps_the_page_number_within_the_results(donnees, page, attendue):
    ajouter_fiches(donnees["dijon"], 25, titre="Atelier vidéo")

    assert rechercher("vidéo", page=page).page == attendue
    assert rechercher("", page=page).page == attendue


def test_it_runs_one_to_three_queries(donnees, django_assert_num_queries):
    ajouter_fiches(donnees["dijon"], 25, titre="Atelier vidéo")
    # PostgreSQL: one statement, the page with its total (one reading of the matches) and its text. SQLite
    # counts apart (doclists only, so that the page may be ranked by bm25() with SQLite's top-k sorter): count,
    # page with its text. The snippets are made from that text, without a query.
    sqlite = connection.vendor == "sqlite"
    with django_assert_num_queries(2 if sqlite else 1):
        rechercher("vidéo")
    with django_assert_num_queries(2 if sqlite else 1):
        rechercher("vidéo", tri="date")
    # Past the last page: PostgreSQL reads the empty page, then counts and reads the last page; SQLite counts
    # first, then reads the last page.
    with django_assert_num_queries(2 if sqlite else 3):
        assert rechercher("vidéo", page=9).page == 2
    # With filters, SQLite too reads the matches once (the filters' list is built once): one statement.
    parmi = FicheAction.objects.filter(collectivite=donnees["dijon"])
    for tri in ["pertinence", "date"]:
        with django_assert_num_queries(1):
            resultats = rechercher("vidéo", parmi=parmi, tri=tri)
        assert (resultats.total, len(resultats.ids)) == (25, 20)
    with django_assert_num_queries(3):
        assert rechercher("vidéo", parmi=parmi, page=9).page == 2
    # Without text: count, page.
    with django_assert_num_queries(2):
        rechercher("")


def test_correspondances_gives_a_filter_for_other_queries(donnees):
    assert correspondances("") is None
    fiches = FicheAction.objects.filter(correspondances("ateliers"))

    assert set(fiches.values_list("titre", flat=True)) == {
        "Médiation numérique à l'École",
        "Ateliers numériques pour les aînés",
    }


# ---------------------------------------------------------------------------------------------------
# Keeping the index in step
# ---------------------------------------------------------------------------------------------------


def test_indexer_removes_a_fiche_that_is_no_longer_published(donnees):
    fiche = donnees["budget"]
    fiche.etat = EtatFiche.A_MODIFIER
    fiche.save()

    indexer([fiche.pk])

    assert rechercher("votent").total == 0


def test_indexer_adds_a_newly_published_fiche_and_sees_its_changes(donnees):
    fiche = donnees["brouillon"]
    fiche.etat = EtatFiche.PUBLIEE
    fiche.titre = "Tiers-lieu numérique"
    fiche.synthese = "Un lieu ouvert à tous."
    fiche.save()
    fiche.services.set([donnees["budget_participatif"]])

    indexer([fiche.pk])

    assert titres(rechercher("tiers-lieu")) == ["Tiers-lieu numérique"]
    assert fiche.pk in rechercher("participatif").ids
    assert rechercher("secret").total == 0


def test_indexer_forgets_a_deleted_fiche(donnees):
    fiche_id = donnees["opendata"].pk
    donnees["opendata"].delete()

    indexer([fiche_id])

    assert rechercher("portail").total == 0


def test_indexer_accepts_many_ids(donnees):
    indexer(list(range(1, 1200)) + [donnees["budget"].pk])

    assert rechercher("votent").total == 1


def test_reindexer_tout_rebuilds_the_index_from_the_published_fiches(donnees):
    FicheAction.objects.filter(pk=donnees["budget"].pk).update(titre="Vote citoyen")
    FicheAction.objects.filter(pk=donnees["brouillon"].pk).update(etat=EtatFiche.PUBLIEE)
    donnees["dijon"].nom = "Ville de Dijon"
    donnees["dijon"].save()
    assert rechercher("citoyen").total == 0

    reindexer_tout()

    assert titres(rechercher("vote citoyen")) == ["Vote citoyen"]
    assert rechercher("secret").total == 1
    assert rechercher("ville").total == 3


def test_the_command_rebuilds_the_index(donnees):
    FicheAction.objects.filter(pk=donnees["budget"].pk).update(titre="Vote citoyen")
    sortie = io.StringIO()

    call_command("reindexer_recherche", stdout=sortie)

    assert titres(rechercher("citoyen")) == ["Vote citoyen"]
    assert sortie.getvalue().startswith("4 fiches publiées indexées en ")


# ---------------------------------------------------------------------------------------------------
# Any input gives a page
# ---------------------------------------------------------------------------------------------------

ENTREES_PIEGES = [
    "l'école \"médiation",
    "(école OR collège) AND NOT vélo",
    'NEAR("a" "b", 3)',
    "col:école",
    "^école",
    "école*",
    "* ** ***",
    "'; DROP TABLE fiches_ficheaction; --",
    "!&|<->:*",
    "école <-> collège",
    "\\x00\x00",
    "😀 médiation 🎉",
    "ß ǅ ﬁ İ",
    "é" * 10_000,
    "-" * 5000,
    '"' * 999,
]


@pytest.mark.parametrize("texte", ENTREES_PIEGES)
def test_it_never_raises_on_tricky_input(donnees, texte):
    for tri in ("pertinence", "date"):
        resultats = rechercher(texte, tri=tri)
        assert resultats.total >= 0
    q = correspondances(texte)
    if q is not None:
        assert FicheAction.objects.filter(q).count() == resultats.total


@given(texte=st.text(max_size=300))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_text_never_raises(donnees, texte):
    resultats = rechercher(texte)
    assert len(resultats.ids) == min(resultats.total, 20)
    q = correspondances(texte)
    if q is not None:
        assert FicheAction.objects.filter(q).count() == resultats.total


@given(texte=st.text(alphabet=st.sampled_from(list("\"'()*:-^!&|<>+~ ANDORNEAR éa0")), max_size=60))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_operator_soup_never_raises(donnees, texte):
    assert rechercher(texte, tri="date").total >= 0

"""Highlighted titles and snippets (fiches/extraits.py), the same for both engines."""

from ..extraits import EXTRAIT_MOTS, Surligneur, racine
from ..search import analyser


def surligneur(texte, **options):
    return Surligneur(analyser(texte), **options)


def test_it_marks_the_words_that_begin_with_a_word_of_the_query_keeping_their_accents():
    html = surligneur("ecole mediat").titre("Médiation numérique à l'École des Écoles")

    assert html == "<mark>Médiation</mark> numérique à l&#x27;<mark>École</mark> des <mark>Écoles</mark>"


def test_on_postgresql_short_words_are_whole_and_stems_match():
    postgresql = surligneur("numériques el", prefixe_min=3, racines=True)

    # "numériques" and "numérique" share their French stem; "el" is not a prefix of "élus".
    assert postgresql.titre("Le numérique pour les élus") == "Le <mark>numérique</mark> pour les élus"
    assert racine("numeriques") == racine("numerique")
    # A stem is not a prefix: "ecole" does not mark "écologie".
    assert surligneur("ecole", prefixe_min=3, racines=True).titre("Écologie et école") == (
        "Écologie et <mark>école</mark>"
    )


def test_stop_words_are_never_marked():
    assert surligneur("la médiation").titre("La médiation") == "La <mark>médiation</mark>"


def test_the_snippet_is_the_passage_with_the_most_matches():
    debut = " ".join(f"mot{rang}" for rang in range(100))
    texte = f"{debut} puis un atelier de médiation numérique pour les aînés, et la fin {debut}"

    html = surligneur("médiation aînés").extrait(texte)

    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>médiation</mark>" in html and "<mark>aînés</mark>" in html
    assert "atelier" in html  # a few words of context before the first match
    assert len(html.replace("<mark>", "").replace("</mark>", "").split()) <= EXTRAIT_MOTS + 2


def test_without_a_match_in_the_body_the_snippet_is_its_beginning():
    texte = " ".join(f"mot{rang}" for rang in range(50))

    assert surligneur("budget").extrait(texte) == " ".join(f"mot{rang}" for rang in range(EXTRAIT_MOTS)) + " …"
    assert surligneur("budget").extrait("Court.") == "Court."
    assert surligneur("budget").extrait("") == ""


def test_tags_are_skipped_and_text_is_escaped():
    html = surligneur("atelier").extrait('<p class="atelier">Un <b>atelier</b> & des <i>idées</i></p>')

    assert html == "Un <mark>atelier</mark> &amp; des idées"

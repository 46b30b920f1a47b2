"""Highlighted titles and snippets of a page of search results, built here from the fiches' own text.

The same for both engines, and cheaper than asking the database: FTS5's highlight()/snippet() walk the
doclists of the query a second time, PostgreSQL's ts_headline() parses the whole text of every fiche of the
page (at 15,000 fiches it cost more than the search itself). Here, only the words of the page's 20 fiches are
read, once.

A word of the text is marked when, without its accents and in lowercase, it begins with a word of the query
(the prefixes of both engines: every word on SQLite, words of PREFIXE_MIN letters or more on PostgreSQL), or,
on PostgreSQL, when it has the same French stem (Snowball, the algorithm of PostgreSQL's 'french'
configuration: "numériques" marks "numérique"). Phrases are not checked word by word: each of their words is
marked wherever it is, like the engines' own headlines did.

The snippet is the passage of EXTRAIT_MOTS words of the body (sous-titre, synthèse, réalisation, résultats,
recommandations, outils, partenaires) holding the most marked words, the first such one; without any (a fiche
found by its title or its context), its first words. HTML tags in the text are skipped; the result is escaped
text in which only <mark> is added (search.surligner()).
"""

import functools
import re

import snowballstemmer

from .search import DEBUT, FIN, MOTS_VIDES, sans_accents, surligner

EXTRAIT_MOTS = 28
_BALISE = re.compile(r"<[^<>]{0,80}>")
_MOT = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=4096)
def racine(mot):
    """The French stem of a word (lowercase, without accents), as PostgreSQL's 'french' configuration gives it."""
    return _stemmer().stemWord(mot)


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("french")


class Surligneur:
    """Which words of a text answer a query (search.Requete)."""

    def __init__(self, requete, *, prefixe_min=1, racines=False):
        mots = {mot for mot in requete.mots() if mot not in MOTS_VIDES}
        self.prefixes = tuple(sorted(mot for mot in mots if len(mot) >= prefixe_min))
        self.entiers = frozenset(mots)
        self.racines = frozenset(racine(mot) for mot in mots) if racines else frozenset()
        self._memo = {}

    def marque(self, mot):
        """Whether a word of the text (as written) is marked."""
        cle = sans_accents(mot).lower()
        if cle not in self._memo:
            self._memo[cle] = (
                cle in self.entiers
                or cle.startswith(self.prefixes)
                or bool(self.racines and cle[:3] in {r[:3] for r in self.racines} and racine(cle) in self.racines)
            )
        return self._memo[cle]

    def _mots(self, texte):
        """(start, end, marked) of the words of `texte`, whose tags are blanked (same length)."""
        texte = _BALISE.sub(lambda balise: " " * len(balise.group()), texte)
        return [(m.start(), m.end(), self.marque(m.group())) for m in _MOT.finditer(texte)]

    def titre(self, titre):
        """The whole title, its matching words marked (safe HTML)."""
        return surligner(self._marquer(titre, self._mots(titre)))

    def extrait(self, texte):
        """The passage of the body with the most matching words, marked (safe HTML)."""
        mots = self._mots(texte)
        if not mots:
            return surligner("")
        debut = _meilleure_fenetre([marque for _, _, marque in mots], EXTRAIT_MOTS)
        fenetre = mots[debut : debut + EXTRAIT_MOTS]
        # From the start of the text when the passage begins it, to its end when it ends it (punctuation kept).
        origine = 0 if debut == 0 else fenetre[0][0]
        fin = len(texte) if debut + EXTRAIT_MOTS >= len(mots) else fenetre[-1][1]
        passage = self._marquer(texte[origine:fin], [(d - origine, f - origine, m) for d, f, m in fenetre])
        avant = "… " if debut > 0 else ""
        apres = " …" if debut + EXTRAIT_MOTS < len(mots) else ""
        return surligner(avant + _BALISE.sub(" ", passage) + apres)

    @staticmethod
    def _marquer(texte, mots):
        morceaux, position = [], 0
        for debut, fin, marque in mots:
            if marque:
                morceaux += [texte[position:debut], DEBUT, texte[debut:fin], FIN]
                position = fin
        morceaux.append(texte[position:])
        return "".join(morceaux)


def _meilleure_fenetre(marques, largeur):
    """Index of the first word of the window of `largeur` words holding the most marked words (the first one)."""
    if len(marques) <= largeur:
        return 0
    somme = sum(marques[:largeur])
    meilleure, debut = somme, 0
    for rang in range(largeur, len(marques)):
        somme += marques[rang] - marques[rang - largeur]
        if somme > meilleure:
            meilleure, debut = somme, rang - largeur + 1
    if meilleure == 0:
        return 0
    # A few words of context before the first marked word: moving right past unmarked words loses no mark.
    premier = next(rang for rang in range(debut, debut + largeur) if marques[rang])
    return min(max(debut, premier - 4), len(marques) - largeur)

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

from .search import ACCENTS, DEBUT, FIN, MOTS_VIDES, sans_accents, surligner

EXTRAIT_MOTS = 28
_BALISE = re.compile(r"<[^<>]{0,80}>")
_MOT = re.compile(r"[^\W_]+")
# Characters looked at around the densest run of matches: enough for EXTRAIT_MOTS words.
_PORTEE = EXTRAIT_MOTS * 12
_CONTEXTE = 4  # words shown before the first match of the passage


@functools.lru_cache(maxsize=4096)
def racine(mot):
    """The French stem of a word (lowercase, without accents), as PostgreSQL's 'french' configuration gives it."""
    return _stemmer().stemWord(mot)


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("french")


# Each letter and its accented forms, in both cases ("e" → "eéèêëEÉÈÊË…"): the expression finds the words of the
# query in the original text, accents and all, without a copy of it stripped of its accents.
_FORMES = {}
for _accentuee, _base in ACCENTS.items():
    _FORMES.setdefault(_base.lower(), set()).update({_accentuee, _accentuee.lower(), _accentuee.upper()})


def _motif_du_mot(mot):
    return "".join(
        f"[{re.escape(lettre)}{''.join(sorted(_FORMES[lettre]))}]" if lettre in _FORMES else re.escape(lettre)
        for lettre in mot
    )


def _sans_balises(texte):
    """The text with its tags blanked, every character at its place."""
    return _BALISE.sub(lambda balise: " " * len(balise.group()), texte)


class Surligneur:
    """Which words of a text answer a query (search.Requete). The words are found by one regular expression in
    the original text (each letter with its accented forms): only the page's matches cost Python work."""

    def __init__(self, requete, *, prefixe_min=1, racines=False):
        mots = sorted({mot for mot in requete.mots() if mot not in MOTS_VIDES}, key=len, reverse=True)
        prefixes = [_motif_du_mot(mot) for mot in mots if len(mot) >= prefixe_min]
        entiers = [_motif_du_mot(mot) for mot in mots if len(mot) < prefixe_min]
        self.racines = {racine(mot) for mot in mots} if racines else set()
        choix = []
        if prefixes:
            choix.append(f"(?P<prefixe>{'|'.join(prefixes)})[^\\W_]*")
        if entiers:
            choix.append(f"(?:{'|'.join(entiers)})(?![^\\W_])")
        if self.racines:
            # A word that begins with a stem of the query is checked: does it have that stem?
            choix.append(
                f"(?P<racine>{'|'.join(map(_motif_du_mot, sorted(self.racines, key=len, reverse=True)))})[^\\W_]*"
            )
        self.motif = re.compile(f"(?<![^\\W_])(?:{'|'.join(choix)})", re.IGNORECASE) if choix else None

    def _trouves(self, texte):
        """(start, end) of the matching words of `texte` (tags blanked)."""
        if self.motif is None:
            return []
        trouves = []
        for trouve in self.motif.finditer(texte):
            if trouve.lastgroup == "racine" and racine(sans_accents(trouve.group()).lower()) not in self.racines:
                continue
            trouves.append(trouve.span())
        return trouves

    def titre(self, titre):
        """The whole title, its matching words marked (safe HTML)."""
        return surligner(_marquer(titre, self._trouves(_sans_balises(titre)), 0, len(titre)))

    def extrait(self, texte):
        """The passage of about EXTRAIT_MOTS words of the body with the most matching words, marked (safe HTML)."""
        texte = _sans_balises(texte)
        trouves = self._trouves(texte)
        debut = 0
        if trouves:
            # The first match followed by the most matches within reach.
            meilleur, rang_meilleur, fin_de_portee = 0, 0, 0
            for rang, (position, _) in enumerate(trouves):
                while fin_de_portee < len(trouves) and trouves[fin_de_portee][0] < position + _PORTEE:
                    fin_de_portee += 1
                if fin_de_portee - rang > meilleur:
                    meilleur, rang_meilleur = fin_de_portee - rang, rang
            position = trouves[rang_meilleur][0]
            avant = [mot.start() for mot in _MOT.finditer(texte, max(0, position - _PORTEE), position)]
            debut = avant[-_CONTEXTE] if len(avant) >= _CONTEXTE else (avant[0] if avant else position)
            if len(avant) < _CONTEXTE and not _MOT.search(texte, 0, debut):
                debut = 0
        mots = _MOT.finditer(texte, debut, min(len(texte), debut + _PORTEE * 3))
        fins = [mot.end() for _, mot in zip(range(EXTRAIT_MOTS + 1), mots, strict=False)]
        coupe = len(fins) > EXTRAIT_MOTS or (fins and _MOT.search(texte, fins[-1]))
        fin = fins[EXTRAIT_MOTS - 1] if len(fins) > EXTRAIT_MOTS else (fins[-1] if coupe else len(texte))
        passage = _marquer(texte, trouves, debut, fin)
        return surligner(("… " if debut > 0 else "") + passage + (" …" if coupe else ""))


def _marquer(texte, trouves, debut, fin):
    """texte[debut:fin] with DEBUT/FIN around the matches it holds."""
    morceaux, position = [], debut
    for depart, arrivee in trouves:
        if depart >= debut and arrivee <= fin:
            morceaux += [texte[position:depart], DEBUT, texte[depart:arrivee], FIN]
            position = arrivee
    morceaux.append(texte[position:fin])
    return "".join(morceaux)

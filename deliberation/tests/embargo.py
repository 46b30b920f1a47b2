"""The walk of every URL of the project, for the embargo test (test_embargo.py).

`routes()` discovers the routes from the URL resolver (django.urls.get_resolver()), with their namespaced name and
the names of their parameters; `adresses()` fills the parameters with every value of the test data that fits
(years, collectivité codes, object ids, formats…) and keeps what `reverse()` accepts; `parcourir()` GETs each address
(bare, and with a query string naming the embargoed year) as one client and returns {address: (status, body)}.

Nothing here knows the project's pages: a page added tomorrow is walked tomorrow. The only routes left out are
listed in SANS_PARCOURS, each with its reason.
"""

import hashlib
import itertools
import re
from dataclasses import dataclass

from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse

# Routes not walked (by the start of their path), with the reason. Keep it short: every other route is walked as anonymous, as a member of a
# candidate collectivité and as an expert not on the jury.
SANS_PARCOURS = {
    "admin/": "l'administration : réservée à l'équipe (connexion d'équipe exigée, testée par Django)",
}
# Query string added to each address that answered 200 or 400 (a parameter missing): an unpublished year wherever a
# page reads one from its parameters, and the whole world for the map's data.
REQUETE = (
    "?edition={annee}&annee={annee}&a={annee}&de={precedente}&nouvelle={annee}&arobases={arobases}&bbox=-180,-90,180,90"
)
# Bodies read as text (for the markers, and compared between the two walks).
TEXTE = (
    "text/",
    "application/json",
    "application/javascript",
    "application/xml",
    "application/rss",
    "application/atom",
)


@dataclass(frozen=True)
class Route:
    nom: str  # "namespace:name"
    parametres: tuple  # names of the URL's parameters, outermost first
    gabarit: str  # the pattern as written


def routes(resolver=None, espace=None, parametres=(), prefixe=""):
    """Every named route of the project (URL resolvers walked recursively)."""
    resolver = resolver or get_resolver()
    for motif in resolver.url_patterns:
        noms = tuple(motif.pattern.regex.groupindex)
        if isinstance(motif, URLResolver):
            sous_espace = ":".join(filter(None, [espace, motif.namespace])) if motif.namespace else espace
            yield from routes(motif, sous_espace, parametres + noms, prefixe + str(motif.pattern))
        else:
            nom = f"{espace}:{motif.name}" if espace and motif.name else motif.name
            yield Route(nom=nom, parametres=parametres + noms, gabarit=prefixe + str(motif.pattern))


def a_parcourir(route):
    return not route.gabarit.lstrip("^").startswith(tuple(SANS_PARCOURS))


def adresses(route, valeurs, *, defaut=("x",)):
    """The addresses of `route` with every combination of the values of its parameters that reverse() accepts."""
    if not route.parametres:
        return [reverse(route.nom)]
    choix = [valeurs.get(nom, defaut) for nom in route.parametres]
    trouvees = []
    for combinaison in itertools.product(*choix):
        try:
            trouvees.append(reverse(route.nom, kwargs=dict(zip(route.parametres, combinaison, strict=True))))
        except NoReverseMatch:
            continue
    return sorted(set(trouvees))


def est_texte(reponse):
    type_ = reponse.get("Content-Type", "")
    return type_.startswith(TEXTE) or "calendar" in type_ or "csv" in type_


def contenu(reponse):
    if getattr(reponse, "streaming", False):
        return b"".join(reponse.streaming_content)
    return reponse.content


def corps(reponse):
    return contenu(reponse).decode("utf-8", errors="replace")


# What changes from one request to the next without telling anything: CSRF tokens, ICS stamps, one-time secrets.
VARIABLE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken" value=""'),
    (re.compile(r'"csrfToken": "[^"]*"|data-csrf="[^"]*"'), ""),
    (re.compile(r"^DTSTAMP:.*$", re.MULTILINE), "DTSTAMP:"),
]


def normaliser(texte):
    for motif, remplacement in VARIABLE:
        texte = motif.sub(remplacement, texte)
    return texte


# A PDF tells its creation time and a random identifier: left out of the comparison (its text is compressed: it is
# compared as bytes, the markers cannot be read in it).
VARIABLE_PDF = re.compile(rb"/(CreationDate|ModDate) \([^)]*\)|/ID \[[^\]]*\]")


def empreinte(reponse):
    """A non-text body, comparable between two walks."""
    return hashlib.sha256(VARIABLE_PDF.sub(b"", contenu(reponse))).hexdigest()


def parcourir(client, liste):
    """GET each address of `liste` as `client`: {address: (status, normalised text body, or a hash of another)}."""
    vues = {}
    for adresse in liste:
        reponse = client.get(adresse)
        vues[adresse] = (reponse.status_code, normaliser(corps(reponse)) if est_texte(reponse) else empreinte(reponse))
    return vues

"""Find the collectivité a person wants to join: by name, postcode, INSEE code or SIREN.

The whole référentiel is searched, not only the collectivités already known to the label: a village that
never took part is found too (its `label.Collectivite` is created when someone asks to join it).

Names are compared without case, accents, hyphens or apostrophes, and « St » is « Saint », by turning the
normalised words of the query (`territoires.resolution.mots`) into an accent-tolerant regular expression
that both SQLite and PostgreSQL run. The pattern is built from letters and digits only: whatever is typed,
it is a valid expression.
"""

import re
from dataclasses import dataclass, field

from label.enums import Categorie
from label.models import Collectivite, Edition
from territoires.enums import TypeCommune
from territoires.models import Commune, Epci
from territoires.resolution import cle, mots, remettre_article

from .models import CodePostal

LIMITE = 20
LONGUEUR_MIN = 2

COMMUNE = "commune"
INTERCOMMUNALITE = "intercommunalite"
SYNDICAT = "syndicat"

# Every form a letter may take in a French place name (both cases: PostgreSQL's case folding of accented
# letters depends on the server's locale).
_VARIANTES = {
    "a": "aàâäAÀÂÄ",
    "c": "cçCÇ",
    "e": "eéèêëEÉÈÊË",
    "i": "iîïIÎÏ",
    "o": "oôöOÔÖ",
    "u": "uùûüUÙÛÜ",
    "y": "yÿYŸ",
}
_SEPARATEUR = "[ '’-]+"
_CODE_INSEE = re.compile(r"^(\d{5}|2[AaBb]\d{3})$")
_CODE_POSTAL = re.compile(r"^\d{5}$")
_SIREN = re.compile(r"^\d{9}$")


def _lettre(lettre):
    variantes = _VARIANTES.get(lettre)
    return f"[{variantes}]" if variantes else lettre


def motif_nom(texte):
    """« st-etienne » → an expression matching « Saint-Étienne », « SAINT ETIENNE »…; "" if nothing to search."""
    parties = []
    for mot in mots(remettre_article(texte)):
        # « oe » may be written « œ » (Cœuvres-et-Valsery).
        morceaux = [("".join(_lettre(c) for c in morceau)) for morceau in mot.split("oe")]
        parties.append("(?:[oO][eEéÉèÈêÊëË]|[œŒ])".join(morceaux))
    return _SEPARATEUR.join(parties)


@dataclass
class Resultat:
    """One collectivité that can be joined (existing in the label or not yet)."""

    code: str  # INSEE code of a commune, SIREN of an EPCI, code of a syndicat: the future Collectivite.code
    nom: str
    genre: str  # COMMUNE, INTERCOMMUNALITE or SYNDICAT
    precision: str = ""  # département, postcodes, a commune déléguée's old name…
    population: int = 0
    collectivite: Collectivite | None = None
    commune: Commune | None = None
    epci: Epci | None = None
    codes_postaux: list = field(default_factory=list)

    @property
    def genre_lisible(self):
        return {COMMUNE: "Commune", INTERCOMMUNALITE: "Intercommunalité", SYNDICAT: "Syndicat"}[self.genre]


def _de_commune(commune, precision=""):
    departement = commune.departement.nom if commune.departement_id else ""
    details = ", ".join(p for p in (departement, precision) if p)
    return Resultat(
        code=commune.code_insee,
        nom=commune.nom,
        genre=COMMUNE,
        precision=details,
        population=commune.population or 0,
        commune=commune,
    )


def _de_epci(epci):
    return Resultat(
        code=epci.siren,
        nom=epci.nom,
        genre=INTERCOMMUNALITE,
        precision=epci.get_nature_display(),
        population=epci.population or 0,
        epci=epci,
    )


def _de_syndicat(collectivite):
    return Resultat(code=collectivite.code, nom=collectivite.nom, genre=SYNDICAT, collectivite=collectivite)


def _communes():
    return Commune.objects.select_related("departement", "commune_parent__departement")


def _actuelle(commune):
    """A commune déléguée, associée or an arrondissement leads to its current commune."""
    if commune.type != TypeCommune.COMMUNE and commune.commune_parent_id:
        return commune.commune_parent, f"ancienne commune {commune.nom}"
    return commune, ""


def rechercher(texte, limite=LIMITE):
    """The collectivités matching what was typed, the most likely first (at most `limite`)."""
    texte = (texte or "").strip()
    if len(texte) < LONGUEUR_MIN:
        return []
    resultats = {}

    def ajouter(resultat):
        resultats.setdefault(resultat.code, resultat)

    if _CODE_INSEE.match(texte) or _CODE_POSTAL.match(texte):
        code = texte.upper()
        for commune in _communes().filter(code_insee=code, type=TypeCommune.COMMUNE):
            ajouter(_de_commune(commune, "code INSEE"))
        postaux = CodePostal.objects.filter(code=texte).select_related("commune__departement")
        for code_postal in postaux.order_by("commune__nom"):
            ajouter(_de_commune(code_postal.commune, f"code postal {code_postal.code}"))
    elif _SIREN.match(texte):
        for epci in Epci.objects.filter(siren=texte):
            ajouter(_de_epci(epci))
        for collectivite in Collectivite.objects.filter(code=texte, commune=None, epci=None):
            ajouter(_de_syndicat(collectivite))
    else:
        motif = motif_nom(texte)
        if not motif:
            return []
        trouves = []
        for commune in _communes().filter(nom__iregex=motif)[: limite * 5]:
            actuelle, precision = _actuelle(commune)
            trouves.append(_de_commune(actuelle, precision))
        trouves += [_de_epci(epci) for epci in Epci.objects.filter(nom__iregex=motif)[: limite * 5]]
        trouves += [
            _de_syndicat(c)
            for c in Collectivite.objects.filter(commune=None, epci=None, nom__iregex=motif)[: limite * 5]
        ]
        recherche = cle(texte)

        def pertinence(resultat):
            cle_nom = cle(resultat.nom)
            return (cle_nom != recherche, not cle_nom.startswith(recherche), -resultat.population, resultat.nom)

        for resultat in sorted(trouves, key=pertinence):
            ajouter(resultat)

    liste = list(resultats.values())[:limite]
    _completer(liste)
    return liste


def _completer(resultats):
    """Attach the existing label.Collectivite of each result and a commune's postcodes (two queries)."""
    codes = [r.code for r in resultats]
    existantes = {c.code: c for c in Collectivite.objects.filter(code__in=codes)}
    postaux = {}
    communes = [r.commune.pk for r in resultats if r.commune]
    for commune_id, code in CodePostal.objects.filter(commune_id__in=communes).values_list("commune_id", "code"):
        postaux.setdefault(commune_id, []).append(code)
    for resultat in resultats:
        resultat.collectivite = resultat.collectivite or existantes.get(resultat.code)
        if resultat.commune:
            resultat.codes_postaux = sorted(postaux.get(resultat.commune.pk, []))


def trouver(code):
    """The joinable collectivité of this code (INSEE code, SIREN or a syndicat's code), or None."""
    code = (code or "").strip().upper()
    resultat = None
    collectivite = Collectivite.objects.select_related("commune__departement", "epci").filter(code=code).first()
    if collectivite is not None:
        if collectivite.commune_id:
            resultat = _de_commune(collectivite.commune)
        elif collectivite.epci_id:
            resultat = _de_epci(collectivite.epci)
        else:
            resultat = _de_syndicat(collectivite)
    elif _CODE_INSEE.match(code):
        commune = _communes().filter(code_insee=code, type=TypeCommune.COMMUNE).first()
        resultat = commune and _de_commune(commune)
    elif _SIREN.match(code):
        epci = Epci.objects.filter(siren=code).first()
        resultat = epci and _de_epci(epci)
    if resultat is not None:
        _completer([resultat])
    return resultat


def categorie_pour(resultat, edition=None):
    """The kind of a new collectivité: territoire for an EPCI; ville or village by the édition's threshold."""
    if resultat.genre != COMMUNE:
        return Categorie.TERRITOIRE
    edition = edition or Edition.objects.order_by("-annee").first() or Edition()
    return edition.categorie_pour_population(resultat.population)

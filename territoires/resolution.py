"""Which commune or EPCI does a name designate? Normalisation of names and a resolver on the référentiel.

Reusable by any feature that turns a typed name into a territory (the import of past palmarès, a search of
collectivités by name…). Two parts:

- `normaliser()`, `cle()`, `cle_sans_article()`, `cle_intercommunalite()`: pure functions that reduce a name
  to a comparison key: case, accents, œ/æ, hyphens and spaces, apostrophes, « St »/« Ste », an article
  written before or after (« Rochelle (La) »), the words of an intercommunality (CA, CC, CU, Métropole,
  Agglo, communauté de communes / d'agglomération / urbaine…).
- `Referentiel`: an in-memory index of the référentiel (current communes, communes déléguées and associées,
  EPCI, départements, régions), built once (`Referentiel.charger()`, three queries) and asked many times
  (`resoudre()`). It never guesses: the answer is `resolu` (one sure candidate), `ambigu` (the candidates)
  or `non_resolu`, always with a reason a person can read.

The rules, in the order they are tried (each restricted to the zone given: départements, régions):
1. the exact key of a commune (with its article), then the key without article, then the core of an EPCI
   name; a line that names an intercommunality (« CA », « Communauté de communes »…) looks only at EPCI;
2. one typo (edit distance 1, a swap of two neighbouring letters included) on names of 6 letters or more:
   resolved only when a département is given and exactly one candidate is there, ambiguous otherwise;
3. a name that exists only outside the département given is ambiguous (the département may be wrong);
4. anything else is unresolved: a foreign town is never forced onto a look-alike.

A commune déléguée or associée (the historical name of a commune now merged into a commune nouvelle)
resolves to its current commune; the candidate keeps the historical name (`Candidat.nom_historique`).
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

RESOLU = "resolu"
AMBIGU = "ambigu"
NON_RESOLU = "non_resolu"

COMMUNE = "commune"
EPCI = "epci"

TYPO_LONGUEUR_MIN = 6  # letters: below this, a typo is too likely to land on another real name

ARTICLES = {"la", "le", "les", "l"}
ABREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes", "mt": "mont"}
# Words that say the line names an intercommunality (after normalisation).
MARQUEURS_INTERCO = {
    "communaute",
    "agglomeration",
    "agglo",
    "metropole",
    "eurometropole",
    "cc",
    "ca",
    "cu",
    "cda",
    "cdc",
    "interco",
    "intercommunalite",
}
# Words dropped from an EPCI name to get its core (« Communauté d'agglomération de La Rochelle » → rochelle).
MOTS_INTERCO = MARQUEURS_INTERCO | {"communes", "urbaine"}
MOTS_VIDES = {"de", "du", "des", "d", "la", "le", "les", "l", "et"}
NATURES_DITES = {"cc": "CC", "cdc": "CC", "ca": "CA", "cda": "CA", "agglo": "CA", "agglomeration": "CA", "cu": "CU"}
# Kinds of territory that are not in the référentiel of EPCI: never forced onto an EPCI of the same place.
HORS_REFERENTIEL = {
    "syndicat": "un syndicat n'est pas dans le référentiel des EPCI : créez-le à la main avec ses communes",
    "sivom": "un syndicat n'est pas dans le référentiel des EPCI : créez-le à la main avec ses communes",
    "sivu": "un syndicat n'est pas dans le référentiel des EPCI : créez-le à la main avec ses communes",
    "petr": "un pôle d'équilibre territorial n'est pas dans le référentiel des EPCI",
    "ept": "un établissement public territorial n'est pas dans le référentiel des EPCI",
}

# Régions before the 2016 reform, as older palmarès name them → the current région that contains them.
ANCIENNES_REGIONS = {
    "alsace": "44",
    "champagne ardenne": "44",
    "lorraine": "44",
    "aquitaine": "75",
    "limousin": "75",
    "poitou charentes": "75",
    "auvergne": "84",
    "rhone alpes": "84",
    "bourgogne": "27",
    "franche comte": "27",
    "basse normandie": "28",
    "haute normandie": "28",
    "languedoc roussillon": "76",
    "midi pyrenees": "76",
    "nord pas de calais": "32",
    "picardie": "32",
    "centre": "24",
    "provence alpes cote d azur": "93",
    "paca": "93",
}

_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"}
# Before the accents go: ligatures spelled out, apostrophes and dashes made spaces (they separate words).
_AVANT_ASCII = str.maketrans(_LIGATURES | {c: " " for c in "'’‘`´ʼ′‐‑‒–—―«»\u00a0\u202f"})
_LIGATURES = str.maketrans(_LIGATURES)
_SUR = re.compile(r"(?<![a-z0-9])s/")
_MOT = re.compile(r"[a-z0-9]+")
_ARTICLE_APRES = re.compile(
    r"^(?P<nom>.*?\S)\s*(?:\(\s*(?P<a1>l['’]?|la|le|les)\s*\)|,\s*(?P<a2>l['’]|la|le|les))\s*$", re.I
)


def sans_accents(texte):
    """« Œuvre à Saint-Étienne » → « OEuvre a Saint-Etienne »."""
    if texte.isascii():
        return texte
    decompose = unicodedata.normalize("NFKD", texte.translate(_LIGATURES))
    return "".join(c for c in decompose if not unicodedata.combining(c))


def remettre_article(nom):
    """« Rochelle (La) », « Rochelle, La » → « La Rochelle »; « Abergement (L') » → « L'Abergement »."""
    trouve = _ARTICLE_APRES.match(nom.strip())
    if not trouve:
        return nom.strip()
    article = trouve.group("a1") or trouve.group("a2")
    article = article.rstrip("'’")
    if article.lower() == "l":
        return f"{article}'{trouve.group('nom')}"
    return f"{article} {trouve.group('nom')}"


def mots(texte):
    """The words of a name, lower case, without accents nor punctuation, abbreviations spelled out.

    « St-Amand-les-Eaux » → ["saint", "amand", "les", "eaux"]; « Châlons-s/-Marne » → [..., "sur", "marne"].
    """
    texte = texte.translate(_AVANT_ASCII)
    if not texte.isascii():  # accents go; a letter with no ASCII form (ø, ł…) is dropped
        texte = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode("ascii")
    texte = _SUR.sub(" sur ", texte.lower()).replace("&", " et ")
    return [ABREVIATIONS.get(mot, mot) for mot in _MOT.findall(texte)]


def normaliser(texte):
    """A readable normal form: « Rochelle (La) » → « la rochelle »; « SAINTE-MÈRE-ÉGLISE » → « sainte mere eglise »."""
    return " ".join(mots(remettre_article(texte)))


def _sans_article(liste):
    return liste[1:] if len(liste) > 1 and liste[0] in ARTICLES else liste


def cle(texte):
    """The comparison key of a name: its words glued together (spaces and hyphens do not count)."""
    return "".join(mots(remettre_article(texte)))


def cle_sans_article(texte):
    """The key without a leading article: « La Rochelle » and « Rochelle » share « rochelle »."""
    return "".join(_sans_article(mots(remettre_article(texte))))


def est_intercommunalite(texte):
    """Does the name say it is an intercommunality (CA, CC, CU, communauté…, agglo, métropole)?"""
    return not MARQUEURS_INTERCO.isdisjoint(mots(texte))


def cle_intercommunalite(texte):
    """The core of an EPCI name, without the words of its kind nor small words.

    « Communauté d'agglomération Amiens Métropole », « CA Amiens Métropole », « Amiens Métropole » → « amiens ».
    """
    return "".join(m for m in mots(remettre_article(texte)) if m not in MOTS_INTERCO and m not in MOTS_VIDES)


def nature_dite(texte):
    """The kind of EPCI a name states (CC, CA, CU), or None."""
    liste = mots(texte)
    for mot in liste:
        if mot in NATURES_DITES:
            return NATURES_DITES[mot]
    if "communaute" in liste and "communes" in liste:
        return "CC"
    if "urbaine" in liste:
        return "CU"
    return None


def une_faute(a, b):
    """True when `a` and `b` differ by exactly one edit: a letter added, removed, replaced, or two swapped."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    debut = 0
    while debut < la and a[debut] == b[debut]:
        debut += 1
    if la == lb:
        if a[debut + 1 :] == b[debut + 1 :]:
            return True  # one letter replaced
        # two neighbouring letters swapped
        return (
            debut + 1 < la
            and a[debut] == b[debut + 1]
            and a[debut + 1] == b[debut]
            and a[debut + 2 :] == b[debut + 2 :]
        )
    return a[debut:] == b[debut + 1 :]  # one letter more in b


def _lettres(cle_):
    return sum(c.isalpha() for c in cle_)


@dataclass(frozen=True)
class Candidat:
    """A territory a name may designate: a current commune (INSEE code) or an EPCI (SIREN)."""

    code: str
    nom: str
    genre: str  # COMMUNE or EPCI
    departement: str = ""  # code of the département (of the most populous member for an EPCI)
    population: int | None = None
    nom_historique: str = ""  # the commune déléguée or associée whose name matched, if any
    departements: frozenset = field(default_factory=frozenset, compare=False, repr=False)
    regions: frozenset = field(default_factory=frozenset, compare=False, repr=False)

    def dans(self, departements=None, regions=None):
        if departements and self.departements.isdisjoint(departements):
            return False
        return not (regions and self.regions.isdisjoint(regions))

    def libelle(self):
        """« Saint-Denis (93) », « Cherbourg-en-Cotentin (50), anciennement Cherbourg-Octeville »."""
        texte = f"{self.nom} ({self.departement})" if self.departement else self.nom
        if self.nom_historique:
            texte += f", anciennement {self.nom_historique}"
        return texte

    def as_dict(self):
        return {
            "code": self.code,
            "nom": self.nom,
            "genre": self.genre,
            "departement": self.departement,
            "population": self.population,
            "nom_historique": self.nom_historique,
        }


@dataclass
class Resolution:
    statut: str
    candidats: list = field(default_factory=list)
    motif: str = ""

    @property
    def candidat(self):
        """The sure answer of a resolved name, else None."""
        return self.candidats[0] if self.statut == RESOLU else None


def _unique(candidats):
    """Candidates without repeats, a current name preferred to a historical one of the same commune."""
    par_code = {}
    for candidat in candidats:
        deja = par_code.get(candidat.code)
        if deja is None or (deja.nom_historique and not candidat.nom_historique):
            par_code[candidat.code] = candidat
    return sorted(par_code.values(), key=lambda c: (-(c.population or 0), c.code))


def _liste(candidats, limite=6):
    noms = ", ".join(c.libelle() for c in candidats[:limite])
    return noms + (f" et {len(candidats) - limite} autres" if len(candidats) > limite else "")


def _zone(departements, regions):
    if departements:
        return "dans le département " + " / ".join(sorted(departements))
    if regions:
        return "dans la région " + " / ".join(sorted(regions))
    return ""


class Referentiel:
    """The référentiel in memory, indexed by the keys of names. Build it once, ask it many names.

    `communes`: (code_insee, type, nom, population, departement, parent_code_insee) rows, where type is
    COM, COMD or COMA (ARM rows are ignored) and parent_code_insee is None for a current commune;
    `epcis`: (siren, nom, nature, population, departement, departements_des_membres) rows;
    `departements`: (code, nom, region_code) rows; `regions`: (code, nom) rows.
    """

    def __init__(self, *, communes=(), epcis=(), departements=(), regions=()):
        self.regions = {code: nom for code, nom in regions}
        self.departements = {code: nom for code, nom, _ in departements}
        self.region_du_departement = {code: region for code, _, region in departements}
        self._departement_par_nom = {}
        for code, nom, _ in departements:
            self._departement_par_nom[cle_sans_article(nom)] = code
        self._region_par_nom = {cle_sans_article(nom): code for code, nom in regions}
        for nom, code in ANCIENNES_REGIONS.items():
            self._region_par_nom.setdefault(cle_sans_article(nom), code)

        self.par_code = {}
        self._exacte = defaultdict(list)  # key with its article → candidates
        self._sans_article = defaultdict(list)  # key without article → candidates
        self._interco = defaultdict(list)  # core of an EPCI name → candidates
        self._par_longueur = defaultdict(lambda: defaultdict(list))  # len → key without article → candidates
        self._interco_par_longueur = defaultdict(lambda: defaultdict(list))
        self._noms_de_collectivites = set()
        self._nature = {}  # SIREN → nature (CC, CA, CU, ME)
        self._mots = {}  # name → its words, while the index is built (many names repeat)

        lignes = [row for row in communes if row[1] in ("COM", "COMD", "COMA")]
        actuelles = {row[0]: row for row in lignes if row[1] == "COM"}
        for code, type_, nom, _population, departement, parent in lignes:
            if type_ == "COM":
                cible, nom_historique = actuelles[code], ""
            else:
                cible = actuelles.get(parent)
                if cible is None:
                    continue
                nom_historique = nom if self._mots_du_nom(nom) != self._mots_du_nom(cible[2]) else ""
            candidat = Candidat(
                code=cible[0],
                nom=cible[2],
                genre=COMMUNE,
                departement=cible[4] or "",
                population=cible[3],
                nom_historique=nom_historique,
                departements=frozenset(d for d in (departement, cible[4]) if d),
                regions=frozenset(self.region_du_departement.get(d) for d in (departement, cible[4]) if d),
            )
            if type_ == "COM":
                self.par_code[code] = candidat
            else:
                self.par_code.setdefault(code, candidat)
            self._indexer(nom, candidat)

        for siren, nom, nature, population, departement, membres in epcis:
            departements_epci = frozenset(d for d in (*membres, departement) if d)
            candidat = Candidat(
                code=siren,
                nom=nom,
                genre=EPCI,
                departement=departement or "",
                population=population,
                departements=departements_epci,
                regions=frozenset(self.region_du_departement.get(d) for d in departements_epci),
            )
            self.par_code[siren] = candidat
            self._nature[siren] = nature
            principal = re.sub(r"\([^()]*\)", " ", nom)
            cles = {cle_intercommunalite(principal), cle(principal)}
            cles |= {cle_intercommunalite(p) for p in re.findall(r"\(([^()]*)\)", nom)}
            for c in cles - {""}:
                self._interco[c].append(candidat)
                self._interco_par_longueur[len(c)][c].append(candidat)
            self._noms_de_collectivites.add(cle_sans_article(principal))
        self._mots = {}  # only needed while building

    def _indexer(self, nom, candidat):
        liste = self._mots_du_nom(nom)
        exacte, sans_article = "".join(liste), "".join(_sans_article(liste))
        self._exacte[exacte].append(candidat)
        self._sans_article[sans_article].append(candidat)
        self._par_longueur[len(sans_article)][sans_article].append(candidat)
        self._noms_de_collectivites.add(sans_article)

    def _mots_du_nom(self, nom):
        liste = self._mots.get(nom)
        if liste is None:
            liste = self._mots[nom] = mots(remettre_article(nom))
        return liste

    @classmethod
    def charger(cls):
        """Build the index from the database: three queries, about a second for the whole of France."""
        from .models import Commune, Departement, Epci, Region

        departements = list(Departement.objects.order_by().values_list("code", "nom", "region__code"))
        regions = list(Region.objects.order_by().values_list("code", "nom"))
        communes = list(
            Commune.objects.order_by()
            .exclude(type="ARM")
            .values_list("code_insee", "type", "nom", "population", "departement__code", "commune_parent__code_insee")
        )
        membres = defaultdict(set)
        rows = Commune.objects.order_by().filter(type="COM", epci__isnull=False)
        for siren, departement in rows.values_list("epci__siren", "departement__code").distinct():
            membres[siren].add(departement)
        epcis = [
            (siren, nom, nature, population, departement, frozenset(membres[siren]))
            for siren, nom, nature, population, departement in Epci.objects.order_by().values_list(
                "siren", "nom", "nature", "population", "departement__code"
            )
        ]
        return cls(communes=communes, epcis=epcis, departements=departements, regions=regions)

    # --- Départements and régions as people write them -------------------------------------------------

    def lire_departement(self, texte):
        """(codes, erreur) for a département written as a number or a name.

        « 59 » → {"59"}; « 1 » → {"01"}; « 2a » → {"2A"}; « 20 » (Corse, before 1976) → {"2A", "2B"};
        « maine et loire » → {"49"}. Not a département at all: (None, ""). A number that no département of
        the référentiel has (« 99 », « 987 »): (None, message).
        """
        brut = texte.strip().strip(".")
        if re.fullmatch(r"\d{1,3}", brut):
            code = brut.zfill(2)
            if code == "20":
                return frozenset({"2A", "2B"}), ""
            if code in self.departements:
                return frozenset({code}), ""
            return None, f"le département « {brut} » n'est pas dans le référentiel"
        if re.fullmatch(r"2[abAB]", brut):
            return frozenset({brut.upper()}), ""
        code = self._departement_par_nom.get(cle_sans_article(brut))
        if code:
            return frozenset({code}), ""
        return None, ""

    def lire_region(self, texte):
        """The code of a région written as a code, its name or a pre-2016 name (« Basse-Normandie »), or None."""
        brut = texte.strip()
        if brut in self.regions:
            return brut
        return self._region_par_nom.get(cle_sans_article(brut))

    def est_nom_de_collectivite(self, texte):
        """Is this exactly the name of a commune (current or historical) or an EPCI?"""
        return cle_sans_article(texte) in self._noms_de_collectivites

    # --- Resolution --------------------------------------------------------------------------------------

    def par_code_donne(self, code):
        """The candidate of an INSEE code (a commune déléguée's gives its current commune) or a SIREN."""
        code = code.strip().upper()
        if re.fullmatch(r"\d{4}", code):
            code = code.zfill(5)
        return self.par_code.get(code)

    def resoudre(self, nom, *, departements=None, regions=None):
        """Resolve `nom` within the zone (sets of département / région codes, or None for all France)."""
        liste = mots(remettre_article(nom))
        if not any(_lettres(m) for m in liste):
            return Resolution(NON_RESOLU, motif="aucun nom à chercher")
        for mot in liste:
            if mot in HORS_REFERENTIEL:
                return Resolution(NON_RESOLU, motif=HORS_REFERENTIEL[mot])
        if "etablissement" in liste and "public" in liste and "territorial" in liste:
            return Resolution(NON_RESOLU, motif=HORS_REFERENTIEL["ept"])

        interco = not MARQUEURS_INTERCO.isdisjoint(liste)
        coeur = cle_intercommunalite(nom)
        if interco:
            etapes = [(self._interco, coeur, "intercommunalité")]
        else:
            etapes = [
                (self._exacte, "".join(liste), "commune"),
                (self._sans_article, "".join(_sans_article(liste)), "commune"),
                (self._interco, coeur, "intercommunalité"),
            ]

        ailleurs = []
        for index, cle_, _ in etapes:
            trouves = _unique(index.get(cle_, [])) if cle_ else []
            if not trouves:
                continue
            dans_zone = [c for c in trouves if c.dans(departements, regions)]
            if interco:
                dans_zone = self._selon_nature(dans_zone, nom)
            if len(dans_zone) == 1:
                return Resolution(RESOLU, dans_zone, self._motif_historique(dans_zone[0]))
            if dans_zone:
                return Resolution(
                    AMBIGU, dans_zone, f"{len(dans_zone)} homonymes {_zone(departements, regions)}".strip()
                )
            if not ailleurs:
                ailleurs = trouves

        # One typo, on long names only.
        cle_typo = coeur if interco else "".join(_sans_article(liste))
        proches = []
        if _lettres(cle_typo) >= TYPO_LONGUEUR_MIN:
            par_longueur = self._interco_par_longueur if interco else self._par_longueur
            trouves = []
            for longueur in (len(cle_typo) - 1, len(cle_typo), len(cle_typo) + 1):
                for autre, candidats in par_longueur.get(longueur, {}).items():
                    if _lettres(autre) >= TYPO_LONGUEUR_MIN and une_faute(cle_typo, autre):
                        trouves.extend(candidats)
            proches = [c for c in _unique(trouves) if c.dans(departements, regions)]
        if proches and not ailleurs:
            if departements and len(proches) == 1:
                motif = f"faute de frappe corrigée : {proches[0].libelle()}"
                return Resolution(RESOLU, proches, motif)
            if departements:
                motif = f"noms approchés {_zone(departements, regions)} : {_liste(proches)}"
            else:
                motif = f"nom approché, sans département pour trancher : {_liste(proches)}"
            return Resolution(AMBIGU, proches, motif.strip())
        if ailleurs:
            candidats = _unique(ailleurs + proches)
            return Resolution(
                AMBIGU,
                candidats,
                f"aucune collectivité de ce nom {_zone(departements, regions)} ; ailleurs : {_liste(ailleurs)}",
            )
        quoi = "aucune intercommunalité de ce nom" if interco else "aucune commune ni intercommunalité de ce nom"
        zone = _zone(departements, regions)
        return Resolution(NON_RESOLU, motif=f"{quoi} dans le référentiel" + (f" ({zone})" if zone else ""))

    def _selon_nature(self, candidats, nom):
        """Among several EPCI, keep those of the kind the name states (CC, CA, CU), if any is left."""
        if len(candidats) < 2:
            return candidats
        nature = nature_dite(nom)
        gardes = [c for c in candidats if self._nature.get(c.code) == nature]
        return gardes or candidats

    @staticmethod
    def _motif_historique(candidat):
        if candidat.nom_historique:
            return f"ancienne commune {candidat.nom_historique}, aujourd'hui rattachée à {candidat.nom}"
        return ""

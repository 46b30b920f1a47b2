"""Import of a past palmarès: read a list (text as printed in the press, CSV or XLSX), resolve each line to a
commune or an EPCI of the référentiel, report, then import everything or nothing.

Three steps, each usable on its own (the command `import_palmares` and the staff screen chain them):

1. `lire_fichier(nom, contenu)` checks a file and turns it into text lines or table rows;
2. `analyser_texte()` / `analyser_tableau()` parse every line and resolve it with a
   `territoires.resolution.Referentiel` into a `Rapport`: one `Ligne` per input line with its status
   (`resolu`, `ambigu`, `non_resolu`, or `ignoree` for blank lines, headings and stray punctuation);
3. `importer_palmares()` writes the resolved lines in one transaction, and refuses to write anything while a
   line is ambiguous or unresolved (unless told to leave those out).

Text lines: « Saint-Amand-les-Eaux (59) @@ », « @@@@ CA Amiens Métropole (80) », « Rochelle (La) (17) 3 arobases »,
« Dijon, Côte-d'Or (4@) ». A heading « 5 @ » gives its arobases to the lines under it that have none; a heading
« Région Normandie » (a pre-2016 name is understood) or « Département du Nord » restricts the lines under it
that name no département. Mentions may follow the arobases: « Dijon (21) @@@@ mention Démocratie locale ».
Tables: a header row naming the columns (nom, département, arobases, code, mentions; see COLONNES), or, without
a header, the columns in that order.
"""

import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.utils.text import slugify

from territoires.resolution import AMBIGU, EPCI, NON_RESOLU, RESOLU, Resolution, cle_sans_article, mots

IGNOREE = "ignoree"
STATUTS = [RESOLU, AMBIGU, NON_RESOLU, IGNOREE]
LIBELLES_STATUTS = {RESOLU: "résolue", AMBIGU: "ambiguë", NON_RESOLU: "non résolue", IGNOREE: "ignorée"}

POIDS_MAX = 2 * 1024 * 1024  # bytes, for a file uploaded or pasted in the staff screen
LIGNES_MAX = 5000  # a palmarès has a few hundred lines; more is a wrong file, and would take long to resolve
EXTENSIONS = {".csv": "csv", ".txt": "texte", ".xlsx": "xlsx"}
COLONNES_RAPPORT = [
    "ligne",
    "texte",
    "nom",
    "departement",
    "arobases",
    "statut",
    "code",
    "nom_officiel",
    "candidats",
    "motif",
    "mentions",
]
# Header of a table column (its normalised key) → field.
COLONNES = {
    "nom": {"nom", "collectivite", "collectivites", "commune", "nomcollectivite", "nomdelacollectivite", "name"},
    "departement": {"departement", "departements", "dept", "dep", "dpt", "codedepartement", "numerodepartement"},
    "arobases": {"arobases", "arobase", "arobas", "nombredarobases", "nbarobases", "niveau", "@"},
    "code": {"code", "codeinsee", "insee", "siren", "codeinseeousiren", "codeinseesiren", "cog"},
    "mentions": {"mentions", "mention", "mentionsthematiques"},
}
ORDRE_SANS_ENTETE = ["nom", "departement", "arobases", "code", "mentions"]

NOMBRES = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "zero": 0}
_AROBASES = re.compile(
    r"""\(?[ \t]*(?:
          (?P<n>\d{1,4})[ \t]*(?:@(?![ \t]*@)|arr?obas(?:es?)?\b)
        | (?P<mot>une?|deux|trois|quatre|cinq|six|z[eé]ro)[ \t]+arr?obas(?:es?)?\b
        | (?P<signes>@(?:[ \t]*@)*)
        | arr?obas(?:es?)?[ \t]*:[ \t]*(?P<n2>\d{1,4})
    )[ \t]*\)?""",
    re.X | re.I,
)
_PARENTHESE = re.compile(r"\(([^()]*)\)")
_PUCE = re.compile(r"^(?:[-–—•·*>◦▪●■□➢→+]+\s*|\d{1,4}\s*[.)]\s+(?=[^\W\d_]))")
_MENTIONS = re.compile(r"^(?P<avant>.*?[^\W\d_].*?)[\s,;:–—+(-]+mentions?\b\s*:?\s*(?P<mentions>[^\W\d_].*)$", re.I)
_DEPARTEMENT_FIN = re.compile(r"^(?P<nom>.*?[^\W\d_].*?)[\s,;:–—-]+(?P<dep>\d{2,3}|2[abAB])[\s.,;:–—-]*$")
_DEPARTEMENT_NOMME_FIN = re.compile(r"^(?P<nom>.*\S)\s*(?:,|\s[-–—]\s)\s*(?P<dep>[^,()]+?)\s*$")
_TITRE_LIEU = re.compile(
    r"^(?P<quoi>r[ée]gion|d[ée]partement)\b[\s:]*(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?(?P<lieu>.*)$",
    re.I,
)
_BORDS = ' \t-–—•·*.,;:!?/\\|_=+~#"«»<>'
_ARTICLES = {"la": "La", "le": "Le", "les": "Les", "l": "L'", "l'": "L'", "l’": "L'"}
# Words of headings (« Palmarès 2012 », « Villes 5 @ », « Les territoires labellisés »): a line made only of
# them (and numbers) is a heading, unless it names a département (« Villes (01) @@ » is a commune).
MOTS_TITRES = {
    "palmares", "label", "labels", "villes", "ville", "villages", "village", "territoires", "territoire",
    "communes", "intercommunalites", "epci", "mentions", "mention", "liste", "laureats", "laureates",
    "labellises", "labellisees", "resultats", "edition", "niveau", "niveaux", "categorie", "categories",
    "national", "nationale", "internet", "arobases", "arobase", "et", "de", "des", "du", "la", "le", "les", "l",
    "en", "par", "pour", "annee", "total", "speciales", "speciale", "excellence", "numerique", "tableau", "d",
    "e", "eme", "er", "sommaire", "suite", "classement",
}  # fmt: skip


def compter(nombre, singulier, pluriel):
    """« 0 ligne », « 1 ligne », « 2 lignes »: in French, 0 and 1 take the singular."""
    return f"{nombre} {singulier if nombre <= 1 else pluriel}"


class FichierInvalide(Exception):
    """The file cannot be read; the message is for people."""


class ImportImpossible(Exception):
    """Nothing was imported; `lignes` are the lines that stop the import."""

    def __init__(self, message, lignes=()):
        super().__init__(message)
        self.lignes = list(lignes)


@dataclass
class Ligne:
    """One input line and what became of it."""

    ligne: int
    texte: str
    nom: str = ""
    departement: str = ""
    arobases: int | None = None
    statut: str = NON_RESOLU
    code: str = ""
    nom_officiel: str = ""
    candidats: list = field(default_factory=list)  # dicts of territoires.resolution.Candidat.as_dict()
    motif: str = ""
    mentions: list = field(default_factory=list)
    genre: str = ""  # commune or epci, once resolved

    @property
    def libelle_statut(self):
        return LIBELLES_STATUTS[self.statut]

    @property
    def candidats_texte(self):
        """`code:nom` pairs separated by `|`, as in the report."""
        return "|".join(f"{c['code']}:{c['nom']}" for c in self.candidats)

    def choisir(self, code):
        """Settle an ambiguous line with one of its candidates (never any other code)."""
        choisi = next((c for c in self.candidats if c["code"] == code), None)
        if self.statut != AMBIGU or choisi is None:
            raise ValueError(f"Ligne {self.ligne} : « {code} » n'est pas un de ses candidats.")
        self.statut, self.code, self.nom_officiel, self.genre = RESOLU, choisi["code"], choisi["nom"], choisi["genre"]
        self.motif = f"choisi parmi {len(self.candidats)} candidats"
        self.candidats = [choisi]

    def as_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


@dataclass
class Rapport:
    lignes: list

    def resume(self):
        """Count of lines by status, every status present (0 included), in the order of STATUTS."""
        comptes = Counter(ligne.statut for ligne in self.lignes)
        return {statut: comptes.get(statut, 0) for statut in STATUTS}

    def ignorees_par_motif(self):
        """Skipped lines by kind: ligne vide, titre, titre de région…, ponctuation."""
        return Counter(re.split(r" :| \(", ligne.motif)[0] for ligne in self.lignes if ligne.statut == IGNOREE)

    def bloquantes(self):
        return [ligne for ligne in self.lignes if ligne.statut in (AMBIGU, NON_RESOLU)]

    def resolues(self):
        return [ligne for ligne in self.lignes if ligne.statut == RESOLU]

    def ecrire_csv(self, flux):
        """The report as CSV (UTF-8 text written to `flux`), one row per input line."""
        writer = csv.writer(flux)
        writer.writerow(COLONNES_RAPPORT)
        for ligne in self.lignes:
            writer.writerow(
                [
                    ligne.ligne,
                    ligne.texte,
                    ligne.nom,
                    ligne.departement,
                    "" if ligne.arobases is None else ligne.arobases,
                    ligne.statut,
                    ligne.code,
                    ligne.nom_officiel,
                    ligne.candidats_texte,
                    ligne.motif,
                    "|".join(ligne.mentions),
                ]
            )

    def texte_resume(self):
        resume = self.resume()
        parties = [compter(resume[s], LIBELLES_STATUTS[s], LIBELLES_STATUTS[s] + "s") for s in STATUTS]
        texte = compter(len(self.lignes), "ligne", "lignes") + " : " + ", ".join(parties)
        ignorees = self.ignorees_par_motif()
        if ignorees:
            texte += " (" + ", ".join(f"{motif} : {n}" for motif, n in sorted(ignorees.items())) + ")"
        return texte


# --- Reading files -----------------------------------------------------------------------------------------


def lire_fichier(nom, contenu):
    """("texte", str) or ("tableau", rows) from an uploaded file; FichierInvalide when it cannot be read."""
    if len(contenu) > POIDS_MAX:
        raise FichierInvalide(f"Le fichier dépasse {POIDS_MAX // (1024 * 1024)} Mo.")
    extension = "." + nom.rsplit(".", 1)[-1].lower() if "." in nom else ""
    sorte = EXTENSIONS.get(extension)
    if sorte is None:
        raise FichierInvalide("Type de fichier non pris en charge : envoyez un fichier CSV, XLSX ou texte (.txt).")
    if sorte == "xlsx":
        rangees = lire_xlsx(contenu)
        verifier_nombre_de_lignes(len(rangees))
        return "tableau", rangees
    texte = decoder(contenu)
    verifier_nombre_de_lignes(texte.count("\n") + 1)
    if sorte == "csv":
        return "tableau", lire_csv(texte)
    return "texte", texte


def verifier_nombre_de_lignes(nombre):
    if nombre > LIGNES_MAX:
        raise FichierInvalide(f"La liste compte {nombre} lignes : {LIGNES_MAX} au plus.")


def decoder(contenu):
    """UTF-8 (with or without BOM), else Windows-1252 as French spreadsheets export it; never binary."""
    if b"\x00" in contenu:
        raise FichierInvalide("Ce fichier n'est pas du texte : envoyez un fichier CSV, XLSX ou texte (.txt).")
    try:
        return contenu.decode("utf-8-sig")
    except UnicodeDecodeError:
        return contenu.decode("cp1252", errors="replace")


def lire_csv(texte):
    """Rows of a CSV text; the delimiter (; , tab) is sniffed."""
    echantillon = texte[:4096]
    try:
        dialecte = csv.Sniffer().sniff(echantillon, delimiters=";,\t")
    except csv.Error:
        dialecte = csv.excel
        dialecte.delimiter = ";" if echantillon.count(";") >= echantillon.count(",") else ","
    return [list(rangee) for rangee in csv.reader(io.StringIO(texte), dialecte)]


def lire_xlsx(contenu):
    """Rows of the first sheet of an XLSX workbook, every cell as text (59.0 → « 59 »)."""
    import openpyxl

    if not zipfile.is_zipfile(io.BytesIO(contenu)):
        raise FichierInvalide("Ce fichier n'est pas un classeur XLSX lisible.")
    try:
        classeur = openpyxl.load_workbook(io.BytesIO(contenu), read_only=True, data_only=True)
    except Exception as erreur:  # openpyxl raises many kinds of errors on a damaged file
        raise FichierInvalide("Ce fichier n'est pas un classeur XLSX lisible.") from erreur
    try:
        feuille = classeur.worksheets[0]
        rangees = []
        for rangee in feuille.iter_rows(values_only=True):
            rangees.append([_cellule(valeur) for valeur in rangee])
            verifier_nombre_de_lignes(len(rangees))
        return rangees
    finally:
        classeur.close()


def _cellule(valeur):
    if valeur is None:
        return ""
    if isinstance(valeur, float) and valeur.is_integer():
        return str(int(valeur))
    return str(valeur).strip()


# --- Parsing one line --------------------------------------------------------------------------------------


@dataclass
class LigneLue:
    """What the parser reads in a line, before resolution."""

    sorte: str  # "collectivite", "vide", "titre" or "ponctuation"
    nom: str = ""
    precision: str = ""  # a parenthesis that is neither a département nor an article (an acronym…)
    cherche: str = ""  # the name to look for: `nom` without the precision
    departements: frozenset | None = None
    departement_texte: str = ""
    erreur_departement: str = ""
    arobases: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    titre_region: str | None = None  # a heading « Région … »: the région's code, "" when unknown
    titre_departements: frozenset | None = None
    titre_lieu: str = ""
    doute: str = ""  # a reason not to resolve the line although it reads well


def _valeur_arobases(trouve):
    if trouve.group("n") is not None:
        return int(trouve.group("n"))
    if trouve.group("n2") is not None:
        return int(trouve.group("n2"))
    if trouve.group("mot") is not None:
        return NOMBRES[mots(trouve.group("mot"))[0]]
    return trouve.group("signes").count("@")


def lire_arobases(texte):
    """The arobases written in a cell: « 4 », « 4.0 », « @@@@ », « 4@ », « 4 arobases »; None when empty."""
    texte = texte.strip()
    if not texte:
        return None
    if re.fullmatch(r"\d{1,4}(?:[.,]0+)?", texte):
        return int(re.split(r"[.,]", texte)[0])
    trouve = _AROBASES.fullmatch(texte)
    return _valeur_arobases(trouve) if trouve else -1


def _ajouter_departement(lue, codes, texte, referentiel):
    if lue.departements is not None and codes is not None:
        commun = lue.departements & codes
        if not commun:
            lue.erreur_departement = f"départements contradictoires : {lue.departement_texte} et {texte}"
        lue.departements = commun or lue.departements
    elif codes is not None:
        lue.departements = codes
    lue.departement_texte = "/".join(sorted(lue.departements)) if lue.departements else texte


def _departement_de_code_postal(code_postal):
    if code_postal.startswith("97"):
        return code_postal[:3]
    if code_postal.startswith("20"):
        return "2A" if code_postal < "20200" else "2B"
    return code_postal[:2]


def decouper(texte, referentiel):
    """Parse one line into a `LigneLue`: name, département(s), arobases, mentions, or a heading/blank line."""
    propre = re.sub(r"[\s\u00a0\u202f\u2007\u200b]+", " ", texte).strip()
    if not propre:
        return LigneLue("vide")
    if not re.search(r"[\w@]", propre):
        return LigneLue("ponctuation")
    propre = _PUCE.sub("", propre).strip()
    lue = LigneLue("collectivite")

    # Arobases first (they may stand anywhere), then mentions, then parentheses.
    lue.arobases = [_valeur_arobases(t) for t in _AROBASES.finditer(propre)]
    reste = _AROBASES.sub(" ", propre)
    trouve = _MENTIONS.match(reste)
    if trouve:
        reste = trouve.group("avant")
        lue.mentions = [m.strip(_BORDS + "()") for m in re.split(r"[,;/|+]", trouve.group("mentions"))]
        lue.mentions = [m for m in lue.mentions if m]

    article = ""
    precisions = []

    def parenthese(trouve):
        nonlocal article
        contenu = trouve.group(1).strip(_BORDS)
        if not contenu:
            return " "
        if contenu.lower() in _ARTICLES:
            article = _ARTICLES[contenu.lower()]
            return " "
        if re.fullmatch(r"\d{5}", contenu):
            contenu = _departement_de_code_postal(contenu)
        codes, erreur = referentiel.lire_departement(contenu)
        if codes is not None or erreur:
            _ajouter_departement(lue, codes, contenu, referentiel)
            lue.erreur_departement = lue.erreur_departement or erreur
            return " "
        precisions.append(contenu)
        return f" \x00{len(precisions) - 1}\x00 "

    reste = _PARENTHESE.sub(parenthese, reste).replace("(", " ").replace(")", " ")
    nom_sans_precision = re.sub(r"\s+", " ", re.sub(r"\x00\d+\x00", " ", reste)).strip(_BORDS)
    nom_affiche = re.sub(r"\x00(\d+)\x00", lambda t: f"({precisions[int(t.group(1))]})", reste)
    nom_affiche = re.sub(r"\s+", " ", nom_affiche).strip(_BORDS)

    trouve = _TITRE_LIEU.match(nom_sans_precision)
    if trouve and not lue.arobases:
        return _titre_de_lieu(lue, trouve, referentiel)

    if lue.departements is None and not lue.erreur_departement:
        trouve = _DEPARTEMENT_FIN.match(nom_sans_precision)
        if trouve:
            codes, erreur = referentiel.lire_departement(trouve.group("dep"))
            if codes is not None or erreur:
                _ajouter_departement(lue, codes, trouve.group("dep"), referentiel)
                lue.erreur_departement = erreur
                nom_sans_precision = nom_affiche = trouve.group("nom").strip(_BORDS)
        else:
            trouve = _DEPARTEMENT_NOMME_FIN.match(nom_sans_precision)
            if trouve and not referentiel.est_nom_de_collectivite(nom_sans_precision):
                codes, _ = referentiel.lire_departement(trouve.group("dep"))
                if codes is not None:
                    _ajouter_departement(lue, codes, trouve.group("dep"), referentiel)
                    nom_sans_precision = nom_affiche = trouve.group("nom").strip(_BORDS)

    def avec_article(nom):
        if not article:
            return nom
        return f"{article}{nom}" if article == "L'" else f"{article} {nom}"

    lue.nom = avec_article(nom_affiche if precisions else nom_sans_precision)
    lue.cherche = avec_article(nom_sans_precision)
    lue.precision = " ".join(precisions)
    return _reconnaitre_titre(lue, propre, referentiel)


def _titre_de_lieu(lue, trouve, referentiel):
    """A heading « Région Normandie », « Département du Nord (59) »: the place restricts the lines under it."""
    lieu = trouve.group("lieu").strip(_BORDS)
    lue.sorte, lue.nom, lue.titre_lieu = "titre", trouve.group(0).strip(_BORDS), lieu
    if trouve.group("quoi").lower().startswith("r"):
        lue.titre_region = referentiel.lire_region(lieu) or ""
    else:
        lue.titre_departements = lue.departements or referentiel.lire_departement(lieu)[0] or frozenset()
    return lue


def _reconnaitre_titre(lue, propre, referentiel):
    """Blank names, headings (arobases, région, département, words of a heading) and the rest."""
    liste = mots(lue.nom)
    lettres = [m for m in liste if not m.isdigit()]
    if not lettres:
        lue.sorte = "titre" if lue.arobases else "ponctuation"
        return lue
    sans_departement = lue.departements is None and not lue.erreur_departement
    if sans_departement and set(lettres) <= MOTS_TITRES:
        if lue.arobases and referentiel.est_nom_de_collectivite(lue.cherche):
            # « Villes 5@ »: the heading of the villes, or the commune Villes (01)? A person says which.
            lue.doute = f"« {lue.cherche} » est un titre ou le nom d'une commune : indiquez son département"
            return lue
        lue.sorte = "titre"
        return lue
    if not lue.arobases and sans_departement and not referentiel.est_nom_de_collectivite(lue.cherche):
        if propre.rstrip().endswith(":"):
            lue.sorte = "titre"
            return lue
        region = referentiel.lire_region(lue.cherche)
        if region:
            lue.sorte, lue.titre_region, lue.titre_lieu = "titre", region, lue.cherche
            return lue
        codes, _ = referentiel.lire_departement(lue.cherche)
        if codes:
            lue.sorte, lue.titre_departements, lue.titre_lieu = "titre", codes, lue.cherche
    return lue


# --- Analysis: parse and resolve every line ------------------------------------------------------------


@dataclass
class _Contexte:
    """What the headings read so far say about the lines under them."""

    arobases: int | None = None
    arobases_ligne: int | None = None
    region: str | None = None
    departements: frozenset | None = None
    lieu_ligne: int | None = None


class Analyseur:
    """Parses and resolves lines one after the other, keeping the context of headings."""

    def __init__(self, referentiel, *, departement=None, region=None):
        self.referentiel = referentiel
        self.departements = None
        self.regions = None
        if departement:
            codes, _ = referentiel.lire_departement(departement)
            if not codes:
                raise ValueError(f"Département inconnu : « {departement} ».")
            self.departements = codes
        if region:
            code = referentiel.lire_region(region)
            if not code:
                raise ValueError(f"Région inconnue : « {region} ».")
            self.regions = frozenset({code})
        self.contexte = _Contexte()

    def ligne_de_texte(self, numero, texte):
        return self._analyser(numero, texte, decouper(texte, self.referentiel))

    def ligne_de_tableau(self, numero, cellules):
        """A table row: {"nom", "departement", "arobases", "code", "mentions"} → Ligne."""
        texte = " ; ".join(v for v in cellules.values() if v)
        nom = cellules.get("nom", "").strip()
        lue = decouper(nom, self.referentiel) if nom else LigneLue("vide")
        autres = {k: cellules.get(k, "").strip() for k in ("departement", "arobases", "code", "mentions")}
        if lue.sorte == "vide" and any(autres.values()):
            lue.sorte = "collectivite"
        if lue.sorte == "titre" and (autres["departement"] or autres["code"]):
            lue.sorte = "collectivite"
        if autres["departement"]:
            codes, erreur = self.referentiel.lire_departement(autres["departement"])
            if codes is None:
                lue.erreur_departement = erreur or f"département « {autres['departement']} » non reconnu"
                lue.departement_texte = autres["departement"]
            else:
                lue.departements = None
                _ajouter_departement(lue, codes, autres["departement"], self.referentiel)
        if autres["arobases"]:
            lue.arobases = [lire_arobases(autres["arobases"])]
        if autres["mentions"]:
            lue.mentions = [m.strip() for m in re.split(r"[|;]", autres["mentions"]) if m.strip()]
        return self._analyser(numero, texte, lue, code=autres["code"])

    def _analyser(self, numero, texte, lue, code=""):
        ligne = Ligne(ligne=numero, texte=texte.strip(), nom=lue.nom, departement=lue.departement_texte)
        ligne.mentions = lue.mentions
        if lue.sorte == "vide":
            return self._ignorer(ligne, "ligne vide")
        if lue.sorte == "ponctuation":
            return self._ignorer(ligne, "ponctuation ou ligne sans nom")
        if lue.sorte == "titre":
            return self._titre(ligne, lue)

        erreurs = []
        notes = []
        valeurs = set(lue.arobases)
        if len(valeurs) > 1:
            erreurs.append("arobases contradictoires : " + ", ".join(str(v) for v in sorted(valeurs)))
        elif valeurs:
            ligne.arobases = valeurs.pop()
        elif self.contexte.arobases is not None:
            ligne.arobases = self.contexte.arobases
            notes.append(f"arobases du titre de la ligne {self.contexte.arobases_ligne}")
        else:
            erreurs.append("arobases manquantes")
        if ligne.arobases is not None and not 1 <= ligne.arobases <= 5:
            erreurs.append(f"arobases invalides : {ligne.arobases} (de 1 à 5)")
        if lue.erreur_departement:
            erreurs.append(lue.erreur_departement)
        if lue.doute:
            erreurs.append(lue.doute)

        departements, regions = lue.departements, self.regions
        if departements is None:
            departements = self.contexte.departements or self.departements
            if self.contexte.region is not None and not self.contexte.departements:
                if self.contexte.region == "":
                    erreurs.append(f"région du titre de la ligne {self.contexte.lieu_ligne} inconnue")
                else:
                    regions = (regions or frozenset({self.contexte.region})) & {self.contexte.region}
                    notes.append(f"région du titre de la ligne {self.contexte.lieu_ligne}")
        if departements is not None and lue.departements is None and self.contexte.departements:
            notes.append(f"département du titre de la ligne {self.contexte.lieu_ligne}")

        if lue.erreur_departement or lue.doute:
            resolution = Resolution(NON_RESOLU)
        else:
            resolution = self._resoudre(lue, code, departements, regions)
        ligne.candidats = [c.as_dict() for c in resolution.candidats]
        motifs = erreurs + [m for m in [resolution.motif] if m] + notes
        ligne.motif = " ; ".join(motifs)
        if erreurs:
            ligne.statut = NON_RESOLU
        else:
            ligne.statut = resolution.statut
            if resolution.statut == RESOLU:
                candidat = resolution.candidat
                ligne.code, ligne.nom_officiel, ligne.genre = candidat.code, candidat.nom, candidat.genre
                ligne.candidats = []
        return ligne

    def _resoudre(self, lue, code, departements, regions):
        referentiel = self.referentiel
        resolution = referentiel.resoudre(lue.cherche or lue.nom, departements=departements, regions=regions)
        if resolution.statut == NON_RESOLU and lue.precision:
            # « … (CCAOP) »: the acronym of an EPCI; never a commune (« Genève (Suisse) » is not Suisse, 57).
            par_precision = referentiel.resoudre(lue.precision, departements=departements, regions=regions)
            if par_precision.statut != NON_RESOLU and all(c.genre == EPCI for c in par_precision.candidats):
                resolution = par_precision
        if not code:
            return resolution
        par_code = referentiel.par_code_donne(code)
        if par_code is None:
            if resolution.statut == NON_RESOLU:
                resolution.motif = f"code « {code} » inconnu du référentiel ; {resolution.motif}"
                return resolution
            return Resolution(AMBIGU, resolution.candidats, f"code « {code} » inconnu du référentiel")
        meme_code = [c for c in resolution.candidats if c.code == par_code.code]
        if meme_code:  # the name designates it (maybe by a historical name): keep that reading and its reason
            return Resolution(RESOLU, meme_code, resolution.motif if resolution.statut == RESOLU else "")
        if not lue.nom or cle_sans_article(lue.cherche or lue.nom) == cle_sans_article(par_code.nom):
            return Resolution(RESOLU, [par_code], "")
        return Resolution(
            AMBIGU,
            [par_code] + [c for c in resolution.candidats if c.code != par_code.code],
            f"le code « {code} » désigne {par_code.libelle()}, qui ne porte pas le nom « {lue.nom} »",
        )

    def _ignorer(self, ligne, motif):
        ligne.statut, ligne.motif = IGNOREE, motif
        return ligne

    def _titre(self, ligne, lue):
        if lue.titre_region is not None:
            self.contexte.region, self.contexte.departements = lue.titre_region, None
            self.contexte.lieu_ligne = ligne.ligne
            quoi = f"titre de région : {lue.titre_lieu}"
            if not lue.titre_region:
                quoi += " (région inconnue : les lignes suivantes sans département ne seront pas résolues)"
            return self._ignorer(ligne, quoi)
        if lue.titre_departements is not None:
            self.contexte.departements = lue.titre_departements or None
            self.contexte.lieu_ligne = ligne.ligne
            quoi = f"titre de département : {lue.titre_lieu}"
            if not lue.titre_departements:
                quoi += " (département inconnu, ignoré)"
            return self._ignorer(ligne, quoi)
        valeurs = set(lue.arobases)
        if len(valeurs) == 1:
            self.contexte.arobases, self.contexte.arobases_ligne = valeurs.pop(), ligne.ligne
            ligne.arobases = self.contexte.arobases
            return self._ignorer(ligne, f"titre : {ligne.arobases} @ pour les lignes suivantes")
        return self._ignorer(ligne, "titre")


def _doublons(lignes):
    """A collectivité once per palmarès: a later line resolved to the same code is not imported."""
    vues = {}
    for ligne in lignes:
        if ligne.statut != RESOLU:
            continue
        if ligne.code in vues:
            premiere = vues[ligne.code]
            ligne.statut = NON_RESOLU
            ligne.candidats = [{"code": ligne.code, "nom": ligne.nom_officiel, "genre": ligne.genre}]
            ligne.motif = (
                f"même collectivité que la ligne {premiere.ligne} ({ligne.nom_officiel}, {ligne.code}) : "
                "une seule labellisation par édition" + (" ; " + ligne.motif if ligne.motif else "")
            )
            ligne.code = ligne.nom_officiel = ligne.genre = ""
        else:
            vues[ligne.code] = ligne
    return lignes


def analyser_texte(texte, referentiel, *, departement=None, region=None):
    """Report of a text as printed in the press, one collectivité per line."""
    analyseur = Analyseur(referentiel, departement=departement, region=region)
    lignes = [analyseur.ligne_de_texte(numero, ligne) for numero, ligne in enumerate(texte.splitlines(), start=1)]
    return Rapport(_doublons(lignes))


def colonnes_du_tableau(rangees):
    """(index of each field, number of the first data row): from the header row, or by position without one."""
    for numero, rangee in enumerate(rangees):
        if not any(cellule.strip() for cellule in rangee):
            continue
        index = {}
        for position, cellule in enumerate(rangee):
            cle_ = "@" if cellule.strip() == "@" else "".join(mots(cellule))
            for champ, noms in COLONNES.items():
                if cle_ in noms and champ not in index:
                    index[champ] = position
        if "nom" in index:
            return index, numero + 1
        break
    return {champ: position for position, champ in enumerate(ORDRE_SANS_ENTETE)}, 0


def analyser_tableau(rangees, referentiel, *, departement=None, region=None):
    """Report of table rows (CSV, XLSX, or text pasted from a spreadsheet)."""
    analyseur = Analyseur(referentiel, departement=departement, region=region)
    index, debut = colonnes_du_tableau(rangees)
    lignes = []
    for numero, rangee in enumerate(rangees, start=1):
        if numero <= debut:
            continue
        cellules = {champ: rangee[position] if position < len(rangee) else "" for champ, position in index.items()}
        lignes.append(analyseur.ligne_de_tableau(numero, cellules))
    return Rapport(_doublons(lignes))


def analyser(sorte, contenu, referentiel, *, departement=None, region=None):
    """Report of what `lire_fichier` returned, or of pasted text (tab-separated text is read as a table)."""
    if sorte == "texte":
        lignes = [ligne for ligne in contenu.splitlines() if ligne.strip()]
        if lignes and sum("\t" in ligne for ligne in lignes) * 2 > len(lignes):
            sorte, contenu = "tableau", [ligne.split("\t") for ligne in contenu.splitlines()]
    if sorte == "tableau":
        return analyser_tableau(contenu, referentiel, departement=departement, region=region)
    return analyser_texte(contenu, referentiel, departement=departement, region=region)


# --- Import ------------------------------------------------------------------------------------------------


@dataclass
class Bilan:
    """What an import wrote."""

    edition: object
    edition_creee: bool = False
    labellisations_creees: int = 0
    labellisations_modifiees: int = 0  # arobases updated by a re-import
    labellisations_inchangees: int = 0
    collectivites_creees: int = 0
    mentions_creees: int = 0
    categories_mention_creees: int = 0
    titres: int = 0
    absentes_du_fichier: int = 0  # labellisations of the édition that the file does not name (kept)
    laissees_de_cote: list = field(default_factory=list)

    def texte(self):
        parties = [
            compter(self.labellisations_creees, "labellisation créée", "labellisations créées"),
            compter(self.labellisations_modifiees, "mise à jour", "mises à jour") + " (arobases changées)",
            compter(self.labellisations_inchangees, "inchangée", "inchangées"),
            compter(self.collectivites_creees, "collectivité créée", "collectivités créées"),
            compter(self.mentions_creees, "mention créée", "mentions créées"),
            compter(self.titres, "titre d'excellence", "titres d'excellence") + " dans l'édition",
        ]
        texte = f"Label {self.edition.annee}" + (" (édition créée, non publiée)" if self.edition_creee else "")
        texte += " : " + ", ".join(parties) + "."
        if self.absentes_du_fichier:
            texte += " " + compter(
                self.absentes_du_fichier,
                "labellisation de l'édition absente du fichier est conservée.",
                "labellisations de l'édition absentes du fichier sont conservées.",
            )
        if self.laissees_de_cote:
            texte += " " + compter(len(self.laissees_de_cote), "ligne laissée de côté.", "lignes laissées de côté.")
        return texte


def numero_pour(annee):
    """The number of a new édition: next to the nearest existing one, else counted from 1999 (2026 → 27)."""
    from label.models import Edition

    avant = Edition.objects.filter(annee__lt=annee).order_by("-annee").first()
    if avant is not None:
        return avant.numero + 1
    apres = Edition.objects.filter(annee__gt=annee).order_by("annee").first()
    if apres is not None:
        return max(1, apres.numero - 1)
    return max(1, annee - 1999)


def importer_palmares(*, annee, lignes, ignorer_non_resolus=False, numero=None):
    """Import resolved lines into the édition `annee`, in one transaction; return a `Bilan`.

    Refuses (ImportImpossible, nothing written) while a line is ambiguous or unresolved, unless
    `ignorer_non_resolus`, which imports the resolved lines and lists the others in `Bilan.laissees_de_cote`.
    Creates the édition if needed (never published: `publication_at` stays empty until the staff sets it),
    the collectivités that are missing, the labellisations (a re-import updates the arobases instead of
    duplicating), the mentions; then recomputes the excellence titles of this édition and the later ones.
    """
    from label.actions import appliquer_titres_excellence
    from label.enums import Categorie, StatutEdition
    from label.models import CategorieMention, Collectivite, Edition, Labellisation, Mention
    from territoires.models import Commune, Epci

    bloquantes = [ligne for ligne in lignes if ligne.statut in (AMBIGU, NON_RESOLU)]
    if bloquantes and not ignorer_non_resolus:
        raise ImportImpossible(
            "Rien n'a été importé : "
            + compter(len(bloquantes), "ligne est ambiguë ou non résolue.", "lignes sont ambiguës ou non résolues."),
            bloquantes,
        )
    a_importer = [ligne for ligne in lignes if ligne.statut == RESOLU]
    par_code = {}
    for ligne in a_importer:
        if ligne.code in par_code:
            raise ImportImpossible(
                f"Rien n'a été importé : les lignes {par_code[ligne.code].ligne} et {ligne.ligne} désignent la "
                f"même collectivité ({ligne.nom_officiel}).",
                [par_code[ligne.code], ligne],
            )
        if ligne.arobases is None or not 1 <= ligne.arobases <= 5:
            raise ImportImpossible(f"Rien n'a été importé : arobases invalides ligne {ligne.ligne}.", [ligne])
        par_code[ligne.code] = ligne
    if not a_importer:
        raise ImportImpossible("Rien n'a été importé : aucune ligne résolue.", bloquantes)

    with transaction.atomic():
        edition, creee = Edition.objects.get_or_create(
            # A past palmarès is a closed deliberation; it stays unpublished until staff set its publication time.
            annee=annee,
            defaults={"numero": numero or numero_pour(annee), "publication_at": None, "statut": StatutEdition.CLOSE},
        )
        bilan = Bilan(edition=edition, edition_creee=creee, laissees_de_cote=bloquantes)

        codes = list(par_code)
        collectivites = {c.code: c for c in Collectivite.objects.filter(code__in=codes).select_related("commune")}
        manquants = [code for code in codes if code not in collectivites]
        communes = {
            c.code_insee: c
            for c in Commune.objects.actuelles().filter(code_insee__in=[c for c in manquants if len(c) == 5])
        }
        epcis = {e.siren: e for e in Epci.objects.filter(siren__in=[c for c in manquants if len(c) == 9])}
        nouvelles = []
        for code in manquants:
            ligne = par_code[code]
            if ligne.genre == EPCI or code in epcis:
                epci = epcis.get(code)
                if epci is None:
                    raise ImportImpossible(f"Rien n'a été importé : EPCI {code} absent du référentiel.", [ligne])
                nouvelles.append(
                    Collectivite(
                        code=code, nom=epci.nom, slug=slugify(epci.nom)[:220], categorie=Categorie.TERRITOIRE, epci=epci
                    )
                )
            else:
                commune = communes.get(code)
                if commune is None:
                    raise ImportImpossible(f"Rien n'a été importé : commune {code} absente du référentiel.", [ligne])
                nouvelles.append(
                    Collectivite(
                        code=code,
                        nom=commune.nom,
                        slug=slugify(commune.nom)[:220],
                        categorie=edition.categorie_pour_population(commune.population),
                        commune=commune,
                    )
                )
        Collectivite.objects.bulk_create(nouvelles)
        bilan.collectivites_creees = len(nouvelles)
        collectivites = {c.code: c for c in Collectivite.objects.filter(code__in=codes).select_related("commune")}

        existantes = {
            lab.collectivite_id: lab for lab in Labellisation.objects.filter(edition=edition).select_related(None)
        }
        a_creer, a_modifier = [], []
        for code, ligne in par_code.items():
            collectivite = collectivites[code]
            labellisation = existantes.pop(collectivite.pk, None)
            if labellisation is None:
                a_creer.append(
                    Labellisation(
                        edition=edition,
                        collectivite=collectivite,
                        categorie=_categorie(edition, collectivite),
                        arobases=ligne.arobases,
                    )
                )
            elif labellisation.arobases != ligne.arobases:
                labellisation.arobases = ligne.arobases
                a_modifier.append(labellisation)
            else:
                bilan.labellisations_inchangees += 1
        Labellisation.objects.bulk_create(a_creer)
        Labellisation.objects.bulk_update(a_modifier, ["arobases", "updated_at"])
        bilan.labellisations_creees, bilan.labellisations_modifiees = len(a_creer), len(a_modifier)
        bilan.absentes_du_fichier = len(existantes)

        noms_de_mentions = {nom for ligne in a_importer for nom in ligne.mentions}
        if noms_de_mentions:
            _importer_mentions(edition, par_code, collectivites, noms_de_mentions, bilan, CategorieMention, Mention)

        for suivante in Edition.objects.filter(annee__gte=annee).order_by("annee"):
            titres = appliquer_titres_excellence(edition=suivante)
            if suivante.pk == edition.pk:
                bilan.titres = titres
    return bilan


def _categorie(edition, collectivite):
    from label.enums import Categorie

    if collectivite.commune_id:
        return edition.categorie_pour_population(collectivite.commune.population)
    return Categorie.TERRITOIRE if collectivite.is_territoire else collectivite.categorie


def _importer_mentions(edition, par_code, collectivites, noms, bilan, CategorieMention, Mention):
    categories = {c.slug: c for c in CategorieMention.objects.filter(edition=edition)}
    for nom in sorted(noms):
        slug = slugify(nom)[:150]
        if slug and slug not in categories:
            categories[slug] = CategorieMention.objects.create(edition=edition, nom=nom[:150], slug=slug)
            bilan.categories_mention_creees += 1
    labellisations = {
        lab.collectivite_id: lab
        for lab in edition.labellisations.filter(collectivite__code__in=list(par_code)).only("pk", "collectivite_id")
    }
    deja = set(Mention.objects.filter(labellisation__edition=edition).values_list("labellisation_id", "categorie_id"))
    nouvelles = []
    for code, ligne in par_code.items():
        labellisation = labellisations[collectivites[code].pk]
        for nom in ligne.mentions:
            categorie = categories.get(slugify(nom)[:150])
            if categorie is None or (labellisation.pk, categorie.pk) in deja:
                continue
            deja.add((labellisation.pk, categorie.pk))
            nouvelles.append(Mention(labellisation=labellisation, categorie=categorie))
    Mention.objects.bulk_create(nouvelles)
    bilan.mentions_creees = len(nouvelles)

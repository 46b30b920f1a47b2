"""A realistic, clearly fictitious history of the label on the real territories (demo data).

The yearly totals follow the known figures of DOMAIN.md, the unknown years are interpolated, and the
2026 édition is shaped like the press release. Deterministic for a given seed.

How it is built:
1. who takes part each year is chosen backwards from 2026 (most collectivités of a year were already
   there the year before), so that 2026 has exactly the press release's cast;
2. levels go forwards: each collectivité has a hidden score that drifts over the years; each year the
   participants are ranked and given arobases by that year's target distribution, then moved by one @
   at most from their previous result;
3. the Territoire d'Excellence Numérique rule is applied year by year; the few results needed to reach
   the press release's number of titles are nudged by one @ (5@ ↔ 4@), and the titles themselves are
   finally recorded by the rule (label.actions.appliquer_titres_excellence).
"""

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import accumulate
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.text import slugify

from territoires.models import Commune, Epci

from .actions import appliquer_titres_excellence
from .enums import Categorie, StatutEdition
from .models import (
    EXCELLENCE_NOMBRE_DE_5,
    EXCELLENCE_PREMIERE_ANNEE,
    EXCELLENCE_VALIDITE_ANS,
    CategorieMention,
    Collectivite,
    Edition,
    Labellisation,
    Mention,
)

PARIS = ZoneInfo("Europe/Paris")

# 27 éditions from 1999 to 2026, as the press release counts them ("27ème édition"). Which year had no
# label is not known: the demo leaves out 2020.
ANNEES = [annee for annee in range(1999, 2027) if annee != 2020]

# Labelled collectivités per year known from public sources (DOMAIN.md).
TOTAUX_CONNUS = {
    2006: 223,
    2008: 203,
    2011: 303,
    2012: 356,
    2014: 271,
    2016: 163,
    2017: 331,
    2018: 205,
    2021: 219,
    2022: 254,
    2023: 257,
    2024: 241,
    2025: 226,
    2026: 213,
}
CUMUL_JUSQU_A_2024 = 5359  # 5,359 up to 2024 + 226 in 2025 + 213 in 2026 = 5,798
TERRITOIRES_CONNUS = {2018: 12, 2021: 9, 2025: 12, 2026: 8}
VILLAGES_CONNUS = {2018: 42, 2025: 45, 2026: 40}

# Target share of 1@..5@ per year: 2006 and 2011 from DOMAIN.md, 1999 and 2026 assumed, the rest interpolated.
DISTRIBUTIONS = {
    1999: (30, 35, 25, 8, 2),
    2006: (57, 64, 57, 24, 10),
    2011: (48, 97, 106, 28, 24),
    2026: (10, 20, 32, 23, 15),
}
# Titles wanted per year (47 since 2021, 10 in 2026, as in the press release).
TITRES_VISES = {2021: 8, 2022: 6, 2023: 7, 2024: 8, 2025: 8, 2026: 10}
MENTIONS_CUMULEES = 169
MENTIONS_2026 = 18

PRESSE_2026 = {
    "villes": 165,
    "villages": 40,
    "territoires": 8,
    "communes_des_territoires": 480,
    "habitants": 4_600_000,
    "seuil_village": 2000,  # so that Haulchin (about 2,300 inhabitants) is a ville, as the press release says
}
CATEGORIES_2026 = [
    ("Médiation numérique", False),
    ("Numérique éducatif", False),
    ("Mise en commun des infrastructures et usages numériques", False),
    ("Transition écologique", True),
]
CATEGORIES_ANCIENNES = [
    "Démocratie locale",
    "Gouvernement ouvert",
    "Coopération décentralisée",
    "Logiciel libre",
    "Accessibilité numérique",
    "Données publiques ouvertes",
    "Inclusion numérique",
    "Services publics en ligne",
]

RETENTION = 0.84  # share of a year's participants that were there the year before


def totaux_par_annee():
    """Known totals, interpolated interior years, and a ramp for 1999-2005 so that the cumulative total is right."""
    totaux = dict(TOTAUX_CONNUS)
    connues = sorted(TOTAUX_CONNUS)
    for annee in ANNEES:
        if annee in totaux or annee < connues[0]:
            continue
        avant = max(a for a in connues if a < annee)
        apres = min(a for a in connues if a > annee)
        part = (annee - avant) / (apres - avant)
        totaux[annee] = round(TOTAUX_CONNUS[avant] + part * (TOTAUX_CONNUS[apres] - TOTAUX_CONNUS[avant]))
    debut = [a for a in ANNEES if a < connues[0]]
    reste = CUMUL_JUSQU_A_2024 - sum(v for a, v in totaux.items() if a <= 2024)
    poids = [i + 2 for i in range(len(debut))]
    for annee, p in zip(debut, poids, strict=True):
        totaux[annee] = reste * p // sum(poids)
    totaux[debut[-1]] += reste - sum(totaux[a] for a in debut)
    return totaux


def distribution(annee):
    """Share of 1@..5@ wanted in `annee`, interpolated between the anchors."""
    ancres = sorted(DISTRIBUTIONS)
    if annee in DISTRIBUTIONS:
        valeurs = DISTRIBUTIONS[annee]
    else:
        avant = max(a for a in ancres if a < annee)
        apres = min(a for a in ancres if a > annee)
        part = (annee - avant) / (apres - avant)
        a = [v / sum(DISTRIBUTIONS[avant]) for v in DISTRIBUTIONS[avant]]
        b = [v / sum(DISTRIBUTIONS[apres]) for v in DISTRIBUTIONS[apres]]
        valeurs = [x + part * (y - x) for x, y in zip(a, b, strict=True)]
    total = sum(valeurs)
    return [v / total for v in valeurs]


def repartir(total, poids):
    """Split `total` in integers proportional to `poids` (largest remainder)."""
    bruts = [total * p / sum(poids) for p in poids]
    parts = [math.floor(b) for b in bruts]
    for i in sorted(range(len(poids)), key=lambda i: parts[i] - bruts[i])[: total - sum(parts)]:
        parts[i] += 1
    return parts


@dataclass
class Candidat:
    cle: tuple  # ("C", commune_id) or ("E", epci_id)
    nom: str
    population: int
    score: float = 0.0
    niveaux: dict = field(default_factory=dict)  # annee -> arobases

    @property
    def est_territoire(self):
        return self.cle[0] == "E"


@dataclass
class Resume:
    totaux: dict
    titres: dict
    mentions: int
    collectivites: int
    communes_2026: int
    habitants_2026: int


class GenerateurDemo:
    def __init__(self, seed=2026):
        self.rng = random.Random(seed)
        communes = Commune.objects.actuelles().filter(population__isnull=False, departement__isnull=False)
        self.communes = {
            c["id"]: c
            for c in communes.values("id", "code_insee", "nom", "population", "epci_id").order_by("code_insee")
        }
        self.membres = {}
        for commune in self.communes.values():
            if commune["epci_id"]:
                self.membres.setdefault(commune["epci_id"], []).append(commune["id"])
        self.epcis = {e["id"]: e for e in Epci.objects.values("id", "siren", "nom", "population").order_by("siren")}
        if len(self.communes) < 1000 or not self.epcis:
            raise ValueError("Le référentiel n'est pas importé : lancez d'abord python manage.py import_territoires.")
        self.candidats = {}
        self.champions = set()  # long-standing leaders of the 2026 cast: the future excellence titles

    # -- who -------------------------------------------------------------------------------------------
    def candidat(self, cle):
        if cle not in self.candidats:
            if cle[0] == "C":
                c = self.communes[cle[1]]
                nom, population = c["nom"], c["population"]
            else:
                e = self.epcis[cle[1]]
                nom, population = e["nom"], e["population"]
            self.candidats[cle] = Candidat(cle=cle, nom=nom, population=population)
        return self.candidats[cle]

    def categorie(self, cle, seuil):
        if cle[0] == "E":
            return Categorie.TERRITOIRE
        return Categorie.VILLAGE if self.communes[cle[1]]["population"] < seuil else Categorie.VILLE

    def commune_par_code(self, code):
        return next(c["id"] for c in self.communes.values() if c["code_insee"] == code)

    def tirer(self, pool, cumul, nombre, exclus):
        """Draw `nombre` distinct keys from `pool` by cumulative weights, skipping `exclus`."""
        choisis = []
        essais = 0
        while len(choisis) < nombre and essais < nombre * 200:
            essais += 1
            cle = self.rng.choices(pool, cum_weights=cumul)[0]
            if cle not in exclus and cle not in choisis:
                choisis.append(cle)
        return choisis

    def pools(self, seuil):
        villes = [("C", i) for i, c in self.communes.items() if c["population"] >= seuil]
        villages = [("C", i) for i, c in self.communes.items() if 150 <= c["population"] < seuil]
        epcis = [("E", i) for i in self.epcis if len(self.membres.get(i, [])) >= 2]
        return {
            Categorie.VILLE: (villes, list(accumulate(self.communes[k[1]]["population"] ** 0.6 for k in villes))),
            Categorie.VILLAGE: (villages, list(accumulate(self.communes[k[1]]["population"] ** 0.5 for k in villages))),
            Categorie.TERRITOIRE: (epcis, list(accumulate(1.0 for _ in epcis))),
        }

    def territoires_2026(self):
        """The Centre Littoral agglomeration and seven EPCI grouping 480 communes in all."""
        littoral = next(i for i, e in self.epcis.items() if "Centre Littoral" in e["nom"])
        reste = PRESSE_2026["communes_des_territoires"] - len(self.membres[littoral])
        par_taille = {}
        for i in self.epcis:
            par_taille.setdefault(len(self.membres.get(i, [])), []).append(i)
        # Mid-sized groupings, not the big metropolises (the press release's total is 4.6 million inhabitants).
        moyens = [
            i
            for i, e in self.epcis.items()
            if 30 <= len(self.membres.get(i, [])) <= 110 and e["population"] <= 250_000 and i != littoral
        ]
        for _ in range(5000):
            six = self.rng.sample(moyens, 6)
            manque = reste - sum(len(self.membres[i]) for i in six)
            septiemes = [
                i
                for i in par_taille.get(manque, [])
                if i not in six and i != littoral and self.epcis[i]["population"] <= 250_000
            ]
            if septiemes:
                return [("E", littoral)] + [("E", i) for i in six] + [("E", self.rng.choice(septiemes))]
        raise ValueError("Impossible de composer les territoires 2026.")

    def habitants(self, cles):
        communes = set()
        for cle in cles:
            communes.update(self.membres.get(cle[1], []) if cle[0] == "E" else [cle[1]])
        return sum(self.communes[i]["population"] for i in communes)

    def cast_2026(self):
        seuil = PRESSE_2026["seuil_village"]
        pools = self.pools(seuil)
        villes = [("C", self.commune_par_code(code)) for code in ("21231", "59288")]  # Dijon, Haulchin
        villages = [("C", self.commune_par_code("70450"))]  # La Rochelle (Haute-Saône)
        territoires = self.territoires_2026()
        pris = set(villes + villages + territoires)
        villes += self.tirer(*pools[Categorie.VILLE], PRESSE_2026["villes"] - len(villes), pris)
        villages += self.tirer(*pools[Categorie.VILLAGE], PRESSE_2026["villages"] - len(villages), pris)
        # Bring the inhabitants concerned near the press release's 4.6 million by swapping towns.
        fixes = set(villes[:2])
        for _ in range(2000):
            ecart = self.habitants(villes + villages + territoires) - PRESSE_2026["habitants"]
            if abs(ecart) < 0.015 * PRESSE_2026["habitants"]:
                break
            echangeables = sorted(
                (k for k in villes if k not in fixes), key=lambda k: self.communes[k[1]]["population"]
            )
            sortant = echangeables[-1] if ecart > 0 else echangeables[0]
            entrant = self.tirer(*pools[Categorie.VILLE], 1, set(villes) | pris)[0]
            pop_entrant, pop_sortant = self.communes[entrant[1]]["population"], self.communes[sortant[1]]["population"]
            if (ecart > 0 and pop_entrant < pop_sortant) or (ecart < 0 and pop_entrant > pop_sortant):
                villes[villes.index(sortant)] = entrant
        grandes = [k for k in villes if self.communes[k[1]]["population"] >= 10000]
        self.champions = {villes[0]} | set(self.rng.sample(grandes, min(50, len(grandes)))) | set(territoires[:3])
        return villes + villages + territoires

    def quotas(self, annee, total):
        territoires = TERRITOIRES_CONNUS.get(annee, max(2, round(total * 0.045)))
        villages = VILLAGES_CONNUS.get(annee, round(total * 0.19))
        return {
            Categorie.VILLE: total - territoires - villages,
            Categorie.VILLAGE: villages,
            Categorie.TERRITOIRE: territoires,
        }

    def casts(self, totaux):
        """Participants of each year, chosen backwards from 2026."""
        casts = {2026: self.cast_2026()}
        deja_vus = set(casts[2026])
        seuil = 3000
        pools = self.pools(seuil)
        for i in range(len(ANNEES) - 2, -1, -1):
            annee, suivante = ANNEES[i], ANNEES[i + 1]
            quotas = self.quotas(annee, totaux[annee])
            cast = []
            for categorie, quota in quotas.items():
                suivants = [k for k in casts[suivante] if self.categorie(k, seuil) == categorie]
                gardes = [k for k in suivants if self.rng.random() < (0.97 if k in self.champions else RETENTION)]
                self.rng.shuffle(gardes)
                gardes = gardes[:quota]
                # Some come back after a gap: people seen in later years but absent the year after.
                anciens = [
                    k for k in sorted(deja_vus) if k not in casts[suivante] and self.categorie(k, seuil) == categorie
                ]
                self.rng.shuffle(anciens)
                gardes += anciens[: max(0, (quota - len(gardes)) // 3)]
                gardes += self.tirer(*pools[categorie], quota - len(gardes), set(gardes))
                cast += gardes
            casts[annee] = cast
            deja_vus.update(cast)
        return casts

    # -- levels ----------------------------------------------------------------------------------------
    def niveaux(self, casts):
        titres = {}
        etat = {}  # cle -> [nombre de 5, dernier titre]
        report = 0  # titles missing in a year are sought the next year (2026 keeps its own number)
        for annee in ANNEES:
            participants = [self.candidat(k) for k in casts[annee]]
            for c in participants:
                if not c.niveaux:
                    c.score = 0.45 * (math.log10(max(c.population, 10)) - 3.5) + self.rng.gauss(0, 1)
                    if c.cle in self.champions:
                        c.score += 2.0
                else:
                    c.score += self.rng.gauss(0.06, 0.3)
            participants.sort(key=lambda c: c.score)
            parts = repartir(len(participants), distribution(annee))
            rang = 0
            for arobases, nombre in enumerate(parts, start=1):
                for c in participants[rang : rang + nombre]:
                    precedent = c.niveaux[max(c.niveaux)] if c.niveaux else None
                    if precedent is not None:
                        arobases_c = min(max(arobases, precedent - 1), precedent + 1)
                    else:
                        arobases_c = min(arobases, 3)
                    c.niveaux[annee] = arobases_c
                rang += nombre
            if annee >= EXCELLENCE_PREMIERE_ANNEE:
                vise = TITRES_VISES[annee] + (report if annee != ANNEES[-1] else 0)
                titres[annee] = self.ajuster_titres(annee, participants, etat, vise)
                report = vise - titres[annee]
            for c in participants:
                if c.niveaux[annee] == 5:
                    etat.setdefault(c.cle, [0, None])[0] += 1
        return titres

    def eligible(self, c, annee, etat, arobases):
        nombre, dernier = etat.get(c.cle, [0, None])
        titre_valide = dernier is not None and annee < dernier + EXCELLENCE_VALIDITE_ANS
        return arobases == 5 and nombre + 1 >= EXCELLENCE_NOMBRE_DE_5 and not titre_valide

    def ajuster_titres(self, annee, participants, etat, vise):
        """Nudge a few results by one @ so that the rule gives `vise` titles in `annee`."""
        eligibles = [c for c in participants if self.eligible(c, annee, etat, c.niveaux[annee])]
        self.rng.shuffle(eligibles)
        for c in eligibles[vise:]:
            c.niveaux[annee] = 4
        eligibles = eligibles[:vise]
        if len(eligibles) < vise:
            promouvables = []
            for c in participants:
                annees = sorted(c.niveaux)
                precedent = c.niveaux[annees[-2]] if len(annees) > 1 else None
                if (
                    c.niveaux[annee] == 4
                    and precedent is not None
                    and precedent >= 4
                    and self.eligible(c, annee, etat, 5)
                ):
                    promouvables.append(c)
            self.rng.shuffle(promouvables)
            for c in promouvables[: vise - len(eligibles)]:
                c.niveaux[annee] = 5
                eligibles.append(c)
        for c in eligibles:
            etat.setdefault(c.cle, [0, None])[1] = annee
        return len(eligibles)


def calendrier(annee):
    """A plausible calendar: campaign in the previous year, ceremony at the end of January."""
    if annee == 2026:
        ceremonie = datetime(2026, 1, 29, 18, 0, tzinfo=PARIS)
    else:
        ceremonie = datetime(annee, 2, 1, 18, 0, tzinfo=PARIS)
    return {
        "campagne_ouverture": date(annee - 1, 3, 15),
        "campagne_cloture": datetime.combine(date(annee - 1, 10, 31), time(23, 59), tzinfo=PARIS),
        "jury_date": date(annee - 1, 12, 10),
        "ceremonie_date": ceremonie,
        "ceremonie_lieu": "Agen" if annee == 2026 else "",
        "publication_at": ceremonie,
    }


def cle_collectivite(collectivite):
    return ("C", collectivite.commune_id) if collectivite.commune_id else ("E", collectivite.epci_id)


def supprimer_demo():
    """Remove the demo éditions and what hangs on them (collectivités stay: other data may point to them)."""
    editions = Edition.objects.filter(donnees_demo=True)
    Mention.objects.filter(labellisation__edition__in=editions).delete()
    Labellisation.objects.filter(edition__in=editions).delete()
    CategorieMention.objects.filter(edition__in=editions).delete()
    editions.delete()


@transaction.atomic
def construire_demo(*, seed=2026, progression=None):
    """Build the demo history. Returns a Resume of what was made."""
    etape = progression or (lambda message: None)
    if Edition.objects.filter(donnees_demo=False).exists():
        raise ValueError("La base contient des éditions réelles : la démo refuse de s'y mêler.")
    supprimer_demo()

    generateur = GenerateurDemo(seed)
    totaux = totaux_par_annee()
    etape("Choix des participants de chaque édition…")
    casts = generateur.casts(totaux)
    etape("Trajectoires des arobases…")
    titres_vises = generateur.niveaux(casts)

    etape("Écriture des éditions et des collectivités…")
    editions = {}
    for numero, annee in enumerate(ANNEES, start=1):
        seuil = PRESSE_2026["seuil_village"] if annee == 2026 else 3000
        statut = StatutEdition.CLOSE
        editions[annee] = Edition.objects.create(
            annee=annee, numero=numero, statut=statut, seuil_village=seuil, donnees_demo=True, **calendrier(annee)
        )

    cles = sorted({k for cast in casts.values() for k in cast})
    # Collectivités already known (e.g. kept from a previous demo) are reused, keyed on their commune or EPCI.
    connues = {cle_collectivite(c) for c in Collectivite.objects.exclude(commune=None, epci=None)}
    nouvelles = []
    for cle in cles:
        if cle in connues:
            continue
        if cle[0] == "C":
            commune = generateur.communes[cle[1]]
            categorie = Categorie.VILLE if commune["population"] >= 3000 else Categorie.VILLAGE
            code, nom, lien = commune["code_insee"], commune["nom"], {"commune_id": cle[1]}
        else:
            epci = generateur.epcis[cle[1]]
            categorie, code, nom, lien = Categorie.TERRITOIRE, epci["siren"], epci["nom"], {"epci_id": cle[1]}
        nouvelles.append(Collectivite(code=code, nom=nom, slug=slugify(nom)[:220], categorie=categorie, **lien))
    Collectivite.objects.bulk_create(nouvelles, batch_size=500)
    collectivites = {cle_collectivite(c): c.pk for c in Collectivite.objects.exclude(commune=None, epci=None)}

    etape("Écriture des labellisations…")
    labellisations = []
    for annee in ANNEES:
        edition = editions[annee]
        for cle in casts[annee]:
            labellisations.append(
                Labellisation(
                    edition=edition,
                    collectivite_id=collectivites[cle],
                    categorie=generateur.categorie(cle, edition.seuil_village),
                    arobases=generateur.candidat(cle).niveaux[annee],
                )
            )
    Labellisation.objects.bulk_create(labellisations, batch_size=1000)

    etape("Mentions thématiques…")
    nombre_mentions = creer_mentions(generateur.rng, editions, totaux)

    etape("Titres de Territoire d'Excellence Numérique (règle)…")
    titres = {}
    for annee in ANNEES:
        if annee >= EXCELLENCE_PREMIERE_ANNEE:
            titres[annee] = appliquer_titres_excellence(edition=editions[annee])
    if titres != titres_vises:
        raise AssertionError(f"La règle donne {titres}, le générateur attendait {titres_vises}.")

    cast_2026 = casts[2026]
    return Resume(
        totaux=totaux,
        titres=titres,
        mentions=nombre_mentions,
        collectivites=len(cles),
        communes_2026=sum(len(generateur.membres[k[1]]) for k in cast_2026 if k[0] == "E"),
        habitants_2026=generateur.habitants(cast_2026),
    )


def creer_mentions(rng, editions, totaux):
    """Thematic mentions: 18 over the four categories of 2026, 169 in all since 1999."""
    anciennes = [a for a in ANNEES if a != 2026]
    par_annee = dict(
        zip(anciennes, repartir(MENTIONS_CUMULEES - MENTIONS_2026, [totaux[a] for a in anciennes]), strict=True)
    )
    par_annee[2026] = MENTIONS_2026
    mentions = []
    for annee, nombre in par_annee.items():
        edition = editions[annee]
        if annee == 2026:
            categories = [
                CategorieMention.objects.create(edition=edition, nom=nom, arobase_verte=verte)
                for nom, verte in CATEGORIES_2026
            ]
        else:
            noms = rng.sample(CATEGORIES_ANCIENNES, rng.randint(2, 4))
            categories = [CategorieMention.objects.create(edition=edition, nom=nom) for nom in sorted(noms)]
        laureats = list(
            Labellisation.objects.filter(edition=edition, arobases__gte=3)
            .order_by("collectivite__code")
            .values_list("pk", flat=True)
        )
        for i, pk in enumerate(rng.sample(laureats, min(nombre, len(laureats)))):
            categorie = categories[i % len(categories)]
            mentions.append(
                Mention(
                    labellisation_id=pk,
                    categorie=categorie,
                    citation=f"Mention « {categorie.nom} » du jury {annee} (texte de démonstration).",
                )
            )
    Mention.objects.bulk_create(mentions, batch_size=1000)
    return len(mentions)

"""The map of an édition's labelled collectivités, drawn on the server as SVG (no tile server, no script).

Projection: equirectangular, longitudes scaled by the cosine of the frame's middle latitude, which is
faithful enough at the scale of a country. Metropolitan France (Corsica included) has the main frame; each
overseas département (971 Guadeloupe, 972 Martinique, 973 Guyane, 974 La Réunion, 976 Mayotte) has its own
inset at its own scale. Points are the town halls of the référentiel (Commune.latitude/longitude).

Villes and villages are circles whose area follows the population, coloured by arobases; a territoire is the
outline (convex hull) of its member communes' town halls, with a dot on each. The département outlines come
from static/fiches/departements.geojson (simplified IGN boundaries, built by `construire_fond_de_carte`)
when that file exists: it is read once per process; without it the map shows the points only.
"""

import functools
import itertools
import json
import math
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.staticfiles import finders

from label.enums import Categorie
from label.models import Collectivite, Labellisation
from label.templatetags.graphiques import COULEURS_AROBASES, nombre_lisible
from territoires.models import Commune

FOND_DE_CARTE = "fiches/departements.geojson"
METROPOLE = "metropole"


@dataclass(frozen=True)
class Cadre:
    """A frame of the map: geographic bounds drawn into a box of the SVG, keeping proportions."""

    cle: str
    nom: str
    ouest: float
    est: float
    sud: float
    nord: float
    x: float
    y: float
    largeur: float
    hauteur: float

    @functools.cached_property
    def _echelle(self):
        cosinus = math.cos(math.radians((self.sud + self.nord) / 2))
        echelle = min(self.largeur / ((self.est - self.ouest) * cosinus), self.hauteur / (self.nord - self.sud))
        marge_x = (self.largeur - (self.est - self.ouest) * cosinus * echelle) / 2
        marge_y = (self.hauteur - (self.nord - self.sud) * echelle) / 2
        return cosinus, echelle, marge_x, marge_y

    def contient(self, longitude, latitude):
        return self.ouest <= longitude <= self.est and self.sud <= latitude <= self.nord

    def projeter(self, longitude, latitude):
        """(x, y) in the SVG, rounded to a tenth of a pixel."""
        cosinus, echelle, marge_x, marge_y = self._echelle
        x = self.x + marge_x + (longitude - self.ouest) * cosinus * echelle
        y = self.y + marge_y + (self.nord - latitude) * echelle
        return round(x, 1), round(y, 1)


LARGEUR = 700
HAUTEUR = 560
ENCART_X, ENCART_LARGEUR, ENCART_HAUTEUR, ENCART_ECART = 580, 120, 100, 12
CADRES = {
    METROPOLE: Cadre(METROPOLE, "France métropolitaine", -5.3, 9.7, 41.2, 51.2, 0, 0, 570, HAUTEUR),
    **{
        code: Cadre(
            code,
            nom,
            *bornes,
            ENCART_X,
            rang * (ENCART_HAUTEUR + ENCART_ECART) + 14,
            ENCART_LARGEUR,
            ENCART_HAUTEUR - 14,
        )
        for rang, (code, nom, bornes) in enumerate(
            [
                ("971", "Guadeloupe", (-61.85, -60.95, 15.8, 16.55)),
                ("972", "Martinique", (-61.25, -60.78, 14.37, 14.9)),
                ("973", "Guyane", (-54.65, -51.55, 2.1, 5.8)),
                ("974", "La Réunion", (55.2, 55.85, -21.4, -20.85)),
                ("976", "Mayotte", (44.95, 45.32, -13.02, -12.62)),
            ]
        )
    },
}


def cadre_du_departement(code):
    """The frame where a département is drawn: its inset for an overseas one, the main frame otherwise."""
    return CADRES.get(code or "", CADRES[METROPOLE])


def projeter(longitude, latitude, departement):
    """(x, y) of a point of `departement` (a code), or None when it has no position or falls outside its frame."""
    if longitude is None or latitude is None:
        return None
    cadre = cadre_du_departement(departement)
    if not cadre.contient(longitude, latitude):
        return None
    return cadre.projeter(longitude, latitude)


def rayon(population):
    """A circle's radius in pixels: its area grows with the population (capped for the largest cities)."""
    if not population:
        return 2.0
    return round(min(1.5 + math.sqrt(population) / 35, 14.0), 1)


def enveloppe(points):
    """The convex hull of (x, y) points, counter-clockwise (Andrew's monotone chain); [] under 3 points."""
    points = sorted(set(points))
    if len(points) < 3:
        return []

    def tour(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    bas, haut = [], []
    for point in points:
        while len(bas) >= 2 and tour(bas[-2], bas[-1], point) <= 0:
            bas.pop()
        bas.append(point)
    for point in reversed(points):
        while len(haut) >= 2 and tour(haut[-2], haut[-1], point) <= 0:
            haut.pop()
        haut.append(point)
    contour = bas[:-1] + haut[:-1]
    return contour if len(contour) >= 3 else []


@functools.cache
def contours_departements():
    """[(code, nom, path d)] of the départements, projected in their frames; [] without the base-layer file."""
    chemin = finders.find(FOND_DE_CARTE)
    if not chemin:
        return []
    try:
        with open(chemin, encoding="utf-8") as fichier:
            geojson = json.load(fichier)
    except (OSError, ValueError):
        return []
    contours = []
    for feature in geojson.get("features", []):
        proprietes, geometrie = feature.get("properties") or {}, feature.get("geometry") or {}
        cadre = cadre_du_departement(proprietes.get("code"))
        polygones = geometrie.get("coordinates") or []
        if geometrie.get("type") == "Polygon":
            polygones = [polygones]
        elif geometrie.get("type") != "MultiPolygon":
            continue
        morceaux = []
        for polygone in polygones:
            for anneau in polygone:
                # Whole pixels are precise enough for a base layer, and relative moves keep the page light.
                points = []
                for longitude, latitude, *_ in anneau:
                    x, y = cadre.projeter(longitude, latitude)
                    point = (round(x), round(y))
                    if not points or point != points[-1]:
                        points.append(point)
                if len(points) >= 3:
                    deplacements = " ".join(f"{x - px} {y - py}" for (px, py), (x, y) in itertools.pairwise(points))
                    morceaux.append(f"M{points[0][0]} {points[0][1]}l{deplacements}z")
        if morceaux:
            contours.append((proprietes.get("code", ""), proprietes.get("nom", ""), "".join(morceaux)))
    return contours


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    rayon: float
    couleur: str
    titre: str


@dataclass(frozen=True)
class Territoire:
    contour: str  # the hull as SVG polygon points, "" when the members are too few to make one
    couleur: str
    membres: list[Point]


@dataclass(frozen=True)
class LigneCarte:
    """One labelled collectivité in the table that goes with the map."""

    code: str
    nom: str
    categorie: str
    departement: str
    arobases: int
    population: int | None
    sur_la_carte: bool
    membres: list[str]  # member communes of a territoire
    membres_sur_la_carte: int

    @property
    def categorie_libelle(self):
        return Categorie(self.categorie).label

    @property
    def est_territoire(self):
        return self.categorie == Categorie.TERRITOIRE


@dataclass(frozen=True)
class Carte:
    points: list[Point]
    territoires: list[Territoire]
    lignes: list[LigneCarte]

    largeur = LARGEUR
    hauteur = HAUTEUR

    @property
    def contours(self):
        return contours_departements()

    @property
    def encarts(self):
        return [cadre for cle, cadre in CADRES.items() if cle != METROPOLE]

    @property
    def couleurs(self):
        return [(niveau, COULEURS_AROBASES[niveau]) for niveau in range(5, 0, -1)]

    @property
    def tailles(self):
        """Reference circles of the legend: (population, radius)."""
        return [(nombre_lisible(population), rayon(population)) for population in (1_000, 10_000, 100_000)]

    @property
    def hors_carte(self):
        return [ligne for ligne in self.lignes if not ligne.sur_la_carte]


def titre_du_point(nom, departement, arobases, population):
    morceaux = [f"{nom} ({departement})" if departement else nom, f"{arobases} arobase{'s' if arobases > 1 else ''}"]
    if population:
        morceaux.append(f"{nombre_lisible(population)} habitants")
    return " — ".join(morceaux)


def carte_edition(edition):
    """What the map of a published édition draws, in three queries whatever its size."""
    labellisations = Labellisation.objects.publiees().filter(edition=edition)
    # Query 1: the labelled collectivités with their commune's town hall, or their EPCI.
    resultats = labellisations.order_by().values_list(
        "collectivite_id",
        "collectivite__code",
        "collectivite__nom",
        "categorie",
        "arobases",
        "collectivite__commune__longitude",
        "collectivite__commune__latitude",
        "collectivite__commune__population",
        "collectivite__commune__departement__code",
        "collectivite__epci_id",
        "collectivite__epci__population",
        "collectivite__epci__departement__code",
        named=True,
    )
    # Query 2: the current member communes of the labelled EPCI.
    membres = defaultdict(list)
    for epci_id, *commune in (
        Commune.objects.actuelles()
        .filter(epci_id__in=labellisations.filter(collectivite__epci__isnull=False).values("collectivite__epci_id"))
        .order_by("nom")
        .values_list("epci_id", "nom", "longitude", "latitude", "population", "departement__code")
    ):
        membres[("epci", epci_id)].append(commune)
    # Query 3: the member communes of the labelled syndicats.
    for collectivite_id, *commune in (
        Collectivite.membres.through.objects.filter(
            collectivite_id__in=labellisations.filter(
                categorie=Categorie.TERRITOIRE, collectivite__epci__isnull=True
            ).values("collectivite_id")
        )
        .order_by("commune__nom")
        .values_list(
            "collectivite_id",
            "commune__nom",
            "commune__longitude",
            "commune__latitude",
            "commune__population",
            "commune__departement__code",
        )
    ):
        membres[("syndicat", collectivite_id)].append(commune)

    points, territoires, lignes = [], [], []
    for r in resultats:
        couleur = COULEURS_AROBASES.get(r.arobases, "#000")
        if r.categorie != Categorie.TERRITOIRE or not (
            r.collectivite__epci_id or membres[("syndicat", r.collectivite_id)]
        ):
            departement = r.collectivite__commune__departement__code or ""
            position = projeter(r.collectivite__commune__longitude, r.collectivite__commune__latitude, departement)
            population = r.collectivite__commune__population
            if position:
                titre = titre_du_point(r.collectivite__nom, departement, r.arobases, population)
                points.append(Point(*position, rayon(population), couleur, titre))
            lignes.append(
                LigneCarte(
                    r.collectivite__code,
                    r.collectivite__nom,
                    r.categorie,
                    departement,
                    r.arobases,
                    population,
                    sur_la_carte=bool(position),
                    membres=[],
                    membres_sur_la_carte=0,
                )
            )
            continue
        cle = ("epci", r.collectivite__epci_id) if r.collectivite__epci_id else ("syndicat", r.collectivite_id)
        communes = membres[cle]
        situes = []
        for nom, longitude, latitude, _, departement in communes:
            position = projeter(longitude, latitude, departement)
            if position:
                situes.append(Point(*position, 1.6, couleur, f"{nom} ({departement}), membre de {r.collectivite__nom}"))
        contour = enveloppe([(point.x, point.y) for point in situes])
        territoires.append(Territoire(" ".join(f"{x:g},{y:g}" for x, y in contour), couleur, situes))
        population = r.collectivite__epci__population if r.collectivite__epci_id else sum(c[3] or 0 for c in communes)
        lignes.append(
            LigneCarte(
                r.collectivite__code,
                r.collectivite__nom,
                r.categorie,
                r.collectivite__epci__departement__code or "",
                r.arobases,
                population,
                sur_la_carte=bool(situes),
                membres=[f"{nom} ({departement})" if departement else nom for nom, *_, departement in communes],
                membres_sur_la_carte=len(situes),
            )
        )
    # The largest circles first, so that a small commune next to a city stays visible on top.
    points.sort(key=lambda point: -point.rayon)
    lignes.sort(key=lambda ligne: (-ligne.arobases, ligne.nom.casefold(), ligne.code))
    return Carte(points=points, territoires=territoires, lignes=lignes)

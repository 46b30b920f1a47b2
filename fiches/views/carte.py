"""The map of the observatory: every published fiche where it happens, loaded by bounding box.

The page draws a Leaflet map (clustered markers, base layer of départements, no tile server by default) and
asks `carte/donnees/` for what the view shows only. Beyond MAX_POINTS places in the box, the endpoint
answers with clusters computed by the database on a grid (GROUP BY rounded coordinates), so that 150,000
fiches stay smooth. Below the map, the list of the fiches in view is its text equivalent.
"""

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Avg, Count, Exists, F, OuterRef, Value
from django.db.models.functions import Round
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from label.enums import Categorie

from ..facettes import Filtres, Referentiel
from ..geo import reglages_carte
from ..models import FicheAction, Lieu
from ..search import LONGUEUR_MAX as LONGUEUR_TEXTE
from ..search import correspondances

MAX_POINTS = 5_000  # places sent one by one at most; beyond, clusters per grid cell
GRILLE = 48  # cells across the longest side of the box when clustering
# How the database finds the places of the box. SQLite plans "fiche_id IN (published fiches)" from the fiches'
# side whatever the box: right for a country-wide view, a hundred times too slow for a town (it probes every
# published fiche). Up to BANDE_INDEX degrees of latitude, the places are read through the coordinates index
# and each is checked against its fiche (a correlated EXISTS), which is the other way round. Measured on
# 150,000 fiches: a 0.6° box, 340 ms → 11 ms; a country-wide box, 630 ms → 160 ms. PostgreSQL's planner
# picks well with either form.
BANDE_INDEX = 2.5
BBOX_LONGUEUR_MAX = 200  # characters

ERREUR_BBOX = "Paramètre bbox invalide : quatre nombres attendus, ouest,sud,est,nord (en degrés)."


class BboxInvalide(ValueError):
    """The bbox parameter cannot be used; the message is for people."""


def lire_bbox(texte):
    """ "west,south,east,north" → four floats (degrees), or BboxInvalide with a French message."""
    if not texte:
        raise BboxInvalide("Paramètre bbox manquant : bbox=ouest,sud,est,nord (en degrés).")
    if len(texte) > BBOX_LONGUEUR_MAX:
        raise BboxInvalide(ERREUR_BBOX)
    parties = texte.split(",")
    if len(parties) != 4:
        raise BboxInvalide(ERREUR_BBOX)
    try:
        ouest, sud, est, nord = (float(partie) for partie in parties)
    except ValueError:
        raise BboxInvalide(ERREUR_BBOX) from None
    if not all(math.isfinite(valeur) for valeur in (ouest, sud, est, nord)):
        raise BboxInvalide(ERREUR_BBOX)
    if not (-180 <= ouest <= 180 and -180 <= est <= 180 and -90 <= sud <= 90 and -90 <= nord <= 90):
        raise BboxInvalide("Paramètre bbox invalide : longitudes entre -180 et 180, latitudes entre -90 et 90.")
    if ouest > est or sud > nord:
        raise BboxInvalide("Paramètre bbox invalide : l'ouest doit précéder l'est, et le sud le nord.")
    return ouest, sud, est, nord


# Facets of the search page that the map's form shows as a list; the others (service, population band,
# arobases, year, nouvelle) are kept as they came, in hidden fields.
LISTES = ["famille", "enjeu", "region", "departement", "categorie"]


@dataclass
class Liste:
    """One facet of the map's form: its checkboxes, in groups (a title, or None, and its options)."""

    nom: str
    titre: str
    feminin: bool  # « toutes » / « tous », « choisie » / « choisi »
    groupes: list  # [(titre du groupe or None, [(valeur, libellé, cochée)])]

    @property
    def nombre_coches(self):
        return sum(coche for _, options in self.groupes for _, _, coche in options)


def listes_de_filtres(referentiel, choix):
    """The facets of LISTES with their values, in the search page's order, each value ticked if chosen."""

    def options(nom, valeurs):
        return [(valeur, libelle, valeur in choix[nom]) for valeur, libelle in valeurs]

    familles = sorted(referentiel.familles, key=lambda famille: (famille.ordre, famille.nom))
    enjeux = sorted(referentiel.enjeux, key=lambda enjeu: (enjeu.famille.ordre, enjeu.ordre, enjeu.nom))
    return [
        Liste("famille", "Famille", True, [(None, options("famille", [(f.pk, f.nom) for f in familles]))]),
        Liste(
            "enjeu",
            "Enjeu",
            False,
            [
                (famille.nom, options("enjeu", [(e.pk, e.nom) for e in enjeux if e.famille_id == famille.pk]))
                for famille in familles
            ],
        ),
        Liste("region", "Région", True, [(None, options("region", [(r.code, r.nom) for r in referentiel.regions]))]),
        Liste(
            "departement",
            "Département",
            False,
            [(None, options("departement", [(d.code, f"{d.code} — {d.nom}") for d in referentiel.departements]))],
        ),
        Liste("categorie", "Collectivité", True, [(None, options("categorie", Categorie.choices))]),
    ]


def parametres_actifs(texte, filtres):
    """The query string pairs of the valid filters and text, in the search page's names and order."""
    paires = [("q", texte)] if texte else []
    if filtres is not None:
        for nom in Filtres.NOMS:
            paires.extend((nom, str(valeur)) for valeur in sorted(filtres.choix[nom], key=str))
    return paires


def lire_filtres(donnees):
    """(text, Filtres or None) of a query string. The référentiel is read only when a facet is asked:
    panning a map without facets costs no query but its own two."""
    texte = donnees.get("q", "").strip()[:LONGUEUR_TEXTE]
    if not any(donnees.getlist(nom) for nom in Filtres.NOMS):
        return texte, None
    return texte, Filtres(donnees, Referentiel())


def fiches_filtrees(texte, filtres):
    """The published fiches of the search page's facets and text (a lazy queryset, used as a subquery).
    A wrong value is dropped, as on the search page, never an error."""
    fiches = filtres.fiches() if filtres is not None else FicheAction.objects.publiees()
    condition = correspondances(texte)
    return fiches.filter(condition) if condition is not None else fiches


def url_liste(paires):
    """The search page with the same filters: the text equivalent for people who'd rather read."""
    url = reverse("fiches:liste")
    return f"{url}?{urlencode(paires)}" if paires else url


@require_safe
def carte(request):
    """The map of all published fiches, with the filters of the search page (same names, same meaning,
    several values per facet: ?enjeu=3&enjeu=5). Public.

    Queries: the demo banner (1), the values of the filters (the search page's Referentiel, 6 today).
    The places themselves come from carte_donnees, asked by the page's script.
    """
    referentiel = Referentiel()
    texte = request.GET.get("q", "").strip()[:LONGUEUR_TEXTE]
    filtres = Filtres(request.GET, referentiel)
    paires = parametres_actifs(texte, filtres)
    return render(
        request,
        "fiches/carte.html",
        {
            "texte": texte,
            "listes": listes_de_filtres(referentiel, filtres.choix),
            "caches": [(nom, valeur) for nom, valeur in paires if nom not in LISTES and nom != "q"],
            "filtre": bool(paires),
            "url_donnees": reverse("fiches:carte_donnees"),
            "url_liste": url_liste(paires),
            "filtres_query": urlencode(paires),
            "carte": reglages_carte(),
        },
    )


def erreur(message):
    return JsonResponse({"erreur": message}, status=400, json_dumps_params={"ensure_ascii": False})


@require_safe
@cache_control(public=True, max_age=60)
def carte_donnees(request):
    """The places of the published fiches inside `bbox=west,south,east,north`, with the search page's
    filters and text (q). Public.

    Up to MAX_POINTS places: {"mode": "points", "total": n, "points": [[fiche id, lat, lon, title,
    collectivité], …]}. Beyond: {"mode": "groupes", "total": n, "taille": cell size in degrees,
    "groupes": [[mean lat, mean lon, count], …]}, one per non-empty cell of a GRILLE-wide grid.
    A bad bbox answers 400 with a French message in "erreur"; a wrong filter value is dropped.

    Queries: the places of the box counted up to MAX_POINTS + 1 (1), then the points or the clusters (1):
    always 2. When a facet is asked, its values are read first (the search page's Referentiel, 6 queries
    today). The text adds none (a subquery).
    """
    try:
        ouest, sud, est, nord = lire_bbox(request.GET.get("bbox", ""))
    except BboxInvalide as error:
        return erreur(str(error))
    texte, filtres = lire_filtres(request.GET)
    fiches = fiches_filtrees(texte, filtres)
    lieux = Lieu.objects.filter(latitude__gte=sud, latitude__lte=nord, longitude__gte=ouest, longitude__lte=est)
    if nord - sud <= BANDE_INDEX:
        lieux = lieux.filter(Exists(fiches.filter(pk=OuterRef("fiche_id"))))
    else:
        lieux = lieux.filter(fiche_id__in=fiches.values("pk"))
    lieux = lieux.order_by()
    # Counted up to MAX_POINTS + 1 only: a country-wide view stops early, and its total comes from the clusters.
    if lieux[: MAX_POINTS + 1].count() <= MAX_POINTS:
        points = [
            [fiche_id, round(lat, 5), round(lon, 5), titre, collectivite]
            for fiche_id, lat, lon, titre, collectivite in lieux.values_list(
                "fiche_id", "latitude", "longitude", "fiche__titre", "fiche__collectivite__nom"
            ).order_by("fiche_id", "pk")
        ]
        return JsonResponse(
            {"mode": "points", "total": len(points), "points": points}, json_dumps_params={"ensure_ascii": False}
        )
    taille = max(est - ouest, nord - sud) / GRILLE or 1e-4
    groupes = (
        lieux.annotate(ligne=Round(F("latitude") / Value(taille)), colonne=Round(F("longitude") / Value(taille)))
        .values("ligne", "colonne")
        .annotate(nombre=Count("pk"), lat=Avg("latitude"), lon=Avg("longitude"))
        .order_by("ligne", "colonne")
    )
    groupes = [[round(g["lat"], 5), round(g["lon"], 5), g["nombre"]] for g in groupes]
    return JsonResponse(
        {
            "mode": "groupes",
            "total": sum(groupe[2] for groupe in groupes),
            "taille": taille,
            "groupes": groupes,
        }
    )


urlpatterns = [
    path("carte/", carte, name="carte"),
    path("carte/donnees/", carte_donnees, name="carte_donnees"),
]

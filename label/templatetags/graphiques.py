"""Small inline SVG charts. Each one is an image with a summarising aria-label; pages put a table next to it."""

import math

from django import template
from django.utils.translation import ngettext

register = template.Library()

# Horizontal bars (distribution by arobases).
LIGNE = 28
BARRE = 20
ETIQUETTE = 52
BARRE_MAX = 340

# Vertical bars (a collectivité's arobases over the years).
NIVEAU = 24
COLONNE = 44
EPAISSEUR = 28
AXE = 40
HAUT = 18
BAS = 24


def _arobases(nombre):
    return ngettext("%(nombre)d arobase", "%(nombre)d arobases", nombre) % {"nombre": nombre}


@register.inclusion_tag("label/_graphique_repartition.html")
def graphique_repartition(repartition, titre):
    """Bars of the number of collectivités for each level. `repartition`: [(arobases, nombre), ...]."""
    maximum = max((nombre for _, nombre in repartition), default=0)
    barres = []
    for rang, (niveau, nombre) in enumerate(repartition):
        y = rang * LIGNE
        largeur = round(nombre * BARRE_MAX / maximum) if maximum else 0
        barres.append(
            {
                "niveau": niveau,
                "nombre": nombre,
                "y": y + (LIGNE - BARRE) // 2,
                "y_texte": y + LIGNE // 2 + 5,
                "largeur": largeur,
                "x_valeur": ETIQUETTE + largeur + 6,
            }
        )
    resume = " ; ".join(f"{_arobases(niveau)} : {nombre}" for niveau, nombre in repartition)
    return {
        "barres": barres,
        "etiquette": ETIQUETTE,
        "largeur": ETIQUETTE + BARRE_MAX + 60,
        "hauteur": LIGNE * len(repartition),
        "aria_label": f"{titre}. {resume}.",
    }


@register.inclusion_tag("label/_graphique_historique.html")
def graphique_historique(labellisations, nom):
    """One column per published labellisation, its height the arobases (1 to 5)."""
    hauteur_axe = 5 * NIVEAU
    colonnes = []
    for rang, labellisation in enumerate(labellisations):
        x = AXE + rang * COLONNE + (COLONNE - EPAISSEUR) // 2
        hauteur = labellisation.arobases * NIVEAU
        colonnes.append(
            {
                "annee": labellisation.edition.annee,
                "arobases": labellisation.arobases,
                "x": x,
                "x_milieu": x + EPAISSEUR // 2,
                "y": HAUT + hauteur_axe - hauteur,
                "hauteur": hauteur,
            }
        )
    graduations = [
        {
            "niveau": niveau,
            "y": HAUT + hauteur_axe - niveau * NIVEAU,
            "y_texte": HAUT + hauteur_axe - niveau * NIVEAU + 4,
        }
        for niveau in range(1, 6)
    ]
    resume = " ; ".join(f"{c['annee']} : {_arobases(c['arobases'])}" for c in colonnes)
    return {
        "colonnes": colonnes,
        "graduations": graduations,
        "axe": AXE,
        "epaisseur": EPAISSEUR,
        "base": HAUT + hauteur_axe,
        "y_annee": HAUT + hauteur_axe + 17,
        "largeur": AXE + COLONNE * max(len(colonnes), 1) + 8,
        "hauteur": HAUT + hauteur_axe + BAS,
        "aria_label": f"Arobases obtenues par {nom}, label par label : {resume}.",
    }


# Colour-blind-safe palette (Okabe & Ito, 2008). Colour never carries the information alone: each series
# also has its pattern, every chart has a legend and its data table, every shape a <title>.
OKABE_ITO = {
    "orange": "#E69F00",
    "bleu_ciel": "#56B4E9",
    "vert": "#009E73",
    "jaune": "#F0E442",
    "bleu": "#0072B2",
    "vermillon": "#D55E00",
    "pourpre": "#CC79A7",
    "noir": "#000000",
}
# One colour per level, the same on every chart and map of the palmarès.
COULEURS_AROBASES = {
    5: OKABE_ITO["bleu"],
    4: OKABE_ITO["bleu_ciel"],
    3: OKABE_ITO["vert"],
    2: OKABE_ITO["orange"],
    1: OKABE_ITO["pourpre"],
}
MOTIFS = ["plein", "hachures", "points", "croisillons", "rayures"]
# Series styles of the stacked columns, bottom series first: (colour, pattern).
PALETTES = {
    "categories": [(OKABE_ITO["bleu"], "plein"), (OKABE_ITO["orange"], "hachures"), (OKABE_ITO["vert"], "points")],
    "arobases": [(COULEURS_AROBASES[niveau], motif) for niveau, motif in zip(range(5, 0, -1), MOTIFS, strict=True)],
    "simple": [(OKABE_ITO["bleu"], "plein")],
}

# Stacked columns (one per édition).
GAUCHE = 64
PAS_COLONNE = 22
LARGEUR_COLONNE = 16
HAUTEUR_TRACE = 200
LIGNE_LEGENDE = 22
BAS_ANNEES = 44

# Horizontal bars with a text label (e.g. régions).
LIGNE_BARRE = 24
EPAISSEUR_BARRE = 16
BARRE_LONGUEUR = 260


def nombre_lisible(valeur):
    """French thousands (« 12 345 » with a narrow no-break space); « 4,6 M » from a million on."""
    if abs(valeur) >= 1_000_000:
        millions = f"{valeur / 1_000_000:.1f}".rstrip("0").rstrip(".").replace(".", ",")
        return f"{millions}\u202fM"
    return f"{valeur:,}".replace(",", "\u202f")


def _unite(valeur, unite):
    """« 12 collectivités », « 1 collectivité »: the unit after a value (given in the plural), French-style."""
    if not unite:
        return ""
    return f" {unite.removesuffix('s') if valeur < 2 else unite}"


def graduations(maximum, nombre=5):
    """Round axis ticks from 0 covering `maximum`, about `nombre` steps of 1, 2 or 5 × 10ⁿ."""
    if maximum <= 0:
        return [0, 1]
    brut = maximum / nombre
    puissance = 10 ** max(0, math.floor(math.log10(brut)))
    pas = next(m * puissance for m in (1, 2, 5, 10) if m * puissance >= brut)
    haut = math.ceil(maximum / pas) * pas
    return list(range(0, haut + 1, pas))


def _legende(libelles, largeur_max):
    """Place legend items left to right, wrapping to a new row; returns the items and the number of rows."""
    items, x, rang = [], GAUCHE, 0
    for indice, libelle in enumerate(libelles):
        largeur = 22 + 7 * len(libelle) + 16
        if x + largeur > largeur_max and x > GAUCHE:
            x, rang = GAUCHE, rang + 1
        items.append({"indice": indice, "libelle": libelle, "x": x, "y": rang * LIGNE_LEGENDE})
        x += largeur
    return items, rang + 1 if libelles else 0


@register.inclusion_tag("label/_graphique_colonnes.html")
def graphique_colonnes(annees, series, titre, identifiant, palette="categories", unite=""):
    """Stacked columns, one per year, with a legend, axis ticks and a <title> on every segment.

    `series`: [(libelle, [valeur pour chaque année])], the first one at the bottom. `identifiant` makes
    the pattern ids unique in the page. `palette` names the colours and patterns (see PALETTES).
    """
    styles = PALETTES[palette]
    motifs = []
    for indice in range(len(series)):
        couleur, motif = styles[indice % len(styles)]
        remplissage = couleur if motif == "plein" else f"url(#{identifiant}-motif-{indice})"
        motifs.append({"indice": indice, "couleur": couleur, "motif": motif, "remplissage": remplissage})
    largeur = GAUCHE + PAS_COLONNE * max(len(annees), 1) + 12
    legende, rangs = _legende([libelle for libelle, _ in series] if len(series) > 1 else [], largeur)
    haut = 10 + rangs * LIGNE_LEGENDE
    totaux = [sum(valeurs[rang] for _, valeurs in series) for rang in range(len(annees))]
    ticks = graduations(max(totaux, default=0))
    echelle = HAUTEUR_TRACE / ticks[-1]
    base = haut + HAUTEUR_TRACE
    colonnes = []
    for rang, annee in enumerate(annees):
        x = GAUCHE + rang * PAS_COLONNE + (PAS_COLONNE - LARGEUR_COLONNE) // 2
        cumul, segments = 0, []
        for indice, (libelle, valeurs) in enumerate(series):
            valeur = valeurs[rang]
            if valeur:
                y_haut = base - round((cumul + valeur) * echelle, 1)
                segments.append(
                    {
                        "remplissage": motifs[indice]["remplissage"],
                        "y": y_haut,
                        "hauteur": round(base - round(cumul * echelle, 1) - y_haut, 1),
                        "titre": f"{annee} — {libelle} : {nombre_lisible(valeur)}{_unite(valeur, unite)}",
                    }
                )
            cumul += valeur
        colonnes.append({"annee": annee, "x": x, "x_milieu": x + LARGEUR_COLONNE // 2, "segments": segments})
    for item in legende:
        item["y"] += 6
        item["remplissage"] = motifs[item["indice"]]["remplissage"]
    resume_series = " ; ".join(
        f"{libelle} de {nombre_lisible(min(valeurs, default=0))} à {nombre_lisible(max(valeurs, default=0))}"
        for libelle, valeurs in series
    )
    periode = f"de {annees[0]} à {annees[-1]}" if annees else "aucune année"
    return {
        "identifiant": identifiant,
        "motifs": motifs,
        "legende": legende,
        "colonnes": colonnes,
        "largeur_colonne": LARGEUR_COLONNE,
        "graduations": [
            {
                "valeur": nombre_lisible(tick),
                "y": round(base - tick * echelle, 1),
                "y_texte": round(base - tick * echelle + 4, 1),
            }
            for tick in ticks
        ],
        "gauche": GAUCHE,
        "base": base,
        "y_annee": base + 8,
        "largeur": largeur,
        "hauteur": base + BAS_ANNEES,
        "aria_label": f"{titre}, {periode}. {resume_series}. Les valeurs exactes sont dans le tableau qui suit.",
    }


@register.inclusion_tag("label/_graphique_barres.html")
def graphique_barres(donnees, titre, etiquette=200):
    """Horizontal bars with a text label each. `donnees`: [(libelle, nombre)]; `etiquette`: label width."""
    maximum = max((nombre for _, nombre in donnees), default=0)
    barres = []
    for rang, (libelle, nombre) in enumerate(donnees):
        y = rang * LIGNE_BARRE
        longueur = round(nombre * BARRE_LONGUEUR / maximum) if maximum else 0
        barres.append(
            {
                "libelle": libelle,
                "nombre": nombre,
                "y": y + (LIGNE_BARRE - EPAISSEUR_BARRE) // 2,
                "y_texte": y + LIGNE_BARRE // 2 + 5,
                "longueur": longueur,
                "x_valeur": etiquette + longueur + 6,
            }
        )
    resume = " ; ".join(f"{libelle} : {nombre}" for libelle, nombre in donnees)
    return {
        "barres": barres,
        "etiquette": etiquette,
        "epaisseur": EPAISSEUR_BARRE,
        "couleur": OKABE_ITO["bleu"],
        "largeur": etiquette + BARRE_LONGUEUR + 50,
        "hauteur": LIGNE_BARRE * max(len(donnees), 1),
        "aria_label": f"{titre}. {resume}.",
    }

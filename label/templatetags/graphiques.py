"""Small inline SVG charts. Each one is an image with a summarising aria-label; pages put a table next to it."""

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

"""Rendering of what the collectivités write: Markdown (or pasted HTML) made safe, links, colours.

Everything a fiche's author typed goes through `markdown` before reaching a page: Python-Markdown turns it
into HTML, then nh3 keeps only a strict allow-list. No script, style, event attribute or javascript: URL
survives, whatever the input (tests in fiches/tests/test_rendu.py).
"""

import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown as python_markdown
import nh3
from django import template
from django.utils.safestring import mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

register = template.Library()

BALISES = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4"}
# The page has its own h1 and h2: titles written in the text start at h3.
TITRES = {"h1": "h3", "h2": "h3", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
COULEUR_PAR_DEFAUT = "#00528a"
COULEUR = re.compile(r"#[0-9a-fA-F]{6}")


def lien_web(adresse):
    """The address if it is an absolute http(s) URL with a host, else "" (never javascript:, data:…)."""
    adresse = (adresse or "").strip()
    if any(ord(caractere) < 33 for caractere in adresse):  # spaces, tabs and control characters
        return ""
    try:
        parties = urlsplit(adresse)
    except ValueError:
        return ""
    if parties.scheme.lower() not in {"http", "https"} or not parties.hostname:
        return ""
    return adresse


def _filtre_attribut(balise, attribut, valeur):
    # Called for every kept attribute, the rel that nh3 adds included.
    if balise == "a" and attribut == "href":
        return lien_web(valeur) or None
    if balise == "a" and attribut == "rel":
        return valeur
    return None


NETTOYEUR = nh3.Cleaner(
    tags=BALISES,
    clean_content_tags={"script", "style", "template", "iframe", "object", "noscript", "textarea", "title"},
    attributes={"*": set(), "a": {"href"}},  # "*" empty: nh3 would otherwise allow lang and title anywhere
    attribute_filter=_filtre_attribut,
    url_schemes={"http", "https"},
    link_rel="noopener nofollow",
    strip_comments=True,
)


class _TitresDecales(Treeprocessor):
    def run(self, root: etree.Element):
        for element in root.iter():
            if element.tag in TITRES:
                element.tag = TITRES[element.tag]


class _TitresDecalesExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API
        md.treeprocessors.register(_TitresDecales(md), "titres_decales", 0)


def rendre_markdown(texte):
    """Markdown (or HTML) typed by a person → safe HTML limited to the allow-list (a str)."""
    if not texte:
        return ""
    html = python_markdown.markdown(
        str(texte), extensions=["fenced_code", "nl2br", "sane_lists", _TitresDecalesExtension()], output_format="html"
    )
    return NETTOYEUR.clean(html)


@register.filter(name="markdown")
def markdown_filter(texte):
    """`{{ fiche.synthese|markdown }}` → the text as safe HTML (see rendre_markdown)."""
    return mark_safe(rendre_markdown(texte))  # noqa: S308 - sanitised by nh3 with a strict allow-list


@register.filter
def couleur(valeur):
    """A colour for a style attribute: "#rrggbb" as typed in the admin, or the default accent colour."""
    valeur = (valeur or "").strip()
    return valeur if COULEUR.fullmatch(valeur) else COULEUR_PAR_DEFAUT

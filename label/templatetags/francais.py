"""French plural: unlike Django's `pluralize`, 0 and 1 are singular (« 0 collectivité correspond »)."""

from django import template

register = template.Library()


@register.filter
def pluriel(nombre, suffixe="s"):
    """`{{ n }} ville{{ n|pluriel }}`, `correspond{{ n|pluriel:"ent" }}`."""
    try:
        return suffixe if abs(int(nombre)) >= 2 else ""
    except (TypeError, ValueError):
        return ""

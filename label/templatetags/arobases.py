"""Show a label level as @ signs, with its text equivalent for screen readers."""

from django import template
from django.utils.html import format_html
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag
def arobases(nombre, verte=False):
    """`{% arobases 3 %}` → « @@@ », read « 3 arobases » by a screen reader.

    With `verte=True` (a mention that turns one @ of the panneau green), the first @ is green and the text
    says so: colour is never the only carrier of the information.
    """
    try:
        nombre = int(nombre)
    except (TypeError, ValueError):
        return ""
    if nombre < 1:
        return ""
    texte = ngettext("%(nombre)d arobase", "%(nombre)d arobases", nombre) % {"nombre": nombre}
    if verte:
        return format_html(
            '<span class="arobases"><span aria-hidden="true"><span class="arobase-verte">@</span>{}</span>'
            '<span class="visuellement-cache">{} dont une verte</span></span>',
            "@" * (nombre - 1),
            texte,
        )
    return format_html(
        '<span class="arobases"><span aria-hidden="true">{}</span><span class="visuellement-cache">{}</span></span>',
        "@" * nombre,
        texte,
    )

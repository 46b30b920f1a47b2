from django import template
from django.conf import settings
from django.shortcuts import resolve_url

register = template.Library()


@register.simple_tag
def lien_connexion():
    """The login page's address, whichever accounts app provides it (settings.LOGIN_URL)."""
    return resolve_url(settings.LOGIN_URL)

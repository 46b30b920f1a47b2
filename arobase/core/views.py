from django.shortcuts import render
from django.views.decorators.http import require_safe

from label.models import Edition


@require_safe
def accueil(request):
    """Public home page. Anyone may see it."""
    derniere = Edition.objects.publiees().order_by("-annee").first()
    return render(request, "core/accueil.html", {"derniere_edition": derniere})


@require_safe
def accessibilite(request):
    """Accessibility statement (RGAA). Anyone may see it."""
    return render(request, "core/accessibilite.html")

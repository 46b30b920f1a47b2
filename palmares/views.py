from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from label.models import Edition


@require_safe
def index(request):
    """List of published éditions. Public."""
    editions = Edition.objects.publiees().order_by("-annee")
    return render(request, "palmares/index.html", {"editions": editions})


@require_safe
def edition(request, annee):
    raise Http404


@require_safe
def statistiques(request, annee):
    raise Http404

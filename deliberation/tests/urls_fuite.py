"""The project's URLs plus two pages that forget Labellisation.objects.publiees(), for test_embargo's self-check."""

from django.http import HttpResponse
from django.urls import path

from arobase.urls import urlpatterns as urlpatterns_du_projet
from label.models import Labellisation, Mention


def citations(request, annee):
    """A careless page: the jury's citations of an édition, read without publiees()."""
    textes = Mention.objects.filter(labellisation__edition__annee=annee).values_list("citation", flat=True)
    return HttpResponse("\n".join(textes), content_type="text/plain; charset=utf-8")


def nombre(request, annee):
    """A careless page that shows no marker: only how many collectivités an édition labelled."""
    return HttpResponse(str(Labellisation.objects.filter(edition__annee=annee).count()), content_type="text/plain")


urlpatterns = [
    path("fuite/citations/<int:annee>/", citations, name="fuite_citations"),
    path("fuite/nombre/<int:annee>/", nombre, name="fuite_nombre"),
    *urlpatterns_du_projet,
]

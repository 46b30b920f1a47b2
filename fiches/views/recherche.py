"""The public search of the observatory: /fiches/."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from ..facettes import Filtres, Referentiel, calculer_facettes, couleur_sure
from ..models import FicheAction, Service
from ..search import rechercher


class RechercheForm(forms.Form):
    q = forms.CharField(label="Rechercher dans les fiches actions", required=False, strip=True)
    tri = forms.ChoiceField(
        label="Trier par",
        required=False,
        choices=[("pertinence", "Pertinence"), ("date", "Date (les plus récentes d'abord)")],
    )

    def valeurs(self):
        """(text, sort) of the query; a wrong sort falls back to relevance, never an error."""
        self.is_valid()
        donnees = getattr(self, "cleaned_data", {})
        return donnees.get("q", "") or "", donnees.get("tri") or "pertinence"


def fiches_de_la_page(ids):
    """The fiches of a results page, in the order of `ids`, with collectivité and services' enjeux (2 queries).

    Published only: a fiche unpublished since it was indexed does not show."""
    services = Prefetch("services", queryset=Service.objects.select_related("enjeu").order_by("enjeu__ordre", "ordre"))
    fiches = FicheAction.objects.publiees().filter(pk__in=ids).select_related("collectivite").prefetch_related(services)
    par_id = {fiche.pk: fiche for fiche in fiches}
    resultat = []
    for fiche_id in ids:
        fiche = par_id.get(fiche_id)
        if fiche is None:
            continue
        enjeux = {service.enjeu_id: service.enjeu for service in fiche.services.all()}
        fiche.enjeux_affiches = [(enjeu.nom, couleur_sure(enjeu.couleur)) for enjeu in enjeux.values()]
        resultat.append(fiche)
    return resultat


def url_de_page(request, page):
    parametres = request.GET.copy()
    parametres.pop("page", None)
    if page > 1:
        parametres["page"] = page
    return f"?{parametres.urlencode()}" if parametres else "?"


def url_sans(request, nom):
    """This search without the parameter `nom` (and back to the first page)."""
    parametres = request.GET.copy()
    for cle in (nom, "page"):
        parametres.pop(cle, None)
    return f"{request.path}?{parametres.urlencode()}" if parametres else request.path


def pagination(request, resultats):
    """Links to the first, previous, next and last pages and to the pages around the current one."""
    page, dernieres = resultats.page, resultats.nombre_de_pages
    numeros = sorted({1, dernieres, *range(max(1, page - 2), min(dernieres, page + 2) + 1)})
    liens, precedent = [], 0
    for numero in numeros:
        if numero - precedent > 1:
            liens.append({"ellipse": True})
        liens.append({"numero": numero, "url": url_de_page(request, numero), "courante": numero == page})
        precedent = numero
    return {
        "liens": liens,
        "precedente": url_de_page(request, page - 1) if page > 1 else None,
        "suivante": url_de_page(request, page + 1) if page < dernieres else None,
    }


@require_safe
def liste(request):
    """Search, filter and browse the published fiches actions. Public: everyone sees the same page, and only
    published fiches (drafts and fiches under moderation never show, even to their authors or to staff).
    ?collectivite=<code> keeps one collectivité's fiches (the link of its page); an unknown code is ignored.

    With htmx (the form, the pagination), only the results region is rendered; every state has its own
    address (hx-push-url), which renders the full page without htmx.

    Queries, whatever the number of fiches: 6 for the values of the facets (Referentiel), 2 or 3 for the
    search (see rechercher), 2 for the fiches of the page, 3 for the facet counts (+1 per ticked facet, see
    calculer_facettes; with the facet cache on, the search index's token and none for counts in the cache),
    and the demo banner's.
    """
    form = RechercheForm(request.GET)
    texte, tri = form.valeurs()
    referentiel = Referentiel()
    filtres = Filtres(request.GET, referentiel)
    resultats = rechercher(texte, **filtres.parmi(), tri=tri, page=request.GET.get("page", 1))
    fiches = fiches_de_la_page(resultats.ids)
    for fiche in fiches:
        fiche.titre_surligne = resultats.titres.get(fiche.pk)
        fiche.extrait = resultats.extraits.get(fiche.pk)
    collectivites = [
        (referentiel.collectivites[referentiel.par_code[code]]["nom"], code) for code in filtres.choix["collectivite"]
    ]
    contexte = {
        "form": form,
        "collectivites": sorted(collectivites),
        "url_sans_collectivite": url_sans(request, "collectivite"),
        "texte": texte,
        "url_sans_filtre": f"{request.path}?{urlencode({'q': texte, 'tri': tri})}",
        "tri": tri,
        "filtre": bool(filtres),
        "resultats": resultats,
        "fiches": fiches,
        "facettes": calculer_facettes(texte, filtres),
        "pagination": pagination(request, resultats),
        "rang_du_premier": (resultats.page - 1) * resultats.par_page + 1,
    }
    partiel = request.htmx and not request.htmx.history_restore_request
    gabarit = "fiches/recherche_resultats.html" if partiel else "fiches/recherche.html"
    response = render(request, gabarit, {**contexte, "partiel": partiel})
    patch_vary_headers(response, ["HX-Request"])
    return response


urlpatterns = [
    path("fiches/", liste, name="liste"),
]

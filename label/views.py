"""The public page of a collectivité: its published labels, history, titles, EPCI or member communes, its
mosaïque of the enjeux and its fiches actions (computed in fiches/mosaique.py)."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from fiches.mosaique import calculer_mosaique, dernieres_fiches, edition_choisie, editions_proposees
from territoires.models import Commune, Epci

from .models import Collectivite, Labellisation, Mention


@require_safe
def collectivite(request, code):
    """A collectivité by its code: INSEE code of a commune or SIREN of an EPCI or a syndicat. Public.

    A commune or an EPCI of the référentiel that never was a candidate still has a page. A path that is
    not a code but the readable name of exactly one collectivité (/collectivites/dijon/) redirects to it.
    Only published labellisations are shown or counted, only published fiches are listed or counted.
    `?edition=<année>` chooses the édition of the mosaïque (a published one or the open one).
    """
    collectivite = (
        Collectivite.objects.select_related(
            "commune__departement__region", "commune__epci", "epci__departement__region"
        )
        .prefetch_related("membres")
        .filter(code=code)
        .first()
    )
    if collectivite is None:
        return sans_collectivite(request, code)

    labellisations = list(
        Labellisation.objects.publiees()
        .filter(collectivite=collectivite)
        .select_related("edition")
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("categorie").order_by("categorie__nom"))
        )
        .order_by("edition__annee")
    )
    for labellisation in labellisations:
        # A mention may turn one @ of the panneau green (transition écologique).
        labellisation.arobase_verte = any(mention.categorie.arobase_verte for mention in labellisation.mentions.all())
    editions = editions_proposees()
    publiees = [edition for edition in editions if edition.is_published]
    derniere_annee = publiees[0].annee if publiees else None
    edition = edition_choisie(editions, request.GET.get("edition"))
    mosaique = None
    if edition is not None:
        mosaique = calculer_mosaique(collectivite, edition, derniere_publiee=publiees[0] if publiees else None)
    fiches, nombre_fiches = dernieres_fiches(collectivite)
    derniere = labellisations[-1] if labellisations else None
    departement = collectivite.departement
    return render(
        request,
        "label/collectivite.html",
        {
            "nom": collectivite.nom,
            "code": collectivite.code,
            "code_libelle": "Code INSEE" if collectivite.commune_id else "SIREN",
            "nature": collectivite.get_categorie_display(),
            "epci_nature": collectivite.epci.get_nature_display() if collectivite.epci_id else "",
            "departement": departement,
            "region": departement.region if departement else None,
            "population": collectivite.population,
            "epci": collectivite.commune.epci if collectivite.commune_id else None,
            "membres": list(collectivite.communes_membres()) if collectivite.is_territoire else None,
            "labellisations": labellisations,
            "derniere": derniere,
            "derniere_annee": derniere_annee,
            "titres": [labellisation for labellisation in labellisations if labellisation.titre_excellence],
            "editions_mosaique": editions,
            "mosaique": mosaique,
            "fiches": fiches,
            "nombre_fiches": nombre_fiches,
        },
    )


def sans_collectivite(request, code):
    """A commune or EPCI of the référentiel never registered as a candidate, or a readable name, or 404."""
    commune = Commune.objects.actuelles().select_related("departement__region", "epci").filter(code_insee=code).first()
    if commune is not None:
        return render(
            request,
            "label/collectivite.html",
            {
                "nom": commune.nom,
                "code": commune.code_insee,
                "code_libelle": "Code INSEE",
                "nature": "Commune",
                "departement": commune.departement,
                "region": commune.departement.region if commune.departement else None,
                "population": commune.population,
                "epci": commune.epci,
                "labellisations": [],
            },
        )
    epci = Epci.objects.select_related("departement__region").filter(siren=code).first()
    if epci is not None:
        return render(
            request,
            "label/collectivite.html",
            {
                "nom": epci.nom,
                "code": epci.siren,
                "code_libelle": "SIREN",
                "nature": "Territoire",
                "epci_nature": epci.get_nature_display(),
                "departement": epci.departement,
                "region": epci.departement.region if epci.departement else None,
                "population": epci.population,
                "membres": list(Commune.objects.actuelles().filter(epci=epci)),
                "labellisations": [],
            },
        )
    codes = list(Collectivite.objects.filter(slug=code).values_list("code", flat=True)[:2])
    if len(codes) == 1:
        return redirect("label:collectivite", codes[0], permanent=True)
    raise Http404("Aucune collectivité ne porte ce code.")

"""Public pages of the palmarès. Only published éditions exist here: any other year is a 404."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from label.models import Edition

from .forms import FiltresPalmaresForm
from .queries import filtrer, lignes_du_palmares, tri_valide, trier
from .stats import comptes_palmares, statistiques_edition

# Sortable columns of the palmarès: (key of `tri`, header, first click sorts descending).
COLONNES_TRIABLES = [
    ("nom", "Collectivité", False),
    ("categorie", "Catégorie", False),
    ("departement", "Département", False),
    ("region", "Région", False),
    ("population", "Population", True),
    ("arobases", "Arobases", True),
]


def get_edition_publiee(annee):
    """The published édition of `annee`, or 404: before publication a palmarès exists for nobody."""
    return get_object_or_404(Edition.objects.publiees(), annee=annee)


@require_safe
def index(request):
    """List of published éditions, with the way to the latest one. Public."""
    editions = list(Edition.objects.publiees().annotate(labellisees=Count("labellisations")).order_by("-annee"))
    return render(request, "palmares/index.html", {"editions": editions, "derniere": editions[0] if editions else None})


def colonnes_triables(request, tri):
    """Header links of the table: a click sorts by the column, a second click reverses; filters are kept."""
    colonnes = []
    for cle, libelle, descendant_d_abord in COLONNES_TRIABLES:
        active = tri.removeprefix("-") == cle
        descendant = tri.startswith("-")
        if active:
            suivant = cle if descendant else f"-{cle}"
        else:
            suivant = f"-{cle}" if descendant_d_abord else cle
        parametres = request.GET.copy()
        parametres["tri"] = suivant
        colonnes.append(
            {
                "cle": cle,
                "libelle": libelle,
                "url": f"?{parametres.urlencode()}",
                "aria_sort": ("descending" if descendant else "ascending") if active else None,
            }
        )
    return colonnes


@require_safe
def edition(request, annee):
    """The palmarès of a published édition: every labelled collectivité, filterable and sortable. Public."""
    edition = get_edition_publiee(annee)
    lignes = lignes_du_palmares(edition)
    form = FiltresPalmaresForm.en_ignorant_les_erreurs(request.GET, lignes=lignes)
    tri = tri_valide(request.GET.get("tri"))
    filtres = form.filtres()
    selection = trier(filtrer(lignes, **filtres), tri)
    colonnes = colonnes_triables(request, tri)
    return render(
        request,
        "palmares/edition.html",
        {
            "edition": edition,
            "comptes": comptes_palmares(lignes),
            "form": form,
            "filtre": bool(filtres),
            "tri": tri,
            "colonne_triee": next(colonne for colonne in colonnes if colonne["aria_sort"]),
            "colonnes": colonnes,
            "lignes": selection,
        },
    )


@require_safe
def statistiques(request, annee):
    """The figures of a published édition, each with how it is counted. Public."""
    edition = get_edition_publiee(annee)
    return render(request, "palmares/statistiques.html", {"edition": edition, "stats": statistiques_edition(edition)})

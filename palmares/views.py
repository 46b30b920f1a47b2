"""Public pages of the palmarès. Only published éditions exist here: any other year is a 404.

Every page is public and the same for everyone (anonymous, members of a collectivité, staff): results are
read through Edition.objects.publiees() and Labellisation.objects.publiees() only.
"""

import csv
from urllib.parse import urlencode

from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from label.enums import Categorie
from label.models import Edition

from .carte import carte_edition
from .forms import EditionsAComparerForm, FiltresComparaisonForm, FiltresPalmaresForm
from .historique import COLONNES_CSV, historique_du_label
from .queries import filtrer, lignes_du_palmares, lignes_presse, texte_presse, tri_valide, trier
from .stats import NIVEAUX, TRANCHES_DE_POPULATION, comparer_editions, comptes_palmares, statistiques_edition

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
            "parametres_filtres": urlencode({nom: valeur for nom, valeur in filtres.items()}),
        },
    )


@require_safe
def statistiques(request, annee):
    """The figures of a published édition, each with how it is counted. Public.

    Queries: demo banner, édition, then the eight of palmares.stats.statistiques_edition().
    """
    edition = get_edition_publiee(annee)
    return render(
        request,
        "palmares/statistiques.html",
        {
            "edition": edition,
            "stats": statistiques_edition(edition),
            "tranches": TRANCHES_DE_POPULATION,
            "niveaux": NIVEAUX,
        },
    )


@require_safe
def historique(request):
    """The label over all published éditions: charts and their tables. Public.

    Queries: demo banner, then the six of palmares.historique.historique_du_label().
    """
    return render(request, "palmares/historique.html", {"historique": historique_du_label()})


@require_safe
def historique_csv(request):
    """The series of the history page as CSV (UTF-8 with BOM, one row per published édition). Public."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="palmares-historique.csv"'
    response.write("\ufeff")  # BOM: spreadsheets then read UTF-8
    writer = csv.writer(response)
    writer.writerow(COLONNES_CSV)
    for annee in historique_du_label().annees:
        writer.writerow(annee.ligne_csv())
    return response


@require_safe
def carte(request, annee):
    """The labelled collectivités of a published édition on a map, with its legend and the list as a table. Public."""
    edition = get_edition_publiee(annee)
    return render(request, "palmares/carte.html", {"edition": edition, "carte": carte_edition(edition)})


def description_des_filtres(filtres, lignes):
    """« Bourgogne-Franche-Comté, Côte-d'Or (21), territoires, 5 @ »: the filters of a palmarès, in words."""
    regions = {ligne.region.code: ligne.region.nom for ligne in lignes if ligne.region}
    departements = {ligne.departement.code: ligne.departement for ligne in lignes if ligne.departement}
    morceaux = []
    if filtres.get("region"):
        morceaux.append(regions[filtres["region"]])
    if filtres.get("departement"):
        departement = departements[filtres["departement"]]
        morceaux.append(f"{departement.nom} ({departement.code})")
    if filtres.get("categorie"):
        morceaux.append(f"{Categorie(filtres['categorie']).label.lower()}s")
    if filtres.get("arobases"):
        morceaux.append(f"{filtres['arobases']} @")
    return ", ".join(morceaux)


def palmares_presse(request, edition):
    """The filter form and the press-format text of a palmarès, filtered by the GET parameters."""
    lignes = lignes_du_palmares(edition)
    form = FiltresPalmaresForm.en_ignorant_les_erreurs(request.GET, lignes=lignes)
    filtres = form.filtres()
    titre = f"Label national Territoires, Villes et Villages Internet {edition.annee} — palmarès"
    precisions = description_des_filtres(filtres, lignes)
    if precisions:
        titre += f" ({precisions})"
    selection = filtrer(lignes, **filtres)
    return form, selection, texte_presse(lignes_presse(selection), titre)


@require_safe
def texte(request, annee):
    """A published palmarès in the press format « Nom (dépt) @@@ », by région and département, to copy. Public."""
    edition = get_edition_publiee(annee)
    form, selection, texte = palmares_presse(request, edition)
    return render(
        request,
        "palmares/texte.html",
        {
            "edition": edition,
            "form": form,
            "filtre": bool(form.filtres()),
            "nombre": len(selection),
            "texte": texte,
            "lignes_de_texte": texte.count("\n") + 1,
            "parametres": request.GET.urlencode(),
        },
    )


@require_safe
def texte_txt(request, annee):
    """The same text as a plain-text download (UTF-8). Public."""
    edition = get_edition_publiee(annee)
    _, _, texte = palmares_presse(request, edition)
    response = HttpResponse(texte, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="palmares-{edition.annee}.txt"'
    return response


@require_safe
def comparer(request):
    """Two published éditions compared for one list: entered, left, up, down, same. Public.

    GET parameters: `de`, `a` (years, by default the latest édition and the one before), and the filters
    `categorie`, `region`, `departement`. Wrong values are dropped.
    """
    editions = {edition.annee: edition for edition in Edition.objects.publiees()}
    choix = EditionsAComparerForm.en_ignorant_les_erreurs(request.GET, annees=sorted(editions, reverse=True))
    de, a = choix.annees_choisies()
    contexte = {"choix": choix, "de": de, "a": a, "ecarts": None, "filtres": None}
    if de is not None and a is not None and de != a:
        ecarts, regions, departements = comparer_editions(editions[de], editions[a])
        filtres = FiltresComparaisonForm.en_ignorant_les_erreurs(
            request.GET, regions=regions, departements=departements
        )
        contexte.update(ecarts=ecarts.filtrer(**filtres.filtres()), filtres=filtres, filtre=bool(filtres.filtres()))
    return render(request, "palmares/comparer.html", contexte)

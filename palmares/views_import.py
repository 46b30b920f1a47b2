"""Staff screen to import a past palmarès: upload or paste a list, read the report, settle the ambiguous lines,
then import everything in one transaction (palmares/importation.py does the work).

The report between the steps is kept in the session (server side): the import only ever uses codes that the
resolver proposed for a line, whatever is posted.
"""

import io
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from comptes.access import a_la_double_authentification, demander_double_authentification
from label.models import Edition
from territoires.resolution import Referentiel

from .forms_import import ImportPalmaresForm
from .importation import AMBIGU, ImportImpossible, Ligne, Rapport, analyser, importer_palmares

SESSION = "palmares_import"


def staff_requis(view):
    """The one access rule of the import: staff with two-factor authentication (comptes.access). Anonymous → login
    page; signed in but not staff → 403; staff without it → the page that turns it on."""

    @wraps(view)
    def verifier(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied("Réservé à l'équipe.")
        if not a_la_double_authentification(request.user):
            return demander_double_authentification(request)
        return view(request, *args, **kwargs)

    return verifier


def _analyse_en_cours(request):
    """(données, rapport) of the analysis kept in the session, or (None, None)."""
    donnees = request.session.get(SESSION)
    if not donnees:
        return None, None
    return donnees, Rapport([Ligne.from_dict(ligne) for ligne in donnees["lignes"]])


@require_http_methods(["GET", "HEAD", "POST"])
@staff_requis
def formulaire(request):
    """Upload a file or paste a list, with the year and optional hints; the analysis goes to the report. Staff only."""
    if request.method == "POST":
        form = ImportPalmaresForm(request.POST, request.FILES)
        if form.is_valid():
            donnees = form.cleaned_data
            referentiel = Referentiel.charger()
            rapport = analyser(
                donnees["sorte"],
                donnees["contenu"],
                referentiel,
                departement=donnees["departement"] or None,
                region=donnees["region"] or None,
            )
            request.session[SESSION] = {
                "annee": donnees["annee"],
                "source": donnees["source"],
                "region": referentiel.regions.get(donnees["region"], ""),
                "departement": referentiel.departements.get(donnees["departement"], ""),
                "lignes": [ligne.as_dict() for ligne in rapport.lignes],
            }
            return redirect("palmares:import_rapport")
    else:
        form = ImportPalmaresForm()
    analyse, _ = _analyse_en_cours(request)
    return render(request, "palmares/import/formulaire.html", {"form": form, "analyse": analyse})


def _contexte_rapport(donnees, rapport, *, choix=None, erreur="", ignorer=False):
    edition = Edition.objects.filter(annee=donnees["annee"]).first()
    for ligne in rapport.lignes:
        ligne.choisi = (choix or {}).get(str(ligne.ligne), "")
    return {
        "donnees": donnees,
        "rapport": rapport,
        "resume": rapport.resume(),
        "texte_resume": rapport.texte_resume(),
        "edition": edition,
        "ambigues": [ligne for ligne in rapport.lignes if ligne.statut == AMBIGU],
        "choix": choix or {},
        "erreur": erreur,
        "ignorer": ignorer,
    }


@require_safe
@staff_requis
def rapport(request):
    """The report of the analysis in progress: every line, its status, the candidates of ambiguous lines. Staff only."""
    donnees, rapport_ = _analyse_en_cours(request)
    if donnees is None:
        messages.info(request, "Aucune analyse en cours : envoyez d'abord un palmarès.")
        return redirect("palmares:import")
    return render(request, "palmares/import/rapport.html", _contexte_rapport(donnees, rapport_))


@require_safe
@staff_requis
def rapport_csv(request):
    """The report of the analysis in progress as CSV (UTF-8), one row per input line. Staff only."""
    donnees, rapport_ = _analyse_en_cours(request)
    if donnees is None:
        return redirect("palmares:import")
    flux = io.StringIO()
    rapport_.ecrire_csv(flux)
    reponse = HttpResponse(flux.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="rapport-palmares-{donnees["annee"]}.csv"'
    return reponse


@require_POST
@staff_requis
def importer(request):
    """Import the analysis in progress with the candidates chosen for ambiguous lines, all or nothing. Staff only.

    Success: the analysis is forgotten and a message gives the counts. Refusal: the report again, with the reason
    and the choices made so far.
    """
    donnees, rapport_ = _analyse_en_cours(request)
    if donnees is None:
        messages.info(request, "Aucune analyse en cours : envoyez d'abord un palmarès.")
        return redirect("palmares:import")
    choix = {}
    for ligne in rapport_.lignes:
        code = request.POST.get(f"choix-{ligne.ligne}", "")
        if ligne.statut == AMBIGU and code:
            try:
                ligne.choisir(code)
            except ValueError:
                continue  # not one of its candidates: the line stays ambiguous
            choix[str(ligne.ligne)] = code
    ignorer = request.POST.get("ignorer_non_resolus") == "on"
    try:
        bilan = importer_palmares(annee=donnees["annee"], lignes=rapport_.lignes, ignorer_non_resolus=ignorer)
    except ImportImpossible as erreur:
        _, rapport_ = _analyse_en_cours(request)
        contexte = _contexte_rapport(donnees, rapport_, choix=choix, erreur=str(erreur), ignorer=ignorer)
        return render(request, "palmares/import/rapport.html", contexte)
    del request.session[SESSION]
    messages.success(request, bilan.texte())
    return redirect("palmares:import")


@require_POST
@staff_requis
def abandonner(request):
    """Forget the analysis in progress. Staff only."""
    request.session.pop(SESSION, None)
    messages.info(request, "Analyse abandonnée : rien n'a été importé.")
    return redirect("palmares:import")


urlpatterns = [
    path("import/", formulaire, name="import"),
    path("import/rapport/", rapport, name="import_rapport"),
    path("import/rapport.csv", rapport_csv, name="import_rapport_csv"),
    path("import/importer/", importer, name="import_importer"),
    path("import/abandonner/", abandonner, name="import_abandonner"),
]

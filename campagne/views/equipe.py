"""Staff's view of a campaign: the candidatures by statut, kind and région, the progress of each dossier, and the
same list as CSV or XLSX. Staff only, with two-factor authentication: anonymous visitors go to the login page,
staff without it to the page that turns it on, other signed-in users get a 403."""

import csv
import io
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from comptes.access import a_la_double_authentification, demander_double_authentification
from fiches.enums import EtatFiche
from fiches.models import FicheAction
from label.enums import Categorie
from label.models import Edition

from ..calendrier import PARIS
from ..dossier import reponses_remplies_q
from ..enums import StatutCandidature
from ..forms import FiltresForm
from ..models import Candidature, Questionnaire, Reponse

SANS_REGION = "Sans région"


def equipe_requise(vue):
    """Staff with two-factor authentication (comptes.access); staff without it are sent to turn it on."""

    @login_required
    @wraps(vue)
    def verifiee(request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied("Réservé à l'équipe de Villes Internet.")
        if not a_la_double_authentification(request.user):
            return demander_double_authentification(request)
        return vue(request, *args, **kwargs)

    return verifiee


def candidatures_avec_progression(edition):
    """The candidatures of `edition` with what a row of the list needs, in one query: collectivité, département
    and région (commune's or EPCI's), answered required questions of its questionnaire, fiches that count."""
    repondues = (
        Reponse.objects.filter(
            reponses_remplies_q(),
            candidature=OuterRef("pk"),
            question__obligatoire=True,
            question__questionnaire__edition=OuterRef("edition"),
            question__questionnaire__categorie=OuterRef("categorie"),
        )
        .values("candidature")
        .annotate(nombre=Count("pk"))
        .values("nombre")
    )
    fiches = (
        FicheAction.objects.comptant_pour(edition)
        .filter(collectivite=OuterRef("collectivite"))
        .exclude(etat=EtatFiche.REJETEE)
        .values("collectivite")
        .annotate(nombre=Count("pk"))
        .values("nombre")
    )
    zero = Value(0, output_field=IntegerField())
    return (
        Candidature.objects.filter(edition=edition)
        .select_related("collectivite__commune__departement__region", "collectivite__epci__departement__region")
        .annotate(
            repondues=Coalesce(Subquery(repondues, output_field=IntegerField()), zero),
            nombre_fiches=Coalesce(Subquery(fiches, output_field=IntegerField()), zero),
            region_code=Coalesce(
                "collectivite__commune__departement__region__code", "collectivite__epci__departement__region__code"
            ),
        )
        .order_by("collectivite__nom", "pk")
    )


def filtrer(candidatures, filtres):
    if filtres.get("statut"):
        candidatures = candidatures.filter(statut=filtres["statut"])
    if filtres.get("categorie"):
        candidatures = candidatures.filter(categorie=filtres["categorie"])
    if filtres.get("region"):
        if filtres["region"] == "-":
            candidatures = candidatures.filter(region_code__isnull=True)
        else:
            candidatures = candidatures.filter(region_code=filtres["region"])
    if filtres.get("q"):
        candidatures = candidatures.filter(
            Q(collectivite__nom__icontains=filtres["q"]) | Q(collectivite__code=filtres["q"].strip())
        )
    return candidatures


def _departement(candidature):
    collectivite = candidature.collectivite
    lieu = collectivite.commune or collectivite.epci
    return lieu.departement if lieu is not None else None


def lignes(edition, filtres):
    """The rows of the list (two queries: the questionnaires' required counts, the candidatures)."""
    obligatoires = dict(
        Questionnaire.objects.filter(edition=edition)
        .annotate(nombre=Count("questions", filter=Q(questions__obligatoire=True)))
        .values_list("categorie", "nombre")
    )
    resultat = []
    for candidature in filtrer(candidatures_avec_progression(edition), filtres):
        departement = _departement(candidature)
        candidature.departement = departement
        candidature.region = departement.region if departement else None
        candidature.obligatoires = obligatoires.get(candidature.categorie, 0)
        resultat.append(candidature)
    return resultat


def totaux(edition):
    """Counts of all the candidatures of `edition` by statut, by kind and by région (one query)."""
    comptes = (
        Candidature.objects.filter(edition=edition)
        .annotate(
            region_code=Coalesce(
                "collectivite__commune__departement__region__code", "collectivite__epci__departement__region__code"
            ),
            region_nom=Coalesce(
                "collectivite__commune__departement__region__nom", "collectivite__epci__departement__region__nom"
            ),
        )
        .values("statut", "categorie", "region_code", "region_nom")
        .annotate(nombre=Count("pk"))
        .order_by()
    )
    par_statut = dict.fromkeys(StatutCandidature.values, 0)
    par_categorie = dict.fromkeys(Categorie.values, 0)
    par_region = {}
    total = 0
    for ligne in comptes:
        par_statut[ligne["statut"]] += ligne["nombre"]
        par_categorie[ligne["categorie"]] += ligne["nombre"]
        cle = (ligne["region_nom"] or SANS_REGION, ligne["region_code"] or "-")
        par_region[cle] = par_region.get(cle, 0) + ligne["nombre"]
        total += ligne["nombre"]
    return {
        "total": total,
        "par_statut": [(StatutCandidature(s).label, s, n) for s, n in par_statut.items()],
        "par_categorie": [(Categorie(c).label, c, n) for c, n in par_categorie.items()],
        "par_region": [(nom, code, n) for (nom, code), n in sorted(par_region.items())],
    }


@equipe_requise
@require_safe
def candidatures(request, annee):
    """The candidatures of an édition, their counts and progress; filters in the query string. Staff only."""
    edition = get_object_or_404(Edition, annee=annee)
    form = FiltresForm(request.GET)
    filtres = form.valeurs()
    comptes = totaux(edition)
    return render(
        request,
        "campagne/equipe/candidatures.html",
        {
            "edition": edition,
            "form": form,
            "filtres": filtres,
            "requete": request.GET.urlencode(),
            "lignes": lignes(edition, filtres),
            "totaux": comptes,
            "regions": [(code, nom) for nom, code, _ in comptes["par_region"]],
        },
    )


COLONNES = [
    "Collectivité",
    "Code",
    "Catégorie",
    "Département",
    "Région",
    "Statut",
    "Questions obligatoires répondues",
    "Questions obligatoires",
    "Fiches comptant pour l'édition",
    "Inscrite le",
    "Soumise le",
]


def _valeurs(candidature):
    def date(instant):
        return timezone.localtime(instant, PARIS).strftime("%d/%m/%Y %H:%M") if instant else ""

    return [
        candidature.collectivite.nom,
        candidature.collectivite.code,
        candidature.get_categorie_display(),
        candidature.departement.nom if candidature.departement else "",
        candidature.region.nom if candidature.region else "",
        candidature.get_statut_display(),
        candidature.repondues,
        candidature.obligatoires,
        candidature.nombre_fiches,
        date(candidature.created_at),
        date(candidature.soumise_le),
    ]


@equipe_requise
@require_safe
def export_csv(request, annee):
    """The (filtered) list as CSV, UTF-8 with a BOM and semicolons, as spreadsheets in French expect. Staff only."""
    edition = get_object_or_404(Edition, annee=annee)
    flux = io.StringIO()
    flux.write("\ufeff")
    ecrivain = csv.writer(flux, delimiter=";")
    ecrivain.writerow(COLONNES)
    for candidature in lignes(edition, FiltresForm(request.GET).valeurs()):
        ecrivain.writerow(_valeurs(candidature))
    reponse = HttpResponse(flux.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="candidatures-{edition.annee}.csv"'
    return reponse


@equipe_requise
@require_safe
def export_xlsx(request, annee):
    """The (filtered) list as an XLSX workbook. Staff only."""
    from openpyxl import Workbook

    edition = get_object_or_404(Edition, annee=annee)
    classeur = Workbook()
    feuille = classeur.active
    feuille.title = f"Candidatures {edition.annee}"
    feuille.append(COLONNES)
    for candidature in lignes(edition, FiltresForm(request.GET).valeurs()):
        feuille.append(_valeurs(candidature))
    feuille.freeze_panes = "A2"
    flux = io.BytesIO()
    classeur.save(flux)
    reponse = HttpResponse(
        flux.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    reponse["Content-Disposition"] = f'attachment; filename="candidatures-{edition.annee}.xlsx"'
    return reponse


urlpatterns = [
    path("equipe/candidatures/<int:annee>/", candidatures, name="candidatures"),
    path("equipe/candidatures/<int:annee>/export.csv", export_csv, name="export_csv"),
    path("equipe/candidatures/<int:annee>/export.xlsx", export_xlsx, name="export_xlsx"),
]

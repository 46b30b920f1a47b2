"""Calibration of the experts and the export of the evaluations, for staff and the président of the édition
(with two-factor authentication); anyone else: 404. Both read only the dossiers the viewer may see
(candidatures_visibles): a conflicted président finds neither the dossier nor its scores in them."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from campagne.enums import StatutCandidature

from ..access import get_edition_jury, mfa_requise, peut_calibrer
from ..calibration import ECART_DESACCORD, calibrer
from ..conflits import candidatures_visibles
from ..models import Critere, Evaluation


def _edition_calibration(request, annee):
    edition = get_edition_jury(request, annee)
    if not peut_calibrer(request.user, edition):
        raise Http404("Page introuvable.")
    return edition


@mfa_requise
@require_safe
def calibration(request, annee):
    """Per expert: the distribution of the arobases they proposed, their mean and their severity compared with
    the other experts of the same dossiers; the dossiers where experts disagree by 2 @ or more. A fixed number
    of queries."""
    edition = _edition_calibration(request, annee)
    resultat = calibrer(candidatures_visibles(request.user, edition))
    contexte = {"edition": edition, "calibration": resultat, "ecart": ECART_DESACCORD, "niveaux": range(1, 6)}
    return render(request, "jury/calibration.html", contexte)


@mfa_requise
@require_safe
def export_evaluations(request, annee):
    """The submitted evaluations as CSV (one line per evaluation, a column per criterion). Same people as the
    calibration; never a dossier the viewer is in conflict with."""
    edition = _edition_calibration(request, annee)
    criteres = list(Critere.objects.filter(edition=edition))
    evaluations = (
        Evaluation.objects.soumises()
        .filter(candidature__in=candidatures_visibles(request.user, edition).filter(statut=StatutCandidature.SOUMISE))
        .select_related("candidature__collectivite", "expert")
        .prefetch_related("notes")
        .order_by("candidature__collectivite__nom", "expert__last_name", "pk")
    )
    reponse = HttpResponse(content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="evaluations-{edition.annee}.csv"'
    reponse.write("\ufeff")  # so that spreadsheets read the accents
    ecrivain = csv.writer(reponse, delimiter=";")
    ecrivain.writerow(
        [
            "Code",
            "Collectivité",
            "Catégorie",
            "Expert",
            *[c.libelle for c in criteres],
            "Score",
            "Arobases proposées",
            "Soumise le",
        ]
    )
    for evaluation in evaluations:
        notes = {note.critere_id: note.valeur for note in evaluation.notes.all()}
        ecrivain.writerow(
            [
                evaluation.candidature.collectivite.code,
                evaluation.candidature.collectivite.nom,
                evaluation.candidature.get_categorie_display(),
                evaluation.expert.get_full_name() or evaluation.expert.email,
                *[notes.get(critere.pk, "") for critere in criteres],
                str(evaluation.score).replace(".", ",") if evaluation.score is not None else "",
                evaluation.arobases_proposees,
                evaluation.soumise_le.isoformat() if evaluation.soumise_le else "",
            ]
        )
    return reponse


urlpatterns = [
    path("<int:annee>/calibration/", calibration, name="calibration"),
    path("<int:annee>/evaluations.csv", export_evaluations, name="export_evaluations"),
]

"""The jury's pages for experts, jurés and the président: their éditions, their dossiers, a dossier read-only
with the mosaïque and the evaluations they may read, and the expert's evaluation form.

Every page requires two-factor authentication of staff and jury members (jury.access.mfa_requise) and reads its
dossiers through jury.conflits.candidatures_visibles (via jury.access.get_candidature_jury): a conflicted
person never sees a dossier, its evaluations or its counts.
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from campagne.calendrier import PARIS
from campagne.dossier import contenu
from campagne.enums import StatutCandidature
from fiches.models import FicheAction
from fiches.mosaique import calculer_mosaique
from label.models import Edition

from ..access import (
    a_role,
    evaluations_visibles,
    get_candidature_jury,
    get_edition_jury,
    mfa_requise,
    peut_calibrer,
    peut_gerer,
    roles_de,
)
from ..actions import enregistrer_evaluation, evaluation_de, soumettre_evaluation
from ..conflits import candidatures_visibles
from ..enums import RoleJury, StatutEvaluation
from ..forms import EvaluationForm, RechercheForm
from ..models import Affectation, Critere, Evaluation, RefusJury, RoleEdition, parametres_de


def _date_limite(edition):
    limite = parametres_de(edition).date_limite_evaluation
    return timezone.localtime(limite, PARIS) if limite else None


@mfa_requise
@require_safe
def accueil(request):
    """The éditions where the user holds a role in the jury (staff: every édition). Anyone else: 404."""
    if peut_gerer(request.user):
        editions = list(Edition.objects.order_by("-annee"))
        roles = {}
    else:
        roles = {}
        for role in RoleEdition.objects.filter(user=request.user).select_related("edition"):
            roles.setdefault(role.edition, []).append(role.get_role_display())
        if not roles:
            raise Http404("Page introuvable.")
        editions = sorted(roles, key=lambda edition: -edition.annee)
    return render(request, "jury/accueil.html", {"editions": [(e, roles.get(e, [])) for e in editions]})


@mfa_requise
@require_safe
def edition(request, annee):
    """The jury's page of an édition: an expert's « Mes dossiers » with the deadline and where each evaluation
    stands; links to the dossiers (jurés, président, staff), the calibration (président, staff), the
    conflict declarations (every role) and staff's pages. Staff and the édition's jury only; others: 404."""
    edition = get_edition_jury(request, annee)
    roles = roles_de(request.user, edition)
    mes_dossiers = []
    if RoleJury.EXPERT in roles:
        # Assigned and visible (a conflict found after the assignment hides the dossier here too).
        visibles = candidatures_visibles(request.user, edition)
        statuts = dict(
            Evaluation.objects.filter(expert=request.user, candidature__edition=edition).values_list(
                "candidature_id", "statut"
            )
        )
        for affectation in (
            Affectation.objects.filter(expert=request.user, candidature__in=visibles)
            .select_related("candidature__collectivite")
            .order_by("candidature__collectivite__nom")
        ):
            statut = statuts.get(affectation.candidature_id)
            mes_dossiers.append(
                {
                    "candidature": affectation.candidature,
                    "statut": StatutEvaluation(statut).label if statut else "À commencer",
                    "soumise": statut == StatutEvaluation.SOUMISE,
                }
            )
    contexte = {
        "edition": edition,
        "roles": sorted(RoleJury(role).label for role in roles),
        "est_expert": RoleJury.EXPERT in roles,
        "voit_dossiers": peut_gerer(request.user) or bool(roles & {RoleJury.JURE, RoleJury.PRESIDENT}),
        "calibration": peut_calibrer(request.user, edition),
        "equipe": peut_gerer(request.user),
        "mes_dossiers": mes_dossiers,
        "a_faire": sum(1 for dossier in mes_dossiers if not dossier["soumise"]),
        "date_limite": _date_limite(edition),
    }
    return render(request, "jury/edition.html", contexte)


@mfa_requise
@require_safe
def dossiers(request, annee):
    """The submitted dossiers of an édition the user may see (candidatures_visibles: jurés, président and staff
    see them all but their conflicts; an expert, those assigned to them), with a search by name or code, how many
    evaluations were submitted and the mean of the proposed arobases when the user may read them. Others: 404."""
    edition = get_edition_jury(request, annee)
    form = RechercheForm(request.GET or None)
    visibles = candidatures_visibles(request.user, edition).filter(statut=StatutCandidature.SOUMISE)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if q:
        visibles = visibles.filter(Q(collectivite__nom__icontains=q) | Q(collectivite__code=q))
    lignes = list(
        visibles.select_related("collectivite__commune__departement", "collectivite__epci__departement")
        .annotate(
            nombre_experts=Count("affectations", distinct=True),
            nombre_soumises=Count("evaluations", filter=Q(evaluations__statut=StatutEvaluation.SOUMISE), distinct=True),
        )
        .order_by("collectivite__nom", "pk")
    )
    # The proposed arobases of a dossier stay hidden from an expert of it until theirs is submitted.
    mes_affectations = set(
        Affectation.objects.filter(expert=request.user, candidature__edition=edition).values_list(
            "candidature_id", flat=True
        )
    )
    mes_soumises = set(
        Evaluation.objects.soumises()
        .filter(expert=request.user, candidature__edition=edition)
        .values_list("candidature_id", flat=True)
    )
    lit_tout = peut_gerer(request.user) or a_role(request.user, edition, RoleJury.JURE, RoleJury.PRESIDENT)
    propositions = {}
    for candidature_id, arobases in (
        Evaluation.objects.soumises()
        .filter(candidature__in=[ligne.pk for ligne in lignes])
        .values_list("candidature_id", "arobases_proposees")
    ):
        propositions.setdefault(candidature_id, []).append(arobases)
    for ligne in lignes:
        lisible = ligne.pk in mes_soumises if ligne.pk in mes_affectations else lit_tout
        valeurs = propositions.get(ligne.pk, []) if lisible else []
        ligne.moyenne = sum(valeurs) / len(valeurs) if valeurs else None
        ligne.propositions = sorted(valeurs)
        ligne.lisible = lisible
    return render(request, "jury/dossiers.html", {"edition": edition, "lignes": lignes, "form": form, "q": q})


@mfa_requise
@require_safe
def dossier(request, annee, pk):
    """A dossier read-only: its answers, its published fiches that count for the édition, its mosaïque, and the
    evaluations the user may read (jury.access.evaluations_visibles: an expert reads the others' once theirs is
    submitted). For staff, jurés, the président and the experts it is assigned to, never a conflicted person;
    anyone else: 404."""
    edition = get_edition_jury(request, annee)
    candidature = get_candidature_jury(request, edition, pk)
    affecte = Affectation.objects.filter(candidature=candidature, expert=request.user).exists()
    mon_evaluation = Evaluation.objects.filter(candidature=candidature, expert=request.user).first()
    evaluations = list(
        evaluations_visibles(request.user, candidature)
        .select_related("expert")
        .prefetch_related("notes__critere")
        .order_by("expert__last_name", "expert_id")
    )
    for evaluation in evaluations:
        evaluation.moi = evaluation.expert_id == request.user.pk
    autres_cachees = (
        affecte
        and not (mon_evaluation and mon_evaluation.est_soumise)
        and Evaluation.objects.soumises().filter(candidature=candidature).exclude(expert=request.user).exists()
    )
    fiches = list(
        FicheAction.objects.publiees()
        .comptant_pour(edition)
        .filter(collectivite_id=candidature.collectivite_id)
        .order_by("-updated_at", "-pk")
    )
    derniere_publiee = Edition.objects.publiees().order_by("-annee").first()
    experts = None
    if peut_gerer(request.user) or a_role(request.user, edition, RoleJury.JURE, RoleJury.PRESIDENT):
        experts = list(
            Affectation.objects.filter(candidature=candidature).select_related("expert").order_by("expert__last_name")
        )
    contexte = {
        "edition": edition,
        "candidature": candidature,
        "collectivite": candidature.collectivite,
        "blocs": contenu(candidature),
        "fiches": fiches,
        "mosaique": calculer_mosaique(candidature.collectivite, edition, derniere_publiee=derniere_publiee),
        "editions_mosaique": [],
        "nom": candidature.collectivite.nom,
        "affecte": affecte,
        "mon_evaluation": mon_evaluation,
        "evaluations": evaluations,
        "autres_cachees": autres_cachees,
        "experts": experts,
        "criteres": list(Critere.objects.filter(edition=edition)),
        "date_limite": _date_limite(edition),
    }
    return render(request, "jury/dossier.html", contexte)


@mfa_requise
@require_http_methods(["GET", "HEAD", "POST"])
def evaluer(request, annee, pk):
    """The evaluation form of an assigned expert: a score per criterion, the proposed arobases, a comment, an
    optional note for the collectivité. « Enregistrer le brouillon » keeps it; « Soumettre » sends it (every
    criterion and the arobases needed) and shows the others' evaluations. Only the experts the dossier is
    assigned to (not in conflict); anyone else: 404. A submitted evaluation no longer changes."""
    edition = get_edition_jury(request, annee)
    candidature = get_candidature_jury(request, edition, pk)
    if not Affectation.objects.filter(candidature=candidature, expert=request.user).exists():
        raise Http404("Dossier introuvable.")
    evaluation = evaluation_de(candidature=candidature, expert=request.user)
    if evaluation.est_soumise:
        messages.info(request, "Votre évaluation est soumise : elle ne peut plus changer.")
        return redirect("jury:dossier", edition.annee, candidature.pk)
    criteres = list(Critere.objects.filter(edition=edition))
    if request.method == "POST":
        soumettre = "soumettre" in request.POST
        form = EvaluationForm(request.POST, criteres=criteres, soumettre=soumettre)
        if form.is_valid():
            try:
                evaluation = enregistrer_evaluation(
                    candidature=candidature, expert=request.user, valeurs=form.valeurs(), notes=form.notes()
                )
                if soumettre:
                    soumettre_evaluation(evaluation=evaluation)
            except RefusJury as refus:
                form.add_error(None, str(refus))
            else:
                if soumettre:
                    messages.success(
                        request,
                        "Évaluation soumise. Les évaluations des autres experts de ce dossier vous sont maintenant "
                        "visibles.",
                    )
                    return redirect("jury:dossier", edition.annee, candidature.pk)
                messages.success(request, "Brouillon enregistré.")
                return redirect("jury:evaluer", edition.annee, candidature.pk)
        elif soumettre:
            # What was typed is kept as a draft, so that nothing is lost; the form says what is missing.
            brouillon = EvaluationForm(request.POST, criteres=criteres)
            if brouillon.is_valid():
                enregistrer_evaluation(
                    candidature=candidature, expert=request.user, valeurs=brouillon.valeurs(), notes=brouillon.notes()
                )
                form.add_error(None, "Votre brouillon est enregistré, mais l'évaluation n'est pas encore soumise.")
    else:
        initial = {
            "arobases_proposees": evaluation.arobases_proposees,
            "commentaire": evaluation.commentaire,
            "note_collectivite": evaluation.note_collectivite,
            "note_partageable": evaluation.note_partageable,
        }
        if evaluation.pk:
            for note in evaluation.notes.all():
                initial[f"note_{note.critere_id}"] = note.valeur
        form = EvaluationForm(initial=initial, criteres=criteres)
    contexte = {
        "edition": edition,
        "candidature": candidature,
        "collectivite": candidature.collectivite,
        "evaluation": evaluation,
        "form": form,
        "date_limite": _date_limite(edition),
    }
    return render(request, "jury/evaluer.html", contexte, status=200 if not form.errors else 422)


urlpatterns = [
    path("", accueil, name="accueil"),
    path("<int:annee>/", edition, name="edition"),
    path("<int:annee>/dossiers/", dossiers, name="dossiers"),
    path("<int:annee>/dossiers/<int:pk>/", dossier, name="dossier"),
    path("<int:annee>/dossiers/<int:pk>/evaluation/", evaluer, name="evaluer"),
]

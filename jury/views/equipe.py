"""Staff's pages of the jury of an édition: roles, settings and grid, the assignment (proposal, applying it,
adjusting by hand) and the conflicts of interest (with lifting). Staff only (with two-factor authentication);
anyone else: 404. A staff member in conflict with a dossier does not see it here either."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ..access import get_edition_jury, mfa_requise, peut_gerer
from ..actions import accorder_role, affecter_expert, appliquer_proposition, lever_conflit, retirer_expert, retirer_role
from ..affectation import dossiers_a_evaluer, proposer_affectation
from ..conflits import candidatures_visibles, conflits_des_personnes
from ..enums import RoleJury, StatutEvaluation
from ..forms import AffecterForm, LeveeForm, ParametresForm, RoleForm
from ..grille import creer_grille_proposee
from ..models import Affectation, Critere, Evaluation, LeveeConflit, RefusJury, RoleEdition, parametres_de


def _edition_equipe(request, annee):
    if not peut_gerer(request.user):
        raise Http404("Page introuvable.")
    return get_edition_jury(request, annee)


# ---------------------------------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------------------------------


def _page_roles(request, edition, form=None, status=200):
    roles = (
        RoleEdition.objects.filter(edition=edition)
        .select_related("user", "accorde_par")
        .order_by("role", "user__last_name", "user__email")
    )
    return render(
        request,
        "jury/equipe/roles.html",
        {"edition": edition, "roles": roles, "form": form or RoleForm()},
        status=status,
    )


@mfa_requise
@require_safe
def roles(request, annee):
    """The jury of the édition: who holds which role (with an expert's capacity), and the form to grant one."""
    return _page_roles(request, _edition_equipe(request, annee))


@mfa_requise
@require_POST
def accorder(request, annee):
    """Grant a role (or change an expert's capacity). Staff only."""
    edition = _edition_equipe(request, annee)
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _page_roles(request, edition, form, status=422)
    role = accorder_role(
        user=form.user,
        edition=edition,
        role=form.cleaned_data["role"],
        capacite=form.cleaned_data["capacite"],
        par=request.user,
    )
    messages.success(request, f"{role.user.get_full_name() or role.user.email} : {role.get_role_display().lower()}.")
    return redirect("jury:roles", edition.annee)


@mfa_requise
@require_POST
def retirer(request, annee, pk):
    """Take a role back (refused for an expert who submitted evaluations). Staff only."""
    edition = _edition_equipe(request, annee)
    role = get_object_or_404(RoleEdition, pk=pk, edition=edition)
    try:
        retirer_role(role_edition=role)
    except RefusJury as refus:
        messages.error(request, str(refus))
    else:
        messages.success(request, "Rôle retiré.")
    return redirect("jury:roles", edition.annee)


# ---------------------------------------------------------------------------------------------------
# Settings and grid
# ---------------------------------------------------------------------------------------------------


@mfa_requise
@require_http_methods(["GET", "HEAD", "POST"])
def parametres(request, annee):
    """The jury's settings of the édition (experts per dossier, deadline, conflict by département) and its
    evaluation grid (edited in the administration). Staff only."""
    edition = _edition_equipe(request, annee)
    instance = parametres_de(edition)
    form = ParametresForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Paramètres enregistrés.")
        return redirect("jury:parametres", edition.annee)
    contexte = {"edition": edition, "form": form, "criteres": Critere.objects.filter(edition=edition)}
    return render(request, "jury/equipe/parametres.html", contexte, status=422 if form.errors else 200)


@mfa_requise
@require_POST
def grille_proposee(request, annee):
    """Create the proposed grid when the édition has none. Staff only."""
    edition = _edition_equipe(request, annee)
    creer_grille_proposee(edition)
    messages.success(request, "La grille proposée est en place : modifiez-la dans l'administration au besoin.")
    return redirect("jury:parametres", edition.annee)


# ---------------------------------------------------------------------------------------------------
# Assignment
# ---------------------------------------------------------------------------------------------------


@mfa_requise
@require_safe
def affectation(request, annee):
    """The assignment of the submitted dossiers: each dossier with its experts (and where their evaluation
    stands), the load of each expert, and on demand (?proposer=1) the platform's proposal to review before
    applying it. Staff only; a dossier the staff member is in conflict with is not listed."""
    edition = _edition_equipe(request, annee)
    dossiers = list(
        dossiers_a_evaluer(edition)
        .filter(pk__in=candidatures_visibles(request.user, edition).values("pk"))
        .select_related("collectivite")
        .order_by("collectivite__nom", "pk")
    )
    affectations = {}
    for a in (
        Affectation.objects.filter(candidature__in=dossiers).select_related("expert").order_by("expert__last_name")
    ):
        affectations.setdefault(a.candidature_id, []).append(a)
    statuts = {
        (e.candidature_id, e.expert_id): e.statut
        for e in Evaluation.objects.filter(candidature__in=dossiers).only("candidature_id", "expert_id", "statut")
    }
    roles_experts = list(
        RoleEdition.objects.experts().filter(edition=edition).select_related("user").order_by("user__last_name")
    )
    charges = {}
    for expert_id in Affectation.objects.filter(candidature__edition=edition).values_list("expert_id", flat=True):
        charges[expert_id] = charges.get(expert_id, 0) + 1
    k = parametres_de(edition).experts_par_dossier
    experts_qs = get_user_model().objects.filter(pk__in=[role.user_id for role in roles_experts]).order_by("last_name")
    lignes = []
    for dossier in dossiers:
        liste = affectations.get(dossier.pk, [])
        for a in liste:
            a.statut = statuts.get((dossier.pk, a.expert_id))
            a.soumise = a.statut == StatutEvaluation.SOUMISE
        lignes.append({"candidature": dossier, "affectations": liste, "manque": max(0, k - len(liste))})
    contexte = {
        "edition": edition,
        "k": k,
        "lignes": lignes,
        "experts": [(role, charges.get(role.user_id, 0)) for role in roles_experts],
        "form_affecter": AffecterForm(experts=experts_qs),
        "proposition": (
            proposer_affectation(edition).restreinte_a(dossier.pk for dossier in dossiers)
            if request.GET.get("proposer")
            else None
        ),
    }
    return render(request, "jury/equipe/affectation.html", contexte)


@mfa_requise
@require_POST
def appliquer(request, annee):
    """Apply the platform's proposal (computed again, each pair checked again). Staff only."""
    edition = _edition_equipe(request, annee)
    visibles = candidatures_visibles(request.user, edition).values_list("pk", flat=True)
    proposition = proposer_affectation(edition).restreinte_a(visibles)
    crees, refus = appliquer_proposition(proposition=proposition, par=request.user)
    messages.success(request, f"{crees} affectation(s) créée(s).")
    for texte in refus:
        messages.warning(request, texte)
    return redirect("jury:affectation", edition.annee)


@mfa_requise
@require_POST
def affecter(request, annee, pk):
    """Give a dossier to an expert by hand (refused for an expert in conflict or at capacity). Staff only."""
    edition = _edition_equipe(request, annee)
    candidature = get_object_or_404(candidatures_visibles(request.user, edition), pk=pk)
    experts = get_user_model().objects.filter(roles_jury__edition=edition, roles_jury__role=RoleJury.EXPERT)
    form = AffecterForm(request.POST, experts=experts)
    if not form.is_valid():
        messages.error(request, "Choisissez un expert de l'édition.")
    else:
        try:
            affecter_expert(candidature=candidature, expert=form.cleaned_data["expert"], par=request.user)
        except RefusJury as refus:
            messages.error(request, f"{candidature.collectivite.nom} : {refus}")
        else:
            messages.success(request, f"{candidature.collectivite.nom} : expert ajouté.")
    return redirect("jury:affectation", edition.annee)


@mfa_requise
@require_POST
def desaffecter(request, annee, pk):
    """Take a dossier back from an expert (refused once their evaluation is submitted). Staff only."""
    edition = _edition_equipe(request, annee)
    affectation_ = get_object_or_404(
        Affectation.objects.select_related("candidature__collectivite"),
        pk=pk,
        candidature__in=candidatures_visibles(request.user, edition),
    )
    try:
        retirer_expert(affectation=affectation_)
    except RefusJury as refus:
        messages.error(request, str(refus))
    else:
        messages.success(request, f"{affectation_.candidature.collectivite.nom} : expert retiré.")
    return redirect("jury:affectation", edition.annee)


# ---------------------------------------------------------------------------------------------------
# Conflicts
# ---------------------------------------------------------------------------------------------------


def _page_conflits(request, edition, form=None, status=200):
    visibles = candidatures_visibles(request.user, edition)
    personnes = list(
        get_user_model().objects.filter(roles_jury__edition=edition).distinct().order_by("last_name", "email")
    )
    contexte = {
        "edition": edition,
        "conflits": conflits_des_personnes(personnes, edition, visibles),
        "levees": LeveeConflit.objects.filter(candidature__in=visibles)
        .select_related("user", "par", "candidature__collectivite")
        .order_by("-created_at"),
        "form": form,
    }
    return render(request, "jury/equipe/conflits.html", contexte, status=status)


@mfa_requise
@require_safe
def conflits(request, annee):
    """Every conflict of the édition's jury members (declared and automatic, with their reasons) and the lifted
    ones (reason, who, when), with a form to lift each. Staff only; never a dossier the viewer is in conflict with."""
    return _page_conflits(request, _edition_equipe(request, annee))


@mfa_requise
@require_POST
def lever(request, annee):
    """Lift the conflict of a person with a dossier, with a reason. Staff only."""
    edition = _edition_equipe(request, annee)
    form = LeveeForm(request.POST)
    if not form.is_valid():
        return _page_conflits(request, edition, form, status=422)
    candidature = get_object_or_404(candidatures_visibles(request.user, edition), pk=form.cleaned_data["candidature"])
    personne = get_object_or_404(get_user_model(), pk=form.cleaned_data["user"], roles_jury__edition=edition)
    try:
        lever_conflit(user=personne, candidature=candidature, motif=form.cleaned_data["motif"], par=request.user)
    except RefusJury as refus:
        messages.error(request, str(refus))
    else:
        messages.success(request, "Conflit levé : le motif est gardé avec votre nom et la date.")
    return redirect("jury:conflits", edition.annee)


urlpatterns = [
    path("<int:annee>/equipe/roles/", roles, name="roles"),
    path("<int:annee>/equipe/roles/accorder/", accorder, name="accorder_role"),
    path("<int:annee>/equipe/roles/<int:pk>/retirer/", retirer, name="retirer_role"),
    path("<int:annee>/equipe/parametres/", parametres, name="parametres"),
    path("<int:annee>/equipe/grille-proposee/", grille_proposee, name="grille_proposee"),
    path("<int:annee>/equipe/affectation/", affectation, name="affectation"),
    path("<int:annee>/equipe/affectation/appliquer/", appliquer, name="appliquer_proposition"),
    path("<int:annee>/equipe/dossiers/<int:pk>/affecter/", affecter, name="affecter"),
    path("<int:annee>/equipe/affectations/<int:pk>/retirer/", desaffecter, name="desaffecter"),
    path("<int:annee>/equipe/conflits/", conflits, name="conflits"),
    path("<int:annee>/equipe/conflits/lever/", lever, name="lever_conflit"),
]

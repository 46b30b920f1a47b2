"""Staff's side of the fiches: the moderation queue, the decision on one fiche, the history and restoring."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from comptes.access import a_la_double_authentification, demander_double_authentification

from ..access import est_equipe, get_fiche_for_user
from ..actions import TransitionInterdite, demander_modifications, publier, rejeter, restaurer_version
from ..enums import EtatFiche
from ..forms import ModerationForm
from ..historique import lire_historique, versions_de
from ..models import FicheAction
from .edition import contexte_page_publique

PAR_PAGE = 50
ACTIONS = {"publier": publier, "demander_modifications": demander_modifications, "rejeter": rejeter}
ETAT_DE_LA_DECISION = {
    "publier": EtatFiche.PUBLIEE,
    "demander_modifications": EtatFiche.A_MODIFIER,
    "rejeter": EtatFiche.REJETEE,
}


def equipe_requise(vue):
    """Staff with two-factor authentication (comptes.access: unpublished fiches): anonymous visitors go to the
    login page, other signed-in users get a 403, staff without it are sent to turn it on."""

    @login_required
    @wraps(vue)
    def verifiee(request, *args, **kwargs):
        if not est_equipe(request.user):
            raise PermissionDenied("Réservé à l'équipe de Villes Internet.")
        if not a_la_double_authentification(request.user):
            return demander_double_authentification(request)
        return vue(request, *args, **kwargs)

    return verifiee


@equipe_requise
@require_safe
def file_moderation(request):
    """The fiches waiting for moderation, the longest waiting first. Staff only.

    A fiche has no submission date of its own: its last change (usually the submission) orders the queue.
    """
    fiches = (
        FicheAction.objects.filter(etat=EtatFiche.EN_MODERATION)
        .select_related("collectivite", "auteur")
        .order_by("updated_at", "pk")
    )
    page = Paginator(fiches, PAR_PAGE).get_page(request.GET.get("page"))
    return render(request, "fiches/moderation/file.html", {"page": page})


def _decisions(fiche):
    return [cle for cle, etat in ETAT_DE_LA_DECISION.items() if fiche.can_move_to(etat)]


@equipe_requise
@require_http_methods(["GET", "HEAD", "POST"])
def moderer(request, pk):
    """One fiche as the public would see it, and the decision: publish, ask for changes or reject (the last
    two with a reason the collectivité reads). Staff only."""
    contexte = contexte_page_publique(request, pk)
    fiche = contexte["fiche"]
    decisions = _decisions(fiche)
    if request.method == "POST":
        form = ModerationForm(request.POST, decisions=decisions)
        if form.is_valid():
            decision = form.cleaned_data["decision"]
            arguments = {"fiche": fiche, "par": request.user}
            if decision != "publier":
                arguments["motif"] = form.cleaned_data["motif"]
            try:
                fiche = ACTIONS[decision](**arguments)
            except TransitionInterdite as erreur:
                messages.error(request, str(erreur))
                return redirect("fiches:moderer", fiche.pk)
            messages.success(request, f"« {fiche.titre} » : {fiche.get_etat_display().lower()}.")
            return redirect("fiches:moderation")
    else:
        form = ModerationForm(decisions=decisions)
    return render(request, "fiches/moderation/moderer.html", {**contexte, "form": form, "decisions": decisions})


@equipe_requise
@require_safe
def historique(request, pk):
    """Every recorded version of a fiche: who, when, the comment and what changed; each may be restored.
    Staff only."""
    fiche = get_fiche_for_user(request, pk, write=True, queryset=FicheAction.objects.select_related("collectivite"))
    return render(request, "fiches/moderation/historique.html", {"fiche": fiche, "entrees": lire_historique(fiche)})


@equipe_requise
@require_POST
def restaurer(request, pk, version_id):
    """Restore the content of an earlier version (the fiche keeps its état). Staff only."""
    fiche = get_fiche_for_user(request, pk, write=True)
    version = get_object_or_404(versions_de(fiche), pk=version_id)
    restaurer_version(fiche=fiche, version=version, par=request.user)
    messages.success(request, "Version restaurée : une nouvelle version reprend son contenu.")
    return redirect("fiches:historique", fiche.pk)


urlpatterns = [
    path("moderation/fiches/", file_moderation, name="moderation"),
    path("moderation/fiches/<int:pk>/", moderer, name="moderer"),
    path("fiches/<int:pk>/historique/", historique, name="historique"),
    path("fiches/<int:pk>/historique/<int:version_id>/restaurer/", restaurer, name="restaurer"),
]

"""Who may see or change a fiche. Every view goes through get_fiche_for_user."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from comptes.models import Appartenance
from label.models import Collectivite

from .models import FicheAction


def est_equipe(user):
    """Staff of the association (moderation, back-office)."""
    return user.is_authenticated and user.is_staff


def peut_modifier(user, fiche):
    """Staff, or a member (any role) of the fiche's collectivité."""
    if not user.is_authenticated:
        return False
    if est_equipe(user):
        return True
    return Appartenance.objects.filter(user=user, collectivite_id=fiche.collectivite_id).exists()


def get_fiche_for_user(request, pk, write=False, queryset=None):
    """The fiche `pk` if the request's user may see it (write=False) or change it (write=True), else 404.

    The public sees published fiches only; drafts and fiches under moderation exist only for the members of
    the collectivité and for staff. A 404 (not a 403) keeps unpublished fiches from being discovered.
    """
    fiche = get_object_or_404(queryset if queryset is not None else FicheAction.objects.all(), pk=pk)
    if write:
        if not peut_modifier(request.user, fiche):
            raise Http404("Fiche introuvable.")
    elif not fiche.est_publiee and not peut_modifier(request.user, fiche):
        raise Http404("Fiche introuvable.")
    return fiche


def collectivites_pour_creation(user):
    """The collectivités for which `user` may write a new fiche: those they belong to (any role)."""
    if not user.is_authenticated:
        return Collectivite.objects.none()
    return Collectivite.objects.filter(appartenances__user=user).order_by("nom")


def get_collectivite_for_creation(request, code):
    """The collectivité `code` if the user may write a fiche for it (a member, or staff for any), else 404."""
    queryset = Collectivite.objects.all() if est_equipe(request.user) else collectivites_pour_creation(request.user)
    return get_object_or_404(queryset.select_related("commune"), code=code)


def fiches_de_mes_collectivites(user):
    """The fiches of the collectivités `user` belongs to, whatever their état ("Mes fiches")."""
    if not user.is_authenticated:
        return FicheAction.objects.none()
    return FicheAction.objects.filter(collectivite__appartenances__user=user)

"""Who may see or change a fiche. Every view goes through get_fiche_for_user."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from comptes.models import Appartenance

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

"""Who may manage a collectivité's members, decide a request, change a membership. Every view of comptes goes
through these helpers. A 404 (not a 403) keeps the members of a collectivité from being discovered."""

from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from label.models import Collectivite

from .enums import Role
from .models import Appartenance, DemandeAdhesion, DomaineCollectivite


def peut_gerer(user, collectivite):
    """Staff, or a référent of the collectivité."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Appartenance.objects.filter(user=user, collectivite=collectivite, role=Role.REFERENT).exists()


def get_collectivite_for_user(request, code):
    """The collectivité `code` if the user may manage its members (a référent of it, or staff), else 404."""
    collectivite = get_object_or_404(Collectivite.objects.select_related("commune", "epci"), code=code)
    if not peut_gerer(request.user, collectivite):
        raise Http404("Collectivité introuvable.")
    return collectivite


def get_demande_for_user(request, pk, decider=False):
    """A join request: its author may see and withdraw it (decider=False); a référent of its collectivité or
    staff may decide it (decider=True). Anyone else: 404."""
    demande = get_object_or_404(DemandeAdhesion.objects.select_related("user", "collectivite"), pk=pk)
    if decider:
        autorise = peut_gerer(request.user, demande.collectivite)
    else:
        autorise = request.user.is_authenticated and demande.user_id == request.user.pk
    if not autorise:
        raise Http404("Demande introuvable.")
    return demande


def get_appartenance_for_user(request, pk):
    """A membership the user may change or end: their own (to leave), or any of a collectivité they manage."""
    appartenance = get_object_or_404(Appartenance.objects.select_related("user", "collectivite"), pk=pk)
    if appartenance.user_id != request.user.pk and not peut_gerer(request.user, appartenance.collectivite):
        raise Http404("Membre introuvable.")
    return appartenance


def get_domaine_for_user(request, pk):
    """A declared e-mail domain, for a référent of its collectivité or staff."""
    domaine = get_object_or_404(DomaineCollectivite.objects.select_related("collectivite"), pk=pk)
    if not peut_gerer(request.user, domaine.collectivite):
        raise Http404("Domaine introuvable.")
    return domaine


def a_la_double_authentification(user):
    """Has the user turned on two-factor authentication (an authenticator app)?"""
    return user.is_authenticated and is_mfa_enabled(user)


def double_authentification_requise(view):
    """For the pages of the jury and staff ([jury] issue): a signed-in user without two-factor authentication
    is sent to the page that turns it on, with a message saying why."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated and not a_la_double_authentification(request.user):
            messages.info(request, "Cette page demande la double authentification : activez-la pour continuer.")
            return redirect("mfa_index")
        return view(request, *args, **kwargs)

    return wrapper

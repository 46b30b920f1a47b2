"""Who may manage a collectivité's members, decide a request, change a membership. Every view of comptes goes
through these helpers. A 404 (not a 403) keeps the members of a collectivité from being discovered.

Also the rule of two-factor authentication (below): staff and the jury need an authenticator app (TOTP) before
any dossier or administration page."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from label.models import Collectivite

from .enums import Role
from .models import Appartenance, DemandeAdhesion, DomaineCollectivite


def peut_gerer(user, collectivite):
    """A référent of the collectivité, or staff. Staff who are not its référent need two-factor authentication
    (its members' names and addresses are personal data): without it, DoubleAuthentificationRequise (answered by
    comptes.middleware). A référent manages their own collectivité without it, staff or not."""
    if not user.is_authenticated:
        return False
    if Appartenance.objects.filter(user=user, collectivite=collectivite, role=Role.REFERENT).exists():
        return True
    if not user.is_staff:
        return False
    if not a_la_double_authentification(user):
        raise DoubleAuthentificationRequise
    return True


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


# ---------------------------------------------------------------------------------------------------
# Two-factor authentication: the one rule, used by the jury's pages (jury.access.mfa_requise), a dossier seen
# by staff (campagne.access.get_candidature_for_user), the staff's list of candidatures, a collectivité's members
# managed by staff (peut_gerer above), the fiches' moderation (fiches.views.moderation), the import of a past
# palmarès (palmares.views_import) and the administration (comptes.middleware.DoubleAuthentificationMiddleware).
# ---------------------------------------------------------------------------------------------------

MESSAGE_DOUBLE_AUTHENTIFICATION = (
    "Les outils de l'équipe (dossiers, modération, membres, administration) et les pages du jury demandent la "
    "double authentification : activez une application d'authentification (codes à usage unique) pour continuer. "
    "Elle protège les dossiers, les données personnelles et les résultats, secrets jusqu'à la cérémonie."
)


class DoubleAuthentificationRequise(Exception):
    """Raised by an access helper that cannot answer itself (get_candidature_for_user, peut_gerer) when staff
    without two-factor authentication ask for a dossier or a collectivité's members; comptes.middleware answers with
    demander_double_authentification."""


def a_la_double_authentification(user):
    """Has `user` turned on an authenticator app (TOTP)? Recovery codes alone do not count."""
    return user.is_authenticated and is_mfa_enabled(user, types=[Authenticator.Type.TOTP])


def equipe_sans_double_authentification(user):
    """Staff who have not turned on an authenticator app: they see no dossier and no administration page."""
    return user.is_authenticated and user.is_staff and not a_la_double_authentification(user)


def demander_double_authentification(request):
    """The answer to staff or a jury member without an authenticator app: the page that turns it on, with a
    message saying why (for a part of a page refreshed by htmx, the whole page goes there)."""
    messages.warning(request, MESSAGE_DOUBLE_AUTHENTIFICATION)
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(reverse("mfa_index"))
    return redirect("mfa_index")

"""Who may do what in the jury of an édition. Every view of jury (and of deliberation) goes through these helpers.

- Roles are granted per édition by staff (RoleEdition): `roles_de(user, edition)`, `a_role(user, edition, ...)`.
- Two-factor authentication (allauth.mfa, an authenticator app) is required of every role holder and of staff
  before any dossier is shown: `mfa_requise` (a view decorator) or `reponse_si_mfa_manquante(request)`, on the
  rule of comptes.access (`a_la_double_authentification`).
- A dossier is reached through `get_candidature_jury(request, edition, pk)`, which answers 404 to anyone who may
  not see it, a conflicted person first (jury/conflits.py). A 404 (not a 403) keeps the list of candidates and
  the conflicts secret.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404

from comptes.access import a_la_double_authentification, demander_double_authentification
from label.models import Edition

from .conflits import candidatures_visibles, est_en_conflit
from .enums import RoleJury
from .models import Affectation, Evaluation, RoleEdition

# ---------------------------------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------------------------------


def roles_de(user, edition):
    """The roles (jury.enums.RoleJury values) `user` holds in `edition`: a set, empty for anyone else."""
    if not user.is_authenticated:
        return set()
    return {
        RoleJury(role) for role in RoleEdition.objects.filter(user=user, edition=edition).values_list("role", flat=True)
    }


def a_role(user, edition, *roles):
    """Does `user` hold one of `roles` in `edition` (any role when none is given)?"""
    mes_roles = roles_de(user, edition)
    return bool(mes_roles & set(roles)) if roles else bool(mes_roles)


def est_du_jury(user):
    """Does `user` hold a role in the jury of any édition?"""
    return user.is_authenticated and RoleEdition.objects.filter(user=user).exists()


def peut_gerer(user):
    """Staff manage roles, assignments, conflicts and the grid."""
    return user.is_authenticated and user.is_staff


def peut_calibrer(user, edition):
    """The calibration page: staff and the président of the édition."""
    return peut_gerer(user) or a_role(user, edition, RoleJury.PRESIDENT)


def est_affecte(user, candidature):
    return user.is_authenticated and Affectation.objects.filter(candidature=candidature, expert=user).exists()


# ---------------------------------------------------------------------------------------------------
# Two-factor authentication (whether a person has it: comptes.access.a_la_double_authentification)
# ---------------------------------------------------------------------------------------------------


def doit_avoir_mfa(user):
    """Staff and every holder of a jury role must use two-factor authentication."""
    return user.is_authenticated and (user.is_staff or est_du_jury(user))


def reponse_si_mfa_manquante(request):
    """None if the request may go on; else the response to return: to the login page for an anonymous user,
    to the page that turns two-factor authentication on (with a French message) for staff or a jury member
    without it. Anyone else goes on (the page's own access check answers them, usually 404)."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if doit_avoir_mfa(user) and not a_la_double_authentification(user):
        return demander_double_authentification(request)
    return None


def mfa_requise(view):
    """Decorator of every page that shows a dossier, an evaluation or a result to the jury or staff: signed-in
    users only, with two-factor authentication for staff and the jury (see reponse_si_mfa_manquante)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        reponse = reponse_si_mfa_manquante(request)
        if reponse is not None:
            return reponse
        return view(request, *args, **kwargs)

    return wrapper


# ---------------------------------------------------------------------------------------------------
# Objects
# ---------------------------------------------------------------------------------------------------


def get_edition_jury(request, annee):
    """The édition `annee` if the user is staff or holds a role in it, else 404."""
    edition = get_object_or_404(Edition, annee=annee)
    if not (peut_gerer(request.user) or a_role(request.user, edition)):
        raise Http404("Édition introuvable.")
    return edition


def get_candidature_jury(request, edition, pk):
    """The candidature `pk` of `edition` if the user may see it in the jury's pages (candidatures_visibles:
    staff, jurés, président, or an expert it is assigned to; never a conflicted person), else 404."""
    return get_object_or_404(
        candidatures_visibles(request.user, edition).select_related(
            "edition", "collectivite__commune__departement", "collectivite__epci__departement"
        ),
        pk=pk,
    )


# ---------------------------------------------------------------------------------------------------
# Evaluations
# ---------------------------------------------------------------------------------------------------


def evaluations_visibles(user, candidature):
    """The evaluations of `candidature` that `user` may read (a queryset of jury.Evaluation):

    - a person in conflict with the dossier, or with no role: none;
    - an expert assigned to it: their own, and the others' submitted ones once their own is submitted (even if
      they are also a juré: the rule of hidden evaluations comes first);
    - staff, jurés and the président: the submitted ones.
    Drafts are never shown to anyone but their author.
    """
    if not user.is_authenticated or est_en_conflit(user, candidature):
        return Evaluation.objects.none()
    evaluations = Evaluation.objects.filter(candidature=candidature)
    soumises = evaluations.soumises()
    if est_affecte(user, candidature):
        if soumises.filter(expert=user).exists():
            return soumises
        return evaluations.filter(expert=user)
    if peut_gerer(user) or a_role(user, candidature.edition, RoleJury.JURE, RoleJury.PRESIDENT):
        return soumises
    return Evaluation.objects.none()

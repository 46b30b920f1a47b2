"""Who may see or change a dossier. Every view of a dossier goes through get_candidature_for_user.

Staff see every dossier, but only with two-factor authentication (an authenticator app, the rule of
comptes.access): without it, a staff member who is not a member of the collectivité is sent to turn it on
(DoubleAuthentificationRequise, answered by comptes.middleware), never shown the dossier. Members of the
collectivité see their own dossier without it, staff or not; staff's tools need it.
"""

from dataclasses import dataclass

from django.http import Http404

from comptes.access import DoubleAuthentificationRequise, a_la_double_authentification
from comptes.enums import Role
from comptes.models import Appartenance

from .models import Candidature


@dataclass(frozen=True)
class Droits:
    """What the request's user may do on one dossier."""

    role: str | None  # comptes.enums.Role of the user in the collectivité, None if not a member
    equipe: bool  # staff with two-factor authentication

    @property
    def membre(self):
        return self.role is not None

    @property
    def referent(self):
        return self.role == Role.REFERENT

    @property
    def voir(self):
        return self.membre or self.equipe


def droits_sur(user, candidature):
    """The Droits of `user` on `candidature` (None: a dossier that does not exist, of which nobody is a member)."""
    if not user.is_authenticated:
        return Droits(role=None, equipe=False)
    role = None
    if candidature is not None:
        role = (
            Appartenance.objects.filter(user=user, collectivite_id=candidature.collectivite_id)
            .values_list("role", flat=True)
            .first()
        )
    return Droits(role=role, equipe=user.is_staff and a_la_double_authentification(user))


def get_candidature_for_user(request, annee, code, write=False):
    """The candidature of collectivité `code` for édition `annee` and the user's Droits, if the user may see it
    (members of the collectivité, any role, and staff) or change it (write=True: members only), else 404.

    Staff without two-factor authentication get DoubleAuthentificationRequise for any dossier but their own
    collectivité's, existing or not, so that they learn nothing of the candidates.

    A 404 (not a 403) keeps the list of candidates secret. Whether the dossier may still change (statut,
    deadline) is the rules' business (Candidature.est_modifiable), not access.
    """
    candidature = (
        Candidature.objects.select_related("edition", "collectivite__commune", "collectivite__epci")
        .filter(edition__annee=annee, collectivite__code=code)
        .first()
    )
    droits = droits_sur(request.user, candidature)
    if request.user.is_staff and not droits.equipe and not droits.membre:
        raise DoubleAuthentificationRequise
    if candidature is None or not (droits.membre if write else droits.voir):
        raise Http404("Dossier introuvable.")
    return candidature, droits

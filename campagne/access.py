"""Who may see or change a dossier. Every view of a dossier goes through get_candidature_for_user."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404

from comptes.enums import Role
from comptes.models import Appartenance

from .models import Candidature


@dataclass(frozen=True)
class Droits:
    """What the request's user may do on one dossier."""

    role: str | None  # comptes.enums.Role of the user in the collectivité, None if not a member
    equipe: bool

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
    if not user.is_authenticated:
        return Droits(role=None, equipe=False)
    role = (
        Appartenance.objects.filter(user=user, collectivite_id=candidature.collectivite_id)
        .values_list("role", flat=True)
        .first()
    )
    return Droits(role=role, equipe=user.is_staff)


def get_candidature_for_user(request, annee, code, write=False):
    """The candidature of collectivité `code` for édition `annee` and the user's Droits, if the user may see it
    (members of the collectivité, any role, and staff) or change it (write=True: members only), else 404.

    A 404 (not a 403) keeps the list of candidates secret. Whether the dossier may still change (statut,
    deadline) is the rules' business (Candidature.est_modifiable), not access.
    """
    candidature = get_object_or_404(
        Candidature.objects.select_related("edition", "collectivite__commune", "collectivite__epci"),
        edition__annee=annee,
        collectivite__code=code,
    )
    droits = droits_sur(request.user, candidature)
    if not (droits.membre if write else droits.voir):
        raise Http404("Dossier introuvable.")
    return candidature, droits

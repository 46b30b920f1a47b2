"""Who may do what in the deliberation of an édition. Every view of deliberation goes through these helpers,
built on the jury's (jury.access: roles, two-factor authentication; jury.conflits: a conflicted person never sees
a dossier).

- see the screen, the dossiers and the journal: jurés, the président, staff;
- decide (draft decisions): jurés and the président;
- close the deliberation: the président;
- amend a decision after the closure: the président and staff;
- open the deliberation and schedule the publication: staff.

Anyone else gets a 404, as for an édition that does not exist: the jury's work is not shown, not even its address.
"""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404

from campagne.enums import StatutCandidature
from jury.access import get_candidature_jury, roles_de
from jury.enums import RoleJury
from label.models import Edition


@dataclass(frozen=True)
class Droits:
    """What the request's user may do in the deliberation of one édition."""

    equipe: bool
    jure: bool
    president: bool

    @property
    def voir(self):
        return self.equipe or self.jure or self.president

    @property
    def decider(self):
        return self.jure or self.president

    @property
    def clore(self):
        return self.president

    @property
    def amender(self):
        return self.president or self.equipe

    @property
    def ouvrir(self):
        return self.equipe

    @property
    def publier(self):
        return self.equipe


def droits_sur(user, edition):
    """The Droits of `user` in the deliberation of `edition` (one query)."""
    if not user.is_authenticated:
        return Droits(equipe=False, jure=False, president=False)
    roles = roles_de(user, edition)
    return Droits(equipe=user.is_staff, jure=RoleJury.JURE in roles, president=RoleJury.PRESIDENT in roles)


def get_edition_deliberation(request, annee):
    """The édition `annee` and the user's Droits if the user may see its deliberation, else 404."""
    edition = get_object_or_404(Edition, annee=annee)
    droits = droits_sur(request.user, edition)
    if not droits.voir:
        raise Http404("Édition introuvable.")
    return edition, droits


def get_dossier_deliberation(request, edition, pk):
    """The submitted candidature `pk` of `edition`, if the user may see it in the deliberation (never when in
    conflict with it: jury.access.get_candidature_jury), else 404."""
    candidature = get_candidature_jury(request, edition, pk)
    if candidature.statut != StatutCandidature.SOUMISE:
        raise Http404("Dossier introuvable.")
    return candidature

"""Shared setup of the jury's tests: the campaign's world (campagne.tests.outils) with a 2027 édition in
evaluation, its submitted dossiers, the jury's cast and an evaluation grid."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.utils import timezone

from campagne.enums import StatutCandidature
from campagne.models import Candidature
from campagne.tests.outils import MOT_DE_PASSE, make_campagne
from comptes.enums import Role
from comptes.models import Appartenance
from comptes.testing import activer_totp
from label.enums import Categorie, StatutEdition
from label.models import Collectivite

from ..enums import RoleJury
from ..grille import creer_grille_proposee
from ..models import Affectation, RoleEdition

__all__ = ["MOT_DE_PASSE", "activer_totp", "affecter", "make_jury"]


def soumettre(edition, collectivite, categorie=None):
    return Candidature.objects.create(
        edition=edition,
        collectivite=collectivite,
        categorie=categorie or collectivite.categorie,
        statut=StatutCandidature.SOUMISE,
        soumise_le=timezone.now(),
    )


def affecter(candidature, *experts):
    for expert in experts:
        Affectation.objects.create(candidature=candidature, expert=expert)


def make_jury(*, mfa=True):
    """make_campagne()'s world, the 2027 édition moved to evaluation, and:

    - submitted dossiers of Dijon (ville), La Rochelle (village) and Dijon Métropole (territoire); Chenôve (a
      commune of the métropole, ville) registered but not submitted;
    - experts expert_a and expert_b (no collectivité), expert_chenove (agent of Chenôve: in conflict with the
      métropole, whose member commune it is), jure (no collectivité), jure_metropole (agent of the métropole: in
      conflict with Dijon, a commune of it), president; each with an authenticator app unless mfa=False;
    - the proposed evaluation grid of 2027.
    """
    monde = make_campagne()
    e2027 = monde.e2027
    e2027.statut = StatutEdition.EVALUATION
    e2027.save()
    User = get_user_model()
    chenove = Collectivite.objects.create(nom="Chenôve", categorie=Categorie.VILLE, commune=monde.ref["chenove"])
    cast = {}
    for nom, role in [
        ("expert_a", RoleJury.EXPERT),
        ("expert_b", RoleJury.EXPERT),
        ("expert_chenove", RoleJury.EXPERT),
        ("jure", RoleJury.JURE),
        ("jure_metropole", RoleJury.JURE),
        ("president", RoleJury.PRESIDENT),
    ]:
        user = User.objects.create_user(
            nom.replace("_", "."), f"{nom.replace('_', '.')}@jury.example.org", MOT_DE_PASSE
        )
        user.first_name, user.last_name = nom.split("_")[0].capitalize(), nom.split("_")[-1].capitalize()
        user.save()
        RoleEdition.objects.create(user=user, edition=e2027, role=role)
        cast[nom] = user
    RoleEdition.objects.create(user=cast["president"], edition=e2027, role=RoleJury.JURE)
    Appartenance.objects.create(user=cast["expert_chenove"], collectivite=chenove, role=Role.CONTRIBUTEUR)
    Appartenance.objects.create(
        user=cast["jure_metropole"], collectivite=monde.collectivites["metropole"], role=Role.CONTRIBUTEUR
    )
    if mfa:
        activer_totp(*cast.values(), monde.equipe)
    dossiers = {
        "dijon": soumettre(e2027, monde.dijon),
        "la_rochelle": soumettre(e2027, monde.la_rochelle),
        "metropole": soumettre(e2027, monde.metropole),
        "chenove": Candidature.objects.create(edition=e2027, collectivite=chenove, categorie=Categorie.VILLE),
    }
    criteres = creer_grille_proposee(e2027)
    champs = vars(monde) | cast | {f"dossier_{cle}": dossier for cle, dossier in dossiers.items()}
    return SimpleNamespace(**champs, monde=monde, chenove=chenove, dossiers=dossiers, criteres=criteres, jury_cast=cast)

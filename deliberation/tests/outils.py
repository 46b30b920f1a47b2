"""Shared setup of the deliberation's tests: the jury's world (jury.tests.outils.make_jury) with the 2027 édition in
deliberation, a published history, the édition's mentions and the experts' evaluations."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from jury.enums import RoleJury, StatutEvaluation
from jury.models import Affectation, Evaluation, RoleEdition
from jury.tests.outils import MOT_DE_PASSE, activer_totp, make_jury
from label.enums import StatutEdition
from label.models import CategorieMention, Edition, Labellisation

__all__ = ["MOT_DE_PASSE", "evaluer", "make_deliberation"]


def evaluer(candidature, expert, arobases, *, commentaire="", note="", partageable=False, soumise=True):
    Affectation.objects.get_or_create(candidature=candidature, expert=expert)
    return Evaluation.objects.create(
        candidature=candidature,
        expert=expert,
        statut=StatutEvaluation.SOUMISE if soumise else StatutEvaluation.BROUILLON,
        arobases_proposees=arobases,
        commentaire=commentaire,
        note_collectivite=note,
        note_partageable=partageable,
        soumise_le=timezone.now() if soumise else None,
    )


def make_deliberation():
    """make_jury()'s world, and:

    - published éditions 2022 to 2025 (2026 comes from the campaign's world, published too); Dijon has 5@ in each
      of 2022-2026 (five times: a sixth 5@ in 2027 brings the excellence title by the rule), La Rochelle 2@ and
      Dijon Métropole 3@ in 2026;
    - the 2027 édition in deliberation, with two mentions (médiation numérique, transition écologique);
    - evaluations submitted by expert_a and expert_b: Dijon 5@ and 4@, La Rochelle 1@ and 3@ (a disagreement of
      2@), Dijon Métropole 3@ (expert_a; expert_b's is a draft, 5@). expert_a's notes are shared with the
      collectivité, expert_b's are not;
    - jure_metropole (an agent of the métropole) is in conflict with Dijon and the métropole;
    - expert_seul: an expert of 2027 who is not on the jury, with an authenticator app.
    """
    monde = make_jury()
    e2027 = monde.e2027
    e2027.statut = StatutEdition.DELIBERATION
    e2027.save(update_fields=["statut"])
    il_y_a_un_an = monde.e2026.publication_at
    historiques = {}
    for annee in range(2022, 2026):
        historiques[annee] = Edition.objects.create(
            annee=annee,
            numero=annee - 1999,
            statut=StatutEdition.CLOSE,
            publication_at=il_y_a_un_an - timedelta(days=365 * (2026 - annee)),
        )
    historiques[2026] = monde.e2026
    for edition in historiques.values():
        Labellisation.objects.create(edition=edition, collectivite=monde.dijon, categorie="ville", arobases=5)
    Labellisation.objects.create(edition=monde.e2026, collectivite=monde.la_rochelle, categorie="village", arobases=2)
    Labellisation.objects.create(edition=monde.e2026, collectivite=monde.metropole, categorie="territoire", arobases=3)
    mediation = CategorieMention.objects.create(edition=e2027, nom="Médiation numérique")
    transition = CategorieMention.objects.create(edition=e2027, nom="Transition écologique", arobase_verte=True)

    evaluations = [
        evaluer(
            monde.dossier_dijon,
            monde.expert_a,
            5,
            commentaire="Une politique complète et suivie.",
            note="Belle continuité des ateliers.",
            partageable=True,
        ),
        evaluer(
            monde.dossier_dijon,
            monde.expert_b,
            4,
            commentaire="Peu de données ouvertes.",
            note="Ouvrez davantage vos données.",
            partageable=False,
        ),
        evaluer(
            monde.dossier_la_rochelle,
            monde.expert_a,
            1,
            commentaire="Deux fiches seulement.",
            note="Documentez vos actions de médiation.",
            partageable=True,
        ),
        evaluer(monde.dossier_la_rochelle, monde.expert_b, 3, commentaire="Un village très actif pour sa taille."),
        evaluer(monde.dossier_metropole, monde.expert_a, 3, commentaire="Mutualisation réelle des infrastructures."),
        evaluer(monde.dossier_metropole, monde.expert_b, 5, soumise=False),
    ]
    expert_seul = get_user_model().objects.create_user("expert.seul", "expert.seul@jury.example.org", MOT_DE_PASSE)
    RoleEdition.objects.create(user=expert_seul, edition=e2027, role=RoleJury.EXPERT)
    activer_totp(expert_seul)
    monde.expert_seul = expert_seul
    monde.historiques = historiques
    monde.mediation = mediation
    monde.transition = transition
    monde.evaluations = evaluations
    return monde

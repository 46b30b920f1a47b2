"""What writes several rows in the jury, each inside a transaction, arguments by keyword.

Refusals raise jury.models.RefusJury with a French message for the person.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from campagne.enums import StatutCandidature

from .conflits import est_en_conflit
from .enums import RoleJury, StatutEvaluation
from .models import Affectation, Critere, Evaluation, LeveeConflit, Note, RefusJury, RoleEdition, score_pondere

# ---------------------------------------------------------------------------------------------------
# Roles and conflicts
# ---------------------------------------------------------------------------------------------------


@transaction.atomic
def accorder_role(*, user, edition, role, par, capacite=None):
    """Give `user` a role in the jury of `edition` (or update an expert's capacity); returns the RoleEdition."""
    role_edition, cree = RoleEdition.objects.get_or_create(
        user=user, edition=edition, role=role, defaults={"accorde_par": par, "capacite": capacite}
    )
    if not cree and role_edition.capacite != capacite:
        role_edition.capacite = capacite
        role_edition.save(update_fields=["capacite"])
    return role_edition


@transaction.atomic
def retirer_role(*, role_edition):
    """Take a role back. An expert keeps no assignment: refused while they have a submitted evaluation."""
    if role_edition.role == RoleJury.EXPERT:
        affectations = Affectation.objects.filter(
            expert_id=role_edition.user_id, candidature__edition_id=role_edition.edition_id
        )
        if Evaluation.objects.filter(
            expert_id=role_edition.user_id,
            candidature__edition_id=role_edition.edition_id,
            statut=StatutEvaluation.SOUMISE,
        ).exists():
            raise RefusJury("Cet expert a déjà soumis des évaluations : son rôle ne peut plus lui être retiré.")
        Evaluation.objects.filter(
            expert_id=role_edition.user_id, candidature__edition_id=role_edition.edition_id
        ).delete()
        affectations.delete()
    role_edition.delete()


@transaction.atomic
def lever_conflit(*, user, candidature, motif, par):
    """Staff lift the conflict of `user` with `candidature`, with a reason (who and when are recorded)."""
    motif = (motif or "").strip()
    if not motif:
        raise RefusJury("Donnez le motif de la levée du conflit : il est gardé avec votre nom et la date.")
    if not est_en_conflit(user, candidature):
        raise RefusJury("Cette personne n'est pas en conflit avec ce dossier.")
    return LeveeConflit.objects.create(user=user, candidature=candidature, motif=motif, par=par)


# ---------------------------------------------------------------------------------------------------
# Assignment
# ---------------------------------------------------------------------------------------------------


def _verifier_affectation(*, candidature, expert, ignorer_capacite=False):
    role = RoleEdition.objects.filter(user=expert, edition_id=candidature.edition_id, role=RoleJury.EXPERT).first()
    if role is None:
        raise RefusJury(
            f"{expert.get_full_name() or expert.email} n'est pas expert du label {candidature.edition.annee}."
        )
    if candidature.statut != StatutCandidature.SOUMISE:
        raise RefusJury("Seul un dossier soumis peut être confié à un expert.")
    if est_en_conflit(expert, candidature):
        raise RefusJury(
            f"{expert.get_full_name() or expert.email} est en conflit d'intérêts avec ce dossier : "
            "il ne peut pas l'évaluer."
        )
    if not ignorer_capacite and role.capacite is not None:
        charge = Affectation.objects.filter(expert=expert, candidature__edition_id=candidature.edition_id).count()
        if charge >= role.capacite:
            raise RefusJury(
                f"{expert.get_full_name() or expert.email} a déjà {charge} dossier(s), sa capacité : "
                "augmentez-la d'abord si l'expert est d'accord."
            )


@transaction.atomic
def affecter_expert(*, candidature, expert, par):
    """Staff give a dossier to an expert by hand (never one in conflict, never beyond their capacity)."""
    _verifier_affectation(candidature=candidature, expert=expert)
    try:
        with transaction.atomic():
            return Affectation.objects.create(candidature=candidature, expert=expert, par=par)
    except IntegrityError as erreur:
        raise RefusJury("Cet expert évalue déjà ce dossier.") from erreur


@transaction.atomic
def retirer_expert(*, affectation):
    """Staff take a dossier back from an expert: refused once their evaluation is submitted; a draft goes with
    the assignment."""
    evaluation = Evaluation.objects.filter(candidature=affectation.candidature, expert=affectation.expert).first()
    if evaluation is not None and evaluation.est_soumise:
        raise RefusJury("L'expert a soumis son évaluation de ce dossier : il ne peut plus lui être retiré.")
    if evaluation is not None:
        evaluation.delete()
    affectation.delete()


@transaction.atomic
def appliquer_proposition(*, proposition, par):
    """Create the proposed assignments (each checked again: conflicts and roles may have changed since the
    proposal was shown). Returns (number created, list of refusals as French sentences)."""
    crees, refus = 0, []
    for candidature, experts in proposition.nouvelles:
        for expert in experts:
            try:
                _verifier_affectation(candidature=candidature, expert=expert)
            except RefusJury as erreur:
                refus.append(f"{candidature.collectivite.nom} : {erreur}")
                continue
            _, cree = Affectation.objects.get_or_create(candidature=candidature, expert=expert, defaults={"par": par})
            crees += cree
    return crees, refus


# ---------------------------------------------------------------------------------------------------
# Evaluations
# ---------------------------------------------------------------------------------------------------


def evaluation_de(*, candidature, expert):
    """The expert's evaluation of the dossier (an unsaved draft when they never saved one)."""
    return Evaluation.objects.filter(candidature=candidature, expert=expert).first() or Evaluation(
        candidature=candidature, expert=expert
    )


@transaction.atomic
def enregistrer_evaluation(*, candidature, expert, valeurs, notes):
    """Save the expert's evaluation as a draft and compute its weighted score. Returns the Evaluation.

    valeurs: arobases_proposees, commentaire, note_collectivite, note_partageable; notes: critere id → score
    (None when not scored).
    """
    if not Affectation.objects.filter(candidature=candidature, expert=expert).exists():
        raise RefusJury("Ce dossier ne vous est pas confié.")
    evaluation = Evaluation.objects.select_for_update().filter(candidature=candidature, expert=expert).first()
    if evaluation is None:
        evaluation = Evaluation(candidature=candidature, expert=expert)
    if evaluation.est_soumise:
        raise RefusJury("Votre évaluation est soumise : elle ne peut plus changer.")
    criteres = {critere.pk: critere for critere in Critere.objects.filter(edition_id=candidature.edition_id)}
    for champ in ("arobases_proposees", "commentaire", "note_collectivite", "note_partageable"):
        setattr(evaluation, champ, valeurs[champ])
    evaluation.score = score_pondere((criteres[pk], valeur) for pk, valeur in notes.items() if pk in criteres)
    evaluation.save()
    for pk, critere in criteres.items():
        valeur = notes.get(pk)
        if valeur is None:
            Note.objects.filter(evaluation=evaluation, critere=critere).delete()
        else:
            Note.objects.update_or_create(evaluation=evaluation, critere=critere, defaults={"valeur": valeur})
    return evaluation


@transaction.atomic
def soumettre_evaluation(*, evaluation, maintenant=None):
    """brouillon → soumise: needs every criterion of the grid scored and arobases proposed. Once submitted, the
    expert sees the other experts' evaluations of the dossier, and theirs no longer changes."""
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    notees = set(evaluation.notes.values_list("critere_id", flat=True))
    manquants = [
        critere.libelle
        for critere in Critere.objects.filter(edition_id=evaluation.candidature.edition_id)
        if critere.pk not in notees
    ]
    if manquants:
        raise RefusJury("Notez chaque critère avant de soumettre : " + ", ".join(manquants) + ".")
    evaluation.soumettre(maintenant=maintenant or timezone.now())
    return evaluation

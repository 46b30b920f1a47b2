"""Calibration of the experts: who is severe, who is generous, where experts disagree.

Read from the submitted evaluations of the dossiers the viewer may see (jury.conflits.candidatures_visibles: a
conflicted président never sees a dossier's scores here either), in one query whatever the number of experts
and dossiers.

- Per expert: how many dossiers, the distribution of the arobases they proposed (1 to 5), their mean, and their
  severity: the mean, over the dossiers where another expert submitted too, of (their proposal − the mean of the
  other experts' proposals on the same dossier). Negative: severe; positive: generous.
- The disagreements: dossiers whose proposals differ by 2 @ or more.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .models import Evaluation

ECART_DESACCORD = 2  # arobases


def _arrondi(valeur, chiffres="0.01"):
    return Decimal(valeur).quantize(Decimal(chiffres), rounding=ROUND_HALF_UP)


@dataclass
class LigneExpert:
    expert: object
    distribution: list  # counts of proposals of 1, 2, 3, 4, 5 @
    moyenne: Decimal
    severite: Decimal | None  # None when no co-reviewer submitted on any of their dossiers
    compares: int  # dossiers counted in the severity

    @property
    def nombre(self):
        return sum(self.distribution)

    @property
    def tendance(self):
        if self.severite is None:
            return "pas de comparaison possible"
        if self.severite <= Decimal("-0.5"):
            return "plus sévère que les autres"
        if self.severite >= Decimal("0.5"):
            return "plus généreux que les autres"
        return "dans la moyenne"


@dataclass
class Desaccord:
    candidature: object
    evaluations: list = field(default_factory=list)

    @property
    def ecart(self):
        propositions = [evaluation.arobases_proposees for evaluation in self.evaluations]
        return max(propositions) - min(propositions)


@dataclass
class Calibration:
    experts: list
    desaccords: list
    distribution: list  # all experts together, 1 to 5 @

    @property
    def nombre(self):
        return sum(self.distribution)


def calibrer(candidatures):
    """The calibration over the submitted evaluations of `candidatures` (a queryset), in one query."""
    evaluations = list(
        Evaluation.objects.soumises()
        .filter(candidature__in=candidatures)
        .select_related("expert", "candidature__collectivite", "candidature__edition")
        .order_by("candidature__collectivite__nom", "candidature_id", "expert__last_name", "expert_id")
    )
    par_dossier = defaultdict(list)
    par_expert = defaultdict(list)
    for evaluation in evaluations:
        par_dossier[evaluation.candidature_id].append(evaluation)
        par_expert[evaluation.expert_id].append(evaluation)

    lignes = []
    for mes_evaluations in par_expert.values():
        distribution = [0] * 5
        ecarts = []
        for evaluation in mes_evaluations:
            distribution[evaluation.arobases_proposees - 1] += 1
            autres = [e.arobases_proposees for e in par_dossier[evaluation.candidature_id] if e.pk != evaluation.pk]
            if autres:
                ecarts.append(Decimal(evaluation.arobases_proposees) - Decimal(sum(autres)) / len(autres))
        moyenne = Decimal(sum(e.arobases_proposees for e in mes_evaluations)) / len(mes_evaluations)
        lignes.append(
            LigneExpert(
                expert=mes_evaluations[0].expert,
                distribution=distribution,
                moyenne=_arrondi(moyenne),
                severite=_arrondi(sum(ecarts) / len(ecarts)) if ecarts else None,
                compares=len(ecarts),
            )
        )
    lignes.sort(key=lambda ligne: (ligne.severite is None, ligne.severite or 0, ligne.expert.pk))

    desaccords = [
        Desaccord(liste[0].candidature, liste)
        for liste in par_dossier.values()
        if len(liste) > 1
        and max(e.arobases_proposees for e in liste) - min(e.arobases_proposees for e in liste) >= ECART_DESACCORD
    ]
    desaccords.sort(key=lambda desaccord: (-desaccord.ecart, desaccord.candidature.collectivite.nom))
    distribution = [0] * 5
    for evaluation in evaluations:
        distribution[evaluation.arobases_proposees - 1] += 1
    return Calibration(experts=lignes, desaccords=desaccords, distribution=distribution)

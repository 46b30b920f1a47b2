"""The assignment proposal: which experts review which submitted dossier.

Each submitted dossier needs `experts_par_dossier` experts (ParametresJury, 2 by default). The proposal
completes what is already assigned (staff may have started by hand) and:

- never gives a dossier to an expert in conflict with it (jury/conflits.py) or already on it;
- never gives an expert more dossiers than their capacity (RoleEdition.capacite; none = no limit);
- balances the loads: each slot goes to the least-loaded eligible expert (ties: fewest eligible dossiers
  first, then the expert's id, so the proposal is deterministic), the most constrained dossiers first; then
  moves are made from the most to the least loaded expert while that narrows the gap. Without conflicts or
  binding capacities, max load − min load ≤ 1.
- reports the dossiers that cannot get their k experts (too many conflicts, capacities too low).

`repartir()` is the pure algorithm on ids (tested with generated cases); `proposer_affectation(edition)` reads
the édition and returns a Proposition that staff review and apply (jury.actions.appliquer_proposition).
"""

from dataclasses import dataclass, field

from campagne.enums import StatutCandidature
from campagne.models import Candidature

from .conflits import candidatures_en_conflit
from .models import Affectation, RoleEdition, parametres_de


@dataclass
class Repartition:
    """The result of repartir(): new pairs, loads, and what is missing."""

    nouvelles: dict  # dossier id → [expert ids] proposed (beyond what is already assigned)
    charges: dict  # expert id → number of dossiers once the proposal is applied
    manques: dict  # dossier id → number of experts still missing


def repartir(dossiers, experts, k, *, conflits=None, capacites=None, deja=None):
    """Assign k experts to each dossier.

    dossiers: list of dossier ids; experts: list of expert ids; conflits: set of (expert, dossier) pairs never
    to assign; capacites: expert → max dossiers (missing or None: no limit); deja: dossier → set of experts
    already assigned (they count in k and in the loads).
    """
    conflits = conflits or set()
    capacites = capacites or {}
    deja = {dossier: set(deja.get(dossier, ())) for dossier in dossiers} if deja else {d: set() for d in dossiers}
    charges = {expert: 0 for expert in experts}
    for membres in deja.values():
        for expert in membres:
            if expert in charges:
                charges[expert] += 1
    nouvelles = {dossier: [] for dossier in dossiers}

    def peut(expert, dossier):
        capacite = capacites.get(expert)
        return (
            (expert, dossier) not in conflits
            and expert not in deja[dossier]
            and (capacite is None or charges[expert] < capacite)
        )

    eligibles = {dossier: sum(1 for e in experts if (e, dossier) not in conflits) for dossier in dossiers}
    ouverture = {expert: sum(1 for d in dossiers if (expert, d) not in conflits) for expert in experts}
    # Most constrained dossiers first; then rounds: each dossier takes one more expert per round.
    ordre = sorted(dossiers, key=lambda d: (eligibles[d], d))

    def remplir():
        for _tour in range(k):
            for dossier in ordre:
                if len(deja[dossier]) >= k:
                    continue
                candidats = [e for e in experts if peut(e, dossier)]
                if not candidats:
                    continue
                choisi = min(candidats, key=lambda e: (charges[e], ouverture[e], e))
                deja[dossier].add(choisi)
                nouvelles[dossier].append(choisi)
                charges[choisi] += 1

    remplir()
    _equilibrer(nouvelles, deja, charges, peut)
    remplir()  # a move may have freed room for a dossier still short of experts
    manques = {dossier: k - len(deja[dossier]) for dossier in dossiers if len(deja[dossier]) < k}
    return Repartition(nouvelles={d: sorted(e) for d, e in nouvelles.items() if e}, charges=charges, manques=manques)


def _equilibrer(nouvelles, deja, charges, peut):
    """Move proposed (never already applied) pairs from the most loaded experts to the least loaded ones while
    a move narrows the gap. Each move lowers the sum of squared loads, so this ends."""
    while True:
        deplace = False
        par_charge = sorted(charges, key=lambda e: (charges[e], e))
        for leger in par_charge:
            for lourd in reversed(par_charge):
                if charges[lourd] - charges[leger] < 2:
                    break
                dossier = next((d for d in sorted(nouvelles) if lourd in nouvelles[d] and peut(leger, d)), None)
                if dossier is None:
                    continue
                nouvelles[dossier].remove(lourd)
                nouvelles[dossier].append(leger)
                deja[dossier].discard(lourd)
                deja[dossier].add(leger)
                charges[lourd] -= 1
                charges[leger] += 1
                deplace = True
                break
            if deplace:
                break
        if not deplace:
            return


@dataclass
class Proposition:
    """An assignment proposal for an édition, with the objects staff read."""

    edition: object
    k: int
    nouvelles: list = field(default_factory=list)  # [(candidature, [experts])]
    charges: list = field(default_factory=list)  # [(expert, load, capacity)]
    manques: list = field(default_factory=list)  # [(candidature, missing)]

    @property
    def nombre(self):
        return sum(len(experts) for _candidature, experts in self.nouvelles)

    @property
    def ecart(self):
        """max load − min load over the experts (0 with no expert)."""
        charges = [charge for _expert, charge, _capacite in self.charges]
        return max(charges) - min(charges) if charges else 0

    def restreinte_a(self, candidature_ids):
        """The same proposal without the dossiers outside `candidature_ids` (those a viewer may not see)."""
        ids = set(candidature_ids)
        return Proposition(
            edition=self.edition,
            k=self.k,
            nouvelles=[(c, experts) for c, experts in self.nouvelles if c.pk in ids],
            charges=self.charges,
            manques=[(c, manque) for c, manque in self.manques if c.pk in ids],
        )

    def paires(self):
        return [(candidature.pk, expert.pk) for candidature, experts in self.nouvelles for expert in experts]


def dossiers_a_evaluer(edition):
    """The submitted dossiers of `edition` (the ones that get experts)."""
    return Candidature.objects.filter(edition=edition, statut=StatutCandidature.SOUMISE)


def proposer_affectation(edition):
    """A balanced proposal for the submitted dossiers of `edition`, completing the current assignment.

    Queries: the settings, the experts, the dossiers, the current assignment, then one per expert for their
    conflicts (jury/conflits.py).
    """
    k = parametres_de(edition).experts_par_dossier
    roles = list(RoleEdition.objects.experts().filter(edition=edition).select_related("user").order_by("user_id"))
    experts = {role.user_id: role.user for role in roles}
    capacites = {role.user_id: role.capacite for role in roles}
    candidatures = {c.pk: c for c in dossiers_a_evaluer(edition).select_related("collectivite").order_by("pk")}
    deja = {}
    for candidature_id, expert_id in Affectation.objects.filter(candidature_id__in=candidatures).values_list(
        "candidature_id", "expert_id"
    ):
        deja.setdefault(candidature_id, set()).add(expert_id)
    conflits = set()
    for expert in experts.values():
        for candidature_id in (
            candidatures_en_conflit(expert, edition).filter(pk__in=candidatures).values_list("pk", flat=True)
        ):
            conflits.add((expert.pk, candidature_id))
    repartition = repartir(list(candidatures), list(experts), k, conflits=conflits, capacites=capacites, deja=deja)
    par_nom = sorted(candidatures.values(), key=lambda c: (c.collectivite.nom, c.pk))
    return Proposition(
        edition=edition,
        k=k,
        nouvelles=[
            (c, [experts[e] for e in repartition.nouvelles[c.pk]]) for c in par_nom if c.pk in repartition.nouvelles
        ],
        charges=[(experts[e], repartition.charges[e], capacites[e]) for e in experts],
        manques=[(c, repartition.manques[c.pk]) for c in par_nom if c.pk in repartition.manques],
    )

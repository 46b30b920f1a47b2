"""What the deliberation screen shows of each dossier, read in a fixed number of queries whatever their number.

For each submitted dossier the user may see (jury.conflits.candidatures_visibles: never one they are in conflict
with): the experts' submitted evaluations (their proposed arobases, median, mean and spread, their comments), last
year's published level, a compact mosaïque of the enjeux, the draft decision and whether 5@ would bring the
excellence title by the rule. Dossiers are grouped by the experts' proposal (the median, rounded half up).
"""

import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch, Q

from campagne.enums import StatutCandidature
from fiches.models import Enjeu, FicheAction
from fiches.mosaique import Mosaique, Rangee, Tuile, tranche_de_population
from jury.conflits import candidatures_visibles
from jury.models import Affectation, Evaluation
from label.models import Labellisation

from .actions import titres_possibles
from .models import MentionDecidee

DESACCORD = 2  # experts disagree when their proposals differ by this many arobases or more


@dataclass
class Dossier:
    candidature: object
    evaluations: list
    niveau_precedent: int | None
    titre_possible: bool
    mosaique: Mosaique | None = None
    decision: object = None
    propositions: list = field(init=False)

    def __post_init__(self):
        self.propositions = sorted(e.arobases_proposees for e in self.evaluations if e.arobases_proposees)

    @property
    def collectivite(self):
        return self.candidature.collectivite

    @property
    def mediane(self):
        return statistics.median(self.propositions) if self.propositions else None

    @property
    def moyenne(self):
        return statistics.fmean(self.propositions) if self.propositions else None

    @property
    def proposition(self):
        """The experts' proposal as a whole number of arobases (the median, rounded half up), or None."""
        if self.mediane is None:
            return None
        return int(Decimal(str(self.mediane)).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def ecart(self):
        return self.propositions[-1] - self.propositions[0] if self.propositions else 0

    @property
    def desaccord(self):
        return self.ecart >= DESACCORD

    @property
    def region(self):
        departement = self.collectivite.departement
        return departement.region if departement else None

    @property
    def enjeux_couverts(self):
        return sum(1 for tuile in self.mosaique.tuiles if tuile.nombre) if self.mosaique else 0


@dataclass
class Groupe:
    proposition: int | None
    dossiers: list

    @property
    def titre(self):
        if self.proposition is None:
            return "Sans évaluation soumise"
        return f"Proposition des experts : {self.proposition} @"

    @property
    def ancre(self):
        return f"groupe-{self.proposition or 'sans'}"


def _candidatures(user, edition, filtres):
    candidatures = (
        candidatures_visibles(user, edition)
        .filter(statut=StatutCandidature.SOUMISE)
        .select_related(
            "collectivite__commune__departement__region",
            "collectivite__epci__departement__region",
            "decision__decidee_par",
        )
        .prefetch_related(
            Prefetch(
                "evaluations",
                queryset=Evaluation.objects.soumises().select_related("expert").order_by("soumise_le", "pk"),
                to_attr="evaluations_soumises",
            ),
            Prefetch(
                "decision__mentions",
                queryset=MentionDecidee.objects.select_related("categorie").order_by("categorie__nom"),
            ),
        )
        .order_by("collectivite__nom", "pk")
    )
    if filtres.get("categorie"):
        candidatures = candidatures.filter(categorie=filtres["categorie"])
    if filtres.get("region"):
        region = filtres["region"]
        candidatures = candidatures.filter(
            Q(collectivite__commune__departement__region__code=region)
            | Q(collectivite__epci__departement__region__code=region)
        )
    return list(candidatures)


def niveaux_precedents(edition, collectivite_ids):
    """{collectivite_id: arobases} of the previous édition, if published (one query)."""
    return dict(
        Labellisation.objects.publiees()
        .filter(edition__annee=edition.annee - 1, collectivite_id__in=collectivite_ids)
        .values_list("collectivite_id", "arobases")
    )


def mosaiques(edition, collectivites):
    """{collectivite_id: Mosaique} of `collectivites` for `edition`, without suggestions (two queries: the enjeux,
    and the counts of published fiches that count for the édition grouped by collectivité and enjeu)."""
    enjeux = list(
        Enjeu.objects.filter(famille__taxonomie__est_active=True)
        .select_related("famille")
        .order_by("famille__ordre", "famille__nom", "ordre", "nom")
    )
    comptes = {}
    lignes = (
        FicheAction.objects.publiees()
        .comptant_pour(edition)
        .filter(collectivite__in=[c.pk for c in collectivites], services__enjeu__in=[e.pk for e in enjeux])
        .values("collectivite_id", "services__enjeu")
        .annotate(nombre=Count("pk", distinct=True))
        .order_by()
    )
    for ligne in lignes:
        comptes[(ligne["collectivite_id"], ligne["services__enjeu"])] = ligne["nombre"]
    resultat = {}
    for collectivite in collectivites:
        rangees = {}
        for enjeu in enjeux:
            tuile = Tuile(enjeu, comptes.get((collectivite.pk, enjeu.pk), 0))
            rangees.setdefault(enjeu.famille_id, Rangee(enjeu.famille, [])).tuiles.append(tuile)
        resultat[collectivite.pk] = Mosaique(
            edition=edition,
            rangees=list(rangees.values()),
            categorie=collectivite.categorie,
            tranche=tranche_de_population(_population(collectivite)),
        )
    return resultat


def _population(collectivite):
    """A commune's or an EPCI's population, without a query (a syndicat's is not read here)."""
    if collectivite.commune_id:
        return collectivite.commune.population
    if collectivite.epci_id:
        return collectivite.epci.population
    return None


def dossiers_a_deliberer(user, edition, filtres=None):
    """The dossiers of `edition` `user` may see on the deliberation screen, with what the screen shows (a fixed
    number of queries). `filtres`: categorie, region (code), desaccord (bool)."""
    filtres = filtres or {}
    candidatures = _candidatures(user, edition, filtres)
    # The rule of hidden evaluations comes first (jury.access.evaluations_visibles): a juré who is also an expert of
    # a dossier reads the others' evaluations once their own is submitted.
    affectes = set(
        Affectation.objects.filter(expert=user, candidature__in=[c.pk for c in candidatures]).values_list(
            "candidature_id", flat=True
        )
    )
    collectivites = [candidature.collectivite for candidature in candidatures]
    precedents = niveaux_precedents(edition, [c.pk for c in collectivites])
    possibles = titres_possibles(edition, [c.pk for c in collectivites])
    par_collectivite = mosaiques(edition, collectivites) if candidatures else {}
    dossiers = []
    for candidature in candidatures:
        dossier = Dossier(
            candidature=candidature,
            evaluations=evaluations_lisibles(user, candidature, affectes),
            niveau_precedent=precedents.get(candidature.collectivite_id),
            titre_possible=candidature.collectivite_id in possibles,
            mosaique=par_collectivite.get(candidature.collectivite_id),
            decision=getattr(candidature, "decision", None),
        )
        if filtres.get("desaccord") and not dossier.desaccord:
            continue
        dossiers.append(dossier)
    return dossiers


def evaluations_lisibles(user, candidature, affectes):
    """The submitted evaluations of `candidature` `user` may read on the screen (see dossiers_a_deliberer)."""
    evaluations = candidature.evaluations_soumises
    if candidature.pk in affectes and not any(evaluation.expert_id == user.pk for evaluation in evaluations):
        return []
    return evaluations


def grouper(dossiers):
    """Groups of dossiers by the experts' proposal, 5@ first, those without a submitted evaluation last."""
    groupes = {}
    for dossier in dossiers:
        groupes.setdefault(dossier.proposition, []).append(dossier)
    ordre = sorted(groupes, key=lambda proposition: -1 if proposition is None else proposition, reverse=True)
    return [Groupe(proposition, groupes[proposition]) for proposition in ordre]

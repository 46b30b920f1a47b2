"""What the deliberation writes: decisions and their journal, the closure, amendments, the publication date, and
the results e-mailed after publication. Each function is one transaction; a refusal raises RefusDeliberation with
a French message for the person.

The rules:
- a decision is taken on a submitted dossier while the édition is in deliberation (StatutEdition.DELIBERATION),
  never by a person in conflict with it; at least 1@ and at most 5@ (also a database constraint); grounds always;
  mentions from the édition's list, each with its citation; the excellence title only as the rule proposes it
  (label.models.regle_excellence on the published history and these arobases), confirmed or not by the jury;
- every change writes one journal entry (who, when, each field old → new, the reason);
- closing (the président) needs a decision on every submitted dossier and every proposed title examined; it writes
  the decisions into label.Labellisation and label.Mention (public at Edition.publication_at, through publiees())
  and moves the édition to CLOSE. After that, `decider` refuses: a correction is an `amender`, with a reason;
- the publication date is set by staff once the deliberation is closed, in the future, and no longer moves once
  the results are public;
- after publication, `envoyer_resultats` e-mails each candidature's référents once (ResultatEnvoye is unique).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from campagne.enums import StatutCandidature
from campagne.models import Candidature
from comptes.enums import Role
from comptes.models import Appartenance
from jury.conflits import est_en_conflit
from label.actions import appliquer_titres_excellence
from label.enums import StatutEdition
from label.models import (
    EXCELLENCE_PREMIERE_ANNEE,
    CategorieMention,
    Edition,
    Labellisation,
    Mention,
    regle_excellence,
)

from . import courriels
from .enums import TypeEntree
from .models import Decision, EntreeJournal, MentionDecidee, ResultatEnvoye

VIDE = "—"


class RefusDeliberation(Exception):
    """A rule of the deliberation refuses the action; the message is for the person (French)."""


class ConflitDeDecision(RefusDeliberation):
    """The decision changed since the form was opened (another juror saved meanwhile)."""


class DossiersEnSuspens(RefusDeliberation):
    """The deliberation cannot close: some dossiers wait (`candidature_ids`). The message names none of them: the
    view names those the person may see (never one they are in conflict with)."""

    def __init__(self, message, candidature_ids):
        super().__init__(message)
        self.candidature_ids = list(candidature_ids)


# ---------------------------------------------------------------------------------------------------
# The excellence title
# ---------------------------------------------------------------------------------------------------


def titres_possibles(edition, collectivite_ids):
    """The ids, among `collectivite_ids`, of the collectivités to which 5@ in `edition` would bring the Territoire
    d'Excellence Numérique title by the rule, given their published history (one query)."""
    collectivite_ids = list(collectivite_ids)
    if edition.annee < EXCELLENCE_PREMIERE_ANNEE or not collectivite_ids:
        return set()
    historique = list(
        Labellisation.objects.publiees()
        .filter(collectivite_id__in=collectivite_ids, edition__annee__lt=edition.annee, arobases=5)
        .values_list("collectivite_id", "edition__annee", "arobases")
    )
    historique += [(collectivite_id, edition.annee, 5) for collectivite_id in collectivite_ids]
    return {collectivite_id for collectivite_id, annee in regle_excellence(historique) if annee == edition.annee}


def titre_propose(candidature, arobases):
    """Does the rule propose the title to `candidature` for these arobases?"""
    return arobases == 5 and candidature.collectivite_id in titres_possibles(
        candidature.edition, [candidature.collectivite_id]
    )


# ---------------------------------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------------------------------


def _texte_titre(propose, confirme):
    if not propose:
        return "non proposé"
    return {None: "proposé, à examiner", True: "confirmé", False: "non confirmé"}[confirme]


def etat_lisible(decision):
    """The fields of a decision as a person reads them, for the journal: {field label: text}."""
    if decision is None:
        return {}
    etat = {
        "Arobases": str(decision.arobases),
        "Titre d'excellence": _texte_titre(decision.titre_propose, decision.titre_confirme),
        "Motifs": decision.motifs,
    }
    for mention in decision.mentions.all():
        etat[f"Mention « {mention.categorie.nom} »"] = mention.citation
    return etat


def differences(avant, apres):
    """The journal's list of changes between two etat_lisible(): [{"champ", "avant", "apres"}]."""
    champs = list(avant) + [champ for champ in apres if champ not in avant]
    return [
        {"champ": champ, "avant": avant.get(champ, VIDE), "apres": apres.get(champ, VIDE)}
        for champ in champs
        if avant.get(champ) != apres.get(champ)
    ]


def _verifier_saisie(edition, *, arobases, mentions, motifs):
    """The checks every form of a decision needs; returns the mentions as {CategorieMention: citation}."""
    if not isinstance(arobases, int) or not 1 <= arobases <= 5:
        raise RefusDeliberation("Le nombre d'arobases va de 1 à 5 : toute collectivité participante en obtient une.")
    if not (motifs or "").strip():
        raise RefusDeliberation("Écrivez les motifs de la décision : ils sont gardés dans le journal.")
    categories = {categorie.pk: categorie for categorie in CategorieMention.objects.filter(edition=edition)}
    choisies = {}
    for categorie_id, citation in (mentions or {}).items():
        categorie = categories.get(int(categorie_id))
        if categorie is None:
            raise RefusDeliberation("Cette mention n'appartient pas à la liste de l'édition.")
        if not (citation or "").strip():
            raise RefusDeliberation(f"Écrivez la citation du jury pour la mention « {categorie.nom} ».")
        choisies[categorie] = citation.strip()
    return choisies


def _ecrire(decision, *, arobases, mentions, motifs, titre_confirme, par, maintenant):
    """Write a decision and its mentions (already checked); returns the journal's list of changes."""
    avant = etat_lisible(decision if decision.pk else None)
    propose = titre_propose(decision.candidature, arobases)
    decision.arobases = arobases
    decision.motifs = motifs.strip()
    decision.titre_propose = propose
    decision.titre_confirme = titre_confirme if propose else None
    decision.decidee_par = par
    decision.decidee_le = maintenant
    if decision.pk:
        decision.version += 1
    else:
        decision.created_at = maintenant
    decision.save()
    decision.mentions.exclude(categorie__in=list(mentions)).delete()
    existantes = {mention.categorie_id: mention for mention in decision.mentions.all()}
    for categorie, citation in mentions.items():
        mention = existantes.get(categorie.pk)
        if mention is None:
            MentionDecidee.objects.create(decision=decision, categorie=categorie, citation=citation)
        elif mention.citation != citation:
            mention.citation = citation
            mention.save(update_fields=["citation"])
    decision = Decision.objects.avec_mentions().select_related("candidature").get(pk=decision.pk)
    return decision, differences(avant, etat_lisible(decision))


def _edition_verrouillee(edition):
    """The édition, read again and locked until the end of the transaction (a closure cannot slip in between)."""
    return Edition.objects.select_for_update().get(pk=edition.pk)


@transaction.atomic
def decider(*, candidature, par, arobases, mentions, motifs, titre_confirme=None, version=None, maintenant=None):
    """Record or change the jury's draft decision on `candidature` (a juror or the président).

    `mentions`: {CategorieMention id: citation}. `version`: the decision's version the form was opened on (None
    for a new one): a stale version raises ConflitDeDecision. Returns the decision; a change writes one entry of
    the journal, no change writes none.
    """
    maintenant = maintenant or timezone.now()
    edition = _edition_verrouillee(candidature.edition)
    if edition.statut == StatutEdition.CLOSE:
        raise RefusDeliberation(
            "La délibération est close : la décision ne change plus que par un amendement motivé du président du jury."
        )
    if edition.statut != StatutEdition.DELIBERATION:
        raise RefusDeliberation("La délibération de cette édition n'est pas ouverte.")
    candidature = Candidature.objects.select_related("edition", "collectivite").get(pk=candidature.pk)
    if candidature.statut != StatutCandidature.SOUMISE:
        raise RefusDeliberation("Seul un dossier soumis reçoit une décision du jury.")
    if est_en_conflit(par, candidature):
        raise RefusDeliberation("Vous êtes en conflit d'intérêts avec ce dossier : vous ne pouvez pas en décider.")
    choisies = _verifier_saisie(edition, arobases=arobases, mentions=mentions, motifs=motifs)
    decision = Decision.objects.select_for_update().filter(candidature=candidature).first()
    if decision is None:
        if version is not None:
            raise ConflitDeDecision("La décision a changé pendant que vous l'écriviez : relisez-la.")
        decision = Decision(candidature=candidature)
    elif version is None or int(version) != decision.version:
        raise ConflitDeDecision(
            "Quelqu'un d'autre a modifié cette décision pendant que vous l'écriviez : relisez-la avant de la changer."
        )
    nouvelle = decision.pk is None
    decision.candidature = candidature
    decision, changements = _ecrire(
        decision,
        arobases=arobases,
        mentions=choisies,
        motifs=motifs,
        titre_confirme=titre_confirme,
        par=par,
        maintenant=maintenant,
    )
    if changements:
        EntreeJournal.objects.create(
            edition=edition,
            candidature=candidature,
            type=TypeEntree.DECISION if nouvelle else TypeEntree.MODIFICATION,
            par=par,
            created_at=maintenant,
            changements=changements,
        )
    return decision


# ---------------------------------------------------------------------------------------------------
# Opening and closing the deliberation
# ---------------------------------------------------------------------------------------------------


@transaction.atomic
def ouvrir_deliberation(*, edition, par, maintenant=None):
    """Évaluation → délibération (staff): the jury may now record decisions."""
    maintenant = maintenant or timezone.now()
    edition = _edition_verrouillee(edition)
    if edition.statut != StatutEdition.EVALUATION:
        raise RefusDeliberation("La délibération s'ouvre à la fin de l'évaluation des dossiers.")
    avant = edition.get_statut_display()
    edition.move_to(StatutEdition.DELIBERATION)
    EntreeJournal.objects.create(
        edition=edition,
        type=TypeEntree.OUVERTURE,
        par=par,
        created_at=maintenant,
        changements=[{"champ": "Statut", "avant": avant, "apres": edition.get_statut_display()}],
    )
    return edition


def _rafraichir_titres(edition):
    """Recompute the rule's proposal of every decision of `edition` (the history may have changed since)."""
    decisions = list(Decision.objects.de_edition(edition).select_related("candidature"))
    possibles = titres_possibles(edition, [decision.candidature.collectivite_id for decision in decisions])
    for decision in decisions:
        propose = decision.arobases == 5 and decision.candidature.collectivite_id in possibles
        if propose != decision.titre_propose:
            decision.titre_propose = propose
            decision.titre_confirme = None
            decision.save(update_fields=["titre_propose", "titre_confirme"])


def _materialiser(edition, decisions):
    """Write `decisions` (with their mentions) into label.Labellisation and label.Mention of `edition`, then record
    the excellence titles: the rule's (label.actions.appliquer_titres_excellence), less those the jury did not
    confirm."""
    existantes = {
        labellisation.collectivite_id: labellisation
        for labellisation in Labellisation.objects.filter(
            edition=edition, collectivite_id__in=[decision.candidature.collectivite_id for decision in decisions]
        )
    }
    for decision in decisions:
        candidature = decision.candidature
        labellisation = existantes.get(candidature.collectivite_id)
        if labellisation is None:
            labellisation = Labellisation.objects.create(
                edition=edition,
                collectivite_id=candidature.collectivite_id,
                categorie=candidature.categorie,
                arobases=decision.arobases,
            )
        elif (labellisation.arobases, labellisation.categorie) != (decision.arobases, candidature.categorie):
            labellisation.arobases = decision.arobases
            labellisation.categorie = candidature.categorie
            labellisation.save(update_fields=["arobases", "categorie", "updated_at"])
        Mention.objects.filter(labellisation=labellisation).delete()
        Mention.objects.bulk_create(
            [
                Mention(labellisation=labellisation, categorie_id=mention.categorie_id, citation=mention.citation)
                for mention in decision.mentions.all()
            ]
        )
    appliquer_titres_excellence(edition=edition)
    # A title only where the jury confirmed the rule's proposal.
    refuses = Decision.objects.de_edition(edition).exclude(titre_propose=True, titre_confirme=True)
    Labellisation.objects.filter(
        edition=edition, collectivite_id__in=refuses.values("candidature__collectivite_id")
    ).update(titre_excellence=False)


@transaction.atomic
def clore_deliberation(*, edition, par, maintenant=None):
    """The président closes the deliberation: the decisions become the édition's results (still secret until
    Edition.publication_at) and change only by amendment from now on. Returns the number of decisions."""
    maintenant = maintenant or timezone.now()
    edition = _edition_verrouillee(edition)
    if edition.statut == StatutEdition.CLOSE:
        raise RefusDeliberation("La délibération est déjà close.")
    if edition.statut != StatutEdition.DELIBERATION:
        raise RefusDeliberation("La délibération de cette édition n'est pas ouverte.")
    sans_decision = Candidature.objects.filter(
        edition=edition, statut=StatutCandidature.SOUMISE, decision__isnull=True
    ).values_list("pk", flat=True)
    if sans_decision:
        raise DossiersEnSuspens("Des dossiers soumis attendent encore une décision du jury.", sans_decision)
    rouverts = Decision.objects.de_edition(edition).exclude(candidature__statut=StatutCandidature.SOUMISE)
    if rouverts.exists():
        raise DossiersEnSuspens(
            "Un dossier décidé a été rouvert : attendez qu'il soit soumis à nouveau.",
            rouverts.values_list("candidature_id", flat=True),
        )
    _rafraichir_titres(edition)
    a_examiner = Decision.objects.de_edition(edition).filter(titre_propose=True, titre_confirme__isnull=True)
    if a_examiner.exists():
        raise DossiersEnSuspens(
            "Le titre d'excellence proposé par la règle reste à examiner.",
            a_examiner.values_list("candidature_id", flat=True),
        )
    decisions = list(Decision.objects.de_edition(edition).avec_mentions().select_related("candidature"))
    _materialiser(edition, decisions)
    avant = edition.get_statut_display()
    edition.move_to(StatutEdition.CLOSE)
    EntreeJournal.objects.create(
        edition=edition,
        type=TypeEntree.CLOTURE,
        par=par,
        created_at=maintenant,
        changements=[
            {"champ": "Statut", "avant": avant, "apres": edition.get_statut_display()},
        ],
    )
    return len(decisions)


def cloture_de(edition):
    """The journal's entry of the closure of `edition` (who and when), or None."""
    return EntreeJournal.objects.filter(edition=edition, type=TypeEntree.CLOTURE).select_related("par").first()


@transaction.atomic
def amender(*, decision, par, motif, arobases, mentions, motifs, titre_confirme=None, maintenant=None):
    """Correct a decision after the closure (the président or staff), with a reason kept in the journal. The
    édition's results (Labellisation, Mention, titles) follow at once."""
    maintenant = maintenant or timezone.now()
    edition = _edition_verrouillee(decision.candidature.edition)
    if edition.statut != StatutEdition.CLOSE:
        raise RefusDeliberation("La délibération n'est pas close : modifiez la décision elle-même.")
    if not (motif or "").strip():
        raise RefusDeliberation("Un amendement a besoin d'un motif : il est gardé dans le journal.")
    decision = Decision.objects.select_for_update().select_related("candidature__collectivite").get(pk=decision.pk)
    decision.candidature.edition = edition
    choisies = _verifier_saisie(edition, arobases=arobases, mentions=mentions, motifs=motifs)
    decision, changements = _ecrire(
        decision,
        arobases=arobases,
        mentions=choisies,
        motifs=motifs,
        titre_confirme=titre_confirme,
        par=par,
        maintenant=maintenant,
    )
    if not changements:
        raise RefusDeliberation("Cet amendement ne change rien à la décision.")
    if decision.titre_propose and decision.titre_confirme is None:
        raise RefusDeliberation("La règle propose le titre d'excellence : confirmez-le ou non.")
    _materialiser(edition, [decision])
    EntreeJournal.objects.create(
        edition=edition,
        candidature=decision.candidature,
        type=TypeEntree.AMENDEMENT,
        par=par,
        created_at=maintenant,
        changements=changements,
        motif=motif.strip(),
    )
    return decision


# ---------------------------------------------------------------------------------------------------
# Publication
# ---------------------------------------------------------------------------------------------------


def _date_lisible(moment):
    if moment is None:
        return "non programmée"
    return date_format(timezone.localtime(moment), "j F Y à H:i")


@transaction.atomic
def programmer_publication(*, edition, par, publication_at, maintenant=None):
    """Staff set (or move, or clear) the date and time the results become public: the ceremony. Only once the
    deliberation is closed, in the future, and never again once the results are public."""
    maintenant = maintenant or timezone.now()
    edition = _edition_verrouillee(edition)
    if edition.statut != StatutEdition.CLOSE:
        raise RefusDeliberation("La publication se programme une fois la délibération close par le président du jury.")
    if edition.publication_at is not None and edition.publication_at <= maintenant:
        raise RefusDeliberation("Les résultats sont déjà publics : la date de publication ne change plus.")
    if publication_at is not None and publication_at <= maintenant:
        raise RefusDeliberation("La date de publication doit être dans le futur.")
    if publication_at == edition.publication_at:
        return edition
    avant = _date_lisible(edition.publication_at)
    edition.publication_at = publication_at
    edition.save(update_fields=["publication_at"])
    EntreeJournal.objects.create(
        edition=edition,
        type=TypeEntree.PUBLICATION,
        par=par,
        created_at=maintenant,
        changements=[{"champ": "Publication", "avant": avant, "apres": _date_lisible(publication_at)}],
    )
    return edition


def destinataires_resultat(candidature):
    """The référents of the collectivité with an e-mail address (the result is a service message: no opt-out)."""
    appartenances = Appartenance.objects.filter(
        collectivite_id=candidature.collectivite_id, role=Role.REFERENT, user__is_active=True
    ).exclude(user__email="")
    return [appartenance.user for appartenance in appartenances.select_related("user").order_by("user__pk")]


def envoyer_resultats(*, maintenant=None):
    """After publication, e-mail each référent of each decided candidature its result with a link to its dossier,
    once per candidature, ever (ResultatEnvoye is unique; a failed e-mail rolls its record back for the next run).

    Returns the number of candidatures whose result was sent.
    """
    maintenant = maintenant or timezone.now()
    candidatures = (
        Candidature.objects.filter(
            decision__isnull=False,
            edition__statut=StatutEdition.CLOSE,
            edition__publication_at__lte=maintenant,
            resultat_envoye__isnull=True,
        )
        .select_related("edition", "collectivite")
        .order_by("pk")
    )
    envoyes = 0
    for candidature in candidatures:
        labellisation = (
            Labellisation.objects.filter(
                edition_id=candidature.edition_id,
                collectivite_id=candidature.collectivite_id,
                edition__publication_at__lte=maintenant,
            )
            .prefetch_related("mentions__categorie")
            .first()
        )
        destinataires = destinataires_resultat(candidature)
        if labellisation is None or not destinataires:
            continue
        try:
            with transaction.atomic():
                ResultatEnvoye.objects.create(
                    candidature=candidature,
                    envoye_le=maintenant,
                    destinataires=", ".join(user.email for user in destinataires),
                )
                for user in destinataires:
                    courriels.envoyer_resultat(candidature, labellisation, user=user)
        except IntegrityError:
            continue  # another run sent it meanwhile
        envoyes += 1
    return envoyes

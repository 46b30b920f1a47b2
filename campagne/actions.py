"""What changes the campaign: registering (with the pre-fill from last year), saving an answer (with its optimistic
lock), confirming a copied answer, submitting (journal, PDF, receipt), reopening, correcting the kind, presence,
reminders. Each function runs in one transaction; e-mails leave once it is committed.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from comptes.enums import Role
from comptes.models import Appartenance
from label.enums import Categorie

from . import courriels
from .calendrier import campagne_ouverte, jours_avant
from .dossier import contenu, est_pret, fiches_du_dossier, liste_de_controle, questionnaire_de
from .enums import TypeEvenement, TypeQuestion, TypeRappel
from .fichiers import verifier_fichier
from .models import (
    MODIFIABLES,
    Candidature,
    Desabonnement,
    Evenement,
    Presence,
    Question,
    RappelEnvoye,
    RefusDossier,
    Reponse,
    lire_nombre,
)

PRESENCE_RECENTE = timedelta(minutes=1)
LONGUEUR_MAX = {TypeQuestion.TEXTE: 500, TypeQuestion.TEXTE_LONG: 20_000, TypeQuestion.NOMBRE: 50}


def est_referent(user, collectivite):
    return (
        user.is_authenticated
        and Appartenance.objects.filter(user=user, collectivite=collectivite, role=Role.REFERENT).exists()
    )


def categorie_pour(collectivite, edition):
    """The kind of a candidature, from the référentiel: territoire for an EPCI or a syndicat; for a commune,
    ville or village by its population and the édition's village threshold."""
    if collectivite.is_territoire:
        return Categorie.TERRITOIRE
    return edition.categorie_pour_population(collectivite.population)


# ---------------------------------------------------------------------------------------------------
# Registering
# ---------------------------------------------------------------------------------------------------


def inscrire(*, edition, collectivite, par, maintenant=None):
    """Register `collectivite` for `edition` (a référent, during the campaign) and pre-fill its dossier."""
    maintenant = maintenant or timezone.now()
    if not campagne_ouverte(edition, maintenant):
        raise RefusDossier(
            f"Les inscriptions au label {edition.annee} ne sont pas ouvertes : elles se font pendant la campagne, "
            "entre son ouverture et sa clôture (heure de Paris)."
        )
    if not est_referent(par, collectivite):
        raise RefusDossier(f"Seul un référent de {collectivite.nom} peut l'inscrire au label.")
    try:
        with transaction.atomic():
            candidature = Candidature.objects.create(
                edition=edition,
                collectivite=collectivite,
                categorie=categorie_pour(collectivite, edition),
                inscrite_par=par,
                created_at=maintenant,
            )
            Evenement.objects.create(
                candidature=candidature, type=TypeEvenement.INSCRIPTION, par=par, created_at=maintenant
            )
            pre_remplir(candidature, maintenant=maintenant)
    except IntegrityError as erreur:
        raise RefusDossier(f"{collectivite.nom} est déjà inscrite au label {edition.annee}.") from erreur
    return candidature


def pre_remplir(candidature, *, maintenant=None):
    """Copy the answers of the collectivité's latest earlier candidature to the questions of the same key,
    each marked « à confirmer ». Returns how many answers were copied."""
    maintenant = maintenant or timezone.now()
    precedente = (
        Candidature.objects.filter(
            collectivite_id=candidature.collectivite_id, edition__annee__lt=candidature.edition.annee
        )
        .order_by("-edition__annee")
        .first()
    )
    questionnaire = questionnaire_de(candidature)
    if precedente is None or questionnaire is None:
        return 0
    questions = {question.cle: question for question in Question.objects.filter(questionnaire=questionnaire)}
    anciennes = Reponse.objects.filter(candidature=precedente, question__cle__in=list(questions)).select_related(
        "question"
    )
    copies = []
    for ancienne in anciennes:
        if not ancienne.est_remplie:
            continue
        question = questions[ancienne.question.cle]
        if (question.type == TypeQuestion.FICHIER) != (ancienne.question.type == TypeQuestion.FICHIER):
            continue  # a file cannot become text, nor text a file
        copies.append(
            Reponse(
                candidature=candidature,
                question=question,
                valeur=ancienne.valeur,
                fichier=ancienne.fichier.name if ancienne.fichier else "",
                nom_fichier=ancienne.nom_fichier,
                a_confirmer=True,
                reprise_de=ancienne,
                modifiee_le=maintenant,
            )
        )
    Reponse.objects.bulk_create(copies)
    return len(copies)


# ---------------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------------


class ConflitDeReponse(Exception):
    """Someone saved this answer since the page was loaded: `actuelle` is the answer as it is saved now."""

    def __init__(self, actuelle):
        super().__init__("Cette réponse a été modifiée entre-temps.")
        self.actuelle = actuelle


def normaliser(question, valeurs):
    """The value to store for `question` from the submitted values (a list), or ValidationError in French."""
    valeurs = [valeur.strip() for valeur in valeurs if valeur is not None]
    type_ = question.type
    if type_ == TypeQuestion.CHOIX_MULTIPLE:
        choix = question.liste_choix()
        inconnus = [valeur for valeur in valeurs if valeur and valeur not in choix]
        if inconnus:
            raise ValidationError("Choisissez parmi les choix proposés.")
        return "\n".join(valeur for valeur in choix if valeur in valeurs)  # in the questionnaire's order
    valeur = valeurs[-1] if valeurs else ""
    if not valeur:
        return ""
    if type_ in (TypeQuestion.CHOIX_UNIQUE, TypeQuestion.OUI_NON) and valeur not in question.liste_choix():
        raise ValidationError("Choisissez parmi les choix proposés.")
    if type_ == TypeQuestion.NOMBRE:
        try:
            lire_nombre(valeur)
        except ValueError as erreur:
            raise ValidationError("Saisissez un nombre, par exemple 1 250 ou 12,5.") from erreur
    limite = LONGUEUR_MAX.get(type_)
    if limite and len(valeur) > limite:
        raise ValidationError(f"La réponse dépasse {limite:,} caractères.".replace(",", "\u202f"))
    return valeur


def verifier_modifiable(candidature, maintenant):
    if candidature.est_soumise:
        raise RefusDossier("Le dossier est soumis : il n'est plus modifiable. L'équipe peut le rouvrir sur demande.")
    if not candidature.est_modifiable(maintenant):
        raise RefusDossier("La date limite est passée : le dossier n'est plus modifiable.")


def enregistrer_reponse(*, candidature, question, valeurs, version, par, fichier=None, maintenant=None):
    """Save the answer to `question` unless it was saved since `version` (0: never answered).

    The check and the increment are one UPDATE … WHERE version = loaded version: of two people saving the same
    version, exactly one wins; the other gets ConflitDeReponse and nothing of theirs is written. A stale save of
    the value already stored is no conflict (a request sent twice). Saving confirms a copied answer.
    """
    maintenant = maintenant or timezone.now()
    verifier_modifiable(candidature, maintenant)
    if question.questionnaire_id != getattr(questionnaire_de(candidature), "pk", None):
        raise RefusDossier("Cette question n'appartient pas au questionnaire du dossier.")
    champs = {"modifiee_par": par, "modifiee_le": maintenant, "a_confirmer": False}
    if question.type == TypeQuestion.FICHIER:
        if fichier is None:
            raise ValidationError("Choisissez un fichier.")
        verifier_fichier(fichier)
        valeur = ""
    else:
        valeur = normaliser(question, valeurs)
    with transaction.atomic():
        actuelle = Reponse.objects.filter(candidature=candidature, question=question).first()
        if actuelle is None and version == 0:
            reponse = Reponse(candidature=candidature, question=question, valeur=valeur, version=1, **champs)
            if fichier is not None:
                reponse.fichier.save(fichier.name, fichier, save=False)
                reponse.nom_fichier = fichier.name[:200]
            try:
                with transaction.atomic():
                    reponse.save()
            except IntegrityError:
                actuelle = Reponse.objects.get(candidature=candidature, question=question)
                raise ConflitDeReponse(actuelle) from None
        else:
            if actuelle is None:
                raise RefusDossier("Cette réponse n'existe plus : rechargez la page.")
            if actuelle.version != version:
                if fichier is None and actuelle.valeur == valeur:
                    return actuelle  # the same value sent twice: nothing to do
                raise ConflitDeReponse(actuelle)
            if fichier is None and actuelle.valeur == valeur and not actuelle.a_confirmer:
                return actuelle  # nothing changed (the same value sent on input, then on change)
            if fichier is not None:
                actuelle.fichier.save(fichier.name, fichier, save=False)
                champs |= {"fichier": actuelle.fichier.name, "nom_fichier": fichier.name[:200]}
            gagne = Reponse.objects.filter(pk=actuelle.pk, version=version).update(
                valeur=valeur, version=F("version") + 1, **champs
            )
            if not gagne:
                raise ConflitDeReponse(Reponse.objects.get(pk=actuelle.pk))
            reponse = Reponse.objects.get(pk=actuelle.pk)
        candidature.commencer()
    return reponse


def confirmer_reponse(*, candidature, reponse, par, maintenant=None):
    """Confirm an answer copied from last year as it is. The value does not change, so neither does the version:
    someone typing in it meanwhile is not put in conflict."""
    maintenant = maintenant or timezone.now()
    verifier_modifiable(candidature, maintenant)
    with transaction.atomic():
        Reponse.objects.filter(pk=reponse.pk).update(a_confirmer=False, modifiee_par=par, modifiee_le=maintenant)
        candidature.commencer()
    reponse.refresh_from_db()
    return reponse


# ---------------------------------------------------------------------------------------------------
# Submitting, reopening, correcting the kind
# ---------------------------------------------------------------------------------------------------


def soumettre_dossier(*, candidature, par, maintenant=None, recapitulatif=True):
    """Submit the dossier: a référent, before the deadline, with a complete checklist. Records the journal, stores
    the PDF summary and e-mails a receipt to the référents once committed. `recapitulatif=False` leaves the PDF to
    be made at its first download (the demo)."""
    maintenant = maintenant or timezone.now()
    if not est_referent(par, candidature.collectivite):
        raise RefusDossier("Seul un référent de la collectivité peut soumettre le dossier.")
    with transaction.atomic():
        candidature = (
            Candidature.objects.select_for_update().select_related("edition", "collectivite").get(pk=candidature.pk)
        )
        if candidature.est_soumise:
            raise RefusDossier("Le dossier est déjà soumis.")
        candidature.verifier_delai(maintenant)
        points = liste_de_controle(candidature, contenu(candidature), fiches_du_dossier(candidature))
        if not est_pret(points):
            raise RefusDossier("Le dossier n'est pas complet : voyez la liste de ce qui manque avant de le soumettre.")
        candidature.soumettre(par=par, maintenant=maintenant)
        Evenement.objects.create(candidature=candidature, type=TypeEvenement.SOUMISSION, par=par, created_at=maintenant)
        if recapitulatif:
            from .recapitulatif import enregistrer_recapitulatif

            enregistrer_recapitulatif(candidature)
        transaction.on_commit(lambda: courriels.envoyer_accuse_reception(candidature, par=par))
    return candidature


def rouvrir_dossier(*, candidature, par, motif, echeance=None, maintenant=None):
    """Staff reopen one submitted dossier, with a reason kept in the journal."""
    maintenant = maintenant or timezone.now()
    if not (par.is_authenticated and par.is_staff):
        raise RefusDossier("Seule l'équipe de Villes Internet peut rouvrir un dossier.")
    motif = (motif or "").strip()
    if not motif:
        raise RefusDossier("Donnez le motif de la réouverture : il est gardé dans le journal du dossier.")
    with transaction.atomic():
        candidature.rouvrir(par=par, echeance=echeance, maintenant=maintenant)
        Evenement.objects.create(
            candidature=candidature, type=TypeEvenement.REOUVERTURE, par=par, motif=motif, created_at=maintenant
        )
    return candidature


def corriger_categorie(*, candidature, categorie, par, maintenant=None):
    """Staff correct the kind of a candidature not submitted. The answers follow to the questions of the same key
    in the new kind's questionnaire (to be confirmed when the wording differs); the others are kept aside."""
    maintenant = maintenant or timezone.now()
    if not (par.is_authenticated and par.is_staff):
        raise RefusDossier("Seule l'équipe de Villes Internet peut corriger la catégorie.")
    if categorie not in Categorie.values:
        raise RefusDossier("Catégorie inconnue.")
    if candidature.statut not in MODIFIABLES:
        raise RefusDossier("Rouvrez d'abord le dossier : un dossier soumis ne change pas de catégorie.")
    if categorie == candidature.categorie:
        return candidature
    with transaction.atomic():
        ancienne = candidature.get_categorie_display()
        candidature.categorie = categorie
        candidature.save(update_fields=["categorie"])
        questionnaire = questionnaire_de(candidature)
        if questionnaire is not None:
            questions = {q.cle: q for q in Question.objects.filter(questionnaire=questionnaire)}
            deja = set(
                Reponse.objects.filter(candidature=candidature, question__in=questions.values()).values_list(
                    "question__cle", flat=True
                )
            )
            for reponse in Reponse.objects.filter(candidature=candidature).select_related("question"):
                question = questions.get(reponse.question.cle)
                if question is None or question.pk == reponse.question_id or question.cle in deja:
                    continue
                if (question.type == TypeQuestion.FICHIER) != (reponse.question.type == TypeQuestion.FICHIER):
                    continue
                changee = question.libelle != reponse.question.libelle or question.type != reponse.question.type
                reponse.question = question
                reponse.a_confirmer = reponse.a_confirmer or changee
                reponse.version += 1
                reponse.save(update_fields=["question", "a_confirmer", "version"])
                deja.add(question.cle)
        Evenement.objects.create(
            candidature=candidature,
            type=TypeEvenement.CATEGORIE,
            par=par,
            motif=f"{ancienne} → {candidature.get_categorie_display()}",
            created_at=maintenant,
        )
    return candidature


# ---------------------------------------------------------------------------------------------------
# Presence
# ---------------------------------------------------------------------------------------------------


def noter_presence(*, candidature, user, maintenant=None):
    """Record that `user` has the dossier open; return the other people seen on it in the last minute."""
    maintenant = maintenant or timezone.now()
    Presence.objects.update_or_create(candidature=candidature, user=user, defaults={"vue_le": maintenant})
    return list(
        Presence.objects.filter(candidature=candidature, vue_le__gte=maintenant - PRESENCE_RECENTE)
        .exclude(user=user)
        .select_related("user")
        .order_by("user__first_name", "user__username")
    )


# ---------------------------------------------------------------------------------------------------
# Reminders
# ---------------------------------------------------------------------------------------------------

# Which reminder is due, by the number of days left (Paris calendar days): the J-30 one from 30 days before,
# the J-7 one from 7 days before, the J-1 one on the eve and the last day. A daily run that missed a day still
# sends the reminder due; the constraint on RappelEnvoye makes sure none is sent twice.
ECHEANCES = [(1, TypeRappel.J1), (7, TypeRappel.J7), (30, TypeRappel.J30)]
ESSENTIELS = {TypeRappel.J7, TypeRappel.J1}


def rappel_du(jours):
    """The reminder due when `jours` days are left, or None."""
    if jours < 0:
        return None
    return next((type_ for seuil, type_ in ECHEANCES if jours <= seuil), None)


def envoyer_rappels(*, maintenant=None):
    """E-mail the référents of the dossiers not submitted the reminder due (J-30, J-7, J-1), once each.

    Returns the number of reminders sent. Each reminder is recorded and sent in its own transaction: if the
    e-mail cannot leave, the record is rolled back and the next run tries again.
    """
    maintenant = maintenant or timezone.now()
    candidatures = (
        Candidature.objects.non_soumises()
        .select_related("edition", "collectivite")
        .prefetch_related("rappels")
        .order_by("pk")
    )
    envoyes = 0
    for candidature in candidatures:
        limite = candidature.date_limite
        if limite is None or limite <= maintenant:
            continue
        jours = jours_avant(limite, maintenant)
        type_ = rappel_du(jours)
        if type_ is None or any(rappel.type == type_ for rappel in candidature.rappels.all()):
            continue
        destinataires = destinataires_rappel(candidature, essentiel=type_ in ESSENTIELS)
        if not destinataires:
            continue
        try:
            with transaction.atomic():
                RappelEnvoye.objects.create(
                    candidature=candidature,
                    type=type_,
                    envoye_le=maintenant,
                    destinataires=", ".join(user.email for user in destinataires),
                )
                for user in destinataires:
                    courriels.envoyer_rappel(
                        candidature, user=user, type_=type_, jours=jours, essentiel=type_ in ESSENTIELS
                    )
        except IntegrityError:
            continue  # another run sent it meanwhile
        envoyes += 1
    return envoyes


def destinataires_rappel(candidature, *, essentiel):
    """The référents of the collectivité with an e-mail; for a non-essential message, not those unsubscribed."""
    appartenances = Appartenance.objects.filter(
        collectivite_id=candidature.collectivite_id, role=Role.REFERENT, user__is_active=True
    ).exclude(user__email="")
    if not essentiel:
        appartenances = appartenances.exclude(user__desabonnement__isnull=False)
    return [appartenance.user for appartenance in appartenances.select_related("user").order_by("user__pk")]


def desabonner(user):
    Desabonnement.objects.get_or_create(user=user)


def reabonner(user):
    Desabonnement.objects.filter(user=user).delete()


# ---------------------------------------------------------------------------------------------------
# Questionnaires
# ---------------------------------------------------------------------------------------------------


def copier_questionnaire(*, questionnaire, edition):
    """Copy a questionnaire (sections and questions, same keys) to `edition`, for staff to adapt: the answers of
    this year will pre-fill next year's dossiers through the keys. Refused if `edition` already has one."""
    from .models import Questionnaire, Section

    if Questionnaire.objects.filter(edition=edition, categorie=questionnaire.categorie).exists():
        raise ValueError(
            f"L'édition {edition.annee} a déjà un questionnaire {questionnaire.get_categorie_display().lower()}."
        )
    with transaction.atomic():
        copie = Questionnaire.objects.create(
            edition=edition, categorie=questionnaire.categorie, introduction=questionnaire.introduction
        )
        for section in questionnaire.sections.prefetch_related("questions"):
            nouvelle = Section.objects.create(
                questionnaire=copie, titre=section.titre, aide=section.aide, ordre=section.ordre
            )
            Question.objects.bulk_create(
                [
                    Question(
                        questionnaire=copie,
                        section=nouvelle,
                        cle=question.cle,
                        libelle=question.libelle,
                        type=question.type,
                        obligatoire=question.obligatoire,
                        aide=question.aide,
                        choix=question.choix,
                        ordre=question.ordre,
                    )
                    for question in section.questions.all()
                ]
            )
    return copie

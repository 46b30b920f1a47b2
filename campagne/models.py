"""The campaign of an édition: candidatures, their questionnaire, answers, journal, reminders.

A référent registers the collectivité during the campaign (a Candidature); its members answer the
questionnaire of the édition for the candidature's kind; a référent submits it before the deadline; staff
may reopen it with a reason. What writes several rows (registering with the pre-fill, submitting with the
receipt and the PDF, reminders) lives in campagne/actions.py.
"""

import os
import uuid
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format

from label.enums import Categorie

from .calendrier import PARIS
from .enums import StatutCandidature, TypeEvenement, TypeQuestion, TypeRappel

# ---------------------------------------------------------------------------------------------------
# Private files (uploaded answers, PDF summaries): never under MEDIA_ROOT, served only by campagne's views
# ---------------------------------------------------------------------------------------------------


@deconstructible
class StockagePrive(FileSystemStorage):
    """Files of the dossiers, under settings.CAMPAGNE_FICHIERS_ROOT (read at use, so tests can move it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.CAMPAGNE_FICHIERS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Les fichiers des dossiers ne sont servis que par les vues de la campagne.")


stockage_prive = StockagePrive()


def chemin_fichier_reponse(instance, filename):
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"reponses/{instance.candidature_id}/{uuid.uuid4().hex}{extension}"


def chemin_recapitulatif(instance, filename):
    return f"recapitulatifs/{instance.pk}/{uuid.uuid4().hex}.pdf"


# ---------------------------------------------------------------------------------------------------
# Questionnaire
# ---------------------------------------------------------------------------------------------------


class Questionnaire(models.Model):
    """The questions of one édition for one kind of candidate (villages get a shorter one)."""

    edition = models.ForeignKey(
        "label.Edition", verbose_name="édition", on_delete=models.CASCADE, related_name="questionnaires"
    )
    categorie = models.CharField("catégorie", max_length=10, choices=Categorie.choices)
    introduction = models.TextField("introduction", blank=True, help_text="Affichée en tête du dossier.")

    class Meta:
        verbose_name = "questionnaire"
        verbose_name_plural = "questionnaires"
        ordering = ["-edition__annee", "categorie"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "categorie"], name="questionnaire_unique_par_categorie")
        ]

    def __str__(self):
        return f"Questionnaire {self.get_categorie_display().lower()} — label {self.edition.annee}"


class Section(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="questionnaire", on_delete=models.CASCADE, related_name="sections"
    )
    titre = models.CharField("titre", max_length=200)
    aide = models.TextField("aide", blank=True)
    ordre = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "section"
        verbose_name_plural = "sections"
        ordering = ["questionnaire", "ordre", "pk"]

    def __str__(self):
        return self.titre


class Question(models.Model):
    """One question. `cle` names it across the years: next year's question with the same key is pre-filled."""

    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="questionnaire", on_delete=models.CASCADE, related_name="questions", editable=False
    )
    section = models.ForeignKey(Section, verbose_name="section", on_delete=models.CASCADE, related_name="questions")
    cle = models.SlugField(
        "clé",
        max_length=80,
        help_text="Identifiant stable d'une année à l'autre : la réponse de l'an passé à la question de même clé "
        "pré-remplit le dossier.",
    )
    libelle = models.CharField("libellé", max_length=500)
    type = models.CharField("type", max_length=20, choices=TypeQuestion.choices, default=TypeQuestion.TEXTE_LONG)
    obligatoire = models.BooleanField("obligatoire", default=False)
    aide = models.TextField("aide", blank=True)
    choix = models.TextField("choix", blank=True, help_text="Un choix par ligne (questions à choix).")
    ordre = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "question"
        verbose_name_plural = "questions"
        ordering = ["section__ordre", "section_id", "ordre", "pk"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "cle"], name="question_cle_unique")]

    def __str__(self):
        return self.libelle

    def save(self, *args, **kwargs):
        self.questionnaire_id = self.section.questionnaire_id
        super().save(*args, **kwargs)

    def clean(self):
        if self.type in (TypeQuestion.CHOIX_UNIQUE, TypeQuestion.CHOIX_MULTIPLE) and not self.liste_choix():
            raise ValidationError({"choix": "Une question à choix a besoin d'au moins un choix."})

    def liste_choix(self):
        if self.type == TypeQuestion.OUI_NON:
            return ["oui", "non"]
        return [ligne.strip() for ligne in self.choix.splitlines() if ligne.strip()]

    @property
    def ancre(self):
        return f"question-{self.pk}"


# ---------------------------------------------------------------------------------------------------
# Candidature
# ---------------------------------------------------------------------------------------------------

MODIFIABLES = [StatutCandidature.INSCRITE, StatutCandidature.EN_COURS, StatutCandidature.REOUVERTE]


class RefusDossier(Exception):
    """A rule of the campaign refuses the action; the message is for the person (French)."""


class CandidatureQuerySet(models.QuerySet):
    def non_soumises(self):
        return self.filter(statut__in=MODIFIABLES)

    def de_membre(self, user):
        """Candidatures of the collectivités `user` belongs to (any role)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(collectivite__appartenances__user=user)


class Candidature(models.Model):
    """A collectivité registered for an édition, with its dossier."""

    TRANSITIONS = {
        StatutCandidature.INSCRITE: [StatutCandidature.EN_COURS, StatutCandidature.SOUMISE],
        StatutCandidature.EN_COURS: [StatutCandidature.SOUMISE],
        StatutCandidature.SOUMISE: [StatutCandidature.REOUVERTE],
        StatutCandidature.REOUVERTE: [StatutCandidature.SOUMISE],
    }

    edition = models.ForeignKey(
        "label.Edition", verbose_name="édition", on_delete=models.PROTECT, related_name="candidatures"
    )
    collectivite = models.ForeignKey(
        "label.Collectivite", verbose_name="collectivité", on_delete=models.PROTECT, related_name="candidatures"
    )
    categorie = models.CharField(
        "catégorie",
        max_length=10,
        choices=Categorie.choices,
        help_text="Déduite à l'inscription du référentiel et du seuil village de l'édition ; l'équipe peut la corriger.",
    )
    statut = models.CharField(
        "statut", max_length=20, choices=StatutCandidature.choices, default=StatutCandidature.INSCRITE
    )
    echeance = models.DateTimeField(
        "date limite propre au dossier",
        null=True,
        blank=True,
        help_text="Accordée à une réouverture ; sinon la clôture de la campagne s'applique.",
    )
    inscrite_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="inscrite par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("inscrite le", default=timezone.now)
    soumise_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="soumise par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    soumise_le = models.DateTimeField("soumise le", null=True, blank=True)
    rouverte_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="rouverte par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    rouverte_le = models.DateTimeField("rouverte le", null=True, blank=True)
    recapitulatif = models.FileField(
        "récapitulatif PDF", storage=stockage_prive, upload_to=chemin_recapitulatif, blank=True, editable=False
    )

    objects = CandidatureQuerySet.as_manager()

    class Meta:
        verbose_name = "candidature"
        verbose_name_plural = "candidatures"
        ordering = ["-edition__annee", "collectivite__nom"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "collectivite"], name="candidature_unique_par_edition"),
            models.CheckConstraint(
                condition=~Q(statut=StatutCandidature.SOUMISE) | Q(soumise_le__isnull=False),
                name="candidature_soumise_datee",
            ),
        ]

    def __str__(self):
        return f"{self.collectivite} — label {self.edition.annee}"

    def get_absolute_url(self):
        return reverse("campagne:dossier", args=[self.edition.annee, self.collectivite.code])

    # -- rules -----------------------------------------------------------------------------------------
    @property
    def date_limite(self):
        """The deadline of this dossier: its own after a reopening, else the closing of the campaign."""
        return self.echeance or self.edition.campagne_cloture

    def delai_depasse(self, maintenant=None):
        maintenant = maintenant or timezone.now()
        return self.date_limite is None or maintenant >= self.date_limite

    @property
    def etat_du_dossier(self):
        """The statut as said of the dossier (masculine in French): « Dossier soumis »."""
        return {
            StatutCandidature.INSCRITE: "Dossier à commencer",
            StatutCandidature.EN_COURS: "Dossier en cours",
            StatutCandidature.SOUMISE: "Dossier soumis",
            StatutCandidature.REOUVERTE: "Dossier rouvert",
        }[StatutCandidature(self.statut)]

    @property
    def est_soumise(self):
        return self.statut == StatutCandidature.SOUMISE

    def verifier_delai(self, maintenant=None):
        """RefusDossier with the deadline in Paris time once it is past."""
        if not self.delai_depasse(maintenant):
            return
        if self.date_limite is None:
            raise RefusDossier("La campagne de cette édition n'a pas de date de clôture : rien ne peut être soumis.")
        limite = timezone.localtime(self.date_limite, PARIS)
        raise RefusDossier(
            f"La date limite est passée (le {limite.strftime('%d/%m/%Y à %H:%M')}, heure de Paris) : le dossier ne "
            "peut plus être soumis. Écrivez à l'équipe de Villes Internet si vous pensez qu'il s'agit d'une erreur."
        )

    def est_modifiable(self, maintenant=None):
        """The collectivité may still change its answers: not submitted, and before the deadline."""
        return self.statut in MODIFIABLES and not self.delai_depasse(maintenant)

    def can_move_to(self, statut):
        return statut in self.TRANSITIONS[StatutCandidature(self.statut)]

    def _verifier_transition(self, statut):
        if not self.can_move_to(statut):
            raise RefusDossier(
                f"Passage impossible de « {self.get_statut_display()} » à « {StatutCandidature(statut).label} »."
            )

    # -- transitions -----------------------------------------------------------------------------------
    def commencer(self):
        """inscrite → en cours: the first answer was saved. Does nothing in any other statut."""
        if self.statut != StatutCandidature.INSCRITE:
            return
        self.statut = StatutCandidature.EN_COURS
        self.save(update_fields=["statut"])

    def soumettre(self, *, par, maintenant=None):
        """→ soumise, before the deadline only (checked in Europe/Paris time: the deadline is an instant)."""
        maintenant = maintenant or timezone.now()
        self._verifier_transition(StatutCandidature.SOUMISE)
        self.verifier_delai(maintenant)
        self.statut = StatutCandidature.SOUMISE
        self.soumise_par = par
        self.soumise_le = maintenant
        self.save(update_fields=["statut", "soumise_par", "soumise_le"])

    def rouvrir(self, *, par, echeance=None, maintenant=None):
        """soumise → rouverte (staff), optionally with a deadline of its own (needed once the campaign is closed)."""
        maintenant = maintenant or timezone.now()
        self._verifier_transition(StatutCandidature.REOUVERTE)
        if echeance is not None and echeance <= maintenant:
            raise RefusDossier("La nouvelle date limite doit être dans le futur.")
        limite = echeance or self.date_limite
        if limite is None or limite <= maintenant:
            raise RefusDossier(
                "La campagne est close : donnez une nouvelle date limite pour que la collectivité puisse resoumettre."
            )
        self.statut = StatutCandidature.REOUVERTE
        self.rouverte_par = par
        self.rouverte_le = maintenant
        if echeance is not None:
            self.echeance = echeance
        self.save(update_fields=["statut", "rouverte_par", "rouverte_le", "echeance"])


# ---------------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------------


def lire_nombre(texte):
    """« 1 234,5 » → Decimal('1234.5'); ValueError when it is not a number."""
    propre = texte.strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        nombre = Decimal(propre)
    except InvalidOperation as erreur:
        raise ValueError(texte) from erreur
    if not nombre.is_finite():
        raise ValueError(texte)
    return nombre


class Reponse(models.Model):
    """The answer of a candidature to a question. `version` grows at each change: a stale save is refused."""

    candidature = models.ForeignKey(
        Candidature, verbose_name="candidature", on_delete=models.CASCADE, related_name="reponses"
    )
    question = models.ForeignKey(Question, verbose_name="question", on_delete=models.PROTECT, related_name="reponses")
    valeur = models.TextField("réponse", blank=True, help_text="Plusieurs choix : un par ligne.")
    fichier = models.FileField(
        "fichier", storage=stockage_prive, upload_to=chemin_fichier_reponse, blank=True, max_length=200
    )
    nom_fichier = models.CharField("nom du fichier envoyé", max_length=200, blank=True)
    a_confirmer = models.BooleanField(
        "à confirmer", default=False, help_text="Reprise de l'édition précédente : une personne doit la relire."
    )
    reprise_de = models.ForeignKey(
        "self", verbose_name="reprise de", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    modifiee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="modifiée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    modifiee_le = models.DateTimeField("modifiée le", default=timezone.now)
    version = models.PositiveIntegerField("version", default=1)

    class Meta:
        verbose_name = "réponse"
        verbose_name_plural = "réponses"
        constraints = [models.UniqueConstraint(fields=["candidature", "question"], name="reponse_unique")]

    def __str__(self):
        return f"{self.question} — {self.candidature}"

    @property
    def est_remplie(self):
        if self.question.type == TypeQuestion.FICHIER:
            return bool(self.fichier)
        return bool(self.valeur.strip())

    def valeurs(self):
        """The chosen values of a multiple choice (or the single value in a list)."""
        return [ligne for ligne in self.valeur.splitlines() if ligne.strip()]

    def lisible(self):
        """The answer as a person reads it."""
        type_ = self.question.type
        if type_ == TypeQuestion.FICHIER:
            return self.nom_fichier or ("fichier joint" if self.fichier else "")
        if type_ == TypeQuestion.OUI_NON:
            return {"oui": "Oui", "non": "Non"}.get(self.valeur, "")
        if type_ == TypeQuestion.CHOIX_MULTIPLE:
            return " ; ".join(self.valeurs())
        if type_ == TypeQuestion.NOMBRE and self.valeur:
            try:
                return number_format(lire_nombre(self.valeur), force_grouping=True)
            except ValueError:
                return self.valeur
        return self.valeur

    def ecarts(self):
        """What changed since the answer it was copied from (for a person confirming it), in French."""
        precedente = self.reprise_de
        if precedente is None:
            return []
        ecarts = []
        ancienne, question = precedente.question, self.question
        annee = ancienne.questionnaire.edition.annee
        if ancienne.libelle.strip() != question.libelle.strip():
            ecarts.append(f"La question a changé depuis {annee}. Elle était : « {ancienne.libelle} ».")
        if ancienne.type != question.type:
            ecarts.append(
                f"Le type de réponse a changé ({TypeQuestion(ancienne.type).label.lower()} en {annee}, "
                f"{TypeQuestion(question.type).label.lower()} aujourd'hui)."
            )
        if question.type in (TypeQuestion.CHOIX_UNIQUE, TypeQuestion.CHOIX_MULTIPLE):
            choix = set(question.liste_choix())
            perdus = [valeur for valeur in precedente.valeurs() if valeur not in choix]
            if perdus:
                liste = " ; ".join(f"« {valeur} »" for valeur in perdus)
                ecarts.append(
                    f"Votre réponse de {annee} ne figure plus parmi les choix : {liste}. Choisissez à nouveau."
                )
        return ecarts


class Evenement(models.Model):
    """The journal of a dossier: registration, submissions, reopenings (with their reason), kind corrected."""

    candidature = models.ForeignKey(
        Candidature, verbose_name="candidature", on_delete=models.CASCADE, related_name="evenements"
    )
    type = models.CharField("type", max_length=20, choices=TypeEvenement.choices)
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("le", default=timezone.now)
    motif = models.TextField("motif", blank=True)

    class Meta:
        verbose_name = "événement du dossier"
        verbose_name_plural = "journal des dossiers"
        ordering = ["candidature", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(type=TypeEvenement.REOUVERTURE) | ~Q(motif=""), name="evenement_reouverture_motivee"
            )
        ]

    def __str__(self):
        return f"{self.get_type_display()} — {self.candidature}"


class Presence(models.Model):
    """Who has the dossier open: a ping every 30 seconds from the dossier page."""

    candidature = models.ForeignKey(
        Candidature, verbose_name="candidature", on_delete=models.CASCADE, related_name="presences"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE)
    vue_le = models.DateTimeField("vue le", default=timezone.now)

    class Meta:
        verbose_name = "présence sur un dossier"
        verbose_name_plural = "présences sur les dossiers"
        constraints = [models.UniqueConstraint(fields=["candidature", "user"], name="presence_unique")]

    def __str__(self):
        return f"{self.user} — {self.candidature_id}"


class RappelEnvoye(models.Model):
    """A reminder sent for a candidature: at most one of each kind, ever (the constraint is the guarantee)."""

    candidature = models.ForeignKey(
        Candidature, verbose_name="candidature", on_delete=models.CASCADE, related_name="rappels"
    )
    type = models.CharField("rappel", max_length=5, choices=TypeRappel.choices)
    envoye_le = models.DateTimeField("envoyé le", default=timezone.now)
    destinataires = models.TextField("destinataires", blank=True)

    class Meta:
        verbose_name = "rappel envoyé"
        verbose_name_plural = "rappels envoyés"
        ordering = ["-envoye_le"]
        constraints = [models.UniqueConstraint(fields=["candidature", "type"], name="rappel_unique")]

    def __str__(self):
        return f"{self.get_type_display()} — {self.candidature}"


class Desabonnement(models.Model):
    """A person who no longer wants the campaign's non-essential messages (the J-30 reminder)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="desabonnement"
    )
    created_at = models.DateTimeField("depuis le", default=timezone.now)

    class Meta:
        verbose_name = "désabonnement"
        verbose_name_plural = "désabonnements"

    def __str__(self):
        return str(self.user)

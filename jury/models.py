"""The jury of an édition, up to the experts' evaluations: who holds which role, conflicts of interest,
which expert reviews which dossier, the evaluation grid and the evaluations themselves.

Who may see what is decided in jury/access.py (roles, two-factor authentication) and jury/conflits.py (a
conflicted person never sees a dossier); what writes several rows (applying an assignment, submitting an
evaluation) lives in jury/actions.py; the assignment proposal in jury/affectation.py. The deliberation and the
decisions are the `deliberation` app's.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .enums import NatureAttache, RoleJury, StatutEvaluation

EXPERTS_PAR_DOSSIER = 2  # default of an édition's setting


class RefusJury(Exception):
    """A rule of the jury refuses the action; the message is for the person (French)."""


# ---------------------------------------------------------------------------------------------------
# Settings of an édition and roles
# ---------------------------------------------------------------------------------------------------


class ParametresJury(models.Model):
    """The jury's settings of one édition (kept out of label.Edition)."""

    edition = models.OneToOneField(
        "label.Edition", verbose_name="édition", on_delete=models.CASCADE, related_name="parametres_jury"
    )
    experts_par_dossier = models.PositiveSmallIntegerField(
        "experts par dossier",
        default=EXPERTS_PAR_DOSSIER,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Nombre d'experts qui évaluent chaque dossier soumis.",
    )
    date_limite_evaluation = models.DateTimeField(
        "date limite des évaluations", null=True, blank=True, help_text="Montrée aux experts avec leurs dossiers."
    )
    conflit_meme_departement = models.BooleanField(
        "conflit si même département",
        default=False,
        help_text="Un expert qui vit ou travaille dans le département d'une collectivité ne voit pas son dossier.",
    )

    class Meta:
        verbose_name = "paramètres du jury"
        verbose_name_plural = "paramètres du jury"
        constraints = [
            models.CheckConstraint(condition=Q(experts_par_dossier__gte=1), name="parametres_jury_au_moins_un_expert")
        ]

    def __str__(self):
        return f"Jury du label {self.edition.annee}"


def parametres_de(edition):
    """The jury's settings of `edition`; the defaults (unsaved) when staff never set them."""
    try:
        return edition.parametres_jury
    except ParametresJury.DoesNotExist:
        return ParametresJury(edition=edition)


class RoleEditionQuerySet(models.QuerySet):
    def experts(self):
        return self.filter(role=RoleJury.EXPERT)


class RoleEdition(models.Model):
    """A role in the jury of one édition (expert, juré, président), granted by staff. One person may hold
    several (a président is usually a juré too)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="roles_jury"
    )
    edition = models.ForeignKey(
        "label.Edition", verbose_name="édition", on_delete=models.CASCADE, related_name="roles_jury"
    )
    role = models.CharField("rôle", max_length=20, choices=RoleJury.choices)
    capacite = models.PositiveSmallIntegerField(
        "capacité (dossiers)",
        null=True,
        blank=True,
        help_text="Pour un expert : nombre maximal de dossiers à évaluer. Vide : sans limite.",
    )
    accorde_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="accordé par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("accordé le", default=timezone.now)

    objects = RoleEditionQuerySet.as_manager()

    class Meta:
        verbose_name = "rôle dans le jury"
        verbose_name_plural = "rôles dans le jury"
        ordering = ["-edition__annee", "role", "user__last_name", "user__email"]
        constraints = [models.UniqueConstraint(fields=["user", "edition", "role"], name="role_edition_unique")]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} ({self.edition.annee})"


# ---------------------------------------------------------------------------------------------------
# Conflicts of interest (the rules: jury/conflits.py)
# ---------------------------------------------------------------------------------------------------


class AttacheDepartement(models.Model):
    """A département where a person lives or works: a conflict with its collectivités when the édition's
    setting `conflit_meme_departement` is on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="attaches_jury"
    )
    departement = models.ForeignKey(
        "territoires.Departement", verbose_name="département", on_delete=models.CASCADE, related_name="+"
    )
    nature = models.CharField("nature", max_length=20, choices=NatureAttache.choices)

    class Meta:
        verbose_name = "département de résidence ou de travail"
        verbose_name_plural = "départements de résidence ou de travail"
        ordering = ["user", "departement__code"]
        constraints = [
            models.UniqueConstraint(fields=["user", "departement", "nature"], name="attache_departement_unique")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_nature_display()} : {self.departement}"


class ConflitDeclare(models.Model):
    """A conflict of interest a person declares for an édition: with one collectivité or a whole département,
    with the reason in their words."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="conflits_declares"
    )
    edition = models.ForeignKey(
        "label.Edition", verbose_name="édition", on_delete=models.CASCADE, related_name="conflits_declares"
    )
    collectivite = models.ForeignKey(
        "label.Collectivite",
        verbose_name="collectivité",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    departement = models.ForeignKey(
        "territoires.Departement",
        verbose_name="département",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    motif = models.TextField("motif", max_length=1000, help_text="Par exemple : « mon conjoint y est élu ».")
    created_at = models.DateTimeField("déclaré le", default=timezone.now)

    class Meta:
        verbose_name = "conflit d'intérêts déclaré"
        verbose_name_plural = "conflits d'intérêts déclarés"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(collectivite__isnull=False, departement__isnull=True)
                | Q(collectivite__isnull=True, departement__isnull=False),
                name="conflit_declare_collectivite_ou_departement",
            ),
            models.CheckConstraint(condition=~Q(motif=""), name="conflit_declare_motive"),
        ]

    def __str__(self):
        return f"{self.user} — {self.collectivite or self.departement}"

    def clean(self):
        if bool(self.collectivite_id) == bool(self.departement_id):
            raise ValidationError("Indiquez une collectivité ou un département (l'un des deux).")


class LeveeConflit(models.Model):
    """Staff lift the conflict of one person with one dossier, with a reason, who and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="levees_conflit"
    )
    candidature = models.ForeignKey(
        "campagne.Candidature", verbose_name="dossier", on_delete=models.CASCADE, related_name="levees_conflit"
    )
    motif = models.TextField("motif", max_length=1000)
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="levé par", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("levé le", default=timezone.now)

    class Meta:
        verbose_name = "conflit d'intérêts levé"
        verbose_name_plural = "conflits d'intérêts levés"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "candidature"], name="levee_conflit_unique"),
            models.CheckConstraint(condition=~Q(motif=""), name="levee_conflit_motivee"),
        ]

    def __str__(self):
        return f"{self.user} — {self.candidature}"


# ---------------------------------------------------------------------------------------------------
# Assignment
# ---------------------------------------------------------------------------------------------------


class Affectation(models.Model):
    """An expert reviews a dossier."""

    candidature = models.ForeignKey(
        "campagne.Candidature", verbose_name="dossier", on_delete=models.CASCADE, related_name="affectations"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="expert", on_delete=models.CASCADE, related_name="affectations"
    )
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="affecté par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("affecté le", default=timezone.now)

    class Meta:
        verbose_name = "affectation"
        verbose_name_plural = "affectations"
        ordering = ["candidature", "expert"]
        constraints = [models.UniqueConstraint(fields=["candidature", "expert"], name="affectation_unique")]

    def __str__(self):
        return f"{self.expert} — {self.candidature}"


# ---------------------------------------------------------------------------------------------------
# Evaluation grid and evaluations
# ---------------------------------------------------------------------------------------------------


class Critere(models.Model):
    """A criterion of an édition's evaluation grid: scored from 0 to `note_max`, weighted by `poids`."""

    edition = models.ForeignKey(
        "label.Edition", verbose_name="édition", on_delete=models.CASCADE, related_name="criteres"
    )
    libelle = models.CharField("libellé", max_length=200)
    aide = models.TextField("aide", blank=True, help_text="Ce que l'expert regarde pour noter ce critère.")
    poids = models.PositiveSmallIntegerField("poids", default=1, validators=[MinValueValidator(1)])
    note_max = models.PositiveSmallIntegerField(
        "note maximale",
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Le critère se note de 0 à cette valeur.",
    )
    ordre = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "critère d'évaluation"
        verbose_name_plural = "grille d'évaluation"
        ordering = ["edition", "ordre", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(poids__gte=1), name="critere_poids_positif"),
            models.CheckConstraint(condition=Q(note_max__gte=1, note_max__lte=20), name="critere_echelle"),
        ]

    def __str__(self):
        return self.libelle


class EvaluationQuerySet(models.QuerySet):
    def soumises(self):
        return self.filter(statut=StatutEvaluation.SOUMISE)


class Evaluation(models.Model):
    """An expert's evaluation of a dossier: a score per criterion, a comment, the arobases they propose and an
    optional note for the collectivité. Other experts see it only once they submitted their own."""

    TRANSITIONS = {
        StatutEvaluation.BROUILLON: [StatutEvaluation.SOUMISE],
        StatutEvaluation.SOUMISE: [],
    }

    candidature = models.ForeignKey(
        "campagne.Candidature", verbose_name="dossier", on_delete=models.PROTECT, related_name="evaluations"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="expert", on_delete=models.PROTECT, related_name="evaluations"
    )
    statut = models.CharField(
        "statut", max_length=20, choices=StatutEvaluation.choices, default=StatutEvaluation.BROUILLON
    )
    arobases_proposees = models.PositiveSmallIntegerField(
        "arobases proposées", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    commentaire = models.TextField("commentaire pour le jury", blank=True, max_length=10000)
    note_collectivite = models.TextField("note pour la collectivité", blank=True, max_length=5000)
    note_partageable = models.BooleanField(
        "la note peut être transmise à la collectivité après la publication", default=False
    )
    score = models.DecimalField(
        "score pondéré (sur 100)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text="Calculé à chaque enregistrement à partir des notes et des poids des critères.",
    )
    created_at = models.DateTimeField("commencée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    soumise_le = models.DateTimeField("soumise le", null=True, blank=True)

    objects = EvaluationQuerySet.as_manager()

    class Meta:
        verbose_name = "évaluation"
        verbose_name_plural = "évaluations"
        ordering = ["candidature", "expert"]
        constraints = [
            models.UniqueConstraint(fields=["candidature", "expert"], name="evaluation_unique"),
            models.CheckConstraint(
                condition=Q(arobases_proposees__isnull=True) | Q(arobases_proposees__gte=1, arobases_proposees__lte=5),
                name="evaluation_arobases_1_a_5",
            ),
            models.CheckConstraint(
                condition=~Q(statut=StatutEvaluation.SOUMISE)
                | Q(arobases_proposees__isnull=False, soumise_le__isnull=False),
                name="evaluation_soumise_complete",
            ),
        ]

    def __str__(self):
        return f"Évaluation de {self.candidature} par {self.expert}"

    @property
    def est_soumise(self):
        return self.statut == StatutEvaluation.SOUMISE

    def can_move_to(self, statut):
        return statut in self.TRANSITIONS[StatutEvaluation(self.statut)]

    def soumettre(self, *, maintenant=None):
        """brouillon → soumise: every criterion scored and arobases proposed (checked by actions)."""
        if not self.can_move_to(StatutEvaluation.SOUMISE):
            raise RefusJury("Cette évaluation est déjà soumise : elle ne peut plus changer.")
        if self.arobases_proposees is None:
            raise RefusJury("Proposez un nombre d'arobases (de 1 à 5) avant de soumettre.")
        self.statut = StatutEvaluation.SOUMISE
        self.soumise_le = maintenant or timezone.now()
        self.save(update_fields=["statut", "soumise_le", "updated_at"])


def score_pondere(notes):
    """The weighted score on 100 of (critere, valeur) pairs; None if nothing is scored.

    Each criterion counts for valeur / note_max, weighted by its poids; criteria not scored are left out.
    """
    total_poids = Decimal(0)
    total = Decimal(0)
    for critere, valeur in notes:
        if valeur is None:
            continue
        total_poids += critere.poids
        total += Decimal(critere.poids) * Decimal(valeur) / Decimal(critere.note_max)
    if not total_poids:
        return None
    return (total * 100 / total_poids).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class Note(models.Model):
    """The score of one criterion in one evaluation."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name="évaluation", on_delete=models.CASCADE, related_name="notes"
    )
    critere = models.ForeignKey(Critere, verbose_name="critère", on_delete=models.PROTECT, related_name="notes")
    valeur = models.PositiveSmallIntegerField("note")

    class Meta:
        verbose_name = "note"
        verbose_name_plural = "notes"
        ordering = ["evaluation", "critere__ordre", "critere_id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "critere"], name="note_unique")]

    def __str__(self):
        return f"{self.critere} : {self.valeur}/{self.critere.note_max}"

    def clean(self):
        if self.critere_id and self.valeur is not None and self.valeur > self.critere.note_max:
            raise ValidationError({"valeur": f"La note va de 0 à {self.critere.note_max}."})

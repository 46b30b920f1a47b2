"""The jury's deliberation: its decisions on the submitted dossiers, their journal, and the results e-mailed.

A decision (Decision, with its MentionDecidee) is a draft while the édition is in deliberation: jurors set and
change it, each change journaled. When the président closes the deliberation (deliberation.actions), the
decisions are written where the rest of the site reads results, label.Labellisation and label.Mention, which
every public surface reads through Labellisation.objects.publiees(): nothing shows before
Edition.publication_at. From then on a decision changes only by an amendment with a reason.

The journal (EntreeJournal) is append-only: an entry is never changed, and never deleted except with the
demonstration data.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .enums import TypeEntree


class JournalInalterable(Exception):
    """An entry of the journal may not be changed or deleted."""


# ---------------------------------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------------------------------


class DecisionQuerySet(models.QuerySet):
    def de_edition(self, edition):
        return self.filter(candidature__edition=edition)

    def avec_mentions(self):
        """With their mentions and each mention's category (one more query)."""
        return self.prefetch_related(
            models.Prefetch("mentions", queryset=MentionDecidee.objects.select_related("categorie"))
        )


class Decision(models.Model):
    """The jury's decision on one submitted dossier: the arobases, the mentions, the excellence title, the grounds.

    `titre_propose` is the rule's proposal (label.models.regle_excellence) for these arobases and the published
    history; `titre_confirme` is the jury's answer to it (None: not examined yet). Who and when: the last change;
    the journal keeps every one.
    """

    candidature = models.OneToOneField(
        "campagne.Candidature", verbose_name="dossier", on_delete=models.PROTECT, related_name="decision"
    )
    arobases = models.PositiveSmallIntegerField(
        "arobases", help_text="De 1 à 5 : toute collectivité participante en obtient au moins une."
    )
    titre_propose = models.BooleanField(
        "titre d'excellence proposé par la règle", default=False, editable=False, help_text="Calculé, jamais saisi."
    )
    titre_confirme = models.BooleanField(
        "titre d'excellence confirmé par le jury",
        null=True,
        blank=True,
        help_text="Seulement quand la règle propose le titre ; vide : pas encore examiné.",
    )
    motifs = models.TextField("motifs de la décision", max_length=5000)
    decidee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decidee_le = models.DateTimeField("décidée le", default=timezone.now)
    created_at = models.DateTimeField("première décision le", default=timezone.now)
    version = models.PositiveIntegerField("version", default=1)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "décision du jury"
        verbose_name_plural = "décisions du jury"
        ordering = ["candidature__edition", "-arobases", "candidature__collectivite__nom"]
        constraints = [
            models.CheckConstraint(condition=Q(arobases__gte=1, arobases__lte=5), name="decision_arobases_1_a_5"),
            models.CheckConstraint(condition=~Q(motifs=""), name="decision_motivee"),
            models.CheckConstraint(
                condition=Q(titre_propose=True) | Q(titre_confirme__isnull=True), name="decision_titre_si_propose"
            ),
        ]

    def __str__(self):
        return f"{self.candidature.collectivite} — {self.arobases}@ ({self.candidature.edition.annee})"

    @property
    def titre_accorde(self):
        return bool(self.titre_propose and self.titre_confirme)


class MentionDecidee(models.Model):
    """A thematic mention the jury gives with a decision, with its citation (the édition's list only)."""

    decision = models.ForeignKey(Decision, verbose_name="décision", on_delete=models.CASCADE, related_name="mentions")
    categorie = models.ForeignKey(
        "label.CategorieMention", verbose_name="mention", on_delete=models.PROTECT, related_name="+"
    )
    citation = models.TextField("citation du jury", max_length=2000)

    class Meta:
        verbose_name = "mention décidée"
        verbose_name_plural = "mentions décidées"
        ordering = ["decision", "categorie__nom"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "categorie"], name="mention_decidee_unique"),
            models.CheckConstraint(condition=~Q(citation=""), name="mention_decidee_citee"),
        ]

    def __str__(self):
        return f"{self.categorie.nom} — {self.decision.candidature.collectivite}"


# ---------------------------------------------------------------------------------------------------
# Journal
# ---------------------------------------------------------------------------------------------------


class EntreeJournalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise JournalInalterable("Le journal de la délibération ne se modifie pas.")

    def delete(self):
        if self.exclude(edition__donnees_demo=True).exists():
            raise JournalInalterable("Le journal de la délibération ne s'efface pas.")
        return super().delete()


class EntreeJournal(models.Model):
    """One line of the journal of an édition's deliberation: who, when, what changed (old → new), why.

    `changements` is a list of {"champ", "avant", "apres"}, in French as a person reads them.
    """

    edition = models.ForeignKey(
        "label.Edition", verbose_name="édition", on_delete=models.CASCADE, related_name="journal_deliberation"
    )
    candidature = models.ForeignKey(
        "campagne.Candidature",
        verbose_name="dossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="journal_deliberation",
    )
    type = models.CharField("type", max_length=20, choices=TypeEntree.choices)
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="par", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("le", default=timezone.now)
    changements = models.JSONField("changements", default=list, blank=True)
    motif = models.TextField("motif", blank=True)

    objects = EntreeJournalQuerySet.as_manager()

    class Meta:
        verbose_name = "entrée du journal de délibération"
        verbose_name_plural = "journal de délibération"
        ordering = ["edition", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition"], condition=Q(type=TypeEntree.CLOTURE), name="journal_une_cloture_par_edition"
            ),
            models.CheckConstraint(
                condition=~Q(type=TypeEntree.AMENDEMENT) | ~Q(motif=""), name="journal_amendement_motive"
            ),
        ]

    def __str__(self):
        return f"{self.get_type_display()} — {self.candidature or self.edition}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise JournalInalterable("Le journal de la délibération ne se modifie pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not self.edition.donnees_demo:
            raise JournalInalterable("Le journal de la délibération ne s'efface pas.")
        return super().delete(*args, **kwargs)


# ---------------------------------------------------------------------------------------------------
# Results e-mailed
# ---------------------------------------------------------------------------------------------------


class ResultatEnvoye(models.Model):
    """The result e-mailed to the référents of a candidature after publication: once, ever (the constraint)."""

    candidature = models.OneToOneField(
        "campagne.Candidature", verbose_name="dossier", on_delete=models.CASCADE, related_name="resultat_envoye"
    )
    envoye_le = models.DateTimeField("envoyé le", default=timezone.now)
    destinataires = models.TextField("destinataires", blank=True)

    class Meta:
        verbose_name = "résultat envoyé"
        verbose_name_plural = "résultats envoyés"
        ordering = ["-envoye_le"]

    def __str__(self):
        return str(self.candidature)

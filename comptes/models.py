"""People of the collectivités: a user belongs to one or more collectivités with a role.

Django's own User model holds the account; [campagne] adds sign-up, join requests and e-mail domains.
"""

from django.conf import settings
from django.db import models

from .enums import Role


class AppartenanceQuerySet(models.QuerySet):
    def de(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()


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


def collectivites_de(user):
    """Ids of the collectivités a user belongs to (any role)."""
    if not user.is_authenticated:
        return set()
    return set(Appartenance.objects.filter(user=user).values_list("collectivite_id", flat=True))

from django.db import models


class Role(models.TextChoices):
    """Role of a person inside a collectivité."""

    REFERENT = "referent", "Référent"
    CONTRIBUTEUR = "contributeur", "Contributeur"


class StatutDemande(models.TextChoices):
    """Where a request to join a collectivité stands. Allowed transitions: DemandeAdhesion.TRANSITIONS."""

    EN_ATTENTE = "en_attente", "En attente"
    ACCEPTEE = "acceptee", "Acceptée"
    REFUSEE = "refusee", "Refusée"
    ANNULEE = "annulee", "Annulée"

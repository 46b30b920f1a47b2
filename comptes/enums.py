from django.db import models


class Role(models.TextChoices):
    """Role of a person inside a collectivité."""

    REFERENT = "referent", "Référent"
    CONTRIBUTEUR = "contributeur", "Contributeur"

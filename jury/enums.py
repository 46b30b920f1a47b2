from django.db import models


class RoleJury(models.TextChoices):
    """Role of a person in the jury of one édition, granted by staff (RoleEdition)."""

    EXPERT = "expert", "Expert"
    JURE = "jure", "Juré"
    PRESIDENT = "president", "Président du jury"


class NatureAttache(models.TextChoices):
    """Why an expert is attached to a département (a conflict when the édition says so)."""

    RESIDENCE = "residence", "Résidence"
    TRAVAIL = "travail", "Travail"


class StatutEvaluation(models.TextChoices):
    """Where an expert's evaluation of a dossier stands. Allowed transitions: Evaluation.TRANSITIONS."""

    BROUILLON = "brouillon", "Brouillon"
    SOUMISE = "soumise", "Soumise"

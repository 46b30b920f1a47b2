from django.db import models


class Categorie(models.TextChoices):
    """The three kinds of candidate, all in one palmarès."""

    VILLE = "ville", "Ville"
    VILLAGE = "village", "Village"
    TERRITOIRE = "territoire", "Territoire"


class StatutEdition(models.TextChoices):
    """Phases of an édition. Allowed transitions: see Edition.TRANSITIONS."""

    PREPARATION = "preparation", "En préparation"
    CAMPAGNE = "campagne", "Campagne ouverte"
    EVALUATION = "evaluation", "Évaluation"
    DELIBERATION = "deliberation", "Délibération du jury"
    CLOSE = "close", "Délibération close"

from django.db import models


class TypeCommune(models.TextChoices):
    """INSEE COG kinds of commune kept in the référentiel."""

    COMMUNE = "COM", "Commune"
    DELEGUEE = "COMD", "Commune déléguée"
    ASSOCIEE = "COMA", "Commune associée"
    ARRONDISSEMENT = "ARM", "Arrondissement municipal"


class NatureEpci(models.TextChoices):
    CC = "CC", "Communauté de communes"
    CA = "CA", "Communauté d'agglomération"
    CU = "CU", "Communauté urbaine"
    METROPOLE = "ME", "Métropole"
    AUTRE = "AU", "Autre groupement"

from django.db import models


class StatutAction(models.TextChoices):
    """Where the action itself stands."""

    PROJET = "projet", "En projet"
    EN_COURS = "en_cours", "En cours"
    TERMINEE = "terminee", "Terminée"


class EtatFiche(models.TextChoices):
    """Publication workflow of a fiche. Allowed transitions: FicheAction.TRANSITIONS."""

    BROUILLON = "brouillon", "Brouillon"
    EN_MODERATION = "en_moderation", "En attente de modération"
    PUBLIEE = "publiee", "Publiée"
    A_MODIFIER = "a_modifier", "Modifications demandées"
    REJETEE = "rejetee", "Rejetée"


class Licence(models.TextChoices):
    CC_BY_SA_4 = "CC-BY-SA-4.0", "Creative Commons Attribution – Partage dans les mêmes conditions 4.0"
    CC_BY_4 = "CC-BY-4.0", "Creative Commons Attribution 4.0"
    LO_2 = "etalab-2.0", "Licence Ouverte / Open Licence 2.0 (Etalab)"
    CC0 = "CC0-1.0", "Domaine public (CC0 1.0)"

from django.db import models


class StatutCandidature(models.TextChoices):
    """Where a dossier stands. Allowed transitions: Candidature.TRANSITIONS."""

    INSCRITE = "inscrite", "Inscrite"
    EN_COURS = "en_cours", "En cours"
    SOUMISE = "soumise", "Soumise"
    REOUVERTE = "reouverte", "Rouverte"


class TypeQuestion(models.TextChoices):
    TEXTE = "texte", "Texte court"
    TEXTE_LONG = "texte_long", "Texte long"
    NOMBRE = "nombre", "Nombre"
    CHOIX_UNIQUE = "choix_unique", "Choix unique"
    CHOIX_MULTIPLE = "choix_multiple", "Choix multiple"
    OUI_NON = "oui_non", "Oui ou non"
    FICHIER = "fichier", "Fichier"


class TypeEvenement(models.TextChoices):
    """What the journal of a dossier records."""

    INSCRIPTION = "inscription", "Inscription"
    SOUMISSION = "soumission", "Soumission"
    REOUVERTURE = "reouverture", "Réouverture"
    CATEGORIE = "categorie", "Catégorie corrigée"


class TypeRappel(models.TextChoices):
    """The reminders before the deadline. J-30 is informative (one may unsubscribe); J-7 and J-1 are essential."""

    J30 = "j30", "30 jours avant la clôture"
    J7 = "j7", "7 jours avant la clôture"
    J1 = "j1", "La veille de la clôture"

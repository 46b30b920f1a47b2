from django.db import models


class TypeEntree(models.TextChoices):
    """What the journal of a deliberation records (deliberation.models.EntreeJournal)."""

    OUVERTURE = "ouverture", "Délibération ouverte"
    DECISION = "decision", "Décision"
    MODIFICATION = "modification", "Décision modifiée"
    CLOTURE = "cloture", "Délibération close"
    AMENDEMENT = "amendement", "Amendement"
    PUBLICATION = "publication", "Publication programmée"

"""The evaluation grid of an édition: its criteria (jury.models.Critere), defined by staff in the administration.

`creer_grille_proposee(edition)` seeds the grid the comité d'orientation starts from (used by the staff page
and the demo); staff then change wordings, weights and scales.
"""

from django.db import transaction

from .models import Critere

# (libellé, aide, poids, note maximale)
GRILLE_PROPOSEE = [
    (
        "Couverture des enjeux",
        "La mosaïque : combien des 16 enjeux sont couverts par des actions qui comptent pour l'édition, et avec "
        "quelle profondeur.",
        3,
        4,
    ),
    (
        "Continuité avec l'an dernier",
        "Les actions poursuivies, mises à jour ou menées à terme depuis la candidature précédente ; les "
        "engagements tenus.",
        2,
        4,
    ),
    (
        "Portée pour la population",
        "Qui les actions touchent : publics éloignés du numérique, part des habitants concernés, accessibilité.",
        3,
        4,
    ),
    (
        "Ouverture et partage",
        "Données ouvertes, logiciels libres, mutualisation avec d'autres collectivités, fiches documentées et "
        "réutilisables.",
        2,
        4,
    ),
]


@transaction.atomic
def creer_grille_proposee(edition):
    """Create the proposed grid for `edition` if it has no criterion yet; return its criteria in order."""
    if not Critere.objects.filter(edition=edition).exists():
        Critere.objects.bulk_create(
            Critere(edition=edition, libelle=libelle, aide=aide, poids=poids, note_max=note_max, ordre=ordre)
            for ordre, (libelle, aide, poids, note_max) in enumerate(GRILLE_PROPOSEE, start=1)
        )
    return list(Critere.objects.filter(edition=edition))

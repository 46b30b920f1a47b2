"""Actions of the label that write several rows."""

from django.db import transaction

from .models import Labellisation


@transaction.atomic
def appliquer_titres_excellence(*, edition):
    """Record the Territoire d'Excellence Numérique titles the rule gives in `edition`.

    Returns the number of titles. Titles are derived, never typed: this recomputes them from the history.
    """
    proposes = set(Labellisation.objects.titres_proposes(edition).values_list("pk", flat=True))
    Labellisation.objects.filter(edition=edition).exclude(pk__in=proposes).update(titre_excellence=False)
    Labellisation.objects.filter(pk__in=proposes).update(titre_excellence=True)
    return len(proposes)

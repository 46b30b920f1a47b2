"""A hand-made history of six published éditions (2020 to 2025) for the statistics and history tests.

On the référentiel of arobase.testing.make_referentiel(): Dijon (Côte-d'Or, 156,920 inhabitants) and
Chenôve (14,000) form Dijon Métropole; La Rochelle (Haute-Saône, 39) and Villersexel (1,500) the CC du Pays
de Villersexel; Haulchin (Nord, 2,306) belongs to no EPCI. A syndicat (no département) groups Haulchin and
La Rochelle.

Arobases by édition (— : not labelled):

    collectivité          catégorie    2020  2021  2022  2023  2024  2025
    Dijon                 ville          5     5     5     5     5     5   (title in 2025: sixth 5@)
    Chenôve               ville          2     3     3     3     4     3
    Haulchin              village        1     1     —     —     2     —
    La Rochelle           village        —     1     2     2     3     3
    Villersexel           village        —     1     —     —     —     2
    Dijon Métropole       territoire     —     —     4     4     4     5
    CC Villersexel        territoire     —     —     —     —     —     3
    Syndicat              territoire     —     —     —     —     —     2

Mentions: Dijon in 2022 (démocratie locale); La Rochelle (médiation) and Dijon Métropole (médiation,
transition écologique) in 2025. Never shown nor counted: 2019 (no publication date: Villersexel 4@ with a
mention) and 2026 (published tomorrow: Dijon 1@ with a mention and a title, Haulchin 5@).
"""

import datetime as dt

from django.utils import timezone

from arobase.testing import make_referentiel
from label.enums import Categorie
from label.models import CategorieMention, Collectivite

from .donnees import collectivite_commune, creer_edition, labelliser

RESULTATS = {
    # collectivité: {année: arobases}
    "dijon": {2020: 5, 2021: 5, 2022: 5, 2023: 5, 2024: 5, 2025: 5},
    "chenove": {2020: 2, 2021: 3, 2022: 3, 2023: 3, 2024: 4, 2025: 3},
    "haulchin": {2020: 1, 2021: 1, 2024: 2},
    "la_rochelle": {2021: 1, 2022: 2, 2023: 2, 2024: 3, 2025: 3},
    "villersexel": {2021: 1, 2025: 2},
    "metropole": {2022: 4, 2023: 4, 2024: 4, 2025: 5},
    "cc": {2025: 3},
    "syndicat": {2025: 2},
}


def make_historique():
    ref = make_referentiel()
    editions = {annee: creer_edition(annee) for annee in range(2020, 2026)}
    editions[2019] = creer_edition(2019, publiee=False)
    editions[2026] = creer_edition(2026, publication_at=timezone.now() + dt.timedelta(days=1))

    collectivites = {
        "dijon": collectivite_commune(ref["dijon"], Categorie.VILLE),
        "chenove": collectivite_commune(ref["chenove"], Categorie.VILLE),
        "haulchin": collectivite_commune(ref["haulchin"], Categorie.VILLAGE),
        "la_rochelle": collectivite_commune(ref["la_rochelle"], Categorie.VILLAGE),
        "villersexel": collectivite_commune(ref["villersexel"], Categorie.VILLAGE),
        "metropole": Collectivite.objects.create(
            nom="Dijon Métropole", epci=ref["metropole"], categorie=Categorie.TERRITOIRE
        ),
        "cc": Collectivite.objects.create(
            nom="CC du Pays de Villersexel", epci=ref["cc"], categorie=Categorie.TERRITOIRE
        ),
        "syndicat": Collectivite.objects.create(
            code="257000003", nom="Syndicat numérique du Nord-Est", categorie=Categorie.TERRITOIRE
        ),
    }
    collectivites["syndicat"].membres.set([ref["haulchin"], ref["la_rochelle"]])

    democratie = CategorieMention.objects.create(edition=editions[2022], nom="Démocratie locale")
    mediation = CategorieMention.objects.create(edition=editions[2025], nom="Médiation numérique")
    transition = CategorieMention.objects.create(
        edition=editions[2025], nom="Transition écologique", arobase_verte=True
    )
    mentions = {
        ("dijon", 2022): [democratie],
        ("la_rochelle", 2025): [mediation],
        ("metropole", 2025): [mediation, transition],
    }
    for cle, resultats in RESULTATS.items():
        for annee, arobases in resultats.items():
            labelliser(
                editions[annee],
                collectivites[cle],
                arobases,
                mentions=mentions.get((cle, annee), ()),
                titre=(cle, annee) == ("dijon", 2025),
            )

    # Unpublished: never shown, never counted.
    secret_2019 = CategorieMention.objects.create(edition=editions[2019], nom="Logiciel libre")
    secret_2026 = CategorieMention.objects.create(edition=editions[2026], nom="Secret")
    labelliser(editions[2019], collectivites["villersexel"], 4, mentions=[secret_2019])
    labelliser(editions[2026], collectivites["dijon"], 1, mentions=[secret_2026], titre=True)
    labelliser(editions[2026], collectivites["haulchin"], 5)

    return {**ref, **{f"e{annee}": edition for annee, edition in editions.items()}, "c": collectivites}

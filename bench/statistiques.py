"""Statistics of the palmarès on the demo data: one édition, the whole history, against a plain COUNT(*).

Run: .venv/bin/python bench/statistiques.py
Uses the bench database (bench/bench.sqlite3, or $BENCH_SQLITE): migrated, with the real référentiel, and the
demo history (construire_demo(seed=2026)) built once if it is not there yet. Prints, for each measure, the
best wall time of a few runs, its number of SQL queries, its target and its ratio to the baseline (the
cheapest question one can ask the same table: SELECT COUNT(*) over the labellisations).

Targets (issue 6, « Speed »): ≤ 100 ms for all the statistics of an édition, ≤ 1 s for the whole history,
with a query count that does not grow with the data. The import of a 300-line palmarès (≤ 5 s) is measured
by the function its author adds to MESURES (see the end of this file).
"""

from dataclasses import dataclass

from commun import chrono, django_sur_base_bench

django_sur_base_bench()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from label.demo import construire_demo  # noqa: E402
from label.models import Edition, Labellisation  # noqa: E402
from palmares.carte import carte_edition  # noqa: E402
from palmares.historique import historique_du_label  # noqa: E402
from palmares.stats import comparer_editions, statistiques_edition  # noqa: E402

REPETITIONS = 7


@dataclass
class Mesure:
    libelle: str
    secondes: float
    requetes: int | None = None
    cible: float | None = None  # seconds; None: no target, for information

    def ligne(self, baseline):
        requetes = f"{self.requetes:3d} requêtes" if self.requetes is not None else " " * 12
        cible = ""
        if self.cible is not None:
            verdict = "ok" if self.secondes <= self.cible else "AU-DESSUS"
            cible = f"  cible ≤ {self.cible * 1000:5.0f} ms : {verdict}"
        return (
            f"{self.libelle:<52} {self.secondes * 1000:8.1f} ms  {requetes}"
            f"  (x{self.secondes / baseline:6.1f} la baseline){cible}"
        )


def mesurer(libelle, fonction, *, cible=None, repetitions=REPETITIONS):
    """Best time of `repetitions` runs of `fonction`, and the queries of one run."""
    with CaptureQueriesContext(connection) as requetes:
        fonction()
    # Counted now: a page request of the timed runs below empties the connection's query log.
    nombre = len(requetes.captured_queries)
    secondes, _ = chrono(fonction, repetitions=repetitions)
    return Mesure(libelle, secondes, nombre, cible)


def donnees_demo():
    """The demo history on the bench database, built once (about a minute) and reused afterwards."""
    if not Edition.objects.filter(donnees_demo=True).exists():
        print("Construction de la démo (seed 2026), une seule fois…", flush=True)
        construire_demo(seed=2026)
    derniere = Edition.objects.publiees().order_by("-annee").first()
    precedente = Edition.objects.publiees().filter(annee__lt=derniere.annee).order_by("-annee").first()
    return derniere, precedente


def mesures_statistiques():
    """The statistics part of the bench: the figures of one édition, the history, the map, the pages."""
    derniere, precedente = donnees_demo()
    client = Client(SERVER_NAME="localhost")
    annee = derniere.annee
    return [
        mesurer(
            "repère : lire toutes les labellisations (3 colonnes)",
            lambda: list(Labellisation.objects.values_list("edition_id", "categorie", "arobases")),
        ),
        mesurer(f"statistiques de l'édition {annee} (stats.py)", lambda: statistiques_edition(derniere), cible=0.100),
        mesurer("historique de toutes les éditions (historique.py)", historique_du_label, cible=1.0),
        mesurer(f"carte de l'édition {annee} (carte.py)", lambda: carte_edition(derniere)),
        mesurer(
            f"comparaison {precedente.annee} → {annee} (stats.py)", lambda: comparer_editions(precedente, derniere)
        ),
        mesurer(
            f"page /palmares/{annee}/statistiques/ (gabarit compris)",
            lambda: client.get(f"/palmares/{annee}/statistiques/"),
        ),
        mesurer("page /palmares/historique/ (gabarit compris)", lambda: client.get("/palmares/historique/")),
        mesurer(f"page /palmares/{annee}/carte/ (gabarit compris)", lambda: client.get(f"/palmares/{annee}/carte/")),
    ]


# Each function returns a list of Mesure; the import of a 300-line palmarès (target ≤ 5 s) is appended here
# by the author of import_palmares.
MESURES = [mesures_statistiques]


def main():
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    baseline = mesurer("baseline : SELECT COUNT(*) des labellisations", lambda: Labellisation.objects.count())
    resultats = [mesure for fonction in MESURES for mesure in fonction()]
    labellisations = Labellisation.objects.publiees().count()
    editions = Edition.objects.publiees().count()
    print(f"démo : {editions} éditions publiées, {labellisations} labellisations publiées (SQLite, Django in-process)")
    print(f"meilleur temps sur {REPETITIONS} passages ; requêtes comptées sur un passage")
    print(baseline.ligne(baseline.secondes))
    for mesure in resultats:
        print(mesure.ligne(baseline.secondes))


if __name__ == "__main__":
    main()

"""Demo data: time to build the 1999-2026 history, against the floor of writing as many rows.

Run: .venv/bin/python bench/bench_demo.py
"""

from commun import chrono, django_sur_base_bench

django_sur_base_bench()

from django.db import transaction  # noqa: E402

from label.demo import construire_demo  # noqa: E402
from label.enums import Categorie  # noqa: E402
from label.models import Collectivite, Edition, Labellisation  # noqa: E402
from territoires.models import Commune  # noqa: E402


class Annulation(Exception):
    pass


def plancher():
    """Baseline: insert 5,798 bare labellisations (27 éditions x 215 communes), then roll back."""
    try:
        with transaction.atomic():
            communes = list(Commune.objects.actuelles().order_by("code_insee")[:215])
            Collectivite.objects.bulk_create(
                [
                    Collectivite(code="B" + c.code_insee, nom=c.nom, slug="b", categorie=Categorie.VILLE, commune=c)
                    for c in communes
                ]
            )
            collectivites = list(Collectivite.objects.filter(code__startswith="B"))
            lignes = []
            for annee in range(1999, 2026):
                edition = Edition.objects.create(annee=annee, numero=annee - 1998)
                lignes += [
                    Labellisation(edition=edition, collectivite=c, categorie="ville", arobases=3) for c in collectivites
                ]
            Labellisation.objects.bulk_create(lignes[:5798], batch_size=1000)
            raise Annulation
    except Annulation:
        pass


t_plancher, _ = chrono(plancher, repetitions=3)
t_demo, resume = chrono(lambda: construire_demo(seed=2026), repetitions=1)
print(f"plancher (écrire 5 798 labellisations nues)  : {t_plancher:6.2f} s")
print(f"démo complète (seed 2026)                     : {t_demo:6.2f} s  (x{t_demo / t_plancher:.1f} le plancher)")
print(f"  {sum(resume.totaux.values())} labellisations, {resume.mentions} mentions, titres {resume.titres}")
print(f"  2026 : territoires regroupant {resume.communes_2026} communes, {resume.habitants_2026} habitants concernés")

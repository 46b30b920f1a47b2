"""Demo data: time to build the 1999-2026 history and the 15,000 fiches, against the floor of writing as many rows.

Run: .venv/bin/python bench/bench_demo.py
"""

from commun import chrono, django_sur_base_bench

django_sur_base_bench()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from fiches.demo import construire_fiches_demo, reindexer_recherche  # noqa: E402
from fiches.models import FicheAction, Lieu, Personne, Service  # noqa: E402
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


def plancher_fiches():
    """Baseline: insert 15,000 bare fiches, each with one service, one place and one contact, then roll back."""
    try:
        with transaction.atomic():
            collectivite = Collectivite.objects.order_by("pk").first()
            service = Service.objects.order_by("pk").first()
            maintenant = timezone.now()
            fiches = FicheAction.objects.bulk_create(
                FicheAction(collectivite=collectivite, titre="t", synthese="s", created_at=maintenant)
                for _ in range(15_000)
            )
            Liaison = FicheAction.services.through
            Liaison.objects.bulk_create(Liaison(ficheaction_id=f.pk, service_id=service.pk) for f in fiches)
            Lieu.objects.bulk_create(Lieu(fiche_id=f.pk, nom="l", latitude=47.3, longitude=5.0) for f in fiches)
            Personne.objects.bulk_create(Personne(fiche_id=f.pk, nom="p") for f in fiches)
            raise Annulation
    except Annulation:
        pass


t_plancher, _ = chrono(plancher, repetitions=3)
t_demo, resume = chrono(lambda: construire_demo(seed=2026), repetitions=1)
t_plancher_fiches, _ = chrono(plancher_fiches, repetitions=3)
t_fiches, fiches = chrono(lambda: construire_fiches_demo(seed=2026, indexer=False), repetitions=1)
t_index, _ = chrono(lambda: reindexer_recherche(print), repetitions=1)
print(f"plancher (écrire 5 798 labellisations nues)  : {t_plancher:6.2f} s")
print(f"démo complète (seed 2026)                     : {t_demo:6.2f} s  (x{t_demo / t_plancher:.1f} le plancher)")
print(f"  {sum(resume.totaux.values())} labellisations, {resume.mentions} mentions, titres {resume.titres}")
print(f"  2026 : territoires regroupant {resume.communes_2026} communes, {resume.habitants_2026} habitants concernés")
print(f"plancher (écrire 15 000 fiches nues, 1 service, 1 lieu, 1 contact chacune) : {t_plancher_fiches:6.2f} s")
print(
    f"fiches de démonstration (sans l'index)       : {t_fiches:6.2f} s  (x{t_fiches / t_plancher_fiches:.1f} le plancher)"
)
print("  " + ", ".join(f"{etape} {duree:.2f} s" for etape, duree in fiches.durees.items()))
print(f"  {fiches.total} fiches, {fiches.nouvelles} nouvelles pour {fiches.annee}")
print(
    f"index de recherche (reindexer_tout)          : {t_index:6.2f} s  (x{t_index / t_plancher_fiches:.1f} le plancher)"
)

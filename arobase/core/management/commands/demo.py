import time

from django.core.management.base import BaseCommand, CommandError

from label.demo import construire_demo
from label.models import Edition, Labellisation


class Command(BaseCommand):
    help = (
        "Construit les données de démonstration : 27 éditions fictives du label (1999-2026) sur les vrais "
        "territoires, une édition 2026 à l'image du communiqué de presse."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Graine du hasard (même graine, mêmes données).")
        parser.add_argument(
            "--si-absente", action="store_true", help="Ne fait rien si des données de démonstration existent déjà."
        )

    def handle(self, *args, seed, si_absente, **options):
        if si_absente and Edition.objects.filter(donnees_demo=True).exists():
            nombre = Labellisation.objects.filter(edition__donnees_demo=True).count()
            self.stdout.write(f"Données de démonstration déjà présentes ({nombre} labellisations) : rien à faire.")
            return
        debut = time.monotonic()

        def progression(message):
            self.stdout.write(f"  [{time.monotonic() - debut:5.1f} s] {message}")

        try:
            resume = construire_demo(seed=seed, progression=progression)
        except ValueError as erreur:
            raise CommandError(str(erreur)) from erreur
        duree = time.monotonic() - debut
        cumul = sum(resume.totaux.values())
        self.stdout.write(self.style.SUCCESS(f"Démo construite en {duree:.1f} s".replace(".", ",")))
        self.stdout.write(
            f"  {len(resume.totaux)} éditions, {cumul} labellisations, {resume.collectivites} collectivités"
        )
        self.stdout.write(
            f"  {resume.mentions} mentions, {sum(resume.titres.values())} titres d'excellence {resume.titres}"
        )
        habitants = f"{resume.habitants_2026:,}".replace(",", "\u202f")
        self.stdout.write(
            f"  2026 : {resume.totaux[2026]} labellisées, territoires regroupant {resume.communes_2026} communes, "
            f"{habitants} habitants concernés"
        )

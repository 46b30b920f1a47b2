from django.core.management.base import BaseCommand

from campagne.actions import envoyer_rappels


class Command(BaseCommand):
    help = (
        "Envoie aux référents des dossiers non soumis les rappels dus (30 jours, 7 jours et la veille de la "
        "clôture, en jours de Paris), chacun une seule fois. À lancer chaque jour (cron)."
    )

    def handle(self, *args, **options):
        nombre = envoyer_rappels()
        self.stdout.write(f"{nombre} rappel{'s' if nombre > 1 else ''} envoyé{'s' if nombre > 1 else ''}.")

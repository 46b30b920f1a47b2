from django.core.management.base import BaseCommand

from deliberation.actions import envoyer_resultats


class Command(BaseCommand):
    help = (
        "Une fois l'heure de publication d'une édition passée, envoie à chaque référent le résultat de sa "
        "collectivité, une seule fois par dossier. À lancer toutes les quelques minutes (cron)."
    )

    def handle(self, *args, **options):
        nombre = envoyer_resultats()
        self.stdout.write(f"{nombre} résultat{'s' if nombre > 1 else ''} envoyé{'s' if nombre > 1 else ''}.")

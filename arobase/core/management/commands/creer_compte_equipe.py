import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Crée le compte de l'équipe (administration) s'il n'existe pas et affiche son mot de passe une seule fois."

    def add_arguments(self, parser):
        parser.add_argument("--identifiant", default="equipe")
        parser.add_argument("--email", default="equipe@arobase.invalid")

    def handle(self, *args, identifiant, email, **options):
        User = get_user_model()
        if User.objects.filter(username=identifiant).exists():
            self.stdout.write(
                f"Le compte d'équipe « {identifiant} » existe déjà : son mot de passe n'est pas réaffiché. "
                f"Pour le changer : python manage.py changepassword {identifiant}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=identifiant, email=email, password=password)
        self.stdout.write(self.style.SUCCESS("Compte d'équipe créé pour l'administration (/admin/) :"))
        self.stdout.write(f"  identifiant : {identifiant}")
        self.stdout.write(f"  mot de passe : {password}")
        self.stdout.write("  Notez-le maintenant : il ne sera plus affiché.")

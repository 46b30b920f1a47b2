import secrets

from allauth.account.models import EmailAddress
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
        user = User.objects.create_superuser(username=identifiant, email=email, password=password)
        # The site signs in by verified e-mail address (allauth): the address given here is taken as verified.
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
        self.stdout.write(self.style.SUCCESS("Compte d'équipe créé pour l'administration (/admin/) :"))
        self.stdout.write(f"  adresse e-mail (pour se connecter) : {email}")
        self.stdout.write(f"  mot de passe : {password}")
        self.stdout.write("  Notez-le maintenant : il ne sera plus affiché.")
        self.stdout.write(
            "  À la première visite de l'administration ou d'un dossier, le site demande d'activer la double "
            "authentification (une application d'authentification, codes à usage unique) : "
            "/compte/double-authentification/."
        )

from django.apps import AppConfig


class PalmaresConfig(AppConfig):
    name = "palmares"
    verbose_name = "Palmarès et statistiques"

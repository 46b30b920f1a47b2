from django.apps import AppConfig


class CampagneConfig(AppConfig):
    name = "campagne"
    verbose_name = "Campagne : candidatures et dossiers"

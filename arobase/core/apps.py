from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "arobase.core"
    label = "core"
    verbose_name = "Socle du site"

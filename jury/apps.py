from django.apps import AppConfig


class JuryConfig(AppConfig):
    name = "jury"
    verbose_name = "Jury : experts, conflits d'intérêts, évaluations"

"""The jury's pages under /jury/, one list of urlpatterns per module of jury/views/."""

from .views import calibration, declarations, dossiers, equipe

app_name = "jury"

urlpatterns = dossiers.urlpatterns + declarations.urlpatterns + equipe.urlpatterns + calibration.urlpatterns

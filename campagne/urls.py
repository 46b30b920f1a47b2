from .views import desabonnement, dossier, edition, equipe

app_name = "campagne"

urlpatterns = [
    *edition.urlpatterns,
    *dossier.urlpatterns,
    *equipe.urlpatterns,
    *desabonnement.urlpatterns,
]

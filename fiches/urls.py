from .views import carte, edition, fiche, moderation, recherche

app_name = "fiches"

urlpatterns = [
    *recherche.urlpatterns,
    *fiche.urlpatterns,
    *carte.urlpatterns,
    *edition.urlpatterns,
    *moderation.urlpatterns,
]

from django.contrib import admin
from django.urls import include, path

from arobase.core import views as core_views

admin.site.site_header = "arobase — administration"
admin.site.site_title = "arobase"
admin.site.index_title = "Gestion du label et du référentiel"

urlpatterns = [
    path("", core_views.accueil, name="accueil"),
    path("accessibilite/", core_views.accessibilite, name="accessibilite"),
    path("palmares/", include("palmares.urls")),
    path("collectivites/", include("label.urls")),
    path("compte/", include("comptes.urls")),
    path("", include("fiches.urls")),
    path("", include("campagne.urls")),
    path("admin/", admin.site.urls),
]

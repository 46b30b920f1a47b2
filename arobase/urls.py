from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from arobase.core import views as core_views

admin.site.site_header = "arobase — administration"
admin.site.site_title = "arobase"
admin.site.index_title = "Gestion du label et du référentiel"
# The administration signs in through the site's own login (allauth: rate limits, and two-factor
# authentication once [jury] requires it of staff), not through Django's unthrottled admin login form.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", core_views.accueil, name="accueil"),
    path("accessibilite/", core_views.accessibilite, name="accessibilite"),
    path("palmares/", include("palmares.urls")),
    path("collectivites/", include("label.urls")),
    path("compte/", include("comptes.urls_allauth")),
    path("", include("comptes.urls")),
    path("", include("fiches.urls")),
    path("", include("campagne.urls")),
    path("jury/", include("jury.urls")),
    path("deliberation/", include("deliberation.urls")),
    path("admin/", admin.site.urls),
]

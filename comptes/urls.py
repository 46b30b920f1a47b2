"""Signing in and out with Django's own views (a later issue brings django-allauth: sign-up, e-mail login)."""

from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "comptes"

urlpatterns = [
    path(
        "connexion/",
        auth_views.LoginView.as_view(template_name="comptes/connexion.html", redirect_authenticated_user=True),
        name="connexion",
    ),
    # POST only (Django's LogoutView): a link or a prefetch cannot sign anyone out.
    path("deconnexion/", auth_views.LogoutView.as_view(), name="deconnexion"),
]

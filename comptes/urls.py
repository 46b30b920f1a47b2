"""The logged-in home (/espace/), joining a collectivité and managing its members. allauth's pages are in
urls_allauth.py (under /compte/)."""

from allauth.account import views as compte
from django.urls import path

from . import views

app_name = "comptes"

urlpatterns = [
    # The names of the sign-in pages before allauth, still used by some templates.
    path("compte/connexion/", compte.login, name="connexion"),
    path("compte/deconnexion/", compte.logout, name="deconnexion"),
    path("espace/", views.espace, name="espace"),
    path("espace/rejoindre/", views.rejoindre, name="rejoindre"),
    path("espace/rejoindre/<str:code>/", views.demander, name="demander"),
    path("espace/demandes/<int:pk>/annuler/", views.annuler_demande, name="annuler_demande"),
    path("espace/demandes/<int:pk>/decision/", views.decider, name="decider"),
    path("espace/collectivites/<str:code>/membres/", views.membres, name="membres"),
    path("espace/collectivites/<str:code>/domaines/", views.ajouter_domaine, name="ajouter_domaine"),
    path("espace/membres/<int:pk>/role/", views.changer_role, name="changer_role"),
    path("espace/membres/<int:pk>/retirer/", views.retirer, name="retirer"),
    path("espace/domaines/<int:pk>/retirer/", views.retirer_domaine, name="retirer_domaine"),
]

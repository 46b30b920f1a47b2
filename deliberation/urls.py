from django.urls import path

from . import views

app_name = "deliberation"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:annee>/", views.ecran, name="ecran"),
    path("<int:annee>/dossiers/<int:pk>/", views.dossier, name="dossier"),
    path("<int:annee>/dossiers/<int:pk>/decision/", views.decision, name="decision"),
    path("<int:annee>/dossiers/<int:pk>/amendement/", views.amendement, name="amendement"),
    path("<int:annee>/ouverture/", views.ouverture, name="ouverture"),
    path("<int:annee>/cloture/", views.cloture, name="cloture"),
    path("<int:annee>/journal/", views.journal, name="journal"),
    path("<int:annee>/publication/", views.publication, name="publication"),
]

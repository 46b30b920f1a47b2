from django.urls import path

from . import views

app_name = "palmares"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:annee>/", views.edition, name="edition"),
    path("<int:annee>/statistiques/", views.statistiques, name="statistiques"),
]

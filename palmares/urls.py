from django.urls import path

from . import views, views_import

app_name = "palmares"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:annee>/", views.edition, name="edition"),
    path("<int:annee>/statistiques/", views.statistiques, name="statistiques"),
    path("historique/", views.historique, name="historique"),
    path("historique.csv", views.historique_csv, name="historique_csv"),
    path("comparer/", views.comparer, name="comparer"),
    path("<int:annee>/carte/", views.carte, name="carte"),
    path("<int:annee>/texte/", views.texte, name="texte"),
    path("<int:annee>/texte.txt", views.texte_txt, name="texte_txt"),
]

# Staff screen: import of a past palmarès (palmares/views_import.py).
urlpatterns += views_import.urlpatterns

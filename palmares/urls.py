from django.urls import path

from . import views, views_import

app_name = "palmares"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:annee>/", views.edition, name="edition"),
    path("<int:annee>/statistiques/", views.statistiques, name="statistiques"),
]

# Staff screen: import of a past palmarès (palmares/views_import.py).
urlpatterns += views_import.urlpatterns

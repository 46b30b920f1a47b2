from django.urls import path

from . import views

app_name = "label"

urlpatterns = [
    path("<str:code>/", views.collectivite, name="collectivite"),
]

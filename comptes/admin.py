from django.contrib import admin

from .models import Appartenance


@admin.register(Appartenance)
class AppartenanceAdmin(admin.ModelAdmin):
    list_display = ["user", "collectivite", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "collectivite__nom", "collectivite__code"]
    autocomplete_fields = ["collectivite"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "collectivite"]

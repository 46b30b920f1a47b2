from django.contrib import admin

from .models import Appartenance, CodePostal, DemandeAdhesion, DomaineCollectivite


@admin.register(Appartenance)
class AppartenanceAdmin(admin.ModelAdmin):
    list_display = ["user", "collectivite", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "collectivite__nom", "collectivite__code"]
    autocomplete_fields = ["collectivite"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "collectivite"]


@admin.register(DemandeAdhesion)
class DemandeAdhesionAdmin(admin.ModelAdmin):
    """Read-mostly: decisions are taken on the collectivité's members page (they send the e-mails)."""

    list_display = ["user", "collectivite", "statut", "role", "automatique", "created_at", "decidee_par"]
    list_filter = ["statut", "automatique"]
    search_fields = ["user__email", "user__last_name", "collectivite__nom", "collectivite__code"]
    list_select_related = ["user", "collectivite", "decidee_par"]
    readonly_fields = [
        "user",
        "collectivite",
        "statut",
        "role",
        "automatique",
        "decidee_par",
        "decidee_at",
        "created_at",
    ]
    fields = [
        "user",
        "collectivite",
        "message",
        "statut",
        "role",
        "automatique",
        "motif",
        "decidee_par",
        "decidee_at",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(DomaineCollectivite)
class DomaineCollectiviteAdmin(admin.ModelAdmin):
    """Staff may declare any domain (a référent only their own address's), never a public webmail."""

    list_display = ["domaine", "collectivite", "declare_par", "created_at"]
    search_fields = ["domaine", "collectivite__nom", "collectivite__code"]
    autocomplete_fields = ["collectivite"]
    readonly_fields = ["declare_par", "created_at"]
    list_select_related = ["collectivite", "declare_par"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.declare_par = request.user
        super().save_model(request, obj, form, change)


@admin.register(CodePostal)
class CodePostalAdmin(admin.ModelAdmin):
    list_display = ["code", "commune"]
    search_fields = ["code", "commune__nom", "commune__code_insee"]
    raw_id_fields = ["commune"]
    list_select_related = ["commune"]

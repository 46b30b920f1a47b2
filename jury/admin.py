"""The jury in the administration: roles, settings, the evaluation grid, conflicts (declared and lifted) and
assignments. The whole administration needs two-factor authentication of the staff member, like the jury's pages
(comptes.middleware), and the rows about a dossier the staff member is in conflict with are left out. Evaluations
are read in the jury's pages, never edited here."""

from django.contrib import admin

from label.models import Edition

from .conflits import candidatures_en_conflit
from .models import (
    Affectation,
    AttacheDepartement,
    ConflitDeclare,
    Critere,
    LeveeConflit,
    ParametresJury,
    RoleEdition,
)


class SansConflitAdmin(admin.ModelAdmin):
    """Rows tied to a dossier (`candidature`) the staff member is in conflict with are left out."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        for edition in Edition.objects.all():
            queryset = queryset.exclude(candidature__in=candidatures_en_conflit(request.user, edition).values("pk"))
        return queryset


@admin.register(ParametresJury)
class ParametresJuryAdmin(admin.ModelAdmin):
    list_display = ["edition", "experts_par_dossier", "date_limite_evaluation", "conflit_meme_departement"]


@admin.register(Critere)
class CritereAdmin(admin.ModelAdmin):
    list_display = ["libelle", "edition", "poids", "note_max", "ordre"]
    list_editable = ["poids", "note_max", "ordre"]
    list_filter = ["edition"]
    list_select_related = ["edition"]


@admin.register(RoleEdition)
class RoleEditionAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "edition", "capacite", "accorde_par", "created_at"]
    list_filter = ["edition", "role"]
    list_select_related = ["user", "edition", "accorde_par"]
    search_fields = ["user__email", "user__last_name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["accorde_par", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.accorde_par = request.user
        super().save_model(request, obj, form, change)


@admin.register(AttacheDepartement)
class AttacheDepartementAdmin(admin.ModelAdmin):
    list_display = ["user", "nature", "departement"]
    list_select_related = ["user", "departement"]
    search_fields = ["user__email", "user__last_name"]


@admin.register(ConflitDeclare)
class ConflitDeclareAdmin(admin.ModelAdmin):
    list_display = ["user", "edition", "collectivite", "departement", "created_at"]
    list_filter = ["edition"]
    list_select_related = ["user", "edition", "collectivite", "departement"]
    search_fields = ["user__email", "collectivite__nom"]
    autocomplete_fields = ["user", "collectivite"]


@admin.register(LeveeConflit)
class LeveeConflitAdmin(SansConflitAdmin):
    list_display = ["user", "candidature", "par", "created_at"]
    list_select_related = ["user", "candidature__collectivite", "candidature__edition", "par"]
    readonly_fields = ["par", "created_at"]
    raw_id_fields = ["candidature"]
    autocomplete_fields = ["user"]

    def save_model(self, request, obj, form, change):
        obj.par = request.user
        super().save_model(request, obj, form, change)


@admin.register(Affectation)
class AffectationAdmin(SansConflitAdmin):
    """Read-only: assignments are made on the jury's page, which checks conflicts and capacities."""

    list_display = ["candidature", "expert", "par", "created_at"]
    list_select_related = ["candidature__collectivite", "candidature__edition", "expert", "par"]
    list_filter = ["candidature__edition"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

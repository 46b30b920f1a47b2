from django.contrib import admin

from fiches.actions import reindexer_apres_renommage

from .models import CategorieMention, Collectivite, Edition, Labellisation, Mention


class CategorieMentionInline(admin.TabularInline):
    model = CategorieMention
    extra = 0
    prepopulated_fields = {"slug": ["nom"]}


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["annee", "numero", "statut", "ceremonie_date", "ceremonie_lieu", "publication_at", "donnees_demo"]
    list_filter = ["statut", "donnees_demo"]
    search_fields = ["annee", "ceremonie_lieu"]
    inlines = [CategorieMentionInline]
    fieldsets = [
        (None, {"fields": ["annee", "numero", "statut", "seuil_village", "donnees_demo"]}),
        (
            "Calendrier",
            {"fields": ["campagne_ouverture", "campagne_cloture", "jury_date", "ceremonie_date", "ceremonie_lieu"]},
        ),
        ("Publication", {"fields": ["publication_at"]}),
    ]


@admin.register(CategorieMention)
class CategorieMentionAdmin(admin.ModelAdmin):
    list_display = ["nom", "edition", "arobase_verte"]
    list_filter = ["edition", "arobase_verte"]
    search_fields = ["nom"]
    prepopulated_fields = {"slug": ["nom"]}


@admin.register(Collectivite)
class CollectiviteAdmin(admin.ModelAdmin):
    list_display = ["nom", "code", "categorie", "commune", "epci"]
    list_filter = ["categorie"]
    search_fields = ["nom", "code", "slug"]
    raw_id_fields = ["commune", "epci", "membres"]
    list_select_related = ["commune", "epci"]
    prepopulated_fields = {"slug": ["nom"]}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "nom" in form.changed_data:
            # The search index of the fiches holds the name of their collectivité.
            reindexer_apres_renommage(collectivites=[obj.pk])


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    autocomplete_fields = ["categorie"]


@admin.register(Labellisation)
class LabellisationAdmin(admin.ModelAdmin):
    list_display = ["collectivite", "edition", "categorie", "arobases", "titre_excellence"]
    list_filter = ["edition", "categorie", "arobases", "titre_excellence"]
    search_fields = ["collectivite__nom", "collectivite__code"]
    autocomplete_fields = ["collectivite"]
    list_select_related = ["collectivite", "edition"]
    readonly_fields = ["titre_excellence", "created_at", "updated_at"]
    inlines = [MentionInline]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["labellisation", "categorie"]
    list_filter = ["categorie__edition", "categorie"]
    search_fields = ["labellisation__collectivite__nom", "categorie__nom", "citation"]
    autocomplete_fields = ["labellisation", "categorie"]
    list_select_related = ["labellisation__collectivite", "labellisation__edition", "categorie__edition"]

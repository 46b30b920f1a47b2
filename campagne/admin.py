from django.contrib import admin, messages

from .actions import copier_questionnaire
from .models import (
    Candidature,
    Desabonnement,
    Evenement,
    Question,
    Questionnaire,
    RappelEnvoye,
    Reponse,
    Section,
)


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["ordre", "titre", "aide"]
    show_change_link = True


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["__str__", "edition", "categorie"]
    list_filter = ["edition", "categorie"]
    list_select_related = ["edition"]
    inlines = [SectionInline]
    actions = ["copier_vers_edition_suivante"]

    @admin.action(description="Copier vers l'édition suivante (mêmes clés : les réponses seront reprises)")
    def copier_vers_edition_suivante(self, request, queryset):
        from label.models import Edition

        for questionnaire in queryset.select_related("edition"):
            suivante = Edition.objects.filter(annee=questionnaire.edition.annee + 1).first()
            if suivante is None:
                self.message_user(
                    request, f"Pas d'édition {questionnaire.edition.annee + 1} : créez-la d'abord.", messages.ERROR
                )
                continue
            try:
                copie = copier_questionnaire(questionnaire=questionnaire, edition=suivante)
            except ValueError as erreur:
                self.message_user(request, str(erreur), messages.ERROR)
                continue
            self.message_user(request, f"Copié : {copie}.")


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = [("ordre", "cle", "type", "obligatoire"), "libelle", "aide", "choix"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["titre", "questionnaire", "ordre"]
    list_filter = ["questionnaire__edition", "questionnaire__categorie"]
    list_select_related = ["questionnaire__edition"]
    inlines = [QuestionInline]


class ReponseInline(admin.TabularInline):
    model = Reponse
    extra = 0
    fields = ["question", "valeur", "nom_fichier", "a_confirmer", "modifiee_par", "modifiee_le", "version"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class EvenementInline(admin.TabularInline):
    model = Evenement
    extra = 0
    fields = ["created_at", "type", "par", "motif"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Candidature)
class CandidatureAdmin(admin.ModelAdmin):
    """Read the dossiers; statut changes go through the staff page (journal, reason), not this form."""

    list_display = ["collectivite", "edition", "categorie", "statut", "created_at", "soumise_le"]
    list_filter = ["edition", "statut", "categorie"]
    search_fields = ["collectivite__nom", "collectivite__code"]
    list_select_related = ["collectivite", "edition"]
    readonly_fields = [
        "edition",
        "collectivite",
        "statut",
        "categorie",
        "inscrite_par",
        "created_at",
        "soumise_par",
        "soumise_le",
        "rouverte_par",
        "rouverte_le",
        "echeance",
    ]
    inlines = [EvenementInline, ReponseInline]

    def has_add_permission(self, request):
        return False


@admin.register(RappelEnvoye)
class RappelEnvoyeAdmin(admin.ModelAdmin):
    list_display = ["candidature", "type", "envoye_le", "destinataires"]
    list_filter = ["type", "candidature__edition"]
    list_select_related = ["candidature__collectivite", "candidature__edition"]
    readonly_fields = ["candidature", "type", "envoye_le", "destinataires"]


@admin.register(Desabonnement)
class DesabonnementAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    raw_id_fields = ["user"]

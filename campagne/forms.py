from datetime import datetime

from django import forms
from django.utils import timezone

from label.enums import Categorie

from .calendrier import PARIS
from .enums import StatutCandidature


class RouvrirForm(forms.Form):
    motif = forms.CharField(
        label="Motif de la réouverture",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Gardé dans le journal du dossier, visible par la collectivité.",
        error_messages={"required": "Donnez le motif de la réouverture."},
    )
    echeance = forms.DateTimeField(
        label="Nouvelle date limite (heure de Paris)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        help_text="Obligatoire si la campagne est close ; sinon la clôture de la campagne s'applique.",
    )

    def clean_echeance(self):
        echeance = self.cleaned_data["echeance"]
        if echeance is None:
            return None
        # A datetime-local field has no zone: it is Paris time, whatever the server's zone.
        naive = timezone.make_naive(echeance, timezone.get_current_timezone())
        return datetime.combine(naive.date(), naive.time(), tzinfo=PARIS)


class CategorieForm(forms.Form):
    categorie = forms.ChoiceField(label="Catégorie", choices=Categorie.choices)


class FiltresForm(forms.Form):
    """Filters of the staff list (GET). Unknown values are ignored, never an error page."""

    statut = forms.ChoiceField(label="Statut", choices=[("", "Tous")] + StatutCandidature.choices, required=False)
    categorie = forms.ChoiceField(label="Catégorie", choices=[("", "Toutes")] + Categorie.choices, required=False)
    region = forms.CharField(label="Région", required=False, max_length=3)
    q = forms.CharField(label="Nom ou code", required=False, max_length=100)

    def valeurs(self):
        """The valid filters only (an invalid one is dropped from cleaned_data by Django)."""
        self.is_valid()
        return {nom: valeur for nom, valeur in self.cleaned_data.items() if valeur}

"""The form of the staff screen that imports a past palmarès (see views_import.py)."""

from django import forms
from django.utils import timezone

from territoires.models import Departement, Region

from .importation import POIDS_MAX, FichierInvalide, lire_fichier, verifier_nombre_de_lignes


class ImportPalmaresForm(forms.Form):
    annee = forms.IntegerField(
        label="Année du label",
        min_value=1999,
        help_text="L'année de l'édition, par exemple 2012. Une édition absente est créée, sans être publiée.",
    )
    fichier = forms.FileField(
        label="Fichier",
        required=False,
        help_text="CSV, XLSX ou texte (.txt), 2 Mo au plus.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt,text/csv,text/plain"}),
    )
    texte = forms.CharField(
        label="Ou la liste collée",
        required=False,
        max_length=POIDS_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text="Une collectivité par ligne, comme dans la presse : « Saint-Amand-les-Eaux (59) @@ ». "
        "Un tableau copié d'un tableur (colonnes séparées par des tabulations) est lu aussi.",
    )
    region = forms.ChoiceField(
        label="Toute la liste vient de la région",
        required=False,
        help_text="Facultatif : départage les homonymes quand toute la liste vient d'une région.",
    )
    departement = forms.ChoiceField(
        label="Toute la liste vient du département",
        required=False,
        help_text="Facultatif : départage les homonymes quand toute la liste vient d'un département.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].widget.attrs["max"] = timezone.now().year + 1
        self.fields["region"].choices = [("", "Toutes")] + list(Region.objects.values_list("code", "nom"))
        self.fields["departement"].choices = [("", "Tous")] + [
            (code, f"{code} — {nom}") for code, nom in Departement.objects.values_list("code", "nom")
        ]

    def clean_annee(self):
        annee = self.cleaned_data["annee"]
        if annee > timezone.now().year + 1:
            raise forms.ValidationError(f"L'année doit être au plus {timezone.now().year + 1}.")
        return annee

    def clean(self):
        donnees = super().clean()
        fichier, texte = donnees.get("fichier"), donnees.get("texte", "")
        if fichier and texte.strip():
            raise forms.ValidationError("Envoyez un fichier ou collez une liste, pas les deux.")
        if not fichier and not texte.strip():
            raise forms.ValidationError("Envoyez un fichier ou collez la liste du palmarès.")
        if fichier:
            if fichier.size > POIDS_MAX:
                self.add_error("fichier", f"Le fichier dépasse {POIDS_MAX // (1024 * 1024)} Mo.")
                return donnees
            try:
                donnees["sorte"], donnees["contenu"] = lire_fichier(fichier.name, fichier.read())
            except FichierInvalide as erreur:
                self.add_error("fichier", str(erreur))
            donnees["source"] = fichier.name
        else:
            try:
                verifier_nombre_de_lignes(texte.count("\n") + 1)
            except FichierInvalide as erreur:
                self.add_error("texte", str(erreur))
            donnees["sorte"], donnees["contenu"], donnees["source"] = "texte", texte, "liste collée"
        return donnees

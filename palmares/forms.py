from django import forms

from label.enums import Categorie


class FiltresPalmaresForm(forms.Form):
    """Filters of a palmarès, sent as GET parameters so that a filtered list has a shareable address.

    The région and département choices are those present in the palmarès rows.
    """

    arobases = forms.TypedChoiceField(
        label="Arobases",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Tous les niveaux")] + [(str(n), f"{n} @") for n in range(5, 0, -1)],
    )
    categorie = forms.ChoiceField(
        label="Catégorie", required=False, choices=[("", "Toutes les catégories"), *Categorie.choices]
    )
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)

    def __init__(self, *args, lignes, **kwargs):
        super().__init__(*args, **kwargs)
        regions = {ligne.region.code: ligne.region.nom for ligne in lignes if ligne.region}
        departements = {ligne.departement.code: ligne.departement.nom for ligne in lignes if ligne.departement}
        self.fields["region"].choices = [("", "Toutes les régions")] + sorted(
            regions.items(), key=lambda choix: choix[1]
        )
        self.fields["departement"].choices = [("", "Tous les départements")] + [
            (code, f"{code} — {nom}") for code, nom in sorted(departements.items())
        ]

    @classmethod
    def en_ignorant_les_erreurs(cls, data, *, lignes):
        """A valid form: a parameter with a wrong value (?arobases=abc, ?region=zz) is dropped, not reported.

        A shared address must keep working when a value no longer exists; there is nothing to correct.
        """
        form = cls(data, lignes=lignes)
        if not form.is_valid():
            valides = {nom: data[nom] for nom in form.cleaned_data if nom in data}
            form = cls(valides, lignes=lignes)
            form.is_valid()
        return form

    def filtres(self):
        """The filters to apply, from a validated form."""
        return {nom: valeur for nom, valeur in self.cleaned_data.items() if valeur}

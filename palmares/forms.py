"""GET forms of the public pages: a filtered list has a shareable address, and a wrong value is dropped.

A shared address must keep working when a value no longer exists; there is nothing for the visitor to
correct, so these forms never show errors (see `FormulaireTolerant.en_ignorant_les_erreurs`).
"""

from django import forms

from label.enums import Categorie


def choix_regions(regions):
    """Choices of a région field from {code: nom}, alphabetical."""
    return [("", "Toutes les régions")] + sorted(regions.items(), key=lambda choix: choix[1])


def choix_departements(departements):
    """Choices of a département field from {code: nom}, by code."""
    return [("", "Tous les départements")] + [(code, f"{code} — {nom}") for code, nom in sorted(departements.items())]


class FormulaireTolerant(forms.Form):
    @classmethod
    def en_ignorant_les_erreurs(cls, data, **options):
        """A valid form: a parameter with a wrong value (?arobases=abc, ?region=zz) is dropped, not reported."""
        form = cls(data, **options)
        if not form.is_valid():
            valides = {nom: data[nom] for nom in form.cleaned_data if nom in data}
            form = cls(valides, **options)
            form.is_valid()
        return form

    def filtres(self):
        """The filters to apply, from a validated form."""
        return {nom: valeur for nom, valeur in self.cleaned_data.items() if valeur}


class FiltresPalmaresForm(FormulaireTolerant):
    """Filters of a palmarès, sent as GET parameters.

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
        self.fields["region"].choices = choix_regions(
            {ligne.region.code: ligne.region.nom for ligne in lignes if ligne.region}
        )
        self.fields["departement"].choices = choix_departements(
            {ligne.departement.code: ligne.departement.nom for ligne in lignes if ligne.departement}
        )


class EditionsAComparerForm(FormulaireTolerant):
    """The two published éditions to compare (`de` then `a`), among `annees` (the latest first)."""

    de = forms.TypedChoiceField(label="De l'édition", required=False, coerce=int, empty_value=None)
    a = forms.TypedChoiceField(label="À l'édition", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, annees, **kwargs):
        super().__init__(*args, **kwargs)
        self.annees = list(annees)
        for nom in ("de", "a"):
            self.fields[nom].choices = [(str(annee), str(annee)) for annee in self.annees]

    def annees_choisies(self):
        """(de, a): the years asked, by default the latest published édition and the one published before it.

        `de` is None when there is no earlier édition to compare with.
        """
        a = self.cleaned_data.get("a") or (self.annees[0] if self.annees else None)
        de = self.cleaned_data.get("de")
        if de is None and a is not None:
            de = next((annee for annee in self.annees if annee < a), None)
        return de, a


class FiltresComparaisonForm(FormulaireTolerant):
    """Restrict a comparison to one catégorie, région or département (those met in either édition)."""

    categorie = forms.ChoiceField(
        label="Catégorie", required=False, choices=[("", "Toutes les catégories"), *Categorie.choices]
    )
    region = forms.ChoiceField(label="Région", required=False)
    departement = forms.ChoiceField(label="Département", required=False)

    def __init__(self, *args, regions, departements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = choix_regions(regions)
        self.fields["departement"].choices = choix_departements(departements)

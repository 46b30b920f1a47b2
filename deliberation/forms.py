from datetime import datetime

from django import forms
from django.utils import timezone

from campagne.calendrier import PARIS
from label.enums import Categorie
from territoires.models import Region

TITRE_CHOIX = [("", "À examiner"), ("oui", "Confirmer le titre"), ("non", "Ne pas le confirmer")]


class FiltresForm(forms.Form):
    """Filters of the deliberation screen (GET). Unknown values are ignored, never an error page."""

    categorie = forms.ChoiceField(label="Catégorie", choices=[("", "Toutes")] + Categorie.choices, required=False)
    region = forms.ChoiceField(label="Région", required=False)
    desaccord = forms.BooleanField(label="Seulement les désaccords d'au moins 2 @ entre experts", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "Toutes")] + list(
            Region.objects.order_by("nom").values_list("code", "nom")
        )

    def valeurs(self):
        """The valid filters only (an invalid one is dropped from cleaned_data by Django)."""
        self.is_valid()
        return {nom: valeur for nom, valeur in self.cleaned_data.items() if valeur}


class DecisionForm(forms.Form):
    """The jury's decision on one dossier: arobases, mentions of the édition (each with its citation), the title
    the rule proposes, the grounds. `version` is the decision's version the form was opened on."""

    arobases = forms.TypedChoiceField(
        label="Arobases",
        coerce=int,
        choices=[(str(n), f"{n} @") for n in range(1, 6)],
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez un nombre d'arobases, de 1 à 5."},
    )
    titre = forms.ChoiceField(
        label="Territoire d'Excellence Numérique",
        choices=TITRE_CHOIX,
        required=False,
        widget=forms.RadioSelect,
        help_text="La règle propose le titre si le dossier obtient 5 @ (sixième 5 @ au moins depuis 2021).",
    )
    motifs = forms.CharField(
        label="Motifs de la décision",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text="Gardés dans le journal ; jamais montrés à la collectivité.",
        error_messages={"required": "Écrivez les motifs de la décision."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, categories, titre_possible, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.categories = list(categories)
        if not titre_possible:
            del self.fields["titre"]
        for categorie in self.categories:
            self.fields[f"mention_{categorie.pk}"] = forms.BooleanField(label=categorie.nom, required=False)
            self.fields[f"citation_{categorie.pk}"] = forms.CharField(
                label=f"Citation du jury pour la mention « {categorie.nom} »",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @staticmethod
    def initial_de(decision):
        if decision is None:
            return {}
        initial = {
            "arobases": str(decision.arobases),
            "motifs": decision.motifs,
            "version": decision.version,
            "titre": {None: "", True: "oui", False: "non"}[decision.titre_confirme],
        }
        for mention in decision.mentions.all():
            initial[f"mention_{mention.categorie_id}"] = True
            initial[f"citation_{mention.categorie_id}"] = mention.citation
        return initial

    def champs_mentions(self):
        """[(checkbox, citation)] bound fields, one pair per mention of the édition (for the template)."""
        return [(self[f"mention_{c.pk}"], self[f"citation_{c.pk}"]) for c in self.categories]

    def clean(self):
        donnees = super().clean()
        for categorie in self.categories:
            if donnees.get(f"mention_{categorie.pk}") and not (donnees.get(f"citation_{categorie.pk}") or "").strip():
                self.add_error(f"citation_{categorie.pk}", f"Écrivez la citation de la mention « {categorie.nom} ».")
        return donnees

    def mentions(self):
        return {
            categorie.pk: self.cleaned_data[f"citation_{categorie.pk}"]
            for categorie in self.categories
            if self.cleaned_data.get(f"mention_{categorie.pk}")
        }

    def titre_confirme(self):
        return {"oui": True, "non": False}.get(self.cleaned_data.get("titre") or "")


class AmendementForm(DecisionForm):
    motif = forms.CharField(
        label="Motif de l'amendement",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Gardé dans le journal de la délibération.",
        error_messages={"required": "Un amendement a besoin d'un motif."},
    )


class PublicationForm(forms.Form):
    publication_at = forms.DateTimeField(
        label="Publication des résultats (heure de Paris)",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        help_text="L'heure de la cérémonie : les résultats apparaissent partout à cet instant, et les référents "
        "reçoivent le leur par courriel. Vide : pas encore programmée.",
    )

    def clean_publication_at(self):
        moment = self.cleaned_data["publication_at"]
        if moment is None:
            return None
        # A datetime-local field has no zone: it is Paris time, whatever the server's zone.
        naive = timezone.make_naive(moment, timezone.get_current_timezone())
        return datetime.combine(naive.date(), naive.time(), tzinfo=PARIS)

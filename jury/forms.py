from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from label.models import Collectivite
from territoires.models import Departement

from .enums import NatureAttache, RoleJury
from .models import ParametresJury


class RoleForm(forms.Form):
    """Staff give a role in the jury to a person who has an account."""

    email = forms.EmailField(
        label="Adresse e-mail de la personne",
        help_text="La personne doit avoir un compte sur le site.",
        error_messages={"required": "Indiquez l'adresse e-mail de la personne.", "invalid": "Adresse e-mail invalide."},
    )
    role = forms.ChoiceField(label="Rôle", choices=RoleJury.choices)
    capacite = forms.IntegerField(
        label="Capacité (experts : nombre maximal de dossiers)",
        required=False,
        min_value=1,
        max_value=500,
        help_text="Laisser vide : sans limite.",
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError("Aucun compte n'a cette adresse : la personne doit d'abord créer son compte.")
        self.user = user
        return email


class ParametresForm(forms.ModelForm):
    class Meta:
        model = ParametresJury
        fields = ["experts_par_dossier", "date_limite_evaluation", "conflit_meme_departement"]
        widgets = {
            "date_limite_evaluation": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_limite_evaluation"].input_formats = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
        self.fields["date_limite_evaluation"].label = "Date limite des évaluations (heure de Paris)"


class EvaluationForm(forms.Form):
    """An expert's evaluation: one score per criterion of the grid, then arobases, comment and note.

    Everything is optional while it is a draft; submitting needs every criterion and the arobases
    (checked here when `soumettre` is true, and again by jury.actions.soumettre_evaluation).
    """

    arobases_proposees = forms.TypedChoiceField(
        label="Arobases proposées",
        choices=[("", "—")] + [(n, f"{n} @") for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="De 1 à 5 : toute collectivité participante obtient au moins une arobase.",
    )
    commentaire = forms.CharField(
        label="Commentaire pour le jury",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Points forts, points faibles, ce que le jury doit savoir du dossier.",
    )
    note_collectivite = forms.CharField(
        label="Note pour la collectivité (facultative)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Des conseils pour progresser, écrits pour les agents et les élus.",
    )
    note_partageable = forms.BooleanField(
        label="Cette note peut être transmise à la collectivité après la publication des résultats", required=False
    )

    def __init__(self, *args, criteres, soumettre=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteres = criteres
        self.soumettre = soumettre
        champs = {}
        for critere in criteres:
            champs[self.nom_note(critere)] = forms.TypedChoiceField(
                label=f"{critere.libelle} (sur {critere.note_max}, poids {critere.poids})",
                choices=[("", "—")] + [(n, str(n)) for n in range(critere.note_max + 1)],
                coerce=int,
                empty_value=None,
                required=False,
                help_text=critere.aide,
            )
        # The criteria first, in the grid's order.
        self.fields = champs | dict(self.fields)

    @staticmethod
    def nom_note(critere):
        return f"note_{critere.pk}"

    def champs_notes(self):
        return [self[self.nom_note(critere)] for critere in self.criteres]

    def champs_avis(self):
        return [self[nom] for nom in ("arobases_proposees", "commentaire", "note_collectivite", "note_partageable")]

    def clean(self):
        donnees = super().clean()
        if self.soumettre:
            for critere in self.criteres:
                nom = self.nom_note(critere)
                if nom in donnees and donnees[nom] is None:
                    self.add_error(nom, "Notez ce critère avant de soumettre.")
            if "arobases_proposees" in donnees and donnees["arobases_proposees"] is None:
                self.add_error("arobases_proposees", "Proposez un nombre d'arobases avant de soumettre.")
        return donnees

    def valeurs(self):
        return {
            champ: self.cleaned_data[champ]
            for champ in ("arobases_proposees", "commentaire", "note_collectivite", "note_partageable")
        }

    def notes(self):
        return {critere.pk: self.cleaned_data.get(self.nom_note(critere)) for critere in self.criteres}


class ConflitForm(forms.Form):
    """A conflict declared by a member of the jury: a collectivité (by name or code) or a département."""

    collectivite = forms.CharField(
        label="Collectivité (nom ou code INSEE/SIREN)",
        required=False,
        max_length=200,
        help_text="Par exemple « Dijon » ou « 21231 ».",
    )
    departement = forms.ModelChoiceField(
        label="ou un département entier",
        queryset=Departement.objects.order_by("code"),
        required=False,
        empty_label="—",
    )
    motif = forms.CharField(
        label="Motif",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Par exemple : « j'y suis élu », « mon conjoint y travaille ». Lu seulement par l'équipe.",
        error_messages={"required": "Donnez le motif du conflit."},
    )

    def clean_collectivite(self):
        texte = self.cleaned_data["collectivite"].strip()
        if not texte:
            return None
        trouvees = list(Collectivite.objects.filter(Q(code=texte) | Q(nom__iexact=texte))[:2])
        if not trouvees:
            raise forms.ValidationError(f"Aucune collectivité ne s'appelle « {texte} » ni n'a ce code.")
        if len(trouvees) > 1:
            raise forms.ValidationError(
                f"Plusieurs collectivités s'appellent « {texte} » : indiquez plutôt son code INSEE ou SIREN."
            )
        return trouvees[0]

    def clean(self):
        donnees = super().clean()
        if "collectivite" in donnees and "departement" in donnees:
            if bool(donnees["collectivite"]) == bool(donnees["departement"]):
                raise forms.ValidationError("Indiquez une collectivité ou un département (l'un des deux).")
        return donnees


class AttacheForm(forms.Form):
    departement = forms.ModelChoiceField(
        label="Département", queryset=Departement.objects.order_by("code"), empty_label="—"
    )
    nature = forms.ChoiceField(
        label="J'y", choices=[(NatureAttache.RESIDENCE, "vis"), (NatureAttache.TRAVAIL, "travaille")]
    )


class LeveeForm(forms.Form):
    user = forms.IntegerField(widget=forms.HiddenInput)
    candidature = forms.IntegerField(widget=forms.HiddenInput)
    motif = forms.CharField(
        label="Motif de la levée",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Donnez le motif de la levée du conflit."},
    )


class AffecterForm(forms.Form):
    expert = forms.ModelChoiceField(label="Expert", queryset=get_user_model().objects.none(), empty_label="—")

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts


class RechercheForm(forms.Form):
    q = forms.CharField(label="Nom ou code de la collectivité", required=False, max_length=100)

from django import forms

from .enums import Role
from .models import DemandeAdhesion, DomaineCollectivite

RECHERCHE_LONGUEUR_MAX = 100


class InscriptionForm(forms.Form):
    """The fields allauth's sign-up form adds (ACCOUNT_SIGNUP_FORM_CLASS): a name the référents recognise.

    allauth builds its sign-up form on this class: this module must not import allauth's forms (see
    forms_compte.py for the subclasses of those).
    """

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    first_name = forms.CharField(
        label="Prénom", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label="Nom", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])


class RechercheCollectiviteForm(forms.Form):
    q = forms.CharField(
        label="Nom, code postal ou code INSEE de votre commune ou intercommunalité",
        max_length=RECHERCHE_LONGUEUR_MAX,
        help_text="Par exemple « La Rochelle », « 70120 » ou « 70450 ». Pour une intercommunalité : son nom ou son SIREN.",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class DemandeForm(forms.ModelForm):
    class Meta:
        model = DemandeAdhesion
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class DecisionForm(forms.Form):
    ACCEPTER = "accepter"
    REFUSER = "refuser"

    decision = forms.ChoiceField(
        label="Décision", choices=[(ACCEPTER, "Accepter"), (REFUSER, "Refuser")], widget=forms.RadioSelect
    )
    role = forms.ChoiceField(label="Rôle", choices=Role.choices, initial=Role.CONTRIBUTEUR)
    motif = forms.CharField(
        label="Motif du refus",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Envoyé à la personne avec la réponse.",
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Rôle", choices=Role.choices)


class DomaineForm(forms.ModelForm):
    class Meta:
        model = DomaineCollectivite
        fields = ["domaine"]
        labels = {"domaine": "Domaine de messagerie de la collectivité"}

    def __init__(self, *args, collectivite, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.collectivite = collectivite

    def validate_unique(self):
        # The collectivité is not a field of the form: check the pair here, with a French message.
        if DomaineCollectivite.objects.filter(
            collectivite=self.instance.collectivite, domaine=self.instance.domaine
        ).exists():
            self.add_error("domaine", "Ce domaine est déjà déclaré pour cette collectivité.")

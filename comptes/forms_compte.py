"""allauth's forms with our French labels (ACCOUNT_FORMS). Kept apart from forms.py, which allauth imports
while building these very forms."""

from allauth.account.forms import LoginForm, SignupForm

LIBELLE_EMAIL = "Adresse e-mail"


def _sans_indication(form, *noms):
    """Drop the placeholders that only repeat a field's label (a label is always shown)."""
    for nom in noms:
        if nom in form.fields:
            form.fields[nom].widget.attrs.pop("placeholder", None)


class ConnexionForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = LIBELLE_EMAIL
        self.fields["password"].help_text = ""
        _sans_indication(self, "login", "password")


class CompteForm(SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = LIBELLE_EMAIL
        self.fields["email"].help_text = (
            "De préférence votre adresse professionnelle (par exemple @mairie-….fr) : si votre collectivité a "
            "déclaré ce domaine, vous la rejoignez sans attendre. Un message de vérification y sera envoyé."
        )
        self.fields["password1"].label = "Mot de passe"
        self.fields["password2"].label = "Mot de passe (confirmation)"
        _sans_indication(self, "email", "password1", "password2")

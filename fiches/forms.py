"""The forms that write a fiche: the fiche itself, its places, contacts and pictures, and the moderation decision."""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.utils.formats import localize

from territoires.enums import TypeCommune
from territoires.models import Commune

from . import images
from .models import FicheAction, Image, Lieu, Personne, Service

AIDE_MARKDOWN = "Mise en forme possible en Markdown : **gras**, *italique*, listes commençant par « - », liens."


class SansDeuxPoints:
    """Labels without Django's " :": the page adds "(obligatoire)" after those that are."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class FicheForm(SansDeuxPoints, forms.ModelForm):
    # The version the form was loaded with: saving over a newer one is a conflict (actions.enregistrer_fiche).
    version_chargee = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": "Version de la fiche manquante : rechargez la page."},
    )
    services = forms.ModelMultipleChoiceField(
        label="Services de la taxonomie",
        queryset=Service.objects.filter(enjeu__famille__taxonomie__est_active=True).select_related("enjeu__famille"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choisissez au moins un service de la taxonomie."},
        help_text="Au moins un : ils rangent la fiche dans l'observatoire et dans la mosaïque des enjeux.",
    )

    class Meta:
        model = FicheAction
        fields = [
            "titre",
            "sous_titre",
            "synthese",
            "realisation",
            "resultats",
            "recommandations",
            "date_debut",
            "date_fin",
            "statut_action",
            "public_concerne",
            "partenaires",
            "prestataires",
            "outils",
            "liens",
            "budget",
            "licence",
            "services",
        ]
        widgets = {
            "date_debut": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "date_fin": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "synthese": forms.Textarea(attrs={"rows": 4}),
            "realisation": forms.Textarea(attrs={"rows": 8}),
            "resultats": forms.Textarea(attrs={"rows": 6}),
            "recommandations": forms.Textarea(attrs={"rows": 5}),
            "partenaires": forms.Textarea(attrs={"rows": 3}),
            "prestataires": forms.Textarea(attrs={"rows": 3}),
            "outils": forms.Textarea(attrs={"rows": 3}),
            "liens": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "synthese": "En quelques lignes : l'action, pour qui, pourquoi. " + AIDE_MARKDOWN,
            "realisation": AIDE_MARKDOWN,
            "resultats": AIDE_MARKDOWN,
            "recommandations": "Ce que vous conseilleriez à une collectivité qui voudrait faire de même. "
            + AIDE_MARKDOWN,
            "date_fin": "Laisser vide si l'action est en cours.",
            "liens": "Une adresse web par ligne, commençant par https:// ou http://.",
            "budget": "Facultatif. En euros, par exemple 12 500 ou 12500,50.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget"].localize = True
        self.fields["budget"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.fields["budget"].widget.is_localized = True
        if not self.is_bound:
            self.initial["version_chargee"] = self.instance.version

    def clean_liens(self):
        valider = URLValidator(schemes=["http", "https"])
        lignes = [ligne.strip() for ligne in self.cleaned_data["liens"].splitlines() if ligne.strip()]
        erreurs = []
        for numero, ligne in enumerate(lignes, start=1):
            try:
                valider(ligne)
            except ValidationError:
                erreurs.append(f"ligne {numero} : « {ligne[:80]} » n'est pas une adresse web (https://…)")
        if erreurs:
            raise ValidationError("Liens à corriger : " + " ; ".join(erreurs) + ".")
        return "\n".join(lignes)

    def groupes_services(self):
        """The services grouped by famille then enjeu, each with whether it is ticked (for the grouped widget)."""
        coches = {str(getattr(valeur, "pk", valeur)) for valeur in (self["services"].value() or [])}
        familles = {}
        for service in self.fields["services"].queryset:
            enjeux = familles.setdefault(service.enjeu.famille, {})
            enjeux.setdefault(service.enjeu, []).append((service, str(service.pk) in coches))
        return [
            (famille, [(enjeu, services, sum(coche for _, coche in services)) for enjeu, services in enjeux.items()])
            for famille, enjeux in familles.items()
        ]


class ChoixCollectiviteForm(SansDeuxPoints, forms.Form):
    """Staff may write a fiche for any collectivité: they give its code."""

    collectivite = forms.CharField(label="Code INSEE ou SIREN de la collectivité", max_length=9)


class CoordonneeField(forms.FloatField):
    """Decimal degrees, typed with a comma or a point (47,32 or 47.32); empty when the INSEE code is enough."""

    def __init__(self, *, borne, exemple, **kwargs):
        super().__init__(
            required=False,
            min_value=-borne,
            max_value=borne,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            help_text=f"En degrés décimaux, entre -{borne} et {borne}, par exemple {exemple}.",
            **kwargs,
        )


class LieuForm(SansDeuxPoints, forms.ModelForm):
    code_insee = forms.CharField(
        label="Code INSEE de la commune",
        required=False,
        max_length=5,
        help_text="Par exemple 21231. Sans latitude ni longitude, le lieu prend les coordonnées de sa mairie.",
    )

    latitude = CoordonneeField(label="Latitude", borne=90, exemple="47,3216")
    longitude = CoordonneeField(label="Longitude", borne=180, exemple="5,0415")

    class Meta:
        model = Lieu
        fields = ["nom", "adresse", "code_insee", "latitude", "longitude"]

    def __init__(self, *args, **kwargs):
        # A place proposed by default (the town hall) counts as typed: it is saved even if left untouched.
        self.propose = bool(kwargs.get("initial"))
        super().__init__(*args, **kwargs)
        if self.instance.commune_id and "code_insee" not in self.initial:
            self.initial["code_insee"] = self.instance.commune.code_insee

    def has_changed(self):
        return super().has_changed() or (self.propose and self.instance.pk is None)

    def clean_code_insee(self):
        return self.cleaned_data["code_insee"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("code_insee")
        commune = None
        if code:
            communes = sorted(Commune.objects.filter(code_insee=code), key=lambda c: c.type != TypeCommune.COMMUNE)
            if not communes:
                self.add_error("code_insee", f"Aucune commune n'a le code INSEE « {code} ».")
                return cleaned
            commune = communes[0]
        self.instance.commune = commune
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            return cleaned
        # A new commune with coordinates left as they were: the old ones belonged to the old commune.
        nouvelle_commune = "code_insee" in self.changed_data and not {"latitude", "longitude"} & set(self.changed_data)
        if commune and (nouvelle_commune or (latitude is None and longitude is None)):
            if commune.latitude is None:
                self.add_error(
                    "latitude", f"La mairie de {commune.nom} n'est pas géolocalisée : indiquez latitude et longitude."
                )
            else:
                cleaned["latitude"], cleaned["longitude"] = commune.latitude, commune.longitude
        elif latitude is None and longitude is None:
            self.add_error(
                "code_insee", "Indiquez le code INSEE de la commune, ou la latitude et la longitude du lieu."
            )
        elif latitude is None or longitude is None:
            manquant = "latitude" if latitude is None else "longitude"
            self.add_error(manquant, "Indiquez la latitude et la longitude, ou seulement le code INSEE.")
        return cleaned


class PersonneForm(SansDeuxPoints, forms.ModelForm):
    class Meta:
        model = Personne
        fields = ["nom", "fonction", "mandat", "email", "telephone"]
        labels = {
            "email": "Courriel (privé — jamais publié)",
            "telephone": "Téléphone (privé — jamais publié)",
        }
        help_texts = {
            "mandat": "Pour un ou une élue : par exemple « adjointe au maire chargée du numérique ».",
            "email": "Seule l'équipe de Villes Internet le voit, pour vous joindre.",
        }
        widgets = {"telephone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"})}


class ImageForm(SansDeuxPoints, forms.ModelForm):
    fichier = forms.FileField(
        label="Image",
        help_text="JPEG, PNG ou WebP, 5 Mo au plus. Elle est réenregistrée sans ses métadonnées (position GPS…).",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Image
        fields = ["fichier", "texte_alternatif", "legende", "ordre"]
        help_texts = {"texte_alternatif": "Ce que montre l'image, pour qui ne la voit pas. Obligatoire."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reencodee = None
        poids = images.en_mo(settings.FICHES_IMAGE_POIDS_MAX)
        self.fields["fichier"].help_text = self.fields["fichier"].help_text.replace("5 Mo", f"{poids} Mo")

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if isinstance(fichier, UploadedFile):
            images.verifier(fichier)
            self.reencodee = images.reencoder(fichier)
            return self.reencodee.fichier
        return fichier

    def save(self, commit=True):
        if self.reencodee:
            self.instance.vignette = self.reencodee.vignette
        return super().save(commit=commit)


class BaseLieuFormSet(forms.BaseInlineFormSet):
    titre = "Lieu"
    default_error_messages = {"too_few_forms": "Indiquez au moins un lieu."}


class BaseFormSetTitre(forms.BaseInlineFormSet):
    titre = ""


LieuFormSet = forms.inlineformset_factory(
    FicheAction, Lieu, form=LieuForm, formset=BaseLieuFormSet, extra=1, min_num=1, validate_min=True, can_delete=True
)
PersonneFormSet = forms.inlineformset_factory(
    FicheAction, Personne, form=PersonneForm, formset=BaseFormSetTitre, extra=1, can_delete=True
)
PersonneFormSet.titre = "Contact"
ImageFormSet = forms.inlineformset_factory(
    FicheAction, Image, form=ImageForm, formset=BaseFormSetTitre, extra=1, can_delete=True
)
ImageFormSet.titre = "Image"


def lieu_propose(collectivite):
    """The default place of a new fiche: the town hall of the collectivité's commune (for a territoire, of its
    most populous member commune), or nothing when it is not geolocated."""
    commune = collectivite.commune
    if commune is None:
        commune = collectivite.communes_membres().exclude(latitude=None).order_by("-population").first()
    if commune is None or commune.latitude is None:
        return None
    return {
        "nom": f"Mairie de {commune.nom}",
        "code_insee": commune.code_insee,
        "latitude": commune.latitude,
        "longitude": commune.longitude,
    }


def formsets_de(fiche, data=None, files=None, collectivite=None):
    """The three inline formsets of a fiche; a new fiche gets its collectivité's town hall as first place."""
    initial = None
    if fiche.pk is None and collectivite is not None:
        propose = lieu_propose(collectivite)
        initial = [propose] if propose else None
    return {
        "lieux": LieuFormSet(
            data,
            files,
            instance=fiche,
            prefix="lieux",
            initial=initial,
            queryset=Lieu.objects.select_related("commune").order_by("pk"),
        ),
        "personnes": PersonneFormSet(
            data, files, instance=fiche, prefix="personnes", queryset=Personne.objects.order_by("pk")
        ),
        "images": ImageFormSet(
            data, files, instance=fiche, prefix="images", queryset=Image.objects.order_by("ordre", "pk")
        ),
    }


# ---------------------------------------------------------------------------------------------------
# Error summary (RGAA: the errors listed at the top, each a link to its field)
# ---------------------------------------------------------------------------------------------------


@dataclass
class Erreur:
    ancre: str
    texte: str


def _libelle(form, nom):
    return form.fields[nom].label if nom in form.fields else ""


def resume_erreurs(form, formsets=()):
    erreurs = []
    for nom, messages in form.errors.items():
        if nom == NON_FIELD_ERRORS:
            ancre, libelle = "formulaire-fiche", ""
        elif nom == "services":
            ancre, libelle = "services", _libelle(form, nom)
        else:
            ancre, libelle = form[nom].id_for_label, _libelle(form, nom)
        erreurs += [Erreur(ancre, f"{libelle} : {message}" if libelle else message) for message in messages]
    for formset in formsets:
        erreurs += [Erreur(formset.prefix, f"{formset.titre} : {message}") for message in formset.non_form_errors()]
        for numero, sous_form in enumerate(formset.forms, start=1):
            for nom, messages in sous_form.errors.items():
                if nom == NON_FIELD_ERRORS:
                    ancre, libelle = f"{formset.prefix}-{numero - 1}", ""
                else:
                    ancre, libelle = sous_form[nom].id_for_label, _libelle(sous_form, nom)
                prefixe = f"{formset.titre} {numero}" + (f", {libelle[:1].lower()}{libelle[1:]}" if libelle else "")
                erreurs += [Erreur(ancre, f"{prefixe} : {message}") for message in messages]
    return erreurs


# ---------------------------------------------------------------------------------------------------
# Conflict: what was typed next to what is saved
# ---------------------------------------------------------------------------------------------------


@dataclass
class Difference:
    libelle: str
    saisie: str
    enregistree: str


def _texte(form, nom, valeur):
    if valeur is None or valeur == "":
        return "—"
    champ = form.fields[nom]
    if isinstance(champ, forms.ModelMultipleChoiceField):
        return ", ".join(sorted(service.nom for service in valeur)) or "—"
    if getattr(champ, "choices", None) and not isinstance(champ, forms.ModelChoiceField):
        return str(dict(champ.choices).get(valeur, valeur))
    return str(localize(valeur))


def _saisis(formset, champ):
    """The value of `champ` in each form of a valid formset that is kept (typed, not deleted)."""
    return sorted(
        str(sous_form.cleaned_data.get(champ, ""))
        for sous_form in formset.forms
        if sous_form.cleaned_data and not sous_form.cleaned_data.get("DELETE")
    )


def comparer(form, formsets, actuelle):
    """The differences between a valid form (as typed) and the fiche as it is saved now, field by field."""
    differences = []
    for nom in form.Meta.fields:
        saisie = form.cleaned_data.get(nom)
        enregistree = list(actuelle.services.all()) if nom == "services" else getattr(actuelle, nom)
        if nom == "services":
            if {s.pk for s in saisie} == {s.pk for s in enregistree}:
                continue
        elif (saisie or None) == (enregistree or None):
            continue
        differences.append(
            Difference(form.fields[nom].label, _texte(form, nom, saisie), _texte(form, nom, enregistree))
        )
    relations = {"lieux": actuelle.lieux, "personnes": actuelle.personnes, "images": actuelle.images}
    libelles = {"lieux": "Lieux", "personnes": "Contacts", "images": "Images (textes alternatifs)"}
    for prefixe, formset in formsets.items():
        champ = "texte_alternatif" if prefixe == "images" else "nom"
        saisie = _saisis(formset, champ)
        enregistree = sorted(relations[prefixe].values_list(champ, flat=True))
        if saisie != enregistree:
            differences.append(Difference(libelles[prefixe], " ; ".join(saisie) or "—", " ; ".join(enregistree) or "—"))
    return differences


class ModerationForm(SansDeuxPoints, forms.Form):
    DECISIONS = {
        "publier": "Publier",
        "demander_modifications": "Demander des modifications",
        "rejeter": "Rejeter",
    }

    decision = forms.ChoiceField(label="Décision", widget=forms.RadioSelect, choices=list(DECISIONS.items()))
    motif = forms.CharField(
        label="Motif",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Obligatoire pour demander des modifications ou rejeter : la collectivité le lira.",
    )

    def __init__(self, *args, decisions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if decisions is not None:
            self.fields["decision"].choices = [(cle, self.DECISIONS[cle]) for cle in decisions]

    def clean(self):
        cleaned = super().clean()
        cleaned["motif"] = cleaned.get("motif", "").strip()
        if cleaned.get("decision") in {"demander_modifications", "rejeter"} and not cleaned["motif"]:
            self.add_error("motif", "Indiquez le motif : la collectivité le lira pour corriger sa fiche.")
        return cleaned

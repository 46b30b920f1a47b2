"""Shared setup of the tests of writing and moderating fiches: the named cast, a few fiches, form data."""

import io
from types import SimpleNamespace

from django.db.models.fields.files import FieldFile
from PIL import Image as PILImage

from arobase.testing import make_cast, make_collectivites, make_referentiel
from fiches.enums import EtatFiche
from fiches.forms import FicheForm, formsets_de
from fiches.historique import enregistrer_revision
from fiches.models import FicheAction, Lieu, Personne, Service

MOT_DE_PASSE = "motdepasse-de-test"


def make_monde():
    """The hand-made référentiel, its three collectivités, the cast and three services of the seeded taxonomy."""
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    cast = make_cast(collectivites)
    services = list(Service.objects.select_related("enjeu").order_by("pk")[:3])
    return SimpleNamespace(ref=ref, collectivites=collectivites, cast=cast, services=services, **cast)


def creer_fiche(monde, *, collectivite="dijon", etat=EtatFiche.BROUILLON, titre="Café numérique des aînés", **champs):
    """A fiche saved directly (with one place, one contact, its first service and a first revision)."""
    collectivite = monde.collectivites[collectivite]
    fiche = FicheAction.objects.create(
        collectivite=collectivite,
        titre=titre,
        synthese=champs.pop("synthese", "Chaque mardi, des bénévoles accompagnent les aînés sur leurs démarches."),
        etat=etat,
        auteur=monde.agent_dijon,
        **champs,
    )
    fiche.services.set([monde.services[0]])
    commune = collectivite.commune or monde.ref["dijon"]
    Lieu.objects.create(
        fiche=fiche, nom="Médiathèque", commune=commune, latitude=commune.latitude, longitude=commune.longitude
    )
    Personne.objects.create(
        fiche=fiche, nom="Claire Martin", fonction="Conseillère numérique", email="claire.martin@exemple.fr"
    )
    enregistrer_revision(fiche, par=monde.agent_dijon, commentaire="Création de la fiche.")
    return fiche


def valeurs_postees(form):
    """What the browser posts for a form shown unchanged (files aside)."""
    donnees = {}
    for champ in form:
        valeur = champ.value()
        if valeur is None or valeur is False or isinstance(valeur, FieldFile):
            continue
        if isinstance(valeur, list | tuple):
            valeur = [getattr(element, "pk", element) for element in valeur]
        else:
            valeur = getattr(valeur, "pk", valeur)
        donnees[champ.html_name] = valeur
    return donnees


def donnees_formulaire(fiche, *, collectivite=None, **changements):
    """What the browser posts when the edit (or create) page of `fiche` is sent as shown, then `changements`."""
    donnees = valeurs_postees(FicheForm(instance=fiche))
    for formset in formsets_de(fiche, collectivite=collectivite).values():
        donnees.update(valeurs_postees(formset.management_form))
        for sous_form in formset.forms:
            donnees.update(valeurs_postees(sous_form))
    donnees.update(changements)
    return donnees


def image_png(largeur=40, hauteur=30, *, format_="PNG", exif=None):
    """The bytes of a real picture drawn by Pillow."""
    image = PILImage.new("RGB", (largeur, hauteur), (200, 40, 40))
    sortie = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    image.save(sortie, format=format_, **options)
    return sortie.getvalue()

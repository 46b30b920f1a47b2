"""The history of the fiches (django-reversion): what is recorded, and how staff read it.

A revision holds the fiche (its fields and its services) and, followed, its places, contacts and pictures,
with who saved it and a comment. fiches/actions.py records one revision per change, after everything is
saved; the admin (VersionAdmin) records its own. Pictures' files are never deleted, so that restoring an
old version brings its pictures back.
"""

import difflib
from dataclasses import dataclass, field

import reversion
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.formats import localize
from reversion.models import Version

from label.models import Collectivite

from .models import FicheAction, Image, Lieu, Personne, Service

SUIVIS = {"lieux": Lieu, "personnes": Personne, "images": Image}

for _modele in SUIVIS.values():
    if not reversion.is_registered(_modele):
        reversion.register(_modele)
if not reversion.is_registered(FicheAction):
    reversion.register(FicheAction, follow=list(SUIVIS))

# Bookkeeping, not content: never listed as a change.
CHAMPS_MASQUES = {"id", "version", "updated_at"}
LIBELLES_SUIVIS = {"lieux": "Lieux", "personnes": "Contacts", "images": "Images"}
MOTS_DE_CONTEXTE = 8


def enregistrer_revision(fiche, *, par, commentaire):
    """Record the fiche as it is now in the database (fields, services, places, contacts, pictures)."""
    fiche = FicheAction.objects.get(pk=fiche.pk)  # what is saved, not a form's in-memory copy
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(fiche)
        reversion.set_user(par)
        reversion.set_comment(commentaire)


def versions_de(fiche):
    """The versions of a fiche, newest first, with their revision and its author."""
    return Version.objects.get_for_object(fiche).select_related("revision__user")


# ---------------------------------------------------------------------------------------------------
# Reading the history
# ---------------------------------------------------------------------------------------------------


@dataclass
class Changement:
    libelle: str
    avant: str = ""
    apres: str = ""
    mots: list = field(default_factory=list)  # [(operation, text)] for a text: "egal", "suppr", "ajout"


@dataclass
class Entree:
    version: Version
    changements: list
    premiere: bool = False


def difference_mots(avant, apres):
    """A word-level diff of two texts, long unchanged passages shortened around the changes."""
    mots_avant, mots_apres = avant.split(), apres.split()
    morceaux = []
    correspondance = difflib.SequenceMatcher(a=mots_avant, b=mots_apres, autojunk=False)
    for operation, a1, a2, b1, b2 in correspondance.get_opcodes():
        if operation == "equal":
            mots = mots_avant[a1:a2]
            if len(mots) > 3 * MOTS_DE_CONTEXTE:
                debut = mots[:MOTS_DE_CONTEXTE] if morceaux else []
                fin = mots[-MOTS_DE_CONTEXTE:] if a2 < len(mots_avant) or b2 < len(mots_apres) else []
                mots = [*debut, "[…]", *fin]
            morceaux.append(("egal", " ".join(mots)))
            continue
        if a2 > a1:
            morceaux.append(("suppr", " ".join(mots_avant[a1:a2])))
        if b2 > b1:
            morceaux.append(("ajout", " ".join(mots_apres[b1:b2])))
    return morceaux


class _Lecteur:
    """Turns serialized values into what a person reads, fetching the names it needs in few queries."""

    def __init__(self, versions):
        self.champs = {f.attname: f for f in FicheAction._meta.concrete_fields}
        self.champs["services"] = FicheAction._meta.get_field("services")
        ids_services, ids_collectivites, ids_users = set(), set(), set()
        for version in versions:
            donnees = version.field_dict
            ids_services.update(donnees.get("services", []))
            ids_collectivites.add(donnees.get("collectivite_id"))
            ids_users.add(donnees.get("auteur_id"))
        self.services = Service.objects.in_bulk(ids_services - {None})
        self.collectivites = Collectivite.objects.in_bulk(ids_collectivites - {None})
        self.users = get_user_model().objects.in_bulk(ids_users - {None})

    def texte(self, attname, valeur):
        champ = self.champs[attname]
        if attname == "services":
            noms = sorted(self.services[pk].nom if pk in self.services else f"service n° {pk}" for pk in valeur)
            return ", ".join(noms) or "—"
        if valeur is None or valeur == "":
            return "—"
        if attname == "collectivite_id":
            return str(self.collectivites.get(valeur, valeur))
        if attname == "auteur_id":
            return str(self.users.get(valeur, valeur))
        if champ.choices:
            return str(dict(champ.flatchoices).get(valeur, valeur))
        return str(localize(valeur))

    def changements(self, ancienne, nouvelle):
        resultat = []
        for attname, champ in self.champs.items():
            if attname in CHAMPS_MASQUES:
                continue
            avant, apres = ancienne.get(attname), nouvelle.get(attname)
            if attname == "services":
                avant, apres = sorted(avant or []), sorted(apres or [])
            if avant == apres:
                continue
            libelle = str(champ.verbose_name).capitalize()
            if isinstance(champ, models.TextField | models.CharField) and not champ.choices:
                resultat.append(Changement(libelle, mots=difference_mots(avant or "", apres or "")))
            else:
                resultat.append(Changement(libelle, self.texte(attname, avant), self.texte(attname, apres)))
        return resultat


def _ligne_suivie(modele, donnees):
    if modele is Lieu:
        coordonnees = f"({localize(donnees['latitude'])} ; {localize(donnees['longitude'])})"
        return ", ".join(filter(None, [donnees["nom"], donnees["adresse"], coordonnees]))
    if modele is Personne:
        champs = ["nom", "fonction", "mandat", "email", "telephone"]
        return ", ".join(filter(None, (donnees[champ] for champ in champs)))
    return f"{donnees['texte_alternatif']} ({donnees['fichier']})"


def _suivis_par_revision(versions):
    """For each revision: {"lieux": [readable lines], "personnes": [...], "images": [...]} (one query)."""
    types = {ContentType.objects.get_for_model(modele).pk: nom for nom, modele in SUIVIS.items()}
    resultat = {version.revision_id: {nom: [] for nom in SUIVIS} for version in versions}
    suivies = Version.objects.filter(revision_id__in=list(resultat), content_type_id__in=list(types)).order_by(
        "object_id"
    )
    for version in suivies:
        nom = types[version.content_type_id]
        resultat[version.revision_id][nom].append(_ligne_suivie(SUIVIS[nom], version.field_dict))
    return resultat


def lire_historique(fiche):
    """The fiche's versions, newest first, each with what changed since the one before."""
    versions = list(versions_de(fiche))
    lecteur = _Lecteur(versions)
    suivis = _suivis_par_revision(versions)
    entrees = []
    for index, version in enumerate(versions):
        precedente = versions[index + 1] if index + 1 < len(versions) else None
        if precedente is None:
            entrees.append(Entree(version, [], premiere=True))
            continue
        changements = lecteur.changements(precedente.field_dict, version.field_dict)
        for nom, libelle in LIBELLES_SUIVIS.items():
            avant, apres = suivis[precedente.revision_id][nom], suivis[version.revision_id][nom]
            if avant != apres:
                changements.append(Changement(libelle, " ; ".join(avant) or "—", " ; ".join(apres) or "—"))
        entrees.append(Entree(version, changements))
    return entrees

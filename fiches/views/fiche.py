"""The public page of a fiche action and its downloads (CSV, JSON).

Personal contact details (e-mail, telephone) of the contact persons never leave the database here: the
page and the downloads only ever read their name, function and elected office.
"""

import csv
import re
import unicodedata

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from label.models import Edition, Labellisation, Mention

from ..access import get_fiche_for_user
from ..enums import Licence
from ..geo import reglages_carte
from ..models import FicheAction, Image, Lieu, Personne, Service
from ..templatetags.fiches_rendu import lien_web

SIMILAIRES = 5  # similar fiches shown at most
CANDIDATS = 60  # fiches sharing the most services, ranked again by the closeness of their titles

LICENCES = {
    Licence.CC_BY_SA_4: ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"),
    Licence.CC_BY_4: ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.fr"),
    Licence.LO_2: ("Licence Ouverte 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    Licence.CC0: ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.fr"),
}

# Words that say nothing about what an action is about (compared without accents, 4 letters or more).
MOTS_VIDES = set(
    """avec dans des pour par sur les une aux ses leur leurs nous vous sont cette ces plus tout tous toute
    toutes entre mais ainsi comme chez sans sous vers afin elle elles ils etre avoir fait faire ville
    commune communes mise place projet action actions service services nouveau nouvelle nouvelles
    nouveaux""".split()
)


def mots(texte):
    """The meaningful words of a text, lower case and without accents: « Les écoles numériques » → {ecoles, numeriques}."""
    sans_accents = unicodedata.normalize("NFKD", texte or "").encode("ascii", "ignore").decode().lower()
    return {mot for mot in re.findall(r"[a-z0-9]+", sans_accents) if len(mot) >= 4 and mot not in MOTS_VIDES}


def fiches_similaires(fiche, services):
    """At most SIMILAIRES published fiches sharing services with `fiche`: most shared services first, then
    most words in common in the title and subtitle, then the newest. One query."""
    if not services:
        return []
    candidats = list(
        FicheAction.objects.publiees()
        .exclude(pk=fiche.pk)
        .filter(services__in=[service.pk for service in services])
        .annotate(services_communs=Count("services", distinct=True))
        .select_related("collectivite")
        .only("pk", "titre", "sous_titre", "created_at", "collectivite__nom", "collectivite__code")
        .order_by("-services_communs", "-created_at", "-pk")[:CANDIDATS]
    )
    reference = mots(f"{fiche.titre} {fiche.sous_titre}")
    for candidat in candidats:
        candidat.mots_communs = len(reference & mots(f"{candidat.titre} {candidat.sous_titre}"))
    # Python's sort is stable: equal scores keep the query's order (newest first).
    candidats.sort(key=lambda candidat: (candidat.services_communs, candidat.mots_communs), reverse=True)
    return candidats[:SIMILAIRES]


def label_actuel(collectivite_id):
    """The collectivité's latest published labellisation, with the year of the latest published édition
    (`derniere_annee`) and whether a mention turned an arobase green (`verte`). One query; None if none."""
    derniere_edition = Edition.objects.publiees().order_by("-annee").values("annee")[:1]
    verte = Mention.objects.filter(labellisation=OuterRef("pk"), categorie__arobase_verte=True)
    return (
        Labellisation.objects.publiees()
        .filter(collectivite_id=collectivite_id)
        .select_related("edition")
        .annotate(derniere_annee=Subquery(derniere_edition), verte=Exists(verte))
        .order_by("-edition__annee")
        .first()
    )


def fiche_publique(request, pk):
    """The fiche with what every public view of it shows, if the user may see it (else 404).

    Queries: the fiche with its collectivité, commune/EPCI and département (1); for a non-published fiche
    seen by a non-staff user, the membership check (1); the services with enjeu and famille (1); the
    places with their commune (1); the contacts' public fields (1); the images (1).
    """
    queryset = FicheAction.objects.select_related(
        "collectivite__commune__departement", "collectivite__epci__departement"
    ).prefetch_related(
        Prefetch("services", queryset=Service.objects.select_related("enjeu__famille")),
        Prefetch("lieux", queryset=Lieu.objects.select_related("commune").order_by("pk")),
        # Only the public fields: e-mail and telephone are never read.
        Prefetch("personnes", queryset=Personne.objects.only("pk", "fiche_id", "nom", "fonction", "mandat")),
        Prefetch("images", queryset=Image.objects.order_by("ordre", "pk")),
    )
    return get_fiche_for_user(request, pk, queryset=queryset)


def contacts_publics(fiche):
    return [{"nom": p.nom, "fonction": p.fonction, "mandat": p.mandat} for p in fiche.personnes.all()]


@require_safe
def fiche(request, pk):
    """The page of a fiche action.

    Who may see it: everyone when it is published; when it is a draft, under moderation, to be changed or
    rejected, only the members of its collectivité and staff (a banner says it is not public); 404 for the
    others. Contacts show name, function and elected office only.

    Queries (anonymous, published fiche): fiche_publique's 5, the collectivité's current label (1), the
    similar fiches (1): 7.
    """
    fiche = fiche_publique(request, pk)
    services = list(fiche.services.all())
    lieux = list(fiche.lieux.all())
    licence_nom, licence_url = LICENCES.get(fiche.licence, (fiche.get_licence_display(), ""))
    return render(
        request,
        "fiches/fiche.html",
        {
            "fiche": fiche,
            "collectivite": fiche.collectivite,
            "departement": fiche.collectivite.departement,
            "services": services,
            "lieux": lieux,
            "lieux_carte": [
                {"nom": lieu.nom, "latitude": lieu.latitude, "longitude": lieu.longitude} for lieu in lieux
            ],
            "carte": reglages_carte(),
            "contacts": contacts_publics(fiche),
            "images": list(fiche.images.all()),
            "liens": [lien for lien in map(lien_web, fiche.liste_liens()) if lien],
            "label": label_actuel(fiche.collectivite_id),
            "similaires": fiches_similaires(fiche, services),
            "licence_nom": licence_nom,
            "licence_url": licence_url,
        },
    )


# ---------------------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------------------

COLONNES = [
    "id",
    "url",
    "titre",
    "sous_titre",
    "collectivite",
    "collectivite_code",
    "etat",
    "synthese",
    "realisation",
    "resultats",
    "recommandations",
    "date_debut",
    "date_fin",
    "avancement",
    "public_concerne",
    "partenaires",
    "prestataires",
    "outils",
    "liens",
    "budget",
    "licence",
    "services",
    "lieux",
    "contacts",
    "images",
    "created_at",
    "updated_at",
]
SEPARATEUR = " | "  # between the values of a multi-valued column of the CSV


def donnees_publiques(request, fiche):
    """The public fields of a fiche as plain JSON-able data (no e-mail, no telephone)."""
    licence_nom, licence_url = LICENCES.get(fiche.licence, (fiche.get_licence_display(), ""))
    return {
        "id": fiche.pk,
        "url": request.build_absolute_uri(fiche.get_absolute_url()),
        "titre": fiche.titre,
        "sous_titre": fiche.sous_titre,
        "collectivite": {
            "nom": fiche.collectivite.nom,
            "code": fiche.collectivite.code,
            "url": request.build_absolute_uri(fiche.collectivite.get_absolute_url()),
        },
        "etat": fiche.etat,
        "synthese": fiche.synthese,
        "realisation": fiche.realisation,
        "resultats": fiche.resultats,
        "recommandations": fiche.recommandations,
        "date_debut": fiche.date_debut.isoformat() if fiche.date_debut else None,
        "date_fin": fiche.date_fin.isoformat() if fiche.date_fin else None,
        "avancement": fiche.get_statut_action_display(),
        "public_concerne": fiche.public_concerne,
        "partenaires": fiche.partenaires,
        "prestataires": fiche.prestataires,
        "outils": fiche.outils,
        "liens": [lien for lien in map(lien_web, fiche.liste_liens()) if lien],
        "budget": float(fiche.budget) if fiche.budget is not None else None,
        "licence": {"code": fiche.licence, "nom": licence_nom, "url": licence_url},
        "services": [
            {"famille": service.enjeu.famille.nom, "enjeu": service.enjeu.nom, "service": service.nom}
            for service in fiche.services.all()
        ],
        "lieux": [
            {
                "nom": lieu.nom,
                "adresse": lieu.adresse,
                "commune": lieu.commune.nom if lieu.commune_id else "",
                "code_insee": lieu.commune.code_insee if lieu.commune_id else "",
                "latitude": lieu.latitude,
                "longitude": lieu.longitude,
            }
            for lieu in fiche.lieux.all()
        ],
        "contacts": contacts_publics(fiche),
        "images": [
            {
                "url": request.build_absolute_uri(image.fichier.url),
                "texte_alternatif": image.texte_alternatif,
                "legende": image.legende,
            }
            for image in fiche.images.all()
            if image.fichier
        ],
        "created_at": fiche.created_at.isoformat(),
        "updated_at": fiche.updated_at.isoformat(),
    }


def cellule(valeur):
    """A CSV cell that a spreadsheet will not run: a leading = + - @ (or tab, CR) becomes text."""
    texte = "" if valeur is None else str(valeur)
    if texte[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + texte
    return texte


def ligne_csv(donnees):
    """The CSV row of `donnees_publiques`, in the order of COLONNES."""
    a_plat = {
        **donnees,
        "collectivite": donnees["collectivite"]["nom"],
        "collectivite_code": donnees["collectivite"]["code"],
        "liens": SEPARATEUR.join(donnees["liens"]),
        "licence": donnees["licence"]["nom"],
        "services": SEPARATEUR.join(f"{s['famille']} > {s['enjeu']} > {s['service']}" for s in donnees["services"]),
        "lieux": SEPARATEUR.join(
            f"{lieu['nom']} ({lieu['latitude']}, {lieu['longitude']})" for lieu in donnees["lieux"]
        ),
        "contacts": SEPARATEUR.join(
            ", ".join(part for part in (c["nom"], c["fonction"], c["mandat"]) if part) for c in donnees["contacts"]
        ),
        "images": SEPARATEUR.join(image["url"] for image in donnees["images"]),
    }
    return [cellule(a_plat[colonne]) for colonne in COLONNES]


@require_safe
def fiche_export(request, pk, format):
    """The fiche as CSV (header row, UTF-8 with BOM for spreadsheets) or JSON (with the taxonomy path).

    Who may download it: the same people as the page (get_fiche_for_user). Public fields only.
    Queries: fiche_publique's 5 (6 for a member's unpublished fiche).
    """
    if format not in ("csv", "json"):
        raise Http404("Format inconnu : csv ou json.")
    fiche = fiche_publique(request, pk)
    donnees = donnees_publiques(request, fiche)
    nom_fichier = f"fiche-{fiche.pk}.{format}"
    if format == "json":
        response = JsonResponse(donnees, json_dumps_params={"ensure_ascii": False, "indent": 2})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")  # BOM: Excel then reads UTF-8
        writer = csv.writer(response)
        writer.writerow(COLONNES)
        writer.writerow(ligne_csv(donnees))
    response["Content-Disposition"] = f'attachment; filename="{nom_fichier}"'
    return response


urlpatterns = [
    path("fiches/<int:pk>/", fiche, name="fiche"),
    path("fiches/<int:pk>.<str:format>", fiche_export, name="fiche_export"),
]

"""Writing fiches: "Mes fiches", create, edit (and the conflict page), preview, submit for publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ..access import (
    collectivites_pour_creation,
    est_equipe,
    fiches_de_mes_collectivites,
    get_collectivite_for_creation,
    get_fiche_for_user,
)
from ..actions import ConflitDeVersion, TransitionInterdite, creer_fiche, enregistrer_fiche, soumettre
from ..enums import EtatFiche
from ..forms import ChoixCollectiviteForm, FicheForm, comparer, formsets_de, resume_erreurs
from ..geo import reglages_carte
from ..historique import versions_de
from ..models import FicheAction
from ..templatetags.fiches_rendu import lien_web
from . import fiche as page_publique

PAR_PAGE = 50
MOTIF_VISIBLE = {EtatFiche.A_MODIFIER, EtatFiche.REJETEE}


@login_required
@require_safe
def mes_fiches(request):
    """The fiches of the user's collectivités, whatever their état, with the moderation reason.

    Any signed-in user sees the fiches of the collectivités they belong to, and only those (staff too: the
    queue is elsewhere); anonymous visitors are sent to the login page.
    """
    fiches = (
        fiches_de_mes_collectivites(request.user)
        .select_related("collectivite")
        .only("pk", "titre", "etat", "motif_moderation", "updated_at", "collectivite__nom")
        .order_by("-updated_at", "-pk")
    )
    etat = request.GET.get("etat", "")
    if etat in EtatFiche.values:
        fiches = fiches.filter(etat=etat)
    else:
        etat = ""
    page = Paginator(fiches, PAR_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "fiches/edition/mes_fiches.html",
        {
            "page": page,
            "etat": etat,
            "etats": EtatFiche.choices,
            "collectivites": list(collectivites_pour_creation(request.user)),
            "motif_visible": MOTIF_VISIBLE,
            "equipe": est_equipe(request.user),
        },
    )


def _valides(form, formsets):
    # Validate everything (not all() on a generator, which stops at the first invalid): every error shows.
    resultats = [form.is_valid()] + [formset.is_valid() for formset in formsets.values()]
    return all(resultats)


def _formulaire(request, *, form, formsets, fiche, collectivite, conflit=None, status=200):
    erreurs = [] if conflit else resume_erreurs(form, formsets.values())
    return render(
        request,
        "fiches/edition/formulaire.html",
        {
            "form": form,
            "formsets": formsets,
            "fiche": fiche,
            "collectivite": collectivite,
            "erreurs": erreurs,
            "conflit": conflit,
            "peut_soumettre": fiche.pk is None or fiche.can_move_to(EtatFiche.EN_MODERATION),
            "carte": reglages_carte(),
        },
        status=status,
    )


def _choix_collectivite(request, collectivites, erreur=""):
    form = ChoixCollectiviteForm(request.GET if erreur else None)
    if erreur:
        form.add_error("collectivite", erreur)
    return render(
        request,
        "fiches/edition/choix_collectivite.html",
        {"collectivites": collectivites, "form": form, "equipe": est_equipe(request.user)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def nouvelle(request):
    """Write a new fiche (a draft until it is submitted and published).

    Members of a collectivité write for it (with a choice first when they belong to several); staff may
    write for any collectivité given by its code. A collectivité the user does not belong to: 404.
    Anonymous visitors are sent to the login page.
    """
    code = request.GET.get("collectivite", "").strip()
    if not code:
        collectivites = list(collectivites_pour_creation(request.user))
        if len(collectivites) != 1:
            return _choix_collectivite(request, collectivites)
        code = collectivites[0].code
    try:
        collectivite = get_collectivite_for_creation(request, code)
    except Http404:
        if not est_equipe(request.user):
            raise
        return _choix_collectivite(
            request, list(collectivites_pour_creation(request.user)), f"Aucune collectivité n'a le code « {code} »."
        )

    fiche = FicheAction(collectivite=collectivite)
    if request.method == "POST":
        form = FicheForm(request.POST, instance=fiche)
        formsets = formsets_de(fiche, request.POST, request.FILES, collectivite=collectivite)
        if _valides(form, formsets):
            fiche = creer_fiche(
                form=form, formsets=list(formsets.values()), collectivite=collectivite, par=request.user
            )
            return _apres_enregistrement(request, fiche, cree=True)
    else:
        form = FicheForm(instance=fiche)
        formsets = formsets_de(fiche, collectivite=collectivite)
    return _formulaire(request, form=form, formsets=formsets, fiche=fiche, collectivite=collectivite)


def _apres_enregistrement(request, fiche, cree=False):
    if request.POST.get("apres") == "soumettre" and fiche.can_move_to(EtatFiche.EN_MODERATION):
        soumettre(fiche=fiche, par=request.user)
        messages.success(
            request, "Fiche enregistrée et soumise à la modération : l'équipe de Villes Internet la relira."
        )
    elif fiche.est_publiee:
        messages.success(request, "Fiche enregistrée : la page publique est à jour.")
    elif cree:
        messages.success(
            request, "Fiche créée (brouillon). Relisez-la, puis soumettez-la à la modération pour la publier."
        )
    else:
        messages.success(request, "Fiche enregistrée.")
    return redirect("fiches:apercu", fiche.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def modifier(request, pk):
    """Edit a fiche: members of its collectivité (any role) and staff; anyone else gets a 404; anonymous
    visitors are sent to the login page.

    If someone saved the fiche since this form was loaded, nothing is overwritten: the page comes back
    (status 409) with both versions side by side and the form as typed, ready to be saved again.
    """
    fiche = get_fiche_for_user(
        request, pk, write=True, queryset=FicheAction.objects.select_related("collectivite__commune")
    )
    if request.method == "POST":
        form = FicheForm(request.POST, instance=fiche)
        formsets = formsets_de(fiche, request.POST, request.FILES)
        if _valides(form, formsets):
            try:
                fiche = enregistrer_fiche(
                    form=form,
                    formsets=list(formsets.values()),
                    par=request.user,
                    version_chargee=form.cleaned_data["version_chargee"],
                )
            except ConflitDeVersion as conflit:
                return _conflit(request, form, formsets, conflit.actuelle)
            return _apres_enregistrement(request, fiche)
    else:
        form = FicheForm(instance=fiche)
        formsets = formsets_de(fiche)
    return _formulaire(request, form=form, formsets=formsets, fiche=fiche, collectivite=fiche.collectivite)


def _conflit(request, form, formsets, actuelle):
    """The form as typed, now based on the saved version, with what differs from it."""
    differences = comparer(form, formsets, actuelle)
    derniere = versions_de(actuelle).first()
    donnees = request.POST.copy()
    donnees["version_chargee"] = str(actuelle.version)
    fiche = FicheAction.objects.select_related("collectivite__commune").get(pk=actuelle.pk)
    conflit = {
        "differences": differences,
        "par": derniere.revision.user if derniere else None,
        "le": derniere.revision.date_created if derniere else actuelle.updated_at,
        "images_a_refaire": bool(request.FILES),
    }
    return _formulaire(
        request,
        form=FicheForm(donnees, instance=fiche),
        formsets=formsets_de(fiche, donnees, request.FILES),
        fiche=fiche,
        collectivite=fiche.collectivite,
        conflit=conflit,
        status=409,
    )


def contexte_page_publique(request, pk):
    """The context of the fiche's public page (fiches/fiche.html, built as in views/fiche.py) for a user who
    may change the fiche (404 for anyone else): the preview and the moderation page show the fiche exactly
    as the public will."""
    get_fiche_for_user(request, pk, write=True)
    fiche = page_publique.fiche_publique(request, pk)
    services = list(fiche.services.all())
    lieux = list(fiche.lieux.all())
    licence_nom, licence_url = page_publique.LICENCES.get(fiche.licence, (fiche.get_licence_display(), ""))
    return {
        "fiche": fiche,
        "collectivite": fiche.collectivite,
        "departement": fiche.collectivite.departement,
        "services": services,
        "lieux": lieux,
        "lieux_carte": [{"nom": lieu.nom, "latitude": lieu.latitude, "longitude": lieu.longitude} for lieu in lieux],
        "carte": reglages_carte(),
        "contacts": page_publique.contacts_publics(fiche),
        "images": list(fiche.images.all()),
        "liens": [lien for lien in map(lien_web, fiche.liste_liens()) if lien],
        "label": page_publique.label_actuel(fiche.collectivite_id),
        "similaires": [],  # the public page's suggestions are not what the author or the moderator came for
        "licence_nom": licence_nom,
        "licence_url": licence_url,
        "equipe": est_equipe(request.user),
    }


@login_required
@require_safe
def apercu(request, pk):
    """The fiche as the public would see it, whatever its état, with its état, the moderation reason and
    what can be done next. Members of its collectivité and staff; anyone else gets a 404; anonymous
    visitors are sent to the login page.
    """
    contexte = contexte_page_publique(request, pk)
    fiche = contexte["fiche"]
    contexte["peut_soumettre"] = fiche.can_move_to(EtatFiche.EN_MODERATION) and not fiche.est_publiee
    return render(request, "fiches/edition/apercu.html", contexte)


@login_required
@require_POST
def soumettre_fiche(request, pk):
    """Ask for publication: the fiche joins the moderation queue. Members of its collectivité and staff;
    anyone else gets a 404; anonymous visitors are sent to the login page."""
    fiche = get_fiche_for_user(request, pk, write=True)
    try:
        soumettre(fiche=fiche, par=request.user)
    except TransitionInterdite as erreur:
        messages.error(request, str(erreur))
    else:
        messages.success(
            request, "Fiche soumise à la modération : l'équipe de Villes Internet la relira avant de la publier."
        )
    return redirect("fiches:apercu", fiche.pk)


urlpatterns = [
    path("espace/fiches/", mes_fiches, name="mes_fiches"),
    path("fiches/nouvelle/", nouvelle, name="nouvelle"),
    path("fiches/<int:pk>/modifier/", modifier, name="modifier"),
    path("fiches/<int:pk>/apercu/", apercu, name="apercu"),
    path("fiches/<int:pk>/soumettre/", soumettre_fiche, name="soumettre"),
]

"""The logged-in home (/espace/), joining a collectivité and managing its members and e-mail domains.

Who may see what is said in each docstring; the access rules themselves live in comptes/access.py.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from fiches.access import fiches_de_mes_collectivites
from fiches.enums import EtatFiche
from label.enums import StatutEdition
from label.models import Edition

from . import actions
from .access import (
    a_la_double_authentification,
    get_appartenance_for_user,
    get_collectivite_for_user,
    get_demande_for_user,
    get_domaine_for_user,
)
from .enums import Role, StatutDemande
from .forms import DecisionForm, DemandeForm, DomaineForm, RechercheCollectiviteForm, RoleForm
from .models import Appartenance, DemandeAdhesion, nom_affiche
from .recherche import rechercher, trouver

A_DECIDER_MAX = 20
MOTIFS_MAX = 10


def _message_erreur(error):
    return " ".join(error.messages)


def _campagne(user, edition, appartenances):
    """The open édition seen from the user's collectivités: for each, its candidature (campagne app) or the
    link to register. Empty when the campagne app is not installed."""
    if edition is None or not apps.is_installed("campagne"):
        return []
    from campagne.models import Candidature

    candidatures = {
        c.collectivite_id: c
        for c in Candidature.objects.de_membre(user).filter(edition=edition).select_related("edition", "collectivite")
    }
    return [{"appartenance": a, "candidature": candidatures.get(a.collectivite_id)} for a in appartenances]


@login_required
@require_safe
def espace(request):
    """The logged-in home: my collectivités, my requests, what I have to decide, the open édition, my fiches.

    Any signed-in user sees their own; anonymous visitors are sent to the login page.
    """
    user = request.user
    appartenances = list(Appartenance.objects.de(user).select_related("collectivite").order_by("collectivite__nom"))
    ids = [a.collectivite_id for a in appartenances]
    referents = {}
    for a in Appartenance.objects.referents().filter(collectivite_id__in=ids).select_related("user"):
        referents.setdefault(a.collectivite_id, []).append(nom_affiche(a.user))
    for appartenance in appartenances:
        appartenance.noms_referents = referents.get(appartenance.collectivite_id, [])

    mes_demandes = list(
        DemandeAdhesion.objects.filter(user=user, statut__in=[StatutDemande.EN_ATTENTE, StatutDemande.REFUSEE])
        .select_related("collectivite")
        .order_by("-created_at")[:10]
    )
    # Staff's share (requests to collectivités without référent: names and addresses) needs two-factor authentication.
    equipe = user.is_staff and a_la_double_authentification(user)
    a_decider = DemandeAdhesion.objects.a_decider_par(user, equipe=equipe)
    a_decider_liste = list(a_decider.select_related("user", "collectivite").order_by("created_at")[:A_DECIDER_MAX])
    a_decider_total = len(a_decider_liste) if len(a_decider_liste) < A_DECIDER_MAX else a_decider.count()

    fiches = fiches_de_mes_collectivites(user)
    par_etat = dict(fiches.values_list("etat").annotate(n=Count("pk")).values_list("etat", "n"))
    comptes_fiches = [(valeur, libelle, par_etat.get(valeur, 0)) for valeur, libelle in EtatFiche.choices]
    motifs = list(
        fiches.filter(etat__in=[EtatFiche.A_MODIFIER, EtatFiche.REJETEE])
        .select_related("collectivite")
        .only("pk", "titre", "etat", "motif_moderation", "collectivite__nom")
        .order_by("-updated_at")[:MOTIFS_MAX]
    )

    edition = Edition.objects.filter(statut=StatutEdition.CAMPAGNE).order_by("-annee").first()
    return render(
        request,
        "comptes/espace.html",
        {
            "appartenances": appartenances,
            "mes_demandes": mes_demandes,
            "a_decider": a_decider_liste,
            "a_decider_total": a_decider_total,
            "equipe_sans_double_authentification": user.is_staff and not equipe,
            "comptes_fiches": comptes_fiches,
            "total_fiches": sum(par_etat.values()),
            "motifs": motifs,
            "edition": edition,
            "campagne_installee": apps.is_installed("campagne"),
            "candidatures": _campagne(user, edition, appartenances),
            "editions_jury": _editions_jury(user),
        },
    )


def _editions_jury(user):
    """Éditions where the user holds a jury role (expert, juré, président), most recent first, with the roles."""
    if not apps.is_installed("jury"):
        return []
    from jury.models import RoleEdition

    par_annee = {}
    for annee, libelle in (
        RoleEdition.objects.filter(user=user).order_by("-edition__annee", "role").values_list("edition__annee", "role")
    ):
        par_annee.setdefault(annee, []).append(RoleEdition(role=libelle).get_role_display())
    return list(par_annee.items())


@login_required
@require_safe
def rejoindre(request):
    """Search a collectivité to join, by name, postcode, INSEE code or SIREN. Any signed-in user."""
    form = RechercheCollectiviteForm(request.GET or None)
    resultats = None
    if form.is_valid():
        resultats = rechercher(form.cleaned_data["q"])
        membres = set(Appartenance.objects.de(request.user).values_list("collectivite__code", flat=True))
        en_attente = set(
            DemandeAdhesion.objects.en_attente().filter(user=request.user).values_list("collectivite__code", flat=True)
        )
        for resultat in resultats:
            resultat.deja_membre = resultat.code in membres
            resultat.en_attente = resultat.code in en_attente
    return render(request, "comptes/rejoindre.html", {"form": form, "resultats": resultats})


@login_required
@require_http_methods(["GET", "POST"])
def demander(request, code):
    """Ask to join the collectivité `code` (any signed-in user); 404 for a code that is no collectivité.

    Says beforehand whether the request will be accepted at once (declared domain) or who will decide.
    """
    resultat = trouver(code)
    if resultat is None:
        raise Http404("Collectivité introuvable.")
    form = DemandeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            demande = actions.demander_adhesion(
                user=request.user, code=resultat.code, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            messages.error(request, _message_erreur(error))
            return redirect("comptes:espace")
        if demande.statut == StatutDemande.ACCEPTEE:
            messages.success(
                request,
                f"Vous êtes membre de {demande.collectivite.nom} ({demande.get_role_display().lower()}) : "
                "votre adresse e-mail est à un domaine qu'elle a déclaré.",
            )
        else:
            messages.success(
                request,
                f"Votre demande pour rejoindre {demande.collectivite.nom} est envoyée. Vous recevrez la réponse par e-mail.",
            )
        return redirect("comptes:espace")

    collectivite = resultat.collectivite
    automatique = collectivite is not None and actions.domaine_reconnu(request.user, collectivite)
    a_referent = collectivite is not None and actions.a_un_referent(collectivite)
    deja_membre = (
        collectivite is not None and Appartenance.objects.filter(user=request.user, collectivite=collectivite).exists()
    )
    return render(
        request,
        "comptes/demander.html",
        {
            "resultat": resultat,
            "form": form,
            "automatique": automatique,
            "a_referent": a_referent,
            "deja_membre": deja_membre,
        },
    )


@login_required
@require_POST
def annuler_demande(request, pk):
    """The requester withdraws their pending request; anyone else gets a 404."""
    demande = get_demande_for_user(request, pk)
    try:
        actions.annuler_demande(demande=demande, par=request.user)
    except ValidationError as error:
        messages.error(request, _message_erreur(error))
    else:
        messages.success(request, f"Votre demande pour {demande.collectivite.nom} est annulée.")
    return redirect("comptes:espace")


def _page_membres(request, collectivite, *, domaine_form=None, status=200):
    membres = list(
        collectivite.appartenances.select_related("user").order_by("-role", "user__last_name", "user__email")
    )
    nb_referents = sum(1 for m in membres if m.role == Role.REFERENT)
    for membre in membres:
        membre.role_form = RoleForm(initial={"role": membre.role}, prefix=f"membre-{membre.pk}")
        membre.dernier_referent = membre.role == Role.REFERENT and nb_referents == 1
    demandes = list(collectivite.demandes_adhesion.en_attente().select_related("user").order_by("created_at"))
    role_defaut = Role.CONTRIBUTEUR if nb_referents else Role.REFERENT
    for demande in demandes:
        demande.form = DecisionForm(initial={"role": role_defaut}, prefix=f"demande-{demande.pk}")
    return render(
        request,
        "comptes/membres.html",
        {
            "collectivite": collectivite,
            "membres": membres,
            "nb_referents": nb_referents,
            "demandes": demandes,
            "domaines": list(collectivite.domaines.all()),
            "domaine_form": domaine_form or DomaineForm(collectivite=collectivite),
            "equipe": request.user.is_staff,
        },
        status=status,
    )


@login_required
@require_safe
def membres(request, code):
    """Members, pending requests and e-mail domains of a collectivité: for its référents and staff; 404 for
    anyone else (contributeurs included, who see their référents on /espace/)."""
    collectivite = get_collectivite_for_user(request, code)
    return _page_membres(request, collectivite)


@login_required
@require_POST
def decider(request, pk):
    """Accept or refuse a pending request: a référent of its collectivité or staff; 404 for anyone else."""
    demande = get_demande_for_user(request, pk, decider=True)
    form = DecisionForm(request.POST, prefix=f"demande-{demande.pk}")
    if not form.is_valid():
        messages.error(request, "Choisissez « Accepter » ou « Refuser » avant de valider la décision.")
        return redirect("comptes:membres", demande.collectivite.code)
    try:
        if form.cleaned_data["decision"] == DecisionForm.ACCEPTER:
            actions.accepter_demande(demande=demande, par=request.user, role=form.cleaned_data["role"])
            messages.success(request, f"{nom_affiche(demande.user)} est membre de {demande.collectivite.nom}.")
        else:
            actions.refuser_demande(demande=demande, par=request.user, motif=form.cleaned_data["motif"])
            messages.success(request, f"La demande de {nom_affiche(demande.user)} est refusée.")
    except ValidationError as error:
        messages.error(request, _message_erreur(error))
    return redirect("comptes:membres", demande.collectivite.code)


@login_required
@require_POST
def changer_role(request, pk):
    """Change a member's role: a référent of the collectivité or staff (a collectivité keeps one référent)."""
    appartenance = get_appartenance_for_user(request, pk)
    collectivite = get_collectivite_for_user(request, appartenance.collectivite.code)
    form = RoleForm(request.POST, prefix=f"membre-{appartenance.pk}")
    if form.is_valid():
        try:
            actions.changer_role(appartenance=appartenance, role=form.cleaned_data["role"], par=request.user)
        except ValidationError as error:
            messages.error(request, _message_erreur(error))
        else:
            messages.success(
                request, f"{nom_affiche(appartenance.user)} est maintenant {appartenance.get_role_display().lower()}."
            )
    else:
        messages.error(request, "Choisissez un rôle.")
    return redirect("comptes:membres", collectivite.code)


@login_required
@require_POST
def retirer(request, pk):
    """Remove a member (a référent of the collectivité or staff), or leave it (the member themselves)."""
    appartenance = get_appartenance_for_user(request, pk)
    soi_meme = appartenance.user_id == request.user.pk
    try:
        actions.retirer_membre(appartenance=appartenance, par=request.user)
    except ValidationError as error:
        messages.error(request, _message_erreur(error))
        if soi_meme:
            return redirect("comptes:espace")
        return redirect("comptes:membres", appartenance.collectivite.code)
    if soi_meme:
        messages.success(request, f"Vous avez quitté {appartenance.collectivite.nom}.")
        return redirect("comptes:espace")
    messages.success(
        request, f"{nom_affiche(appartenance.user)} ne fait plus partie de {appartenance.collectivite.nom}."
    )
    return redirect("comptes:membres", appartenance.collectivite.code)


@login_required
@require_POST
def ajouter_domaine(request, code):
    """Declare an e-mail domain of the collectivité: a référent of it (their own address's domain) or staff."""
    collectivite = get_collectivite_for_user(request, code)
    form = DomaineForm(request.POST, collectivite=collectivite)
    if form.is_valid():
        try:
            domaine = actions.declarer_domaine(
                collectivite=collectivite, domaine=form.cleaned_data["domaine"], par=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Le domaine {domaine.domaine} est déclaré.")
            return redirect("comptes:membres", collectivite.code)
    return _page_membres(request, collectivite, domaine_form=form, status=400)


@login_required
@require_POST
def retirer_domaine(request, pk):
    """Withdraw a declared domain: a référent of the collectivité or staff."""
    domaine = get_domaine_for_user(request, pk)
    actions.retirer_domaine(domaine=domaine, par=request.user)
    messages.success(request, f"Le domaine {domaine.domaine} n'est plus déclaré.")
    return redirect("comptes:membres", domaine.collectivite.code)

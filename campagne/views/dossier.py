"""The dossier of a candidature: the page, saving an answer as one types (htmx), confirming a copied answer,
presence, submitting, staff's reopening and kind correction, the PDF summary and the joined files.

Access: get_candidature_for_user (members of the collectivité, any role, and staff with two-factor
authentication see; members write; others 404; staff without it are sent to turn it on). The endpoints called
by the page's scripts answer 401 with a French fragment when the session has expired, instead of redirecting to
the login page: the page keeps what was typed and says how to log in again.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from fiches.mosaique import calculer_mosaique
from label.enums import Categorie
from label.models import Edition

from ..access import get_candidature_for_user
from ..actions import (
    ConflitDeReponse,
    confirmer_reponse,
    corriger_categorie,
    enregistrer_reponse,
    noter_presence,
    rouvrir_dossier,
    soumettre_dossier,
)
from ..calendrier import PARIS, jours_avant
from ..courriels import nom_recapitulatif
from ..dossier import Ligne, contenu, est_pret, fiches_du_dossier, liste_de_controle, progression, questionnaire_de
from ..enums import TypeQuestion
from ..fichiers import type_mime
from ..forms import CategorieForm, RouvrirForm
from ..models import Question, RefusDossier, Reponse


def connexion_requise(vue):
    """Signed-in users; an expired session gets a 401 fragment for htmx requests, the login page otherwise."""

    @wraps(vue)
    def verifiee(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.htmx:
                return render(request, "campagne/_session_expiree.html", status=401)
            return login_required(vue)(request, *args, **kwargs)
        return vue(request, *args, **kwargs)

    return verifiee


def _contexte(request, candidature, droits):
    maintenant = timezone.now()
    questionnaire = questionnaire_de(candidature)
    blocs = contenu(candidature, questionnaire)
    fiches = fiches_du_dossier(candidature)
    points = liste_de_controle(candidature, blocs, fiches)
    limite = candidature.date_limite
    publiees = Edition.objects.publiees().order_by("-annee").first()
    return {
        "candidature": candidature,
        "edition": candidature.edition,
        "collectivite": candidature.collectivite,
        "droits": droits,
        "questionnaire": questionnaire,
        "blocs": blocs,
        "modifiable": droits.membre and candidature.est_modifiable(maintenant),
        "fiches": fiches,
        "points": points,
        "pret": est_pret(points),
        "progression": progression(blocs),
        "limite": timezone.localtime(limite, PARIS) if limite else None,
        "jours_restants": jours_avant(limite, maintenant) if limite and maintenant < limite else None,
        "delai_depasse": candidature.delai_depasse(maintenant),
        "mosaique": calculer_mosaique(candidature.collectivite, candidature.edition, derniere_publiee=publiees),
        "editions_mosaique": [],
        "nom": candidature.collectivite.nom,
        "journal": candidature.evenements.select_related("par"),
        "rouvrir_form": RouvrirForm() if droits.equipe else None,
        "categorie_form": CategorieForm(initial={"categorie": candidature.categorie}) if droits.equipe else None,
    }


@login_required
@require_safe
def dossier(request, annee, code):
    """The dossier: questionnaire (saved as one types), fiches, mosaïque, checklist, submission, journal.

    Members of the collectivité (any role) see it and answer while it is not submitted and before the deadline;
    only a référent submits. Staff see every dossier read-only, and may reopen it or correct its kind.
    Anyone else: 404.
    """
    candidature, droits = get_candidature_for_user(request, annee, code)
    return render(request, "campagne/dossier.html", _contexte(request, candidature, droits))


@connexion_requise
@require_safe
def etat_dossier(request, annee, code):
    """The live part of the dossier (fiches, mosaïque, checklist), refreshed by the page. Who may see the dossier."""
    candidature, droits = get_candidature_for_user(request, annee, code)
    return render(request, "campagne/_etat_dossier.html", _contexte(request, candidature, droits))


def _refus(request, refus):
    """403 with the reason, marked so that the page's script tells it from a failed CSRF check."""
    reponse = render(request, "campagne/_refus.html", {"message": str(refus)}, status=403)
    reponse["X-Dossier-Refus"] = "1"
    return reponse


def _question(candidature, pk):
    questionnaire = questionnaire_de(candidature)
    return get_object_or_404(Question.objects.select_related("section"), pk=pk, questionnaire=questionnaire)


def _ligne(candidature, question):
    reponse = (
        Reponse.objects.filter(candidature=candidature, question=question)
        .select_related("question", "modifiee_par", "reprise_de__question__questionnaire__edition")
        .first()
    )
    return Ligne(question, reponse)


def _fragment_question(request, candidature, droits, ligne, *, status=200, **extra):
    contexte = {
        "candidature": candidature,
        "ligne": ligne,
        "modifiable": droits.membre and candidature.est_modifiable(),
        "droits": droits,
    } | extra
    return render(request, "campagne/_question.html", contexte, status=status)


@connexion_requise
@require_safe
def question(request, annee, code, pk):
    """One question of the dossier with its answer as saved now (after a conflict, « keep theirs »).
    Who may see the dossier."""
    candidature, droits = get_candidature_for_user(request, annee, code)
    question = _question(candidature, pk)
    return _fragment_question(request, candidature, droits, _ligne(candidature, question))


@connexion_requise
@require_POST
def enregistrer(request, annee, code, pk):
    """Save one answer (htmx, as the person types). Members of the collectivité while the dossier may change.

    Answers: 200 with the saved status (and the new version); 409 when someone saved since `version`, with their
    value next to yours; 422 for a value that is not acceptable (what was typed stays in the field); 403 when
    the dossier no longer changes (submitted, deadline past). Without htmx, redirects to the question.
    """
    candidature, droits = get_candidature_for_user(request, annee, code, write=True)
    question = _question(candidature, pk)
    try:
        version = int(request.POST.get("version_choisie") or request.POST.get("version") or 0)
    except ValueError:
        version = -1
    valeurs = request.POST.getlist("valeur")
    fichier = request.FILES.get("fichier")
    ligne_vide = Ligne(question, None)
    try:
        reponse = enregistrer_reponse(
            candidature=candidature,
            question=question,
            valeurs=valeurs,
            version=version,
            par=request.user,
            fichier=fichier,
        )
    except RefusDossier as refus:
        if not request.htmx:
            messages.error(request, str(refus))
            return redirect(candidature)
        return _refus(request, refus)
    except ConflitDeReponse as conflit:
        if request.htmx and question.type == TypeQuestion.FICHIER:
            erreur = "quelqu'un a envoyé un autre fichier entre-temps : voyez-le ci-dessus, et renvoyez le vôtre s'il le faut."
            ligne = Ligne(question, conflit.actuelle)
            return _fragment_question(request, candidature, droits, ligne, status=409, erreur=erreur)
        if not request.htmx:
            messages.error(request, "Quelqu'un a modifié cette réponse entre-temps : voyez sa version et choisissez.")
            return redirect(reverse("campagne:dossier", args=[annee, code]) + f"#{question.ancre}")
        actuelle = conflit.actuelle
        return render(
            request,
            "campagne/_etat_reponse.html",
            {
                "candidature": candidature,
                "ligne": Ligne(question, actuelle),
                "conflit": True,
                "ma_valeur": " ; ".join(v.strip() for v in valeurs if v.strip()),
                "leur_valeur": actuelle.lisible(),
                "leur_auteur": actuelle.modifiee_par,
                "leur_moment": timezone.localtime(actuelle.modifiee_le, PARIS),
                "version_affichee": version,
            },
            status=409,
        )
    except ValidationError as erreur:
        if not request.htmx:
            messages.error(request, f"{question.libelle} : {' '.join(erreur.messages)}")
            return redirect(reverse("campagne:dossier", args=[annee, code]) + f"#{question.ancre}")
        if question.type == TypeQuestion.FICHIER:  # the file form replaces its whole question
            ligne = _ligne(candidature, question)
            return _fragment_question(request, candidature, droits, ligne, status=422, erreur=" ".join(erreur.messages))
        return render(
            request,
            "campagne/_etat_reponse.html",
            {
                "candidature": candidature,
                "ligne": _ligne(candidature, question) if version else ligne_vide,
                "erreur": " ".join(erreur.messages),
                "version_affichee": version,
            },
            status=422,
        )
    if not request.htmx:
        messages.success(request, f"Réponse enregistrée : « {question.libelle} ».")
        return redirect(reverse("campagne:dossier", args=[annee, code]) + f"#{question.ancre}")
    ligne = Ligne(question, reponse)
    if question.type == TypeQuestion.FICHIER:
        reponse = _ligne(candidature, question).reponse
        reponse_http = _fragment_question(
            request, candidature, droits, Ligne(question, reponse), vient_d_enregistrer=True
        )
    else:
        reponse_http = render(
            request,
            "campagne/_etat_reponse.html",
            {"candidature": candidature, "ligne": ligne, "enregistre": True, "version_affichee": reponse.version},
        )
    reponse_http["HX-Trigger"] = "reponse-enregistree"
    return reponse_http


@connexion_requise
@require_POST
def confirmer(request, annee, code, pk):
    """Confirm an answer copied from last year as it is. Members of the collectivité while the dossier may change."""
    candidature, droits = get_candidature_for_user(request, annee, code, write=True)
    question = _question(candidature, pk)
    reponse = get_object_or_404(Reponse, candidature=candidature, question=question)
    try:
        reponse = confirmer_reponse(candidature=candidature, reponse=reponse, par=request.user)
    except RefusDossier as refus:
        if not request.htmx:
            messages.error(request, str(refus))
            return redirect(candidature)
        return _refus(request, refus)
    if not request.htmx:
        messages.success(request, f"Réponse confirmée : « {question.libelle} ».")
        return redirect(reverse("campagne:dossier", args=[annee, code]) + f"#{question.ancre}")
    reponse_http = _fragment_question(request, candidature, droits, _ligne(candidature, question), confirmee=True)
    reponse_http["HX-Trigger"] = "reponse-enregistree"
    return reponse_http


@connexion_requise
@require_POST
def presence(request, annee, code):
    """Record that the user has the dossier open; list the others seen in the last minute. Who may see the dossier."""
    candidature, droits = get_candidature_for_user(request, annee, code)
    autres = noter_presence(candidature=candidature, user=request.user)
    return render(request, "campagne/_presence.html", {"autres": autres, "maintenant": timezone.now()})


@login_required
@require_POST
def soumettre(request, annee, code):
    """Submit the dossier. A référent of the collectivité, before the deadline, with a complete checklist.
    Other members get the reason; anyone else 404."""
    candidature, droits = get_candidature_for_user(request, annee, code, write=True)
    if not droits.referent:
        messages.error(request, "Seul un référent de la collectivité peut soumettre le dossier.")
        return redirect(candidature)
    try:
        soumettre_dossier(candidature=candidature, par=request.user)
    except RefusDossier as refus:
        messages.error(request, str(refus))
        return redirect(candidature)
    messages.success(
        request,
        "Dossier soumis. Un accusé de réception a été envoyé aux référents ; le récapitulatif PDF est "
        "téléchargeable ci-dessous.",
    )
    return redirect(candidature)


def _equipe(request, annee, code):
    candidature, droits = get_candidature_for_user(request, annee, code)
    if not droits.equipe:
        raise Http404("Dossier introuvable.")
    return candidature


@login_required
@require_POST
def rouvrir(request, annee, code):
    """Reopen a submitted dossier with a reason (journal) and, if needed, a deadline of its own. Staff only."""
    candidature = _equipe(request, annee, code)
    form = RouvrirForm(request.POST)
    if not form.is_valid():
        for erreurs in form.errors.values():
            for erreur in erreurs:
                messages.error(request, erreur)
        return redirect(candidature)
    try:
        rouvrir_dossier(
            candidature=candidature,
            par=request.user,
            motif=form.cleaned_data["motif"],
            echeance=form.cleaned_data["echeance"],
        )
    except RefusDossier as refus:
        messages.error(request, str(refus))
        return redirect(candidature)
    messages.success(request, "Dossier rouvert : la collectivité peut le modifier et le soumettre à nouveau.")
    return redirect(candidature)


@login_required
@require_POST
def categorie(request, annee, code):
    """Correct the kind of a candidature not submitted (the answers follow by question key). Staff only."""
    candidature = _equipe(request, annee, code)
    form = CategorieForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Catégorie inconnue.")
        return redirect(candidature)
    try:
        corriger_categorie(candidature=candidature, categorie=form.cleaned_data["categorie"], par=request.user)
    except RefusDossier as refus:
        messages.error(request, str(refus))
        return redirect(candidature)
    messages.success(request, f"Catégorie corrigée : {Categorie(candidature.categorie).label.lower()}.")
    return redirect(candidature)


@login_required
@require_safe
def recapitulatif(request, annee, code):
    """The PDF summary of the dossier. Who may see the dossier. A submitted dossier's PDF is the one made at
    submission (made and kept now if it has none); otherwise a draft made on the fly."""
    from ..recapitulatif import enregistrer_recapitulatif, pdf_recapitulatif

    candidature, droits = get_candidature_for_user(request, annee, code)
    if candidature.est_soumise:
        if not candidature.recapitulatif:
            enregistrer_recapitulatif(candidature)
        fichier = candidature.recapitulatif.open("rb")
        return FileResponse(
            fichier, as_attachment=True, filename=nom_recapitulatif(candidature), content_type="application/pdf"
        )
    reponse = HttpResponse(pdf_recapitulatif(candidature), content_type="application/pdf")
    reponse["Content-Disposition"] = f'attachment; filename="brouillon-{nom_recapitulatif(candidature)}"'
    return reponse


@login_required
@require_safe
def fichier(request, annee, code, pk):
    """A file joined to an answer, as an attachment. Who may see the dossier."""
    candidature, droits = get_candidature_for_user(request, annee, code)
    question = _question(candidature, pk)
    reponse = get_object_or_404(Reponse, candidature=candidature, question=question)
    if not reponse.fichier:
        raise Http404("Aucun fichier.")
    nom = reponse.nom_fichier or reponse.fichier.name.rsplit("/", 1)[-1]
    return FileResponse(reponse.fichier.open("rb"), as_attachment=True, filename=nom, content_type=type_mime(nom))


prefixe = "dossiers/<int:annee>/<str:code>/"
urlpatterns = [
    path(prefixe, dossier, name="dossier"),
    path(prefixe + "etat/", etat_dossier, name="etat_dossier"),
    path(prefixe + "questions/<int:pk>/", question, name="question"),
    path(prefixe + "questions/<int:pk>/enregistrer/", enregistrer, name="enregistrer"),
    path(prefixe + "questions/<int:pk>/confirmer/", confirmer, name="confirmer"),
    path(prefixe + "questions/<int:pk>/fichier/", fichier, name="fichier"),
    path(prefixe + "presence/", presence, name="presence"),
    path(prefixe + "soumettre/", soumettre, name="soumettre"),
    path(prefixe + "rouvrir/", rouvrir, name="rouvrir"),
    path(prefixe + "categorie/", categorie, name="categorie"),
    path(prefixe + "recapitulatif.pdf", recapitulatif, name="recapitulatif"),
]

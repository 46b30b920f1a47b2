"""The deliberation's pages, for the jury and staff, all behind two-factor authentication (jury.access.mfa_requise)
and deliberation.access (anyone else: 404; a conflicted juror never reaches a dossier they are in conflict with).

/deliberation/                              the éditions the user deliberates on
/deliberation/<annee>/                      the screen: dossiers grouped by the experts' proposal, with filters
/deliberation/<annee>/dossiers/<pk>/        one dossier: evaluations, mosaïque, history, the decision form
/deliberation/<annee>/dossiers/<pk>/decision/    POST: record or change the draft decision (jurés, président)
/deliberation/<annee>/dossiers/<pk>/amendement/  POST: amend after the closure (président, staff)
/deliberation/<annee>/ouverture/            POST: évaluation → délibération (staff)
/deliberation/<annee>/cloture/              POST: close the deliberation (président)
/deliberation/<annee>/journal/              the journal of the deliberation
/deliberation/<annee>/publication/          the publication date (staff)
"""

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from fiches.mosaique import calculer_mosaique
from jury.access import evaluations_visibles, mfa_requise
from jury.conflits import candidatures_visibles
from jury.enums import RoleJury
from jury.models import Note, RoleEdition
from label.enums import StatutEdition
from label.models import CategorieMention, Edition, Labellisation

from . import actions
from .access import get_dossier_deliberation, get_edition_deliberation
from .ecran import Dossier, dossiers_a_deliberer, grouper, niveaux_precedents
from .enums import TypeEntree
from .forms import AmendementForm, DecisionForm, FiltresForm, PublicationForm
from .models import Decision, EntreeJournal


@mfa_requise
@require_safe
def index(request):
    """The éditions whose deliberation the user may see: staff, and the jurés and présidents of an édition.
    Anyone else: 404."""
    if request.user.is_staff:
        editions = Edition.objects.all()
    else:
        editions = Edition.objects.filter(
            roles_jury__user=request.user, roles_jury__role__in=[RoleJury.JURE, RoleJury.PRESIDENT]
        ).distinct()
    # Éditions being judged, and those closed by a deliberation on this site (not the imported history).
    editions = list(
        editions.filter(
            Q(statut__in=[StatutEdition.EVALUATION, StatutEdition.DELIBERATION])
            | Q(journal_deliberation__type=TypeEntree.CLOTURE)
        )
        .distinct()
        .order_by("-annee")
    )
    if not editions and not request.user.is_staff:
        raise Http404("Page introuvable.")
    return render(request, "deliberation/index.html", {"editions": editions})


@mfa_requise
@require_safe
def ecran(request, annee):
    """The deliberation screen of `annee`. Jurés, président, staff (anyone else: 404). Never a dossier the user is
    in conflict with, nor any count that includes one. Filters as GET parameters (kind, région, disagreement)."""
    edition, droits = get_edition_deliberation(request, annee)
    filtres_form = FiltresForm(request.GET or None)
    filtres = filtres_form.valeurs() if request.GET else {}
    dossiers = dossiers_a_deliberer(request.user, edition, filtres)
    decides = sum(1 for dossier in dossiers if dossier.decision)
    return render(
        request,
        "deliberation/ecran.html",
        {
            "edition": edition,
            "droits": droits,
            "filtres_form": filtres_form,
            "filtre": bool(filtres),
            "groupes": grouper(dossiers),
            "nombre": len(dossiers),
            "decides": decides,
            "desaccords": sum(1 for dossier in dossiers if dossier.desaccord),
            "cloture": actions.cloture_de(edition) if edition.statut == StatutEdition.CLOSE else None,
        },
    )


def _contexte_dossier(request, edition, droits, candidature, *, form=None, amendement_form=None):
    collectivite = candidature.collectivite
    evaluations = list(
        evaluations_visibles(request.user, candidature)  # hidden from a juré-expert until theirs is submitted
        .soumises()
        .select_related("expert")
        .prefetch_related(Prefetch("notes", queryset=Note.objects.select_related("critere")))
        .order_by("soumise_le", "pk")
    )
    decision = Decision.objects.avec_mentions().filter(candidature=candidature).first()
    titre_possible = collectivite.pk in actions.titres_possibles(edition, [collectivite.pk])
    dossier = Dossier(
        candidature=candidature,
        evaluations=evaluations,
        niveau_precedent=niveaux_precedents(edition, [collectivite.pk]).get(collectivite.pk),
        titre_possible=titre_possible,
        decision=decision,
    )
    categories = CategorieMention.objects.filter(edition=edition).order_by("nom")
    ouverte = edition.statut == StatutEdition.DELIBERATION
    close = edition.statut == StatutEdition.CLOSE
    if form is None and droits.decider and ouverte:
        form = DecisionForm(
            initial=DecisionForm.initial_de(decision), categories=categories, titre_possible=titre_possible
        )
    if amendement_form is None and droits.amender and close and decision is not None:
        amendement_form = AmendementForm(
            initial=DecisionForm.initial_de(decision), categories=categories, titre_possible=titre_possible
        )
    derniere_publiee = Edition.objects.publiees().order_by("-annee").first()
    return {
        "edition": edition,
        "droits": droits,
        "candidature": candidature,
        "collectivite": collectivite,
        "dossier": dossier,
        "decision": decision,
        "form": form,
        "amendement_form": None if form is not None and form.is_bound else amendement_form,
        "historique": Labellisation.objects.publiees()
        .filter(collectivite=collectivite)
        .select_related("edition")
        .order_by("-edition__annee"),
        "mosaique": calculer_mosaique(collectivite, edition, derniere_publiee=derniere_publiee),
        "editions_mosaique": [],
        "nom": collectivite.nom,
        "journal": EntreeJournal.objects.filter(candidature=candidature).select_related("par"),
    }


@mfa_requise
@require_safe
def dossier(request, annee, pk):
    """One dossier in the deliberation: the experts' evaluations, last year's level and the published history, the
    mosaïque, the decision (a form for jurés and the président while the deliberation is open; the amendment form
    for the président and staff once it is closed) and its journal. Jurés, président, staff; never a person in
    conflict with the dossier (404), nor anyone else."""
    edition, droits = get_edition_deliberation(request, annee)
    candidature = get_dossier_deliberation(request, edition, pk)
    return render(request, "deliberation/dossier.html", _contexte_dossier(request, edition, droits, candidature))


def _lien_dossier(edition, candidature):
    return reverse("deliberation:dossier", args=[edition.annee, candidature.pk])


@mfa_requise
@require_POST
def decision(request, annee, pk):
    """Record or change the draft decision on a dossier. Jurés and the président, not in conflict with it; staff and
    anyone else: 404 (staff see the deliberation, the jury decides)."""
    edition, droits = get_edition_deliberation(request, annee)
    candidature = get_dossier_deliberation(request, edition, pk)
    if not droits.decider:
        raise Http404("Page introuvable.")
    titre_possible = candidature.collectivite_id in actions.titres_possibles(edition, [candidature.collectivite_id])
    categories = CategorieMention.objects.filter(edition=edition).order_by("nom")
    form = DecisionForm(request.POST, categories=categories, titre_possible=titre_possible)
    status = 400
    if form.is_valid():
        try:
            actions.decider(
                candidature=candidature,
                par=request.user,
                arobases=form.cleaned_data["arobases"],
                mentions=form.mentions(),
                motifs=form.cleaned_data["motifs"],
                titre_confirme=form.titre_confirme(),
                version=form.cleaned_data["version"],
            )
        except actions.ConflitDeDecision as refus:
            form.add_error(None, str(refus))
            status = 409
        except actions.RefusDeliberation as refus:
            form.add_error(None, str(refus))
        else:
            messages.success(request, f"Décision enregistrée pour {candidature.collectivite.nom}.")
            return redirect(_lien_dossier(edition, candidature))
    contexte = _contexte_dossier(request, edition, droits, candidature, form=form)
    return render(request, "deliberation/dossier.html", contexte, status=status)


@mfa_requise
@require_POST
def amendement(request, annee, pk):
    """Amend a decision after the closure, with a reason. The président and staff, not in conflict with the dossier;
    anyone else: 404."""
    edition, droits = get_edition_deliberation(request, annee)
    candidature = get_dossier_deliberation(request, edition, pk)
    decision = Decision.objects.filter(candidature=candidature).first()
    if not droits.amender or decision is None:
        raise Http404("Page introuvable.")
    titre_possible = candidature.collectivite_id in actions.titres_possibles(edition, [candidature.collectivite_id])
    categories = CategorieMention.objects.filter(edition=edition).order_by("nom")
    form = AmendementForm(request.POST, categories=categories, titre_possible=titre_possible)
    if form.is_valid():
        try:
            actions.amender(
                decision=decision,
                par=request.user,
                motif=form.cleaned_data["motif"],
                arobases=form.cleaned_data["arobases"],
                mentions=form.mentions(),
                motifs=form.cleaned_data["motifs"],
                titre_confirme=form.titre_confirme(),
            )
        except actions.RefusDeliberation as refus:
            form.add_error(None, str(refus))
        else:
            messages.success(request, f"Amendement enregistré pour {candidature.collectivite.nom}.")
            return redirect(_lien_dossier(edition, candidature))
    contexte = _contexte_dossier(request, edition, droits, candidature, amendement_form=form)
    return render(request, "deliberation/dossier.html", contexte, status=400)


@mfa_requise
@require_POST
def ouverture(request, annee):
    """Open the deliberation (évaluation → délibération). Staff; anyone else: 404."""
    edition, droits = get_edition_deliberation(request, annee)
    if not droits.ouvrir:
        raise Http404("Page introuvable.")
    try:
        actions.ouvrir_deliberation(edition=edition, par=request.user)
    except actions.RefusDeliberation as refus:
        messages.error(request, str(refus))
    else:
        messages.success(request, "La délibération est ouverte : le jury peut enregistrer ses décisions.")
    return redirect("deliberation:ecran", edition.annee)


@mfa_requise
@require_POST
def cloture(request, annee):
    """Close the deliberation. The président of the édition; anyone else: 404."""
    edition, droits = get_edition_deliberation(request, annee)
    if not droits.clore:
        raise Http404("Page introuvable.")
    if request.POST.get("confirmation") != "oui":
        messages.error(request, "Cochez la case de confirmation pour clore la délibération.")
        return redirect("deliberation:ecran", edition.annee)
    try:
        actions.clore_deliberation(edition=edition, par=request.user)
    except actions.DossiersEnSuspens as refus:
        # Only the dossiers the président may see are named (never one they are in conflict with).
        noms = list(
            candidatures_visibles(request.user, edition)
            .filter(pk__in=refus.candidature_ids)
            .order_by("collectivite__nom")
            .values_list("collectivite__nom", flat=True)
        )
        messages.error(request, f"{refus} {'Parmi eux : ' + ', '.join(noms) + '.' if noms else ''}".strip())
    except actions.RefusDeliberation as refus:
        messages.error(request, str(refus))
    else:
        messages.success(
            request, "Délibération close : les décisions sont arrêtées. Elles restent secrètes jusqu'à la publication."
        )
    return redirect("deliberation:ecran", edition.annee)


@mfa_requise
@require_safe
def journal(request, annee):
    """The journal of the deliberation of `annee`: who changed what, when, why. Jurés, président, staff; the entries
    of a dossier the user is in conflict with are left out. Anyone else: 404."""
    edition, droits = get_edition_deliberation(request, annee)
    visibles = candidatures_visibles(request.user, edition).values("pk")
    entrees = (
        EntreeJournal.objects.filter(edition=edition)
        .filter(Q(candidature__isnull=True) | Q(candidature__in=visibles))
        .select_related("par", "candidature__collectivite")
        .order_by("-created_at", "-pk")
    )
    return render(request, "deliberation/journal.html", {"edition": edition, "droits": droits, "entrees": entrees})


@mfa_requise
@require_http_methods(["GET", "HEAD", "POST"])
def publication(request, annee):
    """The date and time the results of `annee` become public (the ceremony). Staff; anyone else: 404."""
    edition, droits = get_edition_deliberation(request, annee)
    if not droits.publier:
        raise Http404("Page introuvable.")
    if request.method == "POST":
        form = PublicationForm(request.POST)
        if form.is_valid():
            try:
                actions.programmer_publication(
                    edition=edition, par=request.user, publication_at=form.cleaned_data["publication_at"]
                )
            except actions.RefusDeliberation as refus:
                form.add_error("publication_at", str(refus))
            else:
                messages.success(request, "Date de publication enregistrée.")
                return redirect("deliberation:publication", edition.annee)
        status = 400
    else:
        valeur = timezone.localtime(edition.publication_at) if edition.publication_at else None
        form = PublicationForm(initial={"publication_at": valeur})
        status = 200
    contexte = {
        "edition": edition,
        "droits": droits,
        "form": form,
        "publiee": edition.is_published,
        "modifiable": edition.statut == StatutEdition.CLOSE and not edition.is_published,
        "referents_informes": edition.candidatures.filter(resultat_envoye__isnull=False).count(),
        "jures": RoleEdition.objects.filter(edition=edition).exclude(role=RoleJury.EXPERT).count(),
    }
    return render(request, "deliberation/publication.html", contexte, status=status)

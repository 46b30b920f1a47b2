"""The public calendar of an édition (page and .ics) and the registration of a collectivité."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from comptes.enums import Role
from comptes.models import Appartenance
from label.models import Collectivite, Edition

from ..actions import categorie_pour, inscrire
from ..calendrier import PARIS, calendrier_ics, debut_campagne, etat_campagne, jours_avant
from ..models import Candidature, RefusDossier


def _edition(annee):
    return get_object_or_404(Edition, annee=annee)


@require_safe
def edition_courante(request):
    """/editions/: the édition whose campaign is open, else the next one, else the latest with a calendar. Public."""
    maintenant = timezone.now()
    editions = list(Edition.objects.exclude(campagne_cloture=None).order_by("annee"))
    for edition in editions:
        if etat_campagne(edition, maintenant) in ("ouverte", "a_venir"):
            return redirect("campagne:edition", edition.annee)
    if editions:
        return redirect("campagne:edition", editions[-1].annee)
    raise Http404("Aucune édition n'a encore de calendrier.")


@require_safe
def edition(request, annee):
    """The calendar of an édition: campaign opening and closing, jury, ceremony. Public.

    Nothing about results (they are secret until the ceremony). A signed-in member also sees, for each of
    their collectivités, its dossier or how to register it.
    """
    edition = _edition(annee)
    maintenant = timezone.now()
    etat = etat_campagne(edition, maintenant)
    mes_collectivites = []
    if request.user.is_authenticated:
        appartenances = Appartenance.objects.filter(user=request.user).select_related("collectivite")
        inscrites = set(
            Candidature.objects.filter(
                edition=edition, collectivite__in=[a.collectivite_id for a in appartenances]
            ).values_list("collectivite_id", flat=True)
        )
        mes_collectivites = [
            {
                "collectivite": a.collectivite,
                "referent": a.role == Role.REFERENT,
                "inscrite": a.collectivite_id in inscrites,
            }
            for a in sorted(appartenances, key=lambda a: a.collectivite.nom)
        ]
    return render(
        request,
        "campagne/edition.html",
        {
            "edition": edition,
            "etat": etat,
            "ouverture": debut_campagne(edition),
            "cloture": timezone.localtime(edition.campagne_cloture, PARIS) if edition.campagne_cloture else None,
            "ceremonie": timezone.localtime(edition.ceremonie_date, PARIS) if edition.ceremonie_date else None,
            "jours_restants": jours_avant(edition.campagne_cloture, maintenant) if etat == "ouverte" else None,
            "mes_collectivites": mes_collectivites,
        },
    )


@require_safe
def edition_ics(request, annee):
    """The calendar of an édition as an iCalendar file (RFC 5545). Public."""
    edition = _edition(annee)
    domaine = urlsplit(settings.SITE_URL).hostname or "arobase.invalid"
    url = settings.SITE_URL + reverse("campagne:edition", args=[edition.annee])
    reponse = HttpResponse(
        calendrier_ics(edition, domaine=domaine, url=url), content_type="text/calendar; charset=utf-8"
    )
    reponse["Content-Disposition"] = f'attachment; filename="label-{edition.annee}.ics"'
    return reponse


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def inscription(request, annee):
    """Register one of my collectivités for the édition. Signed-in users; only a référent may register.

    GET lists the user's collectivités, the kind each would compete in and whether it is registered. POST
    (`collectivite` = its code) registers it during the campaign and goes to its dossier; refused otherwise
    with the reason, back on this page.
    """
    edition = _edition(annee)
    if request.method == "POST":
        code = request.POST.get("collectivite", "")
        collectivite = Collectivite.objects.filter(
            code=code, appartenances__user=request.user, appartenances__role=Role.REFERENT
        ).first()
        if collectivite is None:
            messages.error(request, "Seul un référent d'une collectivité peut l'inscrire au label.")
            return redirect("campagne:inscription", edition.annee)
        try:
            candidature = inscrire(edition=edition, collectivite=collectivite, par=request.user)
        except RefusDossier as refus:
            messages.error(request, str(refus))
            return redirect("campagne:inscription", edition.annee)
        reprises = candidature.reponses.count()
        message = f"{collectivite.nom} est inscrite au label {edition.annee} en catégorie « {candidature.get_categorie_display().lower()} »."
        if reprises:
            message += (
                f" Le dossier reprend {reprises} réponse{'s' if reprises > 1 else ''} de l'an passé : "
                "relisez et confirmez chacune."
            )
        messages.success(request, message)
        return redirect(candidature)

    appartenances = (
        Appartenance.objects.filter(user=request.user)
        .select_related("collectivite__commune", "collectivite__epci")
        .order_by("collectivite__nom")
    )
    candidatures = {
        c.collectivite_id: c
        for c in Candidature.objects.filter(
            edition=edition, collectivite__in=[a.collectivite_id for a in appartenances]
        ).select_related("edition", "collectivite")
    }
    lignes = [
        {
            "collectivite": a.collectivite,
            "referent": a.role == Role.REFERENT,
            "candidature": candidatures.get(a.collectivite_id),
            "categorie": categorie_pour(a.collectivite, edition).label,
        }
        for a in appartenances
    ]
    etat = etat_campagne(edition)
    return render(
        request,
        "campagne/inscription.html",
        {
            "edition": edition,
            "etat": etat,
            "lignes": lignes,
            "cloture": timezone.localtime(edition.campagne_cloture, PARIS) if edition.campagne_cloture else None,
        },
    )


urlpatterns = [
    path("editions/", edition_courante, name="edition_courante"),
    path("editions/<int:annee>/", edition, name="edition"),
    path("editions/<int:annee>/calendrier.ics", edition_ics, name="edition_ics"),
    path("editions/<int:annee>/inscription/", inscription, name="inscription"),
]

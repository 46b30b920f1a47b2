"""A member of the jury declares their conflicts of interest for an édition (collectivités, départements, with a
reason) and the départements where they live or work. Their own declarations only; staff read them all on the
conflicts page (jury/views/equipe.py)."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_POST, require_safe

from ..access import get_edition_jury, mfa_requise
from ..forms import AttacheForm, ConflitForm
from ..models import AttacheDepartement, ConflitDeclare, parametres_de


def _page(request, edition, *, conflit_form=None, attache_form=None, status=200):
    contexte = {
        "edition": edition,
        "conflits": ConflitDeclare.objects.filter(user=request.user, edition=edition).select_related(
            "collectivite", "departement"
        ),
        "attaches": AttacheDepartement.objects.filter(user=request.user).select_related("departement"),
        "meme_departement": parametres_de(edition).conflit_meme_departement,
        "conflit_form": conflit_form or ConflitForm(),
        "attache_form": attache_form or AttacheForm(),
    }
    return render(request, "jury/declarations.html", contexte, status=status)


@mfa_requise
@require_safe
def declarations(request, annee):
    """The user's declared conflicts for the édition and their départements of residence or work, with the forms
    to add them. Staff and the édition's jury; others: 404."""
    return _page(request, get_edition_jury(request, annee))


@mfa_requise
@require_POST
def declarer_conflit(request, annee):
    """Declare a conflict (a collectivité or a département, with a reason). Same people as the page."""
    edition = get_edition_jury(request, annee)
    form = ConflitForm(request.POST)
    if not form.is_valid():
        return _page(request, edition, conflit_form=form, status=422)
    ConflitDeclare.objects.create(
        user=request.user,
        edition=edition,
        collectivite=form.cleaned_data["collectivite"],
        departement=form.cleaned_data["departement"],
        motif=form.cleaned_data["motif"],
    )
    messages.success(request, "Conflit déclaré : les dossiers concernés ne vous seront jamais montrés.")
    return redirect("jury:declarations", edition.annee)


@mfa_requise
@require_POST
def retirer_conflit(request, annee, pk):
    """Withdraw one's own declared conflict. Its author only; others: 404."""
    edition = get_edition_jury(request, annee)
    conflit = get_object_or_404(ConflitDeclare, pk=pk, user=request.user, edition=edition)
    conflit.delete()
    messages.success(request, "Déclaration retirée.")
    return redirect("jury:declarations", edition.annee)


@mfa_requise
@require_POST
def declarer_departement(request, annee):
    """Say one lives or works in a département. Same people as the page."""
    edition = get_edition_jury(request, annee)
    form = AttacheForm(request.POST)
    if not form.is_valid():
        return _page(request, edition, attache_form=form, status=422)
    try:
        with transaction.atomic():
            AttacheDepartement.objects.create(user=request.user, **form.cleaned_data)
    except IntegrityError:
        messages.info(request, "Ce département est déjà déclaré.")
    else:
        messages.success(request, "Département enregistré.")
    return redirect("jury:declarations", edition.annee)


@mfa_requise
@require_POST
def retirer_departement(request, annee, pk):
    """Withdraw one's own département. Its author only; others: 404."""
    edition = get_edition_jury(request, annee)
    get_object_or_404(AttacheDepartement, pk=pk, user=request.user).delete()
    messages.success(request, "Département retiré.")
    return redirect("jury:declarations", edition.annee)


urlpatterns = [
    path("<int:annee>/conflits/", declarations, name="declarations"),
    path("<int:annee>/conflits/declarer/", declarer_conflit, name="declarer_conflit"),
    path("<int:annee>/conflits/<int:pk>/retirer/", retirer_conflit, name="retirer_conflit"),
    path("<int:annee>/departements/declarer/", declarer_departement, name="declarer_departement"),
    path("<int:annee>/departements/<int:pk>/retirer/", retirer_departement, name="retirer_departement"),
]

"""Unsubscribing from the campaign's non-essential e-mails through the signed link of a message."""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_http_methods

from ..actions import desabonner, reabonner
from ..courriels import lire_jeton
from ..models import Desabonnement


@require_http_methods(["GET", "HEAD", "POST"])
def desabonnement(request, jeton):
    """Anyone holding the link of an e-mail (the signed token names the person; no login needed).

    GET only shows a button (mail software open links by themselves); POST records the choice, or undoes it
    (`action=reabonner`). A link that is not valid answers 404 with an explanation.
    """
    user_id = lire_jeton(jeton)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        return render(request, "campagne/desabonnement.html", {"invalide": True}, status=404)
    fait = None
    if request.method == "POST":
        if request.POST.get("action") == "reabonner":
            reabonner(user)
            fait = "reabonne"
        else:
            desabonner(user)
            fait = "desabonne"
    return render(
        request,
        "campagne/desabonnement.html",
        {"jeton": jeton, "desabonne": Desabonnement.objects.filter(user=user).exists(), "fait": fait},
    )


urlpatterns = [
    path("campagne/desabonnement/<str:jeton>/", desabonnement, name="desabonnement"),
]

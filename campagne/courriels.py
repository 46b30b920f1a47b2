"""The campaign's e-mails: the receipt of a submitted dossier and the reminders before the deadline.

Each has a plain-text part and an HTML part. Essential messages (the receipt, the J-7 and J-1 reminders: the
dossier is at stake) reach every référent; the J-30 reminder is informative, carries an unsubscribe link (a signed
token, also in a List-Unsubscribe header) and is not sent to those who unsubscribed (models.Desabonnement).
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from comptes.enums import Role
from comptes.models import Appartenance

from .calendrier import PARIS

SEL_DESABONNEMENT = "campagne.desabonnement"


def lien_absolu(chemin):
    return f"{settings.SITE_URL}{chemin}"


def jeton_desabonnement(user):
    return signing.dumps(user.pk, salt=SEL_DESABONNEMENT)


def lire_jeton(jeton):
    """The user id in a valid unsubscribe token, else None."""
    try:
        return int(signing.loads(jeton, salt=SEL_DESABONNEMENT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def lien_desabonnement(user):
    return lien_absolu(reverse("campagne:desabonnement", args=[jeton_desabonnement(user)]))


def _envoyer(*, sujet, gabarit, contexte, a, entetes=None, pieces=()):
    texte = render_to_string(f"campagne/courriels/{gabarit}.txt", contexte)
    html = render_to_string(f"campagne/courriels/{gabarit}.html", contexte)
    message = EmailMultiAlternatives(sujet, texte, settings.DEFAULT_FROM_EMAIL, a, headers=entetes or {})
    message.attach_alternative(html, "text/html")
    for nom, contenu, type_mime in pieces:
        message.attach(nom, contenu, type_mime)
    message.send()


def _contexte(candidature):
    return {
        "candidature": candidature,
        "collectivite": candidature.collectivite,
        "edition": candidature.edition,
        "lien_dossier": lien_absolu(candidature.get_absolute_url()),
        "limite": timezone.localtime(candidature.date_limite, PARIS) if candidature.date_limite else None,
    }


def envoyer_accuse_reception(candidature, *, par):
    """The receipt of a submitted dossier, to the référents and to who submitted it, with the PDF summary."""
    emails = set(
        Appartenance.objects.filter(collectivite_id=candidature.collectivite_id, role=Role.REFERENT)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if par.email:
        emails.add(par.email)
    if not emails:
        return
    contexte = _contexte(candidature) | {
        "par": par,
        "soumise_le": timezone.localtime(candidature.soumise_le, PARIS),
    }
    pieces = []
    if candidature.recapitulatif:
        with candidature.recapitulatif.open("rb") as fichier:
            pieces.append((nom_recapitulatif(candidature), fichier.read(), "application/pdf"))
    _envoyer(
        sujet=f"Dossier reçu : {candidature.collectivite.nom}, label {candidature.edition.annee}",
        gabarit="accuse_reception",
        contexte=contexte,
        a=sorted(emails),
        pieces=pieces,
    )


def nom_recapitulatif(candidature):
    return f"dossier-{candidature.edition.annee}-{candidature.collectivite.code}.pdf"


def envoyer_rappel(candidature, *, user, type_, jours, essentiel):
    """One reminder to one référent (each gets their own unsubscribe link when the message is not essential)."""
    contexte = _contexte(candidature) | {"user": user, "jours": jours, "essentiel": essentiel}
    entetes = {}
    if not essentiel:
        lien = lien_desabonnement(user)
        contexte["lien_desabonnement"] = lien
        entetes["List-Unsubscribe"] = f"<{lien}>"
    if jours == 0:
        quand = "aujourd'hui"
    elif jours == 1:
        quand = "demain"
    else:
        quand = f"dans {jours} jours"
    contexte["quand"] = quand
    _envoyer(
        sujet=f"Label {candidature.edition.annee} : clôture des candidatures {quand} — {candidature.collectivite.nom}",
        gabarit="rappel",
        contexte=contexte,
        a=[user.email],
        entetes=entetes,
    )

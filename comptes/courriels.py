"""E-mails about belonging: a decision on a join request (to the requester), a new request (to those who
decide). Plain text, French, sent through Django's e-mail backend (console by default, SMTP in production).
All of them are essential messages about the person's own account: no unsubscribe link."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Appartenance, nom_affiche

PREFIXE = "[Label Villes Internet] "


def url_absolue(chemin):
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/") + chemin


def envoyer(gabarit, *, destinataires, contexte):
    """Render comptes/courriels/<gabarit>_sujet.txt and <gabarit>.txt and send them; nothing if no recipient."""
    destinataires = sorted({d for d in destinataires if d})
    if not destinataires:
        return 0
    contexte = {"url_espace": url_absolue(reverse("comptes:espace")), **contexte}
    sujet = render_to_string(f"comptes/courriels/{gabarit}_sujet.txt", contexte).strip()
    corps = render_to_string(f"comptes/courriels/{gabarit}.txt", contexte)
    return send_mail(PREFIXE + sujet, corps, None, destinataires)


def decideurs(collectivite):
    """Who decides the requests of a collectivité: its référents, or staff when it has none."""
    referents = list(
        Appartenance.objects.referents().filter(collectivite=collectivite).values_list("user__email", flat=True)
    )
    if referents:
        return referents, False
    equipe = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return list(equipe.values_list("email", flat=True)), True


def decision(demande):
    """Tell the requester the decision on their request."""
    gabarit = "demande_acceptee" if demande.role else "demande_refusee"
    return envoyer(
        gabarit,
        destinataires=[demande.user.email],
        contexte={"demande": demande, "collectivite": demande.collectivite, "nom": nom_affiche(demande.user)},
    )


def nouvelle_demande(demande):
    """Tell those who decide that someone asks to join (or joined at once, by the domain of their address)."""
    destinataires, equipe = decideurs(demande.collectivite)
    chemin = reverse("comptes:membres", args=[demande.collectivite.code])
    return envoyer(
        "nouvelle_demande",
        destinataires=[d for d in destinataires if d != demande.user.email],
        contexte={
            "demande": demande,
            "collectivite": demande.collectivite,
            "nom": nom_affiche(demande.user),
            "equipe": equipe,
            "url_membres": url_absolue(chemin),
        },
    )

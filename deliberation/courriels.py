"""The e-mail of the result, sent to each référent after publication (deliberation.actions.envoyer_resultats).

A service message (the collectivité's own result): a plain-text part and an HTML part, with a link to the
dossier page, where the jury's feedback is, and to the public page of the collectivité.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse


def lien_absolu(chemin):
    return f"{settings.SITE_URL}{chemin}"


def envoyer_resultat(candidature, labellisation, *, user):
    """The result of `candidature` (its published `labellisation`) to one référent."""
    mentions = sorted(labellisation.mentions.all(), key=lambda mention: mention.categorie.nom)
    contexte = {
        "user": user,
        "candidature": candidature,
        "collectivite": candidature.collectivite,
        "edition": candidature.edition,
        "labellisation": labellisation,
        "mentions": mentions,
        "lien_dossier": lien_absolu(candidature.get_absolute_url()),
        "lien_collectivite": lien_absolu(reverse("label:collectivite", args=[candidature.collectivite.code])),
        "lien_palmares": lien_absolu(reverse("palmares:edition", args=[candidature.edition.annee])),
    }
    sujet = f"Label {candidature.edition.annee} : le résultat de {candidature.collectivite.nom}"
    texte = render_to_string("deliberation/courriels/resultat.txt", contexte)
    html = render_to_string("deliberation/courriels/resultat.html", contexte)
    message = EmailMultiAlternatives(sujet, texte, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.attach_alternative(html, "text/html")
    message.send()

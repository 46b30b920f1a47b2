"""What changes who belongs where: join requests and their decisions, roles, members leaving, the
collectivité's e-mail domains. Each function is one transaction; e-mails leave once it is committed.

Rules:
- A person asks to join a collectivité found in the référentiel (its label.Collectivite is created if the
  label did not know it yet). A member, or a person with a pending request, cannot ask again.
- The request is accepted at once when one of the person's verified addresses is at a domain the
  collectivité declared (subdomains included). The person is then contributeur, or référent when the
  collectivité has none yet (someone must be able to manage it and submit the dossier).
- Otherwise a référent of the collectivité decides; when it has no référent (the first person of a
  collectivité new to the platform), staff decide, and their acceptance makes that person référent by
  default. The requester is told by e-mail in every case.
- A collectivité always keeps at least one référent: a référent can neither demote nor remove the last
  one, themselves included. Staff can (when the last référent has left the town hall); the collectivité's
  requests then go to staff again.
- A référent declares only a domain of their own verified address (so nobody can open a collectivité to
  another's staff); staff may declare any domain. Public webmails are refused to everyone.
"""

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from label.models import Collectivite

from . import courriels
from .domaines import couvre, domaine_de, normaliser_domaine
from .enums import Role, StatutDemande
from .models import Appartenance, DemandeAdhesion, DomaineCollectivite
from .recherche import categorie_pour, trouver


def domaines_verifies(user):
    """The domains of the user's verified e-mail addresses."""
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {domaine_de(email) for email in emails} - {""}


def domaine_reconnu(user, collectivite):
    """The declared domain of `collectivite` that covers one of the user's verified addresses, or None."""
    siens = domaines_verifies(user)
    for declare in collectivite.domaines.values_list("domaine", flat=True):
        if any(couvre(declare, domaine) for domaine in siens):
            return declare
    return None


def a_un_referent(collectivite):
    return Appartenance.objects.referents().filter(collectivite=collectivite).exists()


def obtenir_collectivite(resultat):
    """The label.Collectivite of a search result, created the first time someone asks to join it."""
    if resultat.collectivite is not None:
        return resultat.collectivite
    collectivite, _ = Collectivite.objects.get_or_create(
        code=resultat.code,
        defaults={
            "nom": resultat.nom,
            "categorie": categorie_pour(resultat),
            "commune": resultat.commune,
            "epci": resultat.epci,
        },
    )
    return collectivite


def demander_adhesion(*, user, code, message=""):
    """Ask to join the collectivité `code`; accepted at once by a declared domain. Returns the request."""
    resultat = trouver(code)
    if resultat is None:
        raise ValidationError("Cette collectivité est introuvable.")
    with transaction.atomic():
        collectivite = obtenir_collectivite(resultat)
        if Appartenance.objects.filter(user=user, collectivite=collectivite).exists():
            raise ValidationError(f"Vous êtes déjà membre de {collectivite.nom}.")
        if DemandeAdhesion.objects.en_attente().filter(user=user, collectivite=collectivite).exists():
            raise ValidationError(f"Vous avez déjà demandé à rejoindre {collectivite.nom} : la demande est en attente.")
        try:
            with transaction.atomic():
                demande = DemandeAdhesion.objects.create(user=user, collectivite=collectivite, message=message.strip())
        except IntegrityError as error:  # the same request sent twice at the same time
            raise ValidationError(f"Vous avez déjà demandé à rejoindre {collectivite.nom}.") from error
        if domaine_reconnu(user, collectivite):
            role = Role.CONTRIBUTEUR if a_un_referent(collectivite) else Role.REFERENT
            _accepter(demande, role=role, par=None, automatique=True)
    if demande.statut == StatutDemande.ACCEPTEE:
        courriels.decision(demande)
    courriels.nouvelle_demande(demande)
    return demande


def _accepter(demande, *, role, par, automatique=False):
    demande.role = role
    demande.automatique = automatique
    demande.move_to(StatutDemande.ACCEPTEE, par=par)
    Appartenance.objects.get_or_create(user=demande.user, collectivite=demande.collectivite, defaults={"role": role})


def _verrouiller(demande):
    return DemandeAdhesion.objects.select_for_update().select_related("user", "collectivite").get(pk=demande.pk)


def accepter_demande(*, demande, par, role):
    """A référent (or staff) accepts the request with this role; the person is told by e-mail."""
    with transaction.atomic():
        demande = _verrouiller(demande)
        _accepter(demande, role=Role(role), par=par)
    courriels.decision(demande)
    return demande


def refuser_demande(*, demande, par, motif=""):
    """A référent (or staff) refuses the request, with a reason sent to the person."""
    with transaction.atomic():
        demande = _verrouiller(demande)
        demande.motif = motif.strip()
        demande.move_to(StatutDemande.REFUSEE, par=par)
    courriels.decision(demande)
    return demande


def annuler_demande(*, demande, par):
    """The requester withdraws a pending request."""
    with transaction.atomic():
        demande = _verrouiller(demande)
        demande.move_to(StatutDemande.ANNULEE, par=par)
    return demande


def _garder_un_referent(appartenance, par):
    """Refuse to take away the last référent of a collectivité, unless staff do it."""
    if par.is_staff or appartenance.role != Role.REFERENT:
        return
    referents = list(
        Appartenance.objects.select_for_update()
        .filter(collectivite_id=appartenance.collectivite_id, role=Role.REFERENT)
        .values_list("pk", flat=True)
    )
    if referents == [appartenance.pk]:
        raise ValidationError(
            f"{appartenance.collectivite.nom} doit garder au moins un référent : nommez d'abord un autre référent."
        )


def changer_role(*, appartenance, role, par):
    """Make a member référent or contributeur (a référent of the collectivité, or staff)."""
    role = Role(role)
    with transaction.atomic():
        if role != Role.REFERENT:
            _garder_un_referent(appartenance, par)
        appartenance.role = role
        appartenance.save(update_fields=["role"])
    return appartenance


def retirer_membre(*, appartenance, par):
    """Remove a member (a référent, staff, or the member leaving by themselves)."""
    with transaction.atomic():
        _garder_un_referent(appartenance, par)
        appartenance.delete()


def declarer_domaine(*, collectivite, domaine, par):
    """Declare an e-mail domain of the collectivité; its verified addresses will join it at once."""
    entree = DomaineCollectivite(collectivite=collectivite, domaine=normaliser_domaine(domaine), declare_par=par)
    entree.full_clean()
    if not par.is_staff and not any(couvre(entree.domaine, d) for d in domaines_verifies(par)):
        raise ValidationError(
            {
                "domaine": "Vous ne pouvez déclarer que le domaine de votre propre adresse vérifiée "
                f"({', '.join(sorted(domaines_verifies(par))) or 'aucune'}). Pour un autre domaine, "
                "écrivez à l'équipe de Villes Internet."
            }
        )
    entree.save()
    return entree


def retirer_domaine(*, domaine, par):
    domaine.delete()

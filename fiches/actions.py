"""What changes a fiche: creating, saving (with its optimistic lock), the moderation workflow, restoring a version.

Each function runs in one transaction, records a revision of the fiche (who, when, what: fiches/historique.py)
and refreshes the search index (fiches/search.py) when the public side of the fiche may have changed: the
index follows the fiche in the same transaction.

Editing a published fiche: it stays published, and the change is public at once. Collectivités update
their fiches all the time (results, dates, a typo) and expect the observatory, and the jury looking at
their mosaïque, to see the fiche meanwhile; sending it back to the queue would hide it for days after
every comma. Moderation is about letting a fiche in; afterwards, every change is kept in the history,
and staff can read it, restore an earlier version or ask for changes (publiee → a_modifier).
"""

import operator
from functools import reduce

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import localize
from django.utils.timezone import localtime

from .enums import EtatFiche
from .historique import enregistrer_revision
from .models import FicheAction
from .search import indexer

# Who the fiche belongs to and where it stands in the workflow: never changed by the edit form
# nor by restoring an old version.
CHAMPS_DU_CYCLE = ["collectivite", "etat", "motif_moderation", "auteur", "created_at", "publiee_le"]


class ConflitDeVersion(Exception):
    """Someone saved the fiche since the form was loaded: `actuelle` is the fiche as it is saved now."""

    def __init__(self, actuelle):
        super().__init__("La fiche a été modifiée entre-temps.")
        self.actuelle = actuelle


class TransitionInterdite(Exception):
    pass


def creer_fiche(*, form, formsets, collectivite, par):
    """Create a draft fiche for `collectivite` from a valid FicheForm and its valid formsets."""
    with transaction.atomic():
        fiche = form.instance
        fiche.collectivite = collectivite
        fiche.auteur = par
        fiche.etat = EtatFiche.BROUILLON
        fiche.version = 1
        form.save()
        for formset in formsets:
            formset.instance = fiche
            formset.save()
        enregistrer_revision(fiche, par=par, commentaire="Création de la fiche.")
    return fiche


def enregistrer_fiche(*, form, formsets, par, version_chargee):
    """Save the changes of a valid FicheForm and its formsets, unless the fiche was saved since `version_chargee`.

    The check and the increment are one UPDATE … WHERE version = loaded version: of two people saving the
    same version, exactly one wins; the other gets ConflitDeVersion and nothing of theirs is written.
    """
    fiche = form.instance
    with transaction.atomic():
        gagne = FicheAction.objects.filter(pk=fiche.pk, version=version_chargee).update(
            version=F("version") + 1, updated_at=timezone.now()
        )
        if not gagne:
            raise ConflitDeVersion(FicheAction.objects.get(pk=fiche.pk))
        # The row is now ours until commit: take the workflow fields as they are now, not as loaded.
        fiche.refresh_from_db(fields=CHAMPS_DU_CYCLE)
        fiche.version = version_chargee + 1
        form.save()
        for formset in formsets:
            formset.save()
        enregistrer_revision(fiche, par=par, commentaire="Modification de la fiche.")
        if fiche.est_publiee:
            # Stays published (see the module's docstring): the public page and the index follow.
            indexer([fiche.pk])
    return fiche


def _changer_etat(*, fiche, etat, par, commentaire, **champs):
    with transaction.atomic():
        fiche = FicheAction.objects.select_for_update().get(pk=fiche.pk)
        if not fiche.can_move_to(etat):
            raise TransitionInterdite(
                f"Une fiche « {fiche.get_etat_display().lower()} » ne peut pas passer à "
                f"« {EtatFiche(etat).label.lower()} »."
            )
        etait_publiee = fiche.est_publiee
        fiche.etat = etat
        for nom, valeur in champs.items():
            setattr(fiche, nom, valeur)
        fiche.save(update_fields=["etat", "updated_at", *champs])
        enregistrer_revision(fiche, par=par, commentaire=commentaire)
        if etait_publiee or fiche.est_publiee:
            indexer([fiche.pk])
    return fiche


def _verifier_equipe(par):
    if not (par.is_authenticated and par.is_staff):
        raise PermissionDenied("Seule l'équipe modère les fiches.")


def _verifier_motif(motif):
    motif = (motif or "").strip()
    if not motif:
        raise TransitionInterdite("Le motif est obligatoire : la collectivité le lira.")
    return motif


def soumettre(*, fiche, par):
    """The collectivité asks for publication: the fiche joins the moderation queue.

    The previous moderation reason is kept: the moderator sees what was asked.
    """
    return _changer_etat(fiche=fiche, etat=EtatFiche.EN_MODERATION, par=par, commentaire="Soumise à la modération.")


def publier(*, fiche, par):
    """Staff publish the fiche. The first publication date is kept when a fiche is published again."""
    _verifier_equipe(par)
    return _changer_etat(
        fiche=fiche,
        etat=EtatFiche.PUBLIEE,
        par=par,
        commentaire="Publiée.",
        publiee_le=fiche.publiee_le or timezone.now(),
        motif_moderation="",
    )


def demander_modifications(*, fiche, par, motif):
    """Staff send the fiche back to its collectivité with a reason (from the queue, or a published fiche)."""
    _verifier_equipe(par)
    motif = _verifier_motif(motif)
    return _changer_etat(
        fiche=fiche,
        etat=EtatFiche.A_MODIFIER,
        par=par,
        commentaire=f"Modifications demandées : {motif}",
        motif_moderation=motif,
    )


def rejeter(*, fiche, par, motif):
    """Staff refuse the fiche, with a reason. The collectivité may still change it and submit it again."""
    _verifier_equipe(par)
    motif = _verifier_motif(motif)
    return _changer_etat(
        fiche=fiche, etat=EtatFiche.REJETEE, par=par, commentaire=f"Rejetée : {motif}", motif_moderation=motif
    )


def restaurer_version(*, fiche, version, par):
    """Bring back the content of an earlier version: text, services, places, contacts and pictures.

    The fiche keeps its collectivité and its place in the workflow (a published fiche stays published with
    the restored content); its version number goes up, so that a form open elsewhere sees the change.
    """
    _verifier_equipe(par)
    if version.content_type.model_class() is not FicheAction or version.object_id != str(fiche.pk):
        raise ValueError("Cette version n'est pas une version de cette fiche.")
    with transaction.atomic():
        actuelle = FicheAction.objects.select_for_update().get(pk=fiche.pk)
        version.revision.revert(delete=True)
        fiche = FicheAction.objects.get(pk=fiche.pk)
        for nom in CHAMPS_DU_CYCLE:
            setattr(fiche, nom, getattr(actuelle, nom))
        fiche.version = actuelle.version + 1
        fiche.save()
        date = localize(localtime(version.revision.date_created))
        enregistrer_revision(fiche, par=par, commentaire=f"Restauration de la version du {date}.")
        if fiche.est_publiee:
            indexer([fiche.pk])
    return fiche


def reindexer_apres_renommage(*, collectivites=(), services=(), enjeux=()):
    """Re-index the published fiches of these collectivités, services and enjeux (ids or instances); return
    how many.

    The search index holds the names of a fiche's collectivité, services and their enjeux (fiches/search.py):
    call this after renaming one of them, or moving a service to another enjeu. The administration does (it is
    the only place that renames them); other code that renames must call it too, or run the command
    `reindexer_recherche`. An explicit call, not a signal: a bulk .update() would bypass a signal anyway.
    """
    conditions = []
    if collectivites:
        conditions.append(Q(collectivite__in=collectivites))
    if services:
        conditions.append(
            Q(pk__in=FicheAction.services.through.objects.filter(service__in=services).values("ficheaction_id"))
        )
    if enjeux:
        conditions.append(
            Q(pk__in=FicheAction.services.through.objects.filter(service__enjeu__in=enjeux).values("ficheaction_id"))
        )
    if not conditions:
        return 0
    ids = list(FicheAction.objects.publiees().filter(reduce(operator.or_, conditions)).values_list("pk", flat=True))
    indexer(ids)
    return len(ids)

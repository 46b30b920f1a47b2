"""Conflicts of interest: which dossiers a person must never see.

A person is in conflict with a candidature when one of these rules holds (each one a Q on
campagne.Candidature, so that one query answers for a whole édition):

- declared: they declared the collectivité, or its département, for the édition (ConflitDeclare);
- membre: they belong (comptes.Appartenance) to the collectivité;
- commune membre: the candidate is a territoire (EPCI or syndicat) and they belong to one of its member
  communes;
- intercommunalité: the candidate is a commune and they belong to its EPCI (or to a syndicat listing it);
- département: the édition's setting `conflit_meme_departement` is on and they live or work
  (AttacheDepartement) in the candidate's département (for a territoire: that of the EPCI or of any member
  commune);

unless staff lifted the conflict for that person and that dossier (LeveeConflit).

A conflicted person never sees the dossier, its evaluations or its discussion, anywhere: every page, export
and count of the jury (and of the deliberation) reads its dossiers through `candidatures_visibles()` or
checks `est_en_conflit()`.
"""

import operator
from functools import reduce

from django.db.models import Q

from campagne.models import Candidature
from comptes.models import Appartenance
from label.models import Collectivite
from territoires.models import Commune

from .enums import RoleJury
from .models import AttacheDepartement, ConflitDeclare, LeveeConflit, RoleEdition, parametres_de


def _candidat_dans_departements(departements):
    """Q of the candidatures whose collectivité lies in one of `departements` (a queryset of ids)."""
    communes = Commune.objects.filter(departement_id__in=departements)
    return (
        Q(collectivite__commune__departement_id__in=departements)
        | Q(collectivite__epci__departement_id__in=departements)
        | Q(collectivite__epci_id__in=communes.exclude(epci_id=None).values("epci_id"))
        | Q(
            collectivite_id__in=Collectivite.membres.through.objects.filter(commune__in=communes).values(
                "collectivite_id"
            )
        )
    )


def regles(user, edition):
    """The rules of conflict of `user` for `edition`: a list of (reason in French, Q on Candidature).

    Reads the édition's settings (one query at most); everything else is a subquery of the final query.
    """
    if not user.is_authenticated:
        return []
    mes_collectivites = Appartenance.objects.filter(user=user).values("collectivite_id")
    mes_communes = Collectivite.objects.filter(pk__in=mes_collectivites, commune__isnull=False).values("commune_id")
    mes_epci = Collectivite.objects.filter(pk__in=mes_collectivites, epci__isnull=False).values("epci_id")
    communes_de_mes_syndicats = Collectivite.membres.through.objects.filter(
        collectivite_id__in=mes_collectivites
    ).values("commune_id")
    declares = ConflitDeclare.objects.filter(user=user, edition=edition)
    resultat = [
        ("Conflit déclaré avec la collectivité", Q(collectivite_id__in=declares.values("collectivite_id"))),
        (
            "Conflit déclaré avec le département",
            _candidat_dans_departements(declares.exclude(departement=None).values("departement_id")),
        ),
        ("Membre de la collectivité", Q(collectivite_id__in=mes_collectivites)),
        (
            "Membre d'une commune du territoire",
            Q(
                collectivite__epci_id__in=Commune.objects.filter(pk__in=mes_communes)
                .exclude(epci_id=None)
                .values("epci_id")
            )
            | Q(
                collectivite_id__in=Collectivite.membres.through.objects.filter(commune_id__in=mes_communes).values(
                    "collectivite_id"
                )
            ),
        ),
        (
            "Membre de l'intercommunalité de la commune",
            Q(collectivite__commune__epci_id__in=mes_epci) | Q(collectivite__commune_id__in=communes_de_mes_syndicats),
        ),
    ]
    if parametres_de(edition).conflit_meme_departement:
        resultat.append(
            (
                "Vit ou travaille dans le département",
                _candidat_dans_departements(AttacheDepartement.objects.filter(user=user).values("departement_id")),
            )
        )
    return resultat


def _en_conflit_q(user, edition):
    """Q of the candidatures of `edition` `user` is in conflict with, lifted conflicts left out."""
    conflit = reduce(operator.or_, (q for _raison, q in regles(user, edition)))
    return conflit & ~Q(pk__in=LeveeConflit.objects.filter(user=user).values("candidature_id"))


def candidatures_en_conflit(user, edition):
    """The candidatures of `edition` `user` is in conflict with (a queryset; lifted conflicts left out)."""
    if not user.is_authenticated:
        return Candidature.objects.none()
    return Candidature.objects.filter(edition=edition).filter(_en_conflit_q(user, edition))


def est_en_conflit(user, candidature):
    """Is `user` in conflict with `candidature` (declared or automatic, and not lifted by staff)?

    An anonymous user is not "in conflict": they see nothing anyway (jury.access).
    """
    if not user.is_authenticated:
        return False
    return candidatures_en_conflit(user, candidature.edition).filter(pk=candidature.pk).exists()


def raisons_du_conflit(user, candidature):
    """Why `user` is in conflict with `candidature`: the reasons in French (empty if none, or lifted)."""
    if not user.is_authenticated or LeveeConflit.objects.filter(user=user, candidature=candidature).exists():
        return []
    dossier = Candidature.objects.filter(pk=candidature.pk)
    return [raison for raison, q in regles(user, candidature.edition) if dossier.filter(q).exists()]


def candidatures_visibles(user, edition):
    """The candidatures of `edition` that `user` may see in the jury's pages, never one they are in conflict
    with (a queryset of campagne.Candidature):

    - staff, jurés and the président: every candidature of the édition;
    - an expert (with no other role): the dossiers assigned to them;
    - anyone else: none.

    Two-factor authentication is checked by the views (jury.access.mfa_requise), not here.
    """
    if not user.is_authenticated:
        return Candidature.objects.none()
    candidatures = Candidature.objects.filter(edition=edition)
    if not user.is_staff:
        roles = set(RoleEdition.objects.filter(user=user, edition=edition).values_list("role", flat=True))
        if roles & {RoleJury.JURE, RoleJury.PRESIDENT}:
            pass
        elif RoleJury.EXPERT in roles:
            candidatures = candidatures.filter(affectations__expert=user)
        else:
            return Candidature.objects.none()
    return candidatures.exclude(pk__in=candidatures_en_conflit(user, edition).values("pk"))


def conflits_des_personnes(users, edition, candidatures):
    """The conflicts of each of `users` with `candidatures` (a queryset of the édition), lifted ones left out:
    a list of (user, candidature, reasons in French), by person then collectivité.

    For staff's page: one query for the dossiers, one for the lifted conflicts, then, per person, one per rule.
    """
    dossiers = {c.pk: c for c in candidatures.select_related("collectivite").order_by("collectivite__nom", "pk")}
    levees = set(
        LeveeConflit.objects.filter(candidature__edition=edition, user__in=users).values_list(
            "user_id", "candidature_id"
        )
    )
    resultat = []
    for user in users:
        raisons = {}
        for raison, q in regles(user, edition):
            for pk in candidatures.filter(q).values_list("pk", flat=True):
                if (user.pk, pk) not in levees:
                    raisons.setdefault(pk, []).append(raison)
        resultat.extend((user, dossiers[pk], raisons[pk]) for pk in dossiers if pk in raisons)
    return resultat

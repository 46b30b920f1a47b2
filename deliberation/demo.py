"""The demo's deliberation: the 2027 édition, whose campaign campagne/demo.py opened, moved to the jury's deliberation.

Built by `python manage.py demo` after the campaign (campagne/demo.py):
- the campaign closed on 15 November 2026 at 23:59 (Paris): its submitted dossiers stay, the others missed the
  deadline; about 45 more collectivités labelled in 2026 submitted a dossier (answers drawn like the campaign's);
- the jury of 2027: a président (also juré), 13 jurés and 22 experts, fictitious people (addresses in
  @jury-demo.example.org, passwords unusable: nobody signs in as them), one of them declaring a conflict;
- the evaluation grid proposed by jury.grille, two experts per dossier (jury.affectation's balanced proposal),
  their evaluations: arobases around the 2026 level, a few dossiers where experts disagree by 2 @ or more, a few
  evaluations still drafts;
- the 2027 mentions (those of 2026), the édition moved évaluation → délibération, and draft decisions on about a
  quarter of the dossiers, written by deliberation.actions.decider (so the journal has them).
Nothing is published: Edition.publication_at stays empty, /palmares/2027/ answers 404 to the public.
Deterministic for a given seed; a few thousand rows, a few seconds.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from campagne.calendrier import PARIS
from campagne.demo import ANNEE, reponse_fictive
from campagne.enums import StatutCandidature, TypeEvenement
from campagne.models import Candidature, Evenement, Question, Reponse
from jury.affectation import proposer_affectation
from jury.enums import RoleJury, StatutEvaluation
from jury.grille import creer_grille_proposee
from jury.models import (
    Affectation,
    ConflitDeclare,
    Critere,
    Evaluation,
    LeveeConflit,
    Note,
    ParametresJury,
    RoleEdition,
    score_pondere,
)
from label.enums import Categorie, StatutEdition
from label.models import CategorieMention, Edition, Labellisation

from .actions import decider, ouvrir_deliberation
from .models import Decision, EntreeJournal, ResultatEnvoye

CLOTURE = datetime(2026, 11, 15, 23, 59, tzinfo=PARIS)
LIMITE_EVALUATIONS = datetime(2026, 12, 20, 23, 59, tzinfo=PARIS)
DOMAINE = "jury-demo.example.org"
NOUVEAUX_DOSSIERS = {Categorie.VILLE: 30, Categorie.VILLAGE: 10, Categorie.TERRITOIRE: 5}
JURES, EXPERTS = 13, 22
DESACCORDS = 5  # dossiers where the two experts differ by 2 @ or more
PART_BROUILLONS = 0.06  # evaluations not submitted yet
PART_DECIDES = 0.25  # dossiers with a draft decision

PRENOMS = [
    "Camille", "Dominique", "Claude", "Alix", "Sacha", "Maxime", "Morgane", "Yannick", "Stéphane", "Frédérique",
    "Lou", "Noa", "Andrea", "Charlie", "Eden", "Gaël", "Jordan", "Loïc", "Marion", "Pascale",
]  # fmt: skip
NOMS = [
    "Arnaud", "Bertin", "Carré", "Delorme", "Esnault", "Fabre", "Garnier", "Hervé", "Imbert", "Jacquet",
    "Kieffer", "Lebon", "Marchal", "Nicolas", "Olivier", "Perrin", "Quéré", "Rolland", "Sauvage", "Tessier",
]  # fmt: skip
COMMENTAIRES = [
    "Une politique numérique cohérente, portée par les élus ; les fiches montrent des actions suivies.",
    "La médiation est solide ; l'ouverture des données reste à construire.",
    "Beaucoup d'actions nouvelles cette année, encore peu évaluées.",
    "Continuité nette avec l'an dernier : les engagements annoncés ont été tenus.",
    "Dossier sobre mais convaincant pour la taille de la collectivité.",
    "Les services en ligne progressent ; la mutualisation avec l'intercommunalité est exemplaire.",
    "Peu de fiches documentées : difficile de mesurer la portée pour les habitants.",
    "Une vraie stratégie d'inclusion, avec des publics éloignés du numérique bien identifiés.",
]
NOTES_COLLECTIVITE = [
    "Documentez davantage vos actions : résultats, publics touchés, partenaires.",
    "Vos ateliers de médiation gagneraient à être ouverts aux communes voisines.",
    "Pensez à publier vos données (horaires, budget, délibérations) sur un portail ouvert.",
    "Belle continuité : gardez le cap sur l'accompagnement des aînés.",
    "",
]
MOTIFS = [
    "Niveau confirmé : politique constante, actions nombreuses et documentées.",
    "Progression reconnue : la médiation et les services en ligne ont nettement avancé.",
    "Le jury suit la proposition des experts après discussion.",
    "Le jury retient l'évaluation la plus prudente : peu d'actions nouvelles cette année.",
]
CITATIONS = [
    "Pour un réseau de médiation numérique qui va chercher les habitants là où ils sont.",
    "Pour des outils numériques mis en commun avec les communes voisines.",
    "Pour une école numérique pensée avec les enseignants et les familles.",
    "Pour la sobriété de ses services numériques et le réemploi du matériel.",
]


@dataclass
class ResumeDeliberation:
    soumis: int
    experts: int
    jures: int
    evaluations: int
    brouillons: int
    desaccords: int
    decisions: int


def supprimer_deliberation_demo():
    """Remove the jury's and the deliberation's data of the demo éditions (before the campaign is rebuilt)."""
    editions = Edition.objects.filter(donnees_demo=True)
    candidatures = Candidature.objects.filter(edition__in=editions)
    ResultatEnvoye.objects.filter(candidature__in=candidatures).delete()
    EntreeJournal.objects.filter(edition__in=editions).delete()
    Decision.objects.filter(candidature__in=candidatures).delete()
    Evaluation.objects.filter(candidature__in=candidatures).delete()  # their notes go with them
    Affectation.objects.filter(candidature__in=candidatures).delete()
    LeveeConflit.objects.filter(candidature__in=candidatures).delete()
    ConflitDeclare.objects.filter(edition__in=editions).delete()
    RoleEdition.objects.filter(edition__in=editions).delete()
    Critere.objects.filter(edition__in=editions).delete()
    ParametresJury.objects.filter(edition__in=editions).delete()
    get_user_model().objects.filter(email__endswith=f"@{DOMAINE}").delete()


def deliberation_demo_presente():
    return Edition.objects.filter(donnees_demo=True, annee=ANNEE, statut=StatutEdition.DELIBERATION).exists()


def _clore_la_campagne(rng, edition):
    """The campaign closed on CLOTURE: a dossier submitted later in the campaign's demo is moved before it."""
    edition.campagne_cloture = CLOTURE
    edition.save(update_fields=["campagne_cloture"])
    for candidature in Candidature.objects.filter(edition=edition, soumise_le__gt=CLOTURE):
        soumise_le = CLOTURE - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 8))
        Candidature.objects.filter(pk=candidature.pk).update(soumise_le=soumise_le)
        Evenement.objects.filter(candidature=candidature, type=TypeEvenement.SOUMISSION).delete()
        Evenement.objects.create(candidature=candidature, type=TypeEvenement.SOUMISSION, created_at=soumise_le)


def _nouveaux_dossiers(rng, edition, edition_2026):
    """About 45 more submitted dossiers of collectivités labelled in 2026, with their answers."""
    deja = set(Candidature.objects.filter(edition=edition).values_list("collectivite_id", flat=True))
    questions = {}
    for question in Question.objects.filter(questionnaire__edition=edition).select_related("questionnaire"):
        questions.setdefault(question.questionnaire.categorie, []).append(question)
    ouverture = datetime.combine(edition.campagne_ouverture, datetime.min.time(), tzinfo=PARIS)
    candidatures, evenements = [], []
    for categorie, nombre in NOUVEAUX_DOSSIERS.items():
        possibles = [
            labellisation.collectivite
            for labellisation in Labellisation.objects.filter(edition=edition_2026, categorie=categorie)
            .exclude(collectivite_id__in=deja)
            .select_related("collectivite__commune", "collectivite__epci")
            .order_by("collectivite__code")
        ]
        for collectivite in rng.sample(possibles, min(nombre, len(possibles))):
            inscrite_le = ouverture + timedelta(days=rng.randint(5, 150), hours=9 + rng.randint(0, 8))
            soumise_le = min(inscrite_le + timedelta(days=rng.randint(10, 90)), CLOTURE - timedelta(hours=3))
            candidatures.append(
                Candidature(
                    edition=edition,
                    collectivite=collectivite,
                    categorie=Categorie.TERRITOIRE
                    if collectivite.is_territoire
                    else edition.categorie_pour_population(collectivite.population),
                    statut=StatutCandidature.SOUMISE,
                    created_at=inscrite_le,
                    soumise_le=soumise_le,
                )
            )
    Candidature.objects.bulk_create(candidatures)
    candidatures = list(
        Candidature.objects.filter(edition=edition, collectivite_id__in=[c.collectivite_id for c in candidatures])
    )
    reponses = []
    for candidature in candidatures:
        evenements += [
            Evenement(candidature=candidature, type=TypeEvenement.INSCRIPTION, created_at=candidature.created_at),
            Evenement(candidature=candidature, type=TypeEvenement.SOUMISSION, created_at=candidature.soumise_le),
        ]
        reponses += [
            Reponse(candidature=candidature, question=question, valeur=valeur, modifiee_le=candidature.soumise_le)
            for question in questions.get(candidature.categorie, [])
            if (valeur := reponse_fictive(rng, question)) is not None
        ]
    Evenement.objects.bulk_create(evenements)
    Reponse.objects.bulk_create(reponses, batch_size=1000)


def _personnes(rng, edition):
    """The jury (président, jurés) and the experts: users with unusable passwords, and their roles."""
    User = get_user_model()
    noms = [(prenom, nom) for nom in NOMS for prenom in PRENOMS]
    rng.shuffle(noms)
    mot_de_passe = make_password(None)
    personnes = []
    for rang, (prenom, nom) in enumerate(noms[: 1 + JURES + EXPERTS]):
        identifiant = f"{prenom}.{nom}".lower().replace(" ", "-")
        personnes.append(
            User(
                username=f"jury-demo-{rang:02d}",
                email=f"{identifiant}@{DOMAINE}",
                first_name=prenom,
                last_name=nom,
                password=mot_de_passe,
            )
        )
    User.objects.bulk_create(personnes)
    personnes = list(User.objects.filter(email__endswith=f"@{DOMAINE}").order_by("username"))
    president, jures, experts = personnes[0], personnes[1 : 1 + JURES], personnes[1 + JURES :]
    roles = [RoleEdition(user=president, edition=edition, role=RoleJury.PRESIDENT)]
    roles += [RoleEdition(user=user, edition=edition, role=RoleJury.JURE) for user in [president, *jures]]
    roles += [RoleEdition(user=user, edition=edition, role=RoleJury.EXPERT, capacite=8) for user in experts]
    RoleEdition.objects.bulk_create(roles)
    return president, jures, experts


def desaccord_autour(base):
    """Two proposals 2 @ apart around a level (within 1 to 5)."""
    if base <= 2:
        return base, base + 2
    if base >= 4:
        return base, base - 2
    return 2, 4


def _evaluations(rng, edition, president):
    """Two experts per dossier, and their evaluations around last year's level (a few disagreements, a few
    drafts). Returns (submitted, drafts, dossiers in disagreement)."""
    proposition = proposer_affectation(edition)
    Affectation.objects.bulk_create(
        [
            Affectation(candidature_id=candidature_id, expert_id=expert_id, par=president)
            for candidature_id, expert_id in proposition.paires()
        ]
    )
    criteres = creer_grille_proposee(edition)
    affectations = list(
        Affectation.objects.filter(candidature__edition=edition)
        .select_related("candidature")
        .order_by("candidature_id", "expert_id")
    )
    niveaux = dict(
        Labellisation.objects.filter(edition__annee=ANNEE - 1, collectivite_id__in=[a.candidature.collectivite_id for a in affectations])
        .values_list("collectivite_id", "arobases")
    )  # fmt: skip
    par_dossier = {}
    for affectation in affectations:
        par_dossier.setdefault(affectation.candidature, []).append(affectation.expert_id)
    dossiers = sorted(par_dossier, key=lambda candidature: candidature.pk)
    a_deux = [c for c in dossiers if len(par_dossier[c]) >= 2]
    en_desaccord = {c.pk for c in rng.sample(a_deux, min(DESACCORDS, len(a_deux)))}
    evaluations, valeurs, brouillons = [], [], 0
    fin = LIMITE_EVALUATIONS - timedelta(days=30)
    for candidature in dossiers:
        base = niveaux.get(candidature.collectivite_id, 2)
        desaccord = desaccord_autour(base)
        premiere = min(max(base + rng.choice([-1, 0, 0, 0, 1]), 1), 5)
        for rang, expert_id in enumerate(par_dossier[candidature]):
            if candidature.pk in en_desaccord:
                arobases = desaccord[rang % 2]
            else:  # within 1 @ of each other: the planned disagreements are the only ones
                arobases = premiere if rang == 0 else rng.choice([premiere, base])
            brouillon = rng.random() < PART_BROUILLONS and candidature.pk not in en_desaccord
            brouillons += brouillon
            notes = [
                (
                    critere,
                    min(critere.note_max, max(0, round(arobases * critere.note_max / 5) + rng.choice([-1, 0, 1]))),
                )
                for critere in criteres
            ]
            note = rng.choice(NOTES_COLLECTIVITE)
            evaluations.append(
                Evaluation(
                    candidature=candidature,
                    expert_id=expert_id,
                    statut=StatutEvaluation.BROUILLON if brouillon else StatutEvaluation.SOUMISE,
                    arobases_proposees=arobases,
                    commentaire=rng.choice(COMMENTAIRES),
                    note_collectivite=note,
                    note_partageable=bool(note) and rng.random() < 0.7,
                    score=score_pondere(notes),
                    created_at=CLOTURE + timedelta(days=2),
                    soumise_le=None if brouillon else fin - timedelta(days=rng.randint(0, 12), hours=rng.randint(0, 9)),
                )
            )
            valeurs.append(notes)
    Evaluation.objects.bulk_create(evaluations)
    Note.objects.bulk_create(
        [
            Note(evaluation=evaluation, critere=critere, valeur=valeur)
            for evaluation, notes in zip(evaluations, valeurs, strict=True)
            for critere, valeur in notes
        ],
        batch_size=1000,
    )
    return len(evaluations) - brouillons, brouillons, len(en_desaccord)


def _decisions(rng, edition, president, jures):
    """Draft decisions on about a quarter of the dossiers, by jurés (the experts' median, with grounds)."""
    categories = list(CategorieMention.objects.filter(edition=edition).order_by("nom"))
    candidatures = list(
        Candidature.objects.filter(edition=edition, statut=StatutCandidature.SOUMISE)
        .select_related("edition", "collectivite")
        .prefetch_related("evaluations")
        .order_by("pk")
    )
    choisies = rng.sample(candidatures, round(len(candidatures) * PART_DECIDES))
    maintenant = timezone.now()
    for rang, candidature in enumerate(sorted(choisies, key=lambda c: c.pk)):
        propositions = sorted(e.arobases_proposees for e in candidature.evaluations.all() if e.est_soumise)
        arobases = propositions[len(propositions) // 2] if propositions else 2
        mentions = {}
        if categories and rng.random() < 0.3:
            categorie = rng.choice(categories)
            mentions[categorie.pk] = rng.choice(CITATIONS)
        decider(
            candidature=candidature,
            par=[president, *jures][rang % (1 + len(jures))],
            arobases=arobases,
            mentions=mentions,
            motifs=rng.choice(MOTIFS),
            titre_confirme=True,
            maintenant=maintenant - timedelta(hours=len(choisies) - rang),
        )
    return len(choisies)


@transaction.atomic
def construire_deliberation_demo(*, seed=2026, progression=None):
    """Move the demo's 2027 édition to the jury's deliberation (see the module's docstring). Returns a resume."""
    etape = progression or (lambda message: None)
    edition = Edition.objects.filter(donnees_demo=True, annee=ANNEE).first()
    edition_2026 = Edition.objects.filter(donnees_demo=True, annee=ANNEE - 1).first()
    if edition is None or edition_2026 is None:
        raise ValueError(f"Pas de campagne de démonstration {ANNEE} : construisez d'abord la campagne.")
    if edition.statut != StatutEdition.CAMPAGNE:
        raise ValueError(f"La campagne de démonstration {ANNEE} n'est plus ouverte : reconstruisez-la d'abord.")
    etape(f"Délibération {ANNEE} : dossiers, jury, évaluations et décisions…")
    rng = random.Random(seed * 17 + 3)
    _clore_la_campagne(rng, edition)
    _nouveaux_dossiers(rng, edition, edition_2026)
    president, jures, experts = _personnes(rng, edition)
    ParametresJury.objects.create(edition=edition, experts_par_dossier=2, date_limite_evaluation=LIMITE_EVALUATIONS)
    edition.move_to(StatutEdition.EVALUATION)
    premiere = Candidature.objects.filter(edition=edition, statut=StatutCandidature.SOUMISE).order_by("pk").first()
    if premiere is not None and experts:  # a declared conflict, so that the demo shows one
        ConflitDeclare.objects.create(
            user=experts[0], edition=edition, collectivite_id=premiere.collectivite_id, motif="J'y ai été agent."
        )
    soumises, brouillons, desaccords = _evaluations(rng, edition, president)
    for categorie in CategorieMention.objects.filter(edition=edition_2026).order_by("nom"):
        CategorieMention.objects.create(edition=edition, nom=categorie.nom, arobase_verte=categorie.arobase_verte)
    ouvrir_deliberation(edition=edition, par=None, maintenant=timezone.now() - timedelta(days=2))
    decisions = _decisions(rng, edition, president, jures)
    return ResumeDeliberation(
        soumis=Candidature.objects.filter(edition=edition, statut=StatutCandidature.SOUMISE).count(),
        experts=len(experts),
        jures=1 + len(jures),
        evaluations=soumises,
        brouillons=brouillons,
        desaccords=desaccords,
        decisions=decisions,
    )

"""The demo's campaign: the 2027 édition, open on the demo site, with its questionnaires and a few dossiers.

Built by `python manage.py demo` after the label history (label/demo.py) and the fiches (fiches/demo/):
- the 2026 questionnaires (ville, village, territoire; the village one shorter), and the 2027 ones copied from them
  by campagne.actions.copier_questionnaire, then changed as staff would (one wording, one list of choices, one new
  question), so that the pre-filled dossiers show differences to confirm;
- the submitted 2026 dossiers of a dozen collectivités labelled in 2026, with their answers;
- their 2027 candidatures, registered and pre-filled from 2026 (campagne.actions.pre_remplir): some only
  registered, some in progress (a few answers confirmed or changed), a few submitted.
The 2027 campaign runs from 15 March 2026 to 15 December 2026 at 23:59 (Paris): open on 27 November 2026. Its
results are not published (publication_at is empty). No account is created: staff see every dossier
(/equipe/candidatures/2027/). Deterministic for a given seed; a few hundred rows.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction

from label.enums import Categorie, StatutEdition
from label.models import Edition, Labellisation

from .actions import copier_questionnaire, pre_remplir
from .calendrier import PARIS
from .enums import StatutCandidature, TypeEvenement, TypeQuestion
from .models import Candidature, Evenement, Question, Questionnaire, Reponse, Section

ANNEE = 2027
OUVERTURE = date(2026, 3, 15)
CLOTURE = datetime(2026, 12, 15, 23, 59, tzinfo=PARIS)
JURY = date(2027, 1, 10)
CEREMONIE = datetime(2027, 1, 28, 18, 0, tzinfo=PARIS)
PAR_CATEGORIE = {Categorie.VILLE: 6, Categorie.VILLAGE: 4, Categorie.TERRITOIRE: 2}
# Of the 2027 candidatures (in the order drawn): the first ones stay registered, the next ones are in progress,
# the last ones are submitted.
INSCRITES, EN_COURS = 4, 5

# The questionnaire: sections of (cle, libelle, type, obligatoire, aide, choix, also for villages).
SECTIONS = [
    (
        "Votre politique numérique",
        "Quelques lignes suffisent : le jury lit aussi vos fiches actions.",
        [
            (
                "strategie",
                "Quelle est votre stratégie numérique ?",
                TypeQuestion.TEXTE_LONG,
                True,
                "Vos priorités, pour qui, avec quels moyens.",
                "",
                True,
            ),
            ("elu", "Élu ou élue en charge du numérique", TypeQuestion.TEXTE, True, "Nom et délégation.", "", True),
            (
                "agents",
                "Nombre d'agents consacrés au numérique (équivalents temps plein)",
                TypeQuestion.NOMBRE,
                False,
                "",
                "",
                False,
            ),
            (
                "budget",
                "Budget numérique annuel (€)",
                TypeQuestion.NOMBRE,
                False,
                "Fonctionnement et investissement.",
                "",
                False,
            ),
        ],
    ),
    (
        "Services et inclusion",
        "",
        [
            ("mediation", "Proposez-vous un lieu de médiation numérique ?", TypeQuestion.OUI_NON, True, "", "", True),
            (
                "publics",
                "Publics accompagnés en priorité",
                TypeQuestion.CHOIX_MULTIPLE,
                False,
                "",
                "Aînés\nJeunes\nDemandeurs d'emploi\nFamilles\nAssociations",
                True,
            ),
            (
                "demarches",
                "Part des démarches disponibles en ligne",
                TypeQuestion.CHOIX_UNIQUE,
                False,
                "",
                "Moins d'un quart\nUn quart à la moitié\nPlus de la moitié\nPresque toutes",
                False,
            ),
        ],
    ),
    (
        "Gouvernance et ouverture",
        "",
        [
            (
                "logiciels",
                "Utilisez-vous des logiciels libres ?",
                TypeQuestion.CHOIX_UNIQUE,
                False,
                "",
                "Aucun\nQuelques-uns\nMajoritairement",
                True,
            ),
            ("donnees", "Quelles données publiques ouvrez-vous ?", TypeQuestion.TEXTE_LONG, False, "", "", False),
            (
                "deliberation",
                "Délibération ou document de stratégie (PDF)",
                TypeQuestion.FICHIER,
                False,
                "Facultatif.",
                "",
                False,
            ),
        ],
    ),
]
# What staff changed for 2027 (the pre-filled answers show it).
CHANGEMENTS_2027 = {
    "strategie": {"libelle": "Quelle est votre stratégie numérique, et où en est-elle cette année ?"},
    "publics": {"choix": "Aînés\nJeunes\nDemandeurs d'emploi\nFamilles\nPersonnes en situation de handicap"},
}
NOUVELLE_QUESTION_2027 = (
    "sobriete",
    "Quelles actions de sobriété numérique menez-vous ?",
    TypeQuestion.TEXTE_LONG,
    False,
    "Nouvelle question en 2027.",
    "",
    True,
)

STRATEGIES = [
    "Un schéma numérique en trois axes : services en ligne accessibles, médiation de proximité, données ouvertes.",
    "Rapprocher les services des habitants : guichet unique, rendez-vous en ligne, accompagnement en mairie.",
    "Faire du numérique un outil de lien : ateliers intergénérationnels, espace public numérique, école connectée.",
    "Mutualiser avec l'intercommunalité : infrastructures partagées, logiciels libres, formation des agents.",
]
ELUS = ["Mme Claire Martin, adjointe au numérique", "M. Paul Roy, conseiller délégué", "Mme Inès Durand, maire"]
DONNEES = "Horaires des équipements, budget, délibérations, arbres d'alignement (données de démonstration)."
SOBRIETE = "Allongement de la durée de vie du matériel, reconditionnement, hébergement local."


@dataclass
class ResumeCampagne:
    annee: int
    questionnaires: int
    candidatures_precedentes: int
    par_statut: dict

    @property
    def texte_statuts(self):
        """« 4 inscrites, 5 en cours, 3 soumises »."""
        mots = {"inscrite": "inscrite", "en_cours": "en cours", "soumise": "soumise", "reouverte": "rouverte"}
        return ", ".join(
            f"{nombre} {mots[statut]}{'s' if nombre > 1 and statut != 'en_cours' else ''}"
            for statut, nombre in self.par_statut.items()
            if nombre
        )


def supprimer_campagne_demo():
    """Remove the campaign data of the demo éditions (before the label history is rebuilt)."""
    editions = Edition.objects.filter(donnees_demo=True)
    Candidature.objects.filter(edition__in=editions).delete()
    Questionnaire.objects.filter(edition__in=editions).delete()
    Edition.objects.filter(donnees_demo=True, annee=ANNEE).delete()


def campagne_demo_presente():
    return Edition.objects.filter(donnees_demo=True, annee=ANNEE).exists()


def creer_questionnaires(edition):
    """The three questionnaires of `edition` from SECTIONS (the village one without the questions marked False)."""
    for categorie in Categorie.values:
        questionnaire = Questionnaire.objects.create(
            edition=edition,
            categorie=categorie,
            introduction=f"Le dossier de candidature au label {edition.annee}. Chaque réponse s'enregistre au fil "
            "de la saisie ; un référent le soumet avant la clôture.",
        )
        for ordre, (titre, aide, questions) in enumerate(SECTIONS, start=1):
            section = Section.objects.create(questionnaire=questionnaire, titre=titre, aide=aide, ordre=ordre)
            Question.objects.bulk_create(
                [
                    Question(
                        questionnaire=questionnaire,
                        section=section,
                        cle=cle,
                        libelle=libelle,
                        type=type_,
                        obligatoire=obligatoire,
                        aide=aide_question,
                        choix=choix,
                        ordre=rang,
                    )
                    for rang, (cle, libelle, type_, obligatoire, aide_question, choix, village) in enumerate(questions)
                    if village or categorie != Categorie.VILLAGE
                ]
            )


def questionnaires_2027(edition_2026, edition):
    """Copy the 2026 questionnaires to `edition`, then change them as staff would for a new year."""
    for questionnaire in Questionnaire.objects.filter(edition=edition_2026):
        copie = copier_questionnaire(questionnaire=questionnaire, edition=edition)
        for cle, champs in CHANGEMENTS_2027.items():
            Question.objects.filter(questionnaire=copie, cle=cle).update(**champs)
        section = copie.sections.order_by("-ordre").first()
        cle, libelle, type_, obligatoire, aide, choix, _ = NOUVELLE_QUESTION_2027
        Question.objects.create(
            section=section, cle=cle, libelle=libelle, type=type_, obligatoire=obligatoire, aide=aide, ordre=20
        )


def reponse_fictive(rng, question):
    type_ = question.type
    if type_ == TypeQuestion.FICHIER:
        return None
    if question.cle == "strategie":
        return rng.choice(STRATEGIES)
    if question.cle == "elu":
        return rng.choice(ELUS)
    if question.cle == "donnees":
        return DONNEES
    if question.cle == "sobriete":
        return SOBRIETE
    if type_ == TypeQuestion.NOMBRE:
        return str(rng.choice([2, 3, 5, 8, 12]) * (10_000 if question.cle == "budget" else 1))
    if type_ == TypeQuestion.OUI_NON:
        return rng.choice(["oui", "oui", "non"])
    if type_ == TypeQuestion.CHOIX_UNIQUE:
        return rng.choice(question.liste_choix())
    if type_ == TypeQuestion.CHOIX_MULTIPLE:
        choix = question.liste_choix()
        return "\n".join(c for c in choix if c in rng.sample(choix, rng.randint(1, 3)))
    return "Réponse de démonstration."


def choisir_collectivites(rng, edition_2026):
    """A dozen collectivités labelled in 2026: villes, villages and territoires, the same for a given seed."""
    choisies = []
    for categorie, nombre in PAR_CATEGORIE.items():
        candidates = list(
            Labellisation.objects.filter(edition=edition_2026, categorie=categorie)
            .select_related("collectivite__commune", "collectivite__epci")
            .order_by("collectivite__code")
        )
        choisies += [
            labellisation.collectivite for labellisation in rng.sample(candidates, min(nombre, len(candidates)))
        ]
    rng.shuffle(choisies)
    return choisies


def moment(rng, debut, fin):
    secondes = int((fin - debut).total_seconds())
    instant = debut + timedelta(seconds=rng.randrange(max(secondes, 1)))
    return instant.astimezone(PARIS).replace(hour=9 + rng.randrange(9), minute=rng.randrange(60), second=0)


@transaction.atomic
def construire_campagne_demo(*, seed=2026, progression=None):
    """Replace the demo campaign: the 2027 édition, its questionnaires and a dozen candidatures. Returns a resume."""
    etape = progression or (lambda message: None)
    if Edition.objects.filter(donnees_demo=False).exists():
        raise ValueError("La base contient des éditions réelles : la démo refuse de s'y mêler.")
    edition_2026 = Edition.objects.filter(donnees_demo=True, annee=ANNEE - 1).first()
    if edition_2026 is None:
        raise ValueError(f"Pas d'édition de démonstration {ANNEE - 1} : construisez d'abord l'historique du label.")
    etape(f"Campagne {ANNEE} : édition, questionnaires et dossiers…")
    supprimer_campagne_demo()
    rng = random.Random(seed * 31 + 7)
    edition = Edition.objects.create(
        annee=ANNEE,
        numero=edition_2026.numero + 1,
        statut=StatutEdition.CAMPAGNE,
        campagne_ouverture=OUVERTURE,
        campagne_cloture=CLOTURE,
        jury_date=JURY,
        ceremonie_date=CEREMONIE,
        seuil_village=edition_2026.seuil_village,
        donnees_demo=True,
    )
    creer_questionnaires(edition_2026)
    questionnaires_2027(edition_2026, edition)

    collectivites = choisir_collectivites(rng, edition_2026)
    ouverture_2026 = datetime.combine(edition_2026.campagne_ouverture, time(9), tzinfo=PARIS)
    questions_2026 = {}
    for question in Question.objects.filter(questionnaire__edition=edition_2026).select_related("questionnaire"):
        questions_2026.setdefault(question.questionnaire.categorie, []).append(question)
    for collectivite in collectivites:
        categorie = Labellisation.objects.get(edition=edition_2026, collectivite=collectivite).categorie
        soumise_le = moment(rng, ouverture_2026, edition_2026.campagne_cloture - timedelta(days=1))
        ancienne = Candidature.objects.create(
            edition=edition_2026,
            collectivite=collectivite,
            categorie=categorie,
            statut=StatutCandidature.SOUMISE,
            created_at=ouverture_2026 + timedelta(days=rng.randrange(30)),
            soumise_le=soumise_le,
        )
        Evenement.objects.create(candidature=ancienne, type=TypeEvenement.SOUMISSION, created_at=soumise_le)
        Reponse.objects.bulk_create(
            [
                Reponse(candidature=ancienne, question=question, valeur=valeur, modifiee_le=soumise_le)
                for question in questions_2026.get(categorie, [])
                if (valeur := reponse_fictive(rng, question)) is not None
            ]
        )

    par_statut = dict.fromkeys(StatutCandidature.values, 0)
    ouverture = datetime.combine(OUVERTURE, time(9), tzinfo=PARIS)
    aujourd_hui = datetime(2026, 11, 27, 9, tzinfo=PARIS)  # the demo's "today": the campaign is open
    for rang, collectivite in enumerate(collectivites):
        inscrite_le = moment(rng, ouverture, aujourd_hui - timedelta(days=10))
        candidature = Candidature.objects.create(
            edition=edition,
            collectivite=collectivite,
            categorie=edition.categorie_pour_population(collectivite.population)
            if not collectivite.is_territoire
            else Categorie.TERRITOIRE,
            created_at=inscrite_le,
        )
        Evenement.objects.create(candidature=candidature, type=TypeEvenement.INSCRIPTION, created_at=inscrite_le)
        pre_remplir(candidature, maintenant=inscrite_le)
        if rang >= INSCRITES:
            travailler(rng, candidature, toutes=rang >= INSCRITES + EN_COURS, moment_=inscrite_le + timedelta(days=3))
        if rang >= INSCRITES + EN_COURS:
            soumise_le = moment(rng, inscrite_le + timedelta(days=5), aujourd_hui)
            Candidature.objects.filter(pk=candidature.pk).update(
                statut=StatutCandidature.SOUMISE, soumise_le=soumise_le
            )
            Evenement.objects.create(candidature=candidature, type=TypeEvenement.SOUMISSION, created_at=soumise_le)
            statut = StatutCandidature.SOUMISE
        elif rang >= INSCRITES:
            statut = StatutCandidature.EN_COURS
        else:
            statut = StatutCandidature.INSCRITE
        Candidature.objects.filter(pk=candidature.pk).update(statut=statut)
        par_statut[statut] += 1
    return ResumeCampagne(
        annee=ANNEE,
        questionnaires=Questionnaire.objects.filter(edition=edition).count(),
        candidatures_precedentes=len(collectivites),
        par_statut=par_statut,
    )


def travailler(rng, candidature, *, toutes, moment_):
    """A dossier someone worked on: copied answers confirmed (all of them, or most), a few rewritten, the required
    questions not copied answered."""
    reponses = list(candidature.reponses.select_related("question", "reprise_de__question__questionnaire__edition"))
    for reponse in reponses:
        if reponse.ecarts():
            reponse.valeur = reponse_fictive(rng, reponse.question) or reponse.valeur
            reponse.version += 1
        if toutes or rng.random() < 0.7:
            reponse.a_confirmer = False
        reponse.modifiee_le = moment_
    Reponse.objects.bulk_update(reponses, ["valeur", "version", "a_confirmer", "modifiee_le"])
    deja = {reponse.question_id for reponse in reponses}
    manquantes = Question.objects.filter(
        questionnaire__edition=candidature.edition, questionnaire__categorie=candidature.categorie
    )
    Reponse.objects.bulk_create(
        [
            Reponse(candidature=candidature, question=question, valeur=valeur, modifiee_le=moment_)
            for question in manquantes
            if question.pk not in deja
            and (question.obligatoire or toutes)
            and (valeur := reponse_fictive(rng, question)) is not None
        ]
    )

"""Shared setup of the campaign's tests: the named cast, an open 2027 édition, questionnaires, fiches."""

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.utils import timezone

from arobase.testing import make_cast, make_collectivites, make_referentiel
from campagne.calendrier import PARIS
from campagne.enums import TypeQuestion
from campagne.models import Question, Questionnaire, Section
from comptes.enums import Role
from comptes.models import Appartenance
from fiches.enums import EtatFiche
from fiches.models import FicheAction, Lieu, Service
from label.enums import Categorie, StatutEdition
from label.models import Edition

MOT_DE_PASSE = "motdepasse-de-test"

# (cle, libelle, type, obligatoire, choix): the questions of a ville or territoire; villages get the
# ones marked True in the last column (a shorter questionnaire).
QUESTIONS = [
    ("strategie", "Quelle est votre stratégie numérique ?", TypeQuestion.TEXTE_LONG, True, "", True),
    ("elu", "Élu chargé du numérique", TypeQuestion.TEXTE, True, "", True),
    ("budget", "Budget numérique annuel (€)", TypeQuestion.NOMBRE, False, "", False),
    ("mediation", "Avez-vous un lieu de médiation numérique ?", TypeQuestion.OUI_NON, True, "", True),
    (
        "publics",
        "Publics accompagnés",
        TypeQuestion.CHOIX_MULTIPLE,
        False,
        "Aînés\nJeunes\nDemandeurs d'emploi",
        False,
    ),
    ("logiciels", "Logiciels libres", TypeQuestion.CHOIX_UNIQUE, False, "Aucun\nQuelques-uns\nMajoritairement", True),
    ("deliberation", "Délibération du conseil (PDF)", TypeQuestion.FICHIER, False, "", False),
]


def creer_questionnaire(edition, categorie, *, questions=QUESTIONS, changements=None):
    """A questionnaire of two sections; `changements` maps a cle to fields to change (e.g. the wording)."""
    questionnaire = Questionnaire.objects.create(edition=edition, categorie=categorie)
    sections = [
        Section.objects.create(questionnaire=questionnaire, titre="Votre politique numérique", ordre=1),
        Section.objects.create(questionnaire=questionnaire, titre="Services et usages", ordre=2),
    ]
    for ordre, (cle, libelle, type_, obligatoire, choix, village) in enumerate(questions):
        if categorie == Categorie.VILLAGE and not village:
            continue
        champs = {"libelle": libelle, "type": type_, "obligatoire": obligatoire, "choix": choix}
        champs.update((changements or {}).get(cle, {}))
        Question.objects.create(section=sections[0 if ordre < 3 else 1], cle=cle, ordre=ordre, **champs)
    return questionnaire


def paris(annee, mois, jour, heure=0, minute=0):
    return datetime(annee, mois, jour, heure, minute, tzinfo=PARIS)


def make_campagne(*, questionnaires=True):
    """The cast (agent_dijon contributeur, referent_dijon, agent_la_rochelle contributeur, equipe staff), plus
    referent_la_rochelle and referent_metropole; a closed 2026 édition and a 2027 édition whose campaign is open
    now (opened 30 days ago, closes in 20 days at 23:59 Paris), with the three questionnaires of each."""
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    cast = make_cast(collectivites)
    User = get_user_model()
    for nom, collectivite, email in [
        ("referent_la_rochelle", "la_rochelle", "maire@larochelle70.fr"),
        ("referent_metropole", "metropole", "numerique@metropole-dijon.fr"),
    ]:
        cast[nom] = User.objects.create_user(nom.replace("_", "."), email, MOT_DE_PASSE)
        Appartenance.objects.create(user=cast[nom], collectivite=collectivites[collectivite], role=Role.REFERENT)
    aujourd_hui = timezone.localtime(timezone.now(), PARIS).date()
    e2026 = Edition.objects.create(
        annee=2026,
        numero=27,
        statut=StatutEdition.CLOSE,
        campagne_ouverture=date(2025, 3, 15),
        campagne_cloture=paris(2025, 10, 31, 23, 59),
        publication_at=paris(2026, 1, 29, 18),
        seuil_village=2000,
    )
    e2027 = Edition.objects.create(
        annee=2027,
        numero=28,
        statut=StatutEdition.CAMPAGNE,
        campagne_ouverture=aujourd_hui - timedelta(days=30),
        campagne_cloture=datetime.combine(aujourd_hui + timedelta(days=20), time(23, 59), tzinfo=PARIS),
        jury_date=aujourd_hui + timedelta(days=45),
        ceremonie_date=datetime.combine(aujourd_hui + timedelta(days=60), time(18, 0), tzinfo=PARIS),
        ceremonie_lieu="Agen",
        seuil_village=2000,
    )
    questionnaires_ = {}
    if questionnaires:
        for edition in (e2026, e2027):
            for categorie in Categorie.values:
                questionnaires_[(edition.annee, categorie)] = creer_questionnaire(edition, categorie)
    services = list(Service.objects.select_related("enjeu").order_by("pk")[:3])
    return SimpleNamespace(
        ref=ref,
        collectivites=collectivites,
        cast=cast,
        e2026=e2026,
        e2027=e2027,
        questionnaires=questionnaires_,
        services=services,
        **collectivites | cast,
    )


def creer_fiche(monde, collectivite, *, titre="Café numérique", etat=EtatFiche.PUBLIEE, complete=True, **champs):
    """A fiche of `collectivite` created now (so it counts for the open édition), complete unless told."""
    fiche = FicheAction.objects.create(
        collectivite=collectivite,
        titre=titre,
        synthese="Des ateliers chaque mardi." if complete else "",
        etat=etat,
        **champs,
    )
    if complete:
        fiche.services.set([monde.services[0]])
        commune = collectivite.commune or monde.ref["dijon"]
        Lieu.objects.create(fiche=fiche, nom="Mairie", commune=commune, latitude=47.3, longitude=5.0)
    return fiche


def question(monde, annee, categorie, cle):
    return Question.objects.get(questionnaire=monde.questionnaires[(annee, categorie)], cle=cle)

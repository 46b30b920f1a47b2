"""What a dossier shows (read side): its questionnaire with the answers, its fiches, its checklist.

Costs, whatever the size of the questionnaire: one query for the questionnaire, one for its sections, one
for its questions, one for the answers (with the answer they were copied from, its question and édition),
one for the fiches with their counts of services and places.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse

from fiches.enums import EtatFiche
from fiches.models import FicheAction

from .calendrier import debut_campagne
from .models import Question, Questionnaire, Reponse, Section


@dataclass
class Ligne:
    """A question of the dossier and its answer (None when never answered)."""

    question: Question
    reponse: Reponse | None

    @property
    def est_remplie(self):
        return self.reponse is not None and self.reponse.est_remplie

    @property
    def a_confirmer(self):
        return self.reponse is not None and self.reponse.a_confirmer

    @property
    def version(self):
        return self.reponse.version if self.reponse else 0

    @property
    def valeur(self):
        return self.reponse.valeur if self.reponse else ""

    @property
    def valeurs(self):
        return self.reponse.valeurs() if self.reponse else []


@dataclass
class Bloc:
    section: Section
    lignes: list = field(default_factory=list)


def questionnaire_de(candidature):
    return Questionnaire.objects.filter(edition_id=candidature.edition_id, categorie=candidature.categorie).first()


def contenu(candidature, questionnaire=None):
    """The sections of the candidature's questionnaire, each with its questions and their answers."""
    questionnaire = questionnaire if questionnaire is not None else questionnaire_de(candidature)
    if questionnaire is None:
        return []
    blocs = {section.pk: Bloc(section) for section in Section.objects.filter(questionnaire=questionnaire)}
    reponses = {
        reponse.question_id: reponse
        for reponse in Reponse.objects.filter(
            candidature=candidature, question__questionnaire=questionnaire
        ).select_related("question", "modifiee_par", "reprise_de__question__questionnaire__edition")
    }
    for question in Question.objects.filter(questionnaire=questionnaire):
        blocs[question.section_id].lignes.append(Ligne(question, reponses.get(question.pk)))
    return [bloc for bloc in blocs.values() if bloc.lignes]


def lignes_de(blocs):
    return [ligne for bloc in blocs for ligne in bloc.lignes]


# ---------------------------------------------------------------------------------------------------
# Fiches
# ---------------------------------------------------------------------------------------------------


def fiches_du_dossier(candidature):
    """The collectivité's fiches that count for the édition, whatever their état except rejected, with what the
    checklist needs (counts of services and places) and whether they were carried over from an earlier campaign."""
    edition = candidature.edition
    fiches = list(
        FicheAction.objects.comptant_pour(edition)
        .filter(collectivite_id=candidature.collectivite_id)
        .exclude(etat=EtatFiche.REJETEE)
        .annotate(nombre_services=Count("services", distinct=True), nombre_lieux=Count("lieux", distinct=True))
        .order_by("-updated_at", "-pk")
    )
    debut = debut_campagne(edition)
    for fiche in fiches:
        fiche.manques = manques_de_fiche(fiche)
        # Carried over: written before this campaign and not touched since it opened.
        fiche.a_mettre_a_jour = debut is not None and fiche.created_at < debut and fiche.updated_at < debut
    return fiches


def manques_de_fiche(fiche):
    """What a fiche lacks to be complete for the dossier (needs the annotations of fiches_du_dossier)."""
    manques = []
    if not fiche.synthese.strip():
        manques.append("une synthèse")
    if not fiche.nombre_services:
        manques.append("au moins un service de la taxonomie")
    if not fiche.nombre_lieux:
        manques.append("au moins un lieu")
    return manques


# ---------------------------------------------------------------------------------------------------
# Checklist
# ---------------------------------------------------------------------------------------------------


@dataclass
class Point:
    """One line of the checklist: what is expected, whether it is done, where to go to do it."""

    libelle: str
    fait: bool
    lien: str = ""


def liste_de_controle(candidature, blocs, fiches):
    """What must be true before submitting: every required question answered, every copied answer confirmed,
    at least one fiche counting for the édition, every such fiche complete. Returns a list of Point."""
    points = []
    lignes = lignes_de(blocs)
    if not lignes:
        points.append(Point("Le questionnaire de votre catégorie n'est pas encore publié.", False))
    for ligne in lignes:
        if ligne.question.obligatoire:
            points.append(
                Point(f"Répondre à « {ligne.question.libelle} »", ligne.est_remplie, f"#{ligne.question.ancre}")
            )
    for ligne in lignes:
        if ligne.a_confirmer:
            points.append(
                Point(
                    f"Confirmer la réponse reprise de l'an passé à « {ligne.question.libelle} »",
                    False,
                    f"#{ligne.question.ancre}",
                )
            )
    points.append(
        Point(
            f"Au moins une fiche action qui compte pour le label {candidature.edition.annee}",
            bool(fiches),
            reverse("fiches:nouvelle"),
        )
    )
    for fiche in fiches:
        if fiche.manques:
            points.append(
                Point(
                    f"Compléter la fiche « {fiche.titre} » : ajouter {' et '.join(fiche.manques)}",
                    False,
                    reverse("fiches:modifier", args=[fiche.pk]),
                )
            )
    return points


def est_pret(points):
    return all(point.fait for point in points)


def progression(blocs):
    """(required questions answered, required questions) of a dossier."""
    obligatoires = [ligne for ligne in lignes_de(blocs) if ligne.question.obligatoire]
    return sum(1 for ligne in obligatoires if ligne.est_remplie), len(obligatoires)


def reponses_remplies_q(prefixe=""):
    """Q of an answer that holds something (a value or a file), for the staff list's counts."""
    return ~Q(**{f"{prefixe}valeur": ""}) | ~Q(**{f"{prefixe}fichier": ""})

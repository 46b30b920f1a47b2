"""The checklist, submitting before the deadline (Europe/Paris, around a change of time), the receipt and the PDF,
reopening with a reason, correcting the kind."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import IntegrityError

from campagne.actions import corriger_categorie, enregistrer_reponse, inscrire, rouvrir_dossier, soumettre_dossier
from campagne.dossier import contenu, est_pret, fiches_du_dossier, liste_de_controle
from campagne.enums import StatutCandidature, TypeEvenement
from campagne.models import Candidature, Evenement, RefusDossier, Reponse
from fiches.enums import EtatFiche
from label.enums import Categorie

from .outils import creer_fiche, paris, question

UTC = ZoneInfo("UTC")


@pytest.fixture
def dossier(monde):
    return inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)


def repondre_a_tout(monde, dossier, categorie=Categorie.VILLE):
    valeurs = {"strategie": ["Trois axes."], "elu": ["Mme Martin"], "mediation": ["oui"]}
    for cle, valeur in valeurs.items():
        q = question(monde, 2027, categorie, cle)
        reponse = Reponse.objects.filter(candidature=dossier, question=q).first()
        enregistrer_reponse(
            candidature=dossier,
            question=q,
            valeurs=valeur,
            version=reponse.version if reponse else 0,
            par=monde.agent_dijon,
        )


def points_de(dossier):
    return liste_de_controle(dossier, contenu(dossier), fiches_du_dossier(dossier))


def a_faire(dossier):
    return [point.libelle for point in points_de(dossier) if not point.fait]


# ---------------------------------------------------------------------------------------------------
# Checklist
# ---------------------------------------------------------------------------------------------------


def test_the_checklist_of_an_empty_dossier_lists_each_required_answer_and_a_fiche(monde, dossier):
    assert a_faire(dossier) == [
        "Répondre à « Quelle est votre stratégie numérique ? »",
        "Répondre à « Élu chargé du numérique »",
        "Répondre à « Avez-vous un lieu de médiation numérique ? »",
        "Au moins une fiche action qui compte pour le label 2027",
    ]
    liens = {point.libelle: point.lien for point in points_de(dossier)}
    assert liens["Répondre à « Élu chargé du numérique »"] == f"#question-{question(monde, 2027, 'ville', 'elu').pk}"
    assert liens["Au moins une fiche action qui compte pour le label 2027"] == "/fiches/nouvelle/"


def test_the_checklist_asks_to_complete_each_fiche_with_a_link_to_it(monde, dossier):
    repondre_a_tout(monde, dossier)
    creer_fiche(monde, monde.dijon, titre="Complète")
    incomplete = creer_fiche(monde, monde.dijon, titre="Esquisse", etat=EtatFiche.BROUILLON, complete=False)

    points = [point for point in points_de(dossier) if not point.fait]

    assert [(p.libelle, p.lien) for p in points] == [
        (
            "Compléter la fiche « Esquisse » : ajouter une synthèse et au moins un service de la taxonomie et au "
            "moins un lieu",
            f"/fiches/{incomplete.pk}/modifier/",
        )
    ]


def test_the_checklist_asks_to_confirm_each_answer_copied_from_last_year(monde, dossier):
    repondre_a_tout(monde, dossier)
    creer_fiche(monde, monde.dijon)
    Reponse.objects.create(
        candidature=dossier, question=question(monde, 2027, "ville", "budget"), valeur="12000", a_confirmer=True
    )

    assert a_faire(dossier) == ["Confirmer la réponse reprise de l'an passé à « Budget numérique annuel (€) »"]


def test_fiches_of_other_collectivites_rejected_ones_and_old_ones_do_not_count(monde, dossier):
    repondre_a_tout(monde, dossier)
    creer_fiche(monde, monde.la_rochelle)
    creer_fiche(monde, monde.dijon, etat=EtatFiche.REJETEE)
    creer_fiche(monde, monde.dijon, date_debut=date(2019, 1, 1), statut_action="terminee", date_fin=date(2019, 6, 1))

    assert a_faire(dossier) == ["Au moins une fiche action qui compte pour le label 2027"]


def test_a_fiche_from_an_earlier_campaign_not_touched_since_is_flagged_for_update(monde, dossier):
    avant = paris(2025, 6, 1, 10)
    reportee = creer_fiche(monde, monde.dijon, titre="Reportée", created_at=avant)
    creer_fiche(monde, monde.dijon, titre="Nouvelle")
    from fiches.models import FicheAction

    FicheAction.objects.filter(pk=reportee.pk).update(updated_at=avant)

    drapeaux = {fiche.titre: fiche.a_mettre_a_jour for fiche in fiches_du_dossier(dossier)}

    assert drapeaux == {"Reportée": True, "Nouvelle": False}


# ---------------------------------------------------------------------------------------------------
# Submitting
# ---------------------------------------------------------------------------------------------------


def dossier_complet(monde, dossier):
    repondre_a_tout(monde, dossier)
    creer_fiche(monde, monde.dijon)
    assert est_pret(points_de(dossier))
    return dossier


def test_a_referent_submits_a_complete_dossier_receipt_and_pdf_included(
    monde, dossier, django_capture_on_commit_callbacks
):
    dossier_complet(monde, dossier)

    with django_capture_on_commit_callbacks(execute=True):
        soumise = soumettre_dossier(candidature=dossier, par=monde.referent_dijon)

    assert soumise.statut == StatutCandidature.SOUMISE
    assert soumise.soumise_par == monde.referent_dijon
    assert soumise.recapitulatif.name.endswith(".pdf")
    with soumise.recapitulatif.open("rb") as fichier:
        assert fichier.read(5) == b"%PDF-"
    assert Evenement.objects.filter(
        candidature=dossier, type=TypeEvenement.SOUMISSION, par=monde.referent_dijon
    ).exists()
    assert len(mail.outbox) == 1
    recu = mail.outbox[0]
    assert recu.to == ["referent@dijon.fr"]
    assert recu.subject == "Dossier reçu : Dijon, label 2027"
    assert "a bien été reçu le" in recu.body
    assert "https://label.example.org/dossiers/2027/21231/" in recu.body
    assert recu.alternatives[0][1] == "text/html"
    assert [piece[0] for piece in recu.attachments] == ["dossier-2027-21231.pdf"]
    assert "désabonn" not in recu.body.lower()  # an essential message


def test_a_contributeur_cannot_submit(monde, dossier):
    dossier_complet(monde, dossier)

    with pytest.raises(RefusDossier, match="Seul un référent"):
        soumettre_dossier(candidature=dossier, par=monde.agent_dijon)

    dossier.refresh_from_db()
    assert dossier.statut == StatutCandidature.EN_COURS


def test_an_incomplete_dossier_cannot_be_submitted(monde, dossier):
    repondre_a_tout(monde, dossier)  # no fiche

    with pytest.raises(RefusDossier, match="n'est pas complet"):
        soumettre_dossier(candidature=dossier, par=monde.referent_dijon)


def test_a_dossier_cannot_be_submitted_twice(monde, dossier):
    dossier_complet(monde, dossier)
    soumettre_dossier(candidature=dossier, par=monde.referent_dijon, recapitulatif=False)

    with pytest.raises(RefusDossier, match="déjà soumis"):
        soumettre_dossier(candidature=dossier, par=monde.referent_dijon, recapitulatif=False)


def test_submission_closes_at_the_deadline_in_paris_time_on_the_night_winter_time_starts(monde, dossier):
    # The 2027 campaign of this test closes on Sunday 25 October 2026 at 23:59 in Paris, the day clocks go
    # back one hour: 22:59 UTC, where a fixed summer offset would say 21:59 UTC.
    dossier_complet(monde, dossier)
    from fiches.models import FicheAction

    FicheAction.objects.update(created_at=paris(2026, 10, 1, 10))  # written during that campaign
    monde.e2027.campagne_ouverture = date(2026, 3, 15)
    monde.e2027.campagne_cloture = paris(2026, 10, 25, 23, 59)
    monde.e2027.save()
    dossier.refresh_from_db()

    with pytest.raises(RefusDossier) as refus:
        soumettre_dossier(
            candidature=dossier, par=monde.referent_dijon, maintenant=paris(2026, 10, 25, 23, 59), recapitulatif=False
        )
    assert str(refus.value).startswith("La date limite est passée (le 25/10/2026 à 23:59, heure de Paris)")

    from datetime import datetime

    soumise = soumettre_dossier(
        candidature=dossier,
        par=monde.referent_dijon,
        maintenant=datetime(2026, 10, 25, 22, 30, tzinfo=UTC),  # 23:30 in Paris
        recapitulatif=False,
    )
    assert soumise.statut == StatutCandidature.SOUMISE


def test_the_database_refuses_a_submitted_candidature_without_its_date(monde, dossier):
    with pytest.raises(IntegrityError):
        Candidature.objects.filter(pk=dossier.pk).update(statut=StatutCandidature.SOUMISE)


# ---------------------------------------------------------------------------------------------------
# Reopening, correcting the kind
# ---------------------------------------------------------------------------------------------------


@pytest.fixture
def soumis(monde, dossier):
    dossier_complet(monde, dossier)
    return soumettre_dossier(candidature=dossier, par=monde.referent_dijon, recapitulatif=False)


def test_staff_reopen_a_dossier_with_a_reason_kept_in_the_journal(monde, soumis):
    rouvrir_dossier(candidature=soumis, par=monde.equipe, motif="Pièce jointe illisible.")

    soumis.refresh_from_db()
    assert soumis.statut == StatutCandidature.REOUVERTE
    assert soumis.rouverte_par == monde.equipe
    evenement = soumis.evenements.get(type=TypeEvenement.REOUVERTURE)
    assert (evenement.par, evenement.motif) == (monde.equipe, "Pièce jointe illisible.")
    assert soumis.est_modifiable()


def test_a_reopening_needs_a_reason_and_staff(monde, soumis):
    with pytest.raises(RefusDossier, match="Donnez le motif"):
        rouvrir_dossier(candidature=soumis, par=monde.equipe, motif="  ")
    with pytest.raises(RefusDossier, match="Seule l'équipe"):
        rouvrir_dossier(candidature=soumis, par=monde.referent_dijon, motif="Oubli")
    with pytest.raises(IntegrityError):
        Evenement.objects.create(candidature=soumis, type=TypeEvenement.REOUVERTURE, motif="")


def test_only_a_submitted_dossier_can_be_reopened(monde, dossier):
    with pytest.raises(RefusDossier, match="Passage impossible de « Inscrite » à « Rouverte »"):
        rouvrir_dossier(candidature=dossier, par=monde.equipe, motif="Pour voir")


def test_reopening_after_the_campaign_needs_a_new_deadline_which_then_applies(monde, soumis):
    apres = monde.e2027.campagne_cloture + timedelta(days=2)

    with pytest.raises(RefusDossier, match="donnez une nouvelle date limite"):
        rouvrir_dossier(candidature=soumis, par=monde.equipe, motif="Erreur de l'équipe", maintenant=apres)

    rouvrir_dossier(
        candidature=soumis,
        par=monde.equipe,
        motif="Erreur de l'équipe",
        echeance=apres + timedelta(days=3),
        maintenant=apres,
    )
    soumis.refresh_from_db()
    assert soumis.date_limite == apres + timedelta(days=3)
    soumettre_dossier(
        candidature=soumis, par=monde.referent_dijon, maintenant=apres + timedelta(days=1), recapitulatif=False
    )
    soumis.refresh_from_db()
    assert soumis.statut == StatutCandidature.SOUMISE


def test_staff_correct_the_kind_and_the_answers_follow_by_key(monde, dossier):
    repondre_a_tout(monde, dossier)
    enregistrer_reponse(
        candidature=dossier,
        question=question(monde, 2027, "ville", "budget"),
        valeurs=["5000"],
        version=0,
        par=monde.agent_dijon,
    )

    corriger_categorie(candidature=dossier, categorie=Categorie.VILLAGE, par=monde.equipe)

    dossier.refresh_from_db()
    assert dossier.categorie == Categorie.VILLAGE
    suivies = set(
        Reponse.objects.filter(candidature=dossier, question__questionnaire__categorie=Categorie.VILLAGE).values_list(
            "question__cle", flat=True
        )
    )
    assert suivies == {"strategie", "elu", "mediation"}  # budget has no village question: kept aside
    assert dossier.evenements.filter(type=TypeEvenement.CATEGORIE, motif="Ville → Village").exists()


def test_the_kind_of_a_submitted_dossier_is_not_corrected(monde, soumis):
    with pytest.raises(RefusDossier, match="Rouvrez d'abord"):
        corriger_categorie(candidature=soumis, categorie=Categorie.VILLAGE, par=monde.equipe)
    with pytest.raises(RefusDossier, match="Seule l'équipe"):
        corriger_categorie(candidature=soumis, categorie=Categorie.VILLAGE, par=monde.referent_dijon)

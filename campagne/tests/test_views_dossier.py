"""The dossier's pages and endpoints, for each role: anonymous, member of another collectivité, contributeur,
référent, staff."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.utils import timezone

from campagne.actions import enregistrer_reponse, inscrire, soumettre_dossier
from campagne.enums import StatutCandidature
from campagne.models import Candidature, Presence, Reponse
from label.enums import Categorie

from .outils import creer_fiche, question

URL = "/dossiers/2027/21231/"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def dossier(monde):
    return inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)


def q(monde, cle):
    return question(monde, 2027, Categorie.VILLE, cle)


def url_question(monde, cle, action="enregistrer"):
    return f"{URL}questions/{q(monde, cle).pk}/{action}/"


def completer(monde, dossier):
    for cle, valeur in {"strategie": "Trois axes.", "elu": "Mme Martin", "mediation": "oui"}.items():
        enregistrer_reponse(
            candidature=dossier, question=q(monde, cle), valeurs=[valeur], version=0, par=monde.agent_dijon
        )
    creer_fiche(monde, monde.dijon, titre="Café numérique")


# ---------------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------------


def test_the_dossier_sends_an_anonymous_visitor_to_the_login_page(client, dossier):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{resolve_url(settings.LOGIN_URL)}?next={URL}"


@pytest.mark.parametrize("qui", ["agent_la_rochelle", "referent_metropole"])
def test_the_dossier_is_a_404_for_members_of_other_collectivites(client, monde, dossier, qui):
    client.force_login(getattr(monde, qui))

    assert client.get(URL).status_code == 404


def test_an_unregistered_collectivite_has_no_dossier(client, monde):
    client.force_login(monde.referent_dijon)

    assert client.get(URL).status_code == 404


def test_a_contributeur_sees_the_questionnaire_to_fill_and_cannot_submit(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Dossier de Dijon — label 2027 — " in html
    assert html.count("<h1>") == 1
    assert '<span class="statut-dossier statut-dossier-inscrite">Dossier à commencer</span>' in html
    assert f'hx-post="{url_question(monde, "strategie")}"' in html
    assert 'hx-trigger="input delay:900ms, change, submit, enregistrer"' in html
    assert '<div class="etat-reponse" aria-live="polite">' in html
    assert 'hx-trigger="load, every 30s"' in html  # presence
    assert "Seul un référent de Dijon peut soumettre le dossier." in html
    assert "Questions obligatoires répondues : 0 sur 3." in html
    assert "mosaique" in html and "Mosaïque des enjeux" in html
    assert "Avant de soumettre" in html


def test_the_village_questionnaire_is_the_shorter_one(client, monde):
    inscrire(edition=monde.e2027, collectivite=monde.la_rochelle, par=monde.referent_la_rochelle)
    client.force_login(monde.agent_la_rochelle)

    html = client.get("/dossiers/2027/70450/").content.decode()

    assert "Quelle est votre stratégie numérique ?" in html
    assert "Budget numérique annuel" not in html


def test_the_dossier_lists_the_fiches_that_count_with_their_etat_and_what_is_missing(client, monde, dossier):
    creer_fiche(monde, monde.dijon, titre="Café numérique")
    creer_fiche(monde, monde.dijon, titre="Esquisse", etat="brouillon", complete=False)
    creer_fiche(monde, monde.la_rochelle, titre="Fiche d'ailleurs")
    client.force_login(monde.agent_dijon)

    html = client.get(URL).content.decode()

    assert "<caption>2 fiches comptant pour le label 2027</caption>" in html
    assert "Café numérique" in html and "Esquisse" in html and "Fiche d&#x27;ailleurs" not in html
    assert '<span class="etat etat-brouillon">Brouillon</span>' in html
    assert "Incomplète : ajouter une synthèse et au moins un service de la taxonomie et au moins un lieu." in html


def test_a_pre_filled_answer_shows_a_confirmer_and_its_differences(client, monde, dossier):
    ancienne_candidature = Candidature.objects.create(
        edition=monde.e2026, collectivite=monde.dijon, categorie="ville", statut="soumise", soumise_le=timezone.now()
    )
    ancienne = Reponse.objects.create(
        candidature=ancienne_candidature, question=question(monde, 2026, "ville", "publics"), valeur="Jeunes"
    )
    q2027 = q(monde, "publics")
    q2027.choix = "Aînés\nFamilles"
    q2027.save()
    Reponse.objects.create(candidature=dossier, question=q2027, valeur="Jeunes", a_confirmer=True, reprise_de=ancienne)
    client.force_login(monde.agent_dijon)

    html = client.get(URL).content.decode()

    assert "<strong>À confirmer :</strong> réponse reprise du dossier de 2026." in html
    assert "Votre réponse de 2026 ne figure plus parmi les choix : « Jeunes ». Choisissez à nouveau." in html
    assert "Confirmer cette réponse" in html
    assert "Confirmer la réponse reprise de l&#x27;an passé à « Publics accompagnés »" in html


def test_staff_see_the_dossier_read_only_with_their_tools(client, monde, dossier):
    client.force_login(monde.equipe)

    html = client.get(URL).content.decode()

    assert "Outils de l'équipe" in html
    assert "Corriger la catégorie" in html
    assert "hx-post" not in html.split('id="questionnaire"')[1].split('id="etat-dossier"')[0]
    assert "Sans réponse" in html


def test_a_submitted_dossier_is_read_only_for_the_collectivite(client, monde, dossier):
    completer(monde, dossier)
    soumettre_dossier(candidature=dossier, par=monde.referent_dijon, recapitulatif=False)
    client.force_login(monde.referent_dijon)

    html = client.get(URL).content.decode()

    assert "Dossier soumis" in html
    assert "le dossier n'est plus modifiable" in html
    assert "<textarea" not in html
    assert "Soumettre le dossier" not in html


def test_the_dossier_page_refuses_a_post(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    assert client.post(URL).status_code == 405


# ---------------------------------------------------------------------------------------------------
# Saving as one types
# ---------------------------------------------------------------------------------------------------


def test_saving_an_answer_shows_the_time_and_the_new_version(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    response = client.post(url_question(monde, "strategie"), {"valeur": "Trois axes.", "version": "0"}, **HTMX)

    html = response.content.decode()
    heure = timezone.localtime(Reponse.objects.get().modifiee_le).strftime("%H:%M")
    assert response.status_code == 200
    assert f"Enregistré à {heure}" in html
    assert '<input type="hidden" name="version" value="1">' in html
    assert response["HX-Trigger"] == "reponse-enregistree"
    assert Reponse.objects.get().valeur == "Trois axes."


def test_a_stale_save_gets_a_409_with_the_other_persons_value_and_the_choice(client, monde, dossier):
    enregistrer_reponse(
        candidature=dossier,
        question=q(monde, "strategie"),
        valeurs=["Texte de Claire"],
        version=0,
        par=monde.referent_dijon,
    )
    client.force_login(monde.agent_dijon)

    response = client.post(url_question(monde, "strategie"), {"valeur": "Texte de Paul", "version": "0"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 409
    assert "referent.dijon a modifié cette réponse" in html
    assert "<dt>Sa réponse</dt><dd>Texte de Claire</dd>" in html
    assert "<dt>Votre saisie</dt><dd>Texte de Paul</dd>" in html
    assert 'hx-vals=\'{"version_choisie": "1"}\'' in html
    assert "Garder la sienne" in html
    assert Reponse.objects.get().valeur == "Texte de Claire"

    gardee = client.post(
        url_question(monde, "strategie"), {"valeur": "Texte de Paul", "version": "0", "version_choisie": "1"}, **HTMX
    )
    assert gardee.status_code == 200
    assert Reponse.objects.get().valeur == "Texte de Paul"


def test_keeping_theirs_reloads_the_question_as_saved(client, monde, dossier):
    enregistrer_reponse(
        candidature=dossier,
        question=q(monde, "strategie"),
        valeurs=["Texte de Claire"],
        version=0,
        par=monde.referent_dijon,
    )
    client.force_login(monde.agent_dijon)

    response = client.get(f"{URL}questions/{q(monde, 'strategie').pk}/", **HTMX)

    assert response.status_code == 200
    assert ">Texte de Claire</textarea>" in response.content.decode()


def test_an_invalid_value_gets_a_422_in_french_and_nothing_is_saved(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    response = client.post(url_question(monde, "budget"), {"valeur": "beaucoup", "version": "0"}, **HTMX)

    assert response.status_code == 422
    assert "Non enregistré : Saisissez un nombre, par exemple 1 250 ou 12,5." in response.content.decode()
    assert not Reponse.objects.exists()


def test_an_expired_session_gets_a_401_that_says_to_log_in_again_in_a_new_tab(client, monde, dossier):
    response = client.post(url_question(monde, "strategie"), {"valeur": "Texte", "version": "0"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 401
    assert "votre session a expiré" in html
    assert 'target="_blank"' in html
    assert not Reponse.objects.exists()


def test_without_htmx_an_anonymous_save_goes_to_the_login_page(client, monde, dossier):
    response = client.post(url_question(monde, "strategie"), {"valeur": "Texte", "version": "0"})

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_without_htmx_a_save_redirects_to_the_question(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    response = client.post(url_question(monde, "elu"), {"valeur": "Mme Martin", "version": "0"})

    assert response.status_code == 302
    assert response["Location"] == f"{URL}#question-{q(monde, 'elu').pk}"
    assert Reponse.objects.get().valeur == "Mme Martin"


@pytest.mark.parametrize("qui", ["agent_la_rochelle", "equipe"])
def test_saving_is_a_404_for_non_members_staff_included(client, monde, dossier, qui):
    client.force_login(getattr(monde, qui))

    response = client.post(url_question(monde, "strategie"), {"valeur": "Intrus", "version": "0"}, **HTMX)

    assert response.status_code == 404
    assert not Reponse.objects.exists()


def test_saving_in_a_submitted_dossier_is_a_403_with_the_reason(client, monde, dossier):
    completer(monde, dossier)
    soumettre_dossier(candidature=dossier, par=monde.referent_dijon, recapitulatif=False)
    client.force_login(monde.agent_dijon)

    response = client.post(url_question(monde, "strategie"), {"valeur": "Trop tard", "version": "1"}, **HTMX)

    assert response.status_code == 403
    assert response["X-Dossier-Refus"] == "1"
    assert "Le dossier est soumis" in response.content.decode()
    assert Reponse.objects.get(question=q(monde, "strategie")).valeur == "Trois axes."


def test_saving_refuses_a_get(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    assert client.get(url_question(monde, "strategie")).status_code == 405


def test_a_question_of_another_questionnaire_is_a_404(client, monde, dossier):
    client.force_login(monde.agent_dijon)
    autre = question(monde, 2027, Categorie.VILLAGE, "strategie")

    assert client.post(f"{URL}questions/{autre.pk}/enregistrer/", {"valeur": "x"}, **HTMX).status_code == 404


def test_a_file_is_sent_and_downloaded_by_members_and_staff_only(client, monde, dossier):
    client.force_login(monde.agent_dijon)
    pdf = SimpleUploadedFile("délibération.pdf", b"%PDF-1.7\nbonjour", content_type="application/pdf")

    response = client.post(url_question(monde, "deliberation"), {"fichier": pdf, "version": "0"}, **HTMX)

    assert response.status_code == 200
    assert "Fichier joint" in response.content.decode()
    telechargement = client.get(url_question(monde, "deliberation", "fichier"))
    assert telechargement.status_code == 200
    assert b"".join(telechargement.streaming_content).startswith(b"%PDF-")
    assert telechargement["Content-Type"] == "application/pdf"
    assert "attachment" in telechargement["Content-Disposition"]
    client.force_login(monde.equipe)
    assert client.get(url_question(monde, "deliberation", "fichier")).status_code == 200
    client.force_login(monde.agent_la_rochelle)
    assert client.get(url_question(monde, "deliberation", "fichier")).status_code == 404


def test_a_file_with_a_false_extension_is_refused(client, monde, dossier):
    client.force_login(monde.agent_dijon)
    faux = SimpleUploadedFile("faux.pdf", b"<html>bonjour</html>")

    response = client.post(url_question(monde, "deliberation"), {"fichier": faux, "version": "0"}, **HTMX)

    assert response.status_code == 422
    assert "ne correspond pas à son extension" in response.content.decode()


def test_confirming_a_pre_filled_answer(client, monde, dossier):
    Reponse.objects.create(candidature=dossier, question=q(monde, "elu"), valeur="M. Roy", a_confirmer=True)
    client.force_login(monde.agent_dijon)

    response = client.post(url_question(monde, "elu", "confirmer"), **HTMX)

    assert response.status_code == 200
    assert "Confirmé à" in response.content.decode()
    assert not Reponse.objects.get().a_confirmer


def test_confirming_is_a_404_for_another_collectivite(client, monde, dossier):
    Reponse.objects.create(candidature=dossier, question=q(monde, "elu"), valeur="M. Roy", a_confirmer=True)
    client.force_login(monde.agent_la_rochelle)

    assert client.post(url_question(monde, "elu", "confirmer"), **HTMX).status_code == 404
    assert Reponse.objects.get().a_confirmer


# ---------------------------------------------------------------------------------------------------
# Presence
# ---------------------------------------------------------------------------------------------------


def test_presence_lists_the_others_seen_in_the_last_minute(client, monde, dossier):
    Presence.objects.create(candidature=dossier, user=monde.referent_dijon)
    Presence.objects.create(candidature=dossier, user=monde.equipe, vue_le=timezone.now() - timedelta(minutes=2))
    client.force_login(monde.agent_dijon)

    response = client.post(f"{URL}presence/", **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Aussi sur ce dossier en ce moment :</strong> referent.dijon." in html
    assert "equipe" not in html
    assert Presence.objects.filter(user=monde.agent_dijon).exists()


def test_presence_is_a_401_when_the_session_expired_and_a_404_for_others(client, monde, dossier):
    assert client.post(f"{URL}presence/", **HTMX).status_code == 401
    client.force_login(monde.agent_la_rochelle)
    assert client.post(f"{URL}presence/", **HTMX).status_code == 404


# ---------------------------------------------------------------------------------------------------
# Submitting
# ---------------------------------------------------------------------------------------------------


def test_a_referent_submits_and_the_dossier_says_soumis(client, monde, dossier, django_capture_on_commit_callbacks):
    completer(monde, dossier)
    client.force_login(monde.referent_dijon)
    page = client.get(URL).content.decode()
    assert "Soumettre le dossier de Dijon" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{URL}soumettre/", follow=True)

    html = response.content.decode()
    assert response.redirect_chain == [(URL, 302)]
    assert "Dossier soumis. Un accusé de réception a été envoyé aux référents" in html
    assert "Télécharger le récapitulatif PDF" in html
    dossier.refresh_from_db()
    assert dossier.statut == StatutCandidature.SOUMISE
    assert len(mail.outbox) == 1


def test_a_contributeur_trying_to_submit_is_told_only_a_referent_can(client, monde, dossier):
    completer(monde, dossier)
    client.force_login(monde.agent_dijon)

    response = client.post(f"{URL}soumettre/", follow=True)

    assert "Seul un référent de la collectivité peut soumettre le dossier." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.statut == StatutCandidature.EN_COURS


@pytest.mark.parametrize("qui", ["equipe", "agent_la_rochelle"])
def test_submitting_is_a_404_for_staff_and_other_collectivites(client, monde, dossier, qui):
    completer(monde, dossier)
    client.force_login(getattr(monde, qui))

    assert client.post(f"{URL}soumettre/").status_code == 404
    dossier.refresh_from_db()
    assert dossier.statut == StatutCandidature.EN_COURS


def test_submitting_after_the_deadline_is_refused_with_a_clear_message(client, monde, dossier):
    completer(monde, dossier)
    monde.e2027.campagne_cloture = timezone.now() - timedelta(minutes=1)
    monde.e2027.save()
    client.force_login(monde.referent_dijon)

    response = client.post(f"{URL}soumettre/", follow=True)

    html = response.content.decode().replace("&#x27;", "'")
    assert "La date limite est passée (le " in html
    assert "heure de Paris) : le dossier ne peut plus être soumis." in html
    dossier.refresh_from_db()
    assert dossier.statut == StatutCandidature.EN_COURS


def test_submitting_an_incomplete_dossier_is_refused(client, monde, dossier):
    client.force_login(monde.referent_dijon)

    response = client.post(f"{URL}soumettre/", follow=True)

    assert "Le dossier n&#x27;est pas complet" in response.content.decode()


def test_submitting_refuses_a_get(client, monde, dossier):
    client.force_login(monde.referent_dijon)

    assert client.get(f"{URL}soumettre/").status_code == 405


# ---------------------------------------------------------------------------------------------------
# Staff: reopen, kind
# ---------------------------------------------------------------------------------------------------


@pytest.fixture
def soumis(monde, dossier):
    completer(monde, dossier)
    return soumettre_dossier(candidature=dossier, par=monde.referent_dijon, recapitulatif=False)


def test_staff_reopen_a_submitted_dossier_with_a_reason(client, monde, soumis):
    client.force_login(monde.equipe)

    response = client.post(f"{URL}rouvrir/", {"motif": "Pièce illisible."}, follow=True)

    html = response.content.decode()
    assert "Dossier rouvert" in html
    assert "Réouverture par equipe : Pièce illisible." in html
    soumis.refresh_from_db()
    assert soumis.statut == StatutCandidature.REOUVERTE


def test_reopening_without_a_reason_is_refused(client, monde, soumis):
    client.force_login(monde.equipe)

    response = client.post(f"{URL}rouvrir/", {"motif": ""}, follow=True)

    assert "Donnez le motif de la réouverture." in response.content.decode()
    soumis.refresh_from_db()
    assert soumis.statut == StatutCandidature.SOUMISE


@pytest.mark.parametrize("qui", ["referent_dijon", "agent_la_rochelle"])
def test_reopening_is_a_404_for_anyone_but_staff(client, monde, soumis, qui):
    client.force_login(getattr(monde, qui))

    assert client.post(f"{URL}rouvrir/", {"motif": "Je veux changer"}).status_code == 404
    soumis.refresh_from_db()
    assert soumis.statut == StatutCandidature.SOUMISE


def test_staff_correct_the_kind(client, monde, dossier):
    client.force_login(monde.equipe)

    response = client.post(f"{URL}categorie/", {"categorie": "village"}, follow=True)

    assert "Catégorie corrigée : village." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.categorie == Categorie.VILLAGE


def test_correcting_the_kind_is_a_404_for_a_referent(client, monde, dossier):
    client.force_login(monde.referent_dijon)

    assert client.post(f"{URL}categorie/", {"categorie": "village"}).status_code == 404


# ---------------------------------------------------------------------------------------------------
# PDF summary and the live part
# ---------------------------------------------------------------------------------------------------


def test_members_and_staff_download_the_pdf_summary_others_get_a_404(client, monde, soumis):
    for qui in ("agent_dijon", "equipe"):
        client.force_login(getattr(monde, qui))
        response = client.get(f"{URL}recapitulatif.pdf")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert 'filename="dossier-2027-21231.pdf"' in response["Content-Disposition"]
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(monde.agent_la_rochelle)
    assert client.get(f"{URL}recapitulatif.pdf").status_code == 404
    client.logout()
    assert client.get(f"{URL}recapitulatif.pdf").status_code == 302


def test_the_pdf_of_a_dossier_in_progress_is_a_draft(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    response = client.get(f"{URL}recapitulatif.pdf")

    assert response.status_code == 200
    assert 'filename="brouillon-dossier-2027-21231.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    dossier.refresh_from_db()
    assert not dossier.recapitulatif


def test_the_pdf_summary_holds_the_answers_the_fiches_and_the_mosaique(monde, soumis):
    from campagne.recapitulatif import html_recapitulatif

    html = html_recapitulatif(soumis)

    assert "Trois axes." in html
    assert "Café numérique" in html
    assert '<th scope="col">Enjeu</th>' in html
    assert html.count('<td class="nombre">') == 16


def test_the_live_part_of_the_dossier_is_refreshed_for_members(client, monde, dossier):
    client.force_login(monde.agent_dijon)

    response = client.get(f"{URL}etat/", **HTMX)

    assert response.status_code == 200
    assert "Avant de soumettre" in response.content.decode()
    client.force_login(monde.agent_la_rochelle)
    assert client.get(f"{URL}etat/", **HTMX).status_code == 404


def test_a_file_replaced_meanwhile_is_a_409_showing_the_current_file(client, monde, dossier):
    client.force_login(monde.agent_dijon)
    premier = SimpleUploadedFile("premier.pdf", b"%PDF-1.7\nun", content_type="application/pdf")
    client.post(url_question(monde, "deliberation"), {"fichier": premier, "version": "0"}, **HTMX)
    second = SimpleUploadedFile("second.pdf", b"%PDF-1.7\ndeux", content_type="application/pdf")

    response = client.post(url_question(monde, "deliberation"), {"fichier": second, "version": "0"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 409
    assert 'class="question"' in html
    assert "premier.pdf" in html
    assert "quelqu&#x27;un a envoyé un autre fichier entre-temps" in html
    assert Reponse.objects.get().nom_fichier == "premier.pdf"

"""The public calendar of an édition, its .ics file, and the registration page."""

from datetime import timedelta

from django.conf import settings
from django.shortcuts import resolve_url

from campagne.models import Candidature
from label.models import Labellisation

from .outils import paris


def test_the_calendar_of_an_edition_is_public_with_its_dates_in_paris_time(client, monde):
    response = client.get("/editions/2027/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Calendrier du label 2027 — " in html
    assert html.count("<h1>") == 1
    assert "<strong>La campagne est ouverte</strong> : les candidatures se terminent le" in html
    assert "à 23:59 (heure de Paris), dans 20 jours." in html
    assert "Agen" in html
    assert "<caption>Les étapes du label 2027 (heure de Paris)</caption>" in html
    assert 'href="/editions/2027/calendrier.ics"' in html
    assert "Connectez-vous</a> pour inscrire votre collectivité" in html


def test_the_calendar_shows_nothing_about_results(client, monde):
    Labellisation.objects.create(edition=monde.e2026, collectivite=monde.dijon, categorie="ville", arobases=5)
    Labellisation.objects.create(edition=monde.e2027, collectivite=monde.dijon, categorie="ville", arobases=4)

    html = client.get("/editions/2027/").content.decode()

    assert "@" not in html.split('<main id="contenu"')[1].split("</main>")[0]
    assert "arobase" not in html.split('<main id="contenu"')[1].split("</main>")[0].lower()


def test_a_member_sees_the_registration_of_their_collectivites(client, monde):
    Candidature.objects.create(edition=monde.e2027, collectivite=monde.la_rochelle, categorie="village")
    client.force_login(monde.referent_dijon)

    html = client.get("/editions/2027/").content.decode()

    assert 'Dijon :\n      pas encore inscrite — <a href="/editions/2027/inscription/">l\'inscrire</a>' in html
    assert "La Rochelle" not in html.split("mes-candidatures")[1]


def test_an_unknown_edition_is_a_404(client, monde):
    assert client.get("/editions/1990/").status_code == 404
    assert client.get("/editions/1990/calendrier.ics").status_code == 404


def test_the_editions_address_goes_to_the_open_campaign(client, monde):
    response = client.get("/editions/")

    assert response.status_code == 302
    assert response["Location"] == "/editions/2027/"


def test_the_ics_file_is_a_calendar_attachment(client, monde):
    response = client.get("/editions/2027/calendrier.ics")

    texte = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="label-2027.ics"'
    assert texte.startswith("BEGIN:VCALENDAR\r\n")
    assert "UID:label-2027-cloture@label.example.org\r\n" in texte
    assert "URL:https://label.example.org/editions/2027/\r\n" in texte


def test_the_calendar_pages_refuse_a_post(client, monde):
    assert client.post("/editions/2027/").status_code == 405
    assert client.post("/editions/2027/calendrier.ics").status_code == 405


# ---------------------------------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------------------------------


def test_registration_sends_an_anonymous_visitor_to_the_login_page(client, monde):
    response = client.get("/editions/2027/inscription/")

    assert response.status_code == 302
    assert response["Location"] == f"{resolve_url(settings.LOGIN_URL)}?next=/editions/2027/inscription/"
    assert client.post("/editions/2027/inscription/", {"collectivite": "21231"}).status_code == 302
    assert not Candidature.objects.exists()


def test_a_referent_sees_the_kind_and_registers_their_collectivite(client, monde):
    client.force_login(monde.referent_dijon)

    page = client.get("/editions/2027/inscription/").content.decode()
    response = client.post("/editions/2027/inscription/", {"collectivite": "21231"}, follow=True)

    assert "<td>Ville</td>" in page
    assert '<button type="submit" class="bouton">Inscrire Dijon</button>' in page
    candidature = Candidature.objects.get()
    assert (candidature.collectivite, candidature.categorie) == (monde.dijon, "ville")
    assert response.redirect_chain == [("/dossiers/2027/21231/", 302)]
    assert "Dijon est inscrite au label 2027 en catégorie « ville »." in response.content.decode()


def test_a_contributeur_cannot_register(client, monde):
    client.force_login(monde.agent_dijon)

    page = client.get("/editions/2027/inscription/").content.decode()
    response = client.post("/editions/2027/inscription/", {"collectivite": "21231"}, follow=True)

    assert "Seul un référent peut l'inscrire." in page
    assert "Seul un référent d&#x27;une collectivité peut l&#x27;inscrire au label." in response.content.decode()
    assert not Candidature.objects.exists()


def test_a_referent_cannot_register_another_collectivite(client, monde):
    client.force_login(monde.referent_dijon)

    client.post("/editions/2027/inscription/", {"collectivite": monde.la_rochelle.code})

    assert not Candidature.objects.exists()


def test_staff_cannot_register_a_collectivite_they_do_not_belong_to(client, monde):
    client.force_login(monde.equipe)

    client.post("/editions/2027/inscription/", {"collectivite": "21231"})

    assert not Candidature.objects.exists()


def test_registration_outside_the_campaign_is_refused_with_a_clear_message(client, monde):
    monde.e2027.campagne_cloture = paris(2026, 1, 1)
    monde.e2027.campagne_ouverture = monde.e2027.campagne_cloture.date() - timedelta(days=100)
    monde.e2027.save()
    client.force_login(monde.referent_dijon)

    page = client.get("/editions/2027/inscription/").content.decode()
    response = client.post("/editions/2027/inscription/", {"collectivite": "21231"}, follow=True)

    assert "Les inscriptions au label 2027 sont closes depuis le 1 janvier 2026 à 00:00" in page
    assert "Les inscriptions au label 2027 ne sont pas ouvertes : elles se font pendant la campagne" in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert not Candidature.objects.exists()


def test_registering_twice_says_it_is_already_done(client, monde):
    client.force_login(monde.referent_dijon)
    client.post("/editions/2027/inscription/", {"collectivite": "21231"})

    response = client.post("/editions/2027/inscription/", {"collectivite": "21231"}, follow=True)

    assert "Dijon est déjà inscrite au label 2027." in response.content.decode()
    assert Candidature.objects.count() == 1


def test_staff_find_the_list_of_candidatures_from_the_calendar(client, monde):
    client.force_login(monde.equipe)

    html = client.get("/editions/2027/").content.decode()

    assert '<a href="/equipe/candidatures/2027/">Suivi des candidatures au label 2027</a>' in html
    assert "rattaché à aucune collectivité" not in html

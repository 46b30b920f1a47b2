"""The staff screen that imports a past palmarès: /palmares/import/ and its report."""

import csv
import io
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from arobase.testing import make_cast, make_collectivites, make_referentiel
from comptes.testing import activer_totp
from label.models import Edition, Labellisation
from palmares.importation import POIDS_MAX
from palmares.views_import import SESSION
from territoires.models import Commune, Departement, Region

MOT_DE_PASSE = "motdepasse-de-test"
LISTE = "Palmarès 2012\nDijon (21) @@@@\nLa Rochelle @\nChenôve (21) @@\n"
URLS_GET = ["/palmares/import/", "/palmares/import/rapport/", "/palmares/import/rapport.csv"]
URLS_POST = ["/palmares/import/", "/palmares/import/importer/", "/palmares/import/abandonner/"]


@pytest.fixture(autouse=True)
def reglages(settings):
    # The login page belongs to another feature: only the redirection is tested here, not its target.
    settings.LOGIN_URL = "/connexion/"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast accounts


@pytest.fixture
def cast(db, reglages):
    """The named cast, on the hand-made référentiel plus the other La Rochelle (17), its homonym."""
    ref = make_referentiel()
    region = Region.objects.create(code="75", nom="Nouvelle-Aquitaine")
    charente_maritime = Departement.objects.create(code="17", nom="Charente-Maritime", region=region)
    Commune.objects.create(code_insee="17300", nom="La Rochelle", population=75735, departement=charente_maritime)
    return make_cast(make_collectivites(ref))


@pytest.fixture
def equipe(client, cast):
    """A client signed in as staff with an authenticator app (comptes.access: the import asks for it)."""
    activer_totp(cast["equipe"])
    client.force_login(cast["equipe"])
    return client


def analyser(client, texte=LISTE, **champs):
    return client.post("/palmares/import/", {"annee": 2012, "texte": texte, **champs})


# --- Who may see it --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", URLS_GET)
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, cast, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=")


@pytest.mark.parametrize("url", URLS_POST)
def test_an_anonymous_post_changes_nothing(client, cast, url):
    response = client.post(url, {"annee": 2012, "texte": LISTE})

    assert response.status_code == 302
    assert not Edition.objects.exists()


@pytest.mark.parametrize("qui", ["agent_dijon", "referent_dijon", "agent_la_rochelle"])
@pytest.mark.parametrize("url", URLS_GET)
def test_a_member_of_a_collectivite_is_refused(client, cast, qui, url):
    client.force_login(cast[qui])

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", URLS_POST)
def test_a_member_of_a_collectivite_cannot_import(client, cast, url):
    client.force_login(cast["referent_dijon"])

    assert client.post(url, {"annee": 2012, "texte": LISTE}).status_code == 403
    assert not Edition.objects.exists()


def test_an_inactive_staff_account_is_refused(client, cast):
    cast["equipe"].is_active = False
    cast["equipe"].save()
    client.force_login(cast["equipe"])

    assert client.get("/palmares/import/").status_code == 302  # Django logs an inactive user out


def test_staff_without_two_factor_authentication_are_sent_to_turn_it_on(client, cast):
    client.force_login(cast["equipe"])

    reponses = [client.get(url) for url in URLS_GET] + [
        client.post(url, {"annee": 2012, "texte": LISTE}) for url in URLS_POST
    ]

    for reponse in reponses:
        assert (reponse.status_code, reponse["Location"]) == (302, "/compte/double-authentification/")
        assert "Importer un palmarès" not in reponse.content.decode()
    assert SESSION not in client.session
    assert not Edition.objects.exists()

    activer_totp(cast["equipe"])
    assert "<title>Importer un palmarès passé — " in client.get("/palmares/import/").content.decode()


def test_an_analysis_in_progress_is_neither_shown_nor_imported_once_the_app_is_removed(equipe, cast):
    assert analyser(equipe)["Location"] == "/palmares/import/rapport/"
    Authenticator.objects.filter(user=cast["equipe"]).delete()

    rapport = equipe.get("/palmares/import/rapport/")
    csv_ = equipe.get("/palmares/import/rapport.csv")
    import_ = equipe.post("/palmares/import/importer/", {"choix-3": "70450"})

    for reponse in (rapport, csv_, import_):
        assert (reponse.status_code, reponse["Location"]) == (302, "/compte/double-authentification/")
        assert "Dijon" not in reponse.content.decode()
    assert not Edition.objects.exists()


@pytest.mark.parametrize("url", ["/palmares/import/importer/", "/palmares/import/abandonner/"])
def test_mutations_refuse_get(equipe, url):
    assert equipe.get(url).status_code == 405


def test_the_report_refuses_post(equipe):
    assert equipe.post("/palmares/import/rapport/").status_code == 405


# --- Upload or paste -------------------------------------------------------------------------------------


def test_staff_sees_the_form_with_labels_and_hints(equipe):
    response = equipe.get("/palmares/import/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Importer un palmarès passé — " in html
    assert html.count("<h1>") == 1
    for champ in ["annee", "fichier", "texte", "region", "departement"]:
        assert f'for="id_{champ}"' in html
    assert '<option value="21">21 — Côte-d&#x27;Or</option>' in html
    assert 'enctype="multipart/form-data"' in html


def test_pasting_a_list_shows_its_report(equipe):
    response = analyser(equipe)

    assert response.status_code == 302
    assert response["Location"] == "/palmares/import/rapport/"
    lignes = equipe.session[SESSION]["lignes"]
    assert [ligne["statut"] for ligne in lignes] == ["ignoree", "resolu", "ambigu", "resolu"]
    assert not Edition.objects.exists()


def test_uploading_a_csv_shows_its_report(equipe):
    fichier = SimpleUploadedFile("palmares.csv", b"nom;departement;arobases\nDijon;21;4\n", "text/csv")

    response = equipe.post("/palmares/import/", {"annee": 2012, "fichier": fichier})

    assert response.status_code == 302
    assert equipe.session[SESSION]["source"] == "palmares.csv"
    assert equipe.session[SESSION]["lignes"][0]["code"] == "21231"


@pytest.mark.parametrize(
    ("champs", "message"),
    [
        ({"texte": ""}, "Envoyez un fichier ou collez la liste du palmarès."),
        ({"annee": 1990}, "Assurez-vous que cette valeur est supérieure ou égale à 1999."),
        ({"annee": 2999}, "L&#x27;année doit être au plus"),
        (
            {"fichier": SimpleUploadedFile("p.pdf", b"%PDF-1.4", "application/pdf")},
            "Type de fichier non pris en charge",
        ),
        ({"fichier": SimpleUploadedFile("p.xlsx", b"pas un classeur", "application/zip")}, "classeur XLSX lisible"),
        ({"fichier": SimpleUploadedFile("p.txt", b"x" * (POIDS_MAX + 1), "text/plain")}, "Le fichier dépasse 2 Mo."),
        ({"departement": "99"}, "Sélectionnez un choix valide."),
        ({"texte": "Dijon @\n" * 5000}, "La liste compte 5001 lignes : 5000 au plus."),
    ],
)
def test_a_wrong_form_keeps_what_was_typed_and_says_why(equipe, champs, message):
    donnees = {"annee": 2012, "texte": "Ma liste\nDijon @@"} | champs
    if "fichier" in champs:
        donnees["texte"] = ""

    response = equipe.post("/palmares/import/", donnees)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Erreur : Importer un palmarès passé" in html
    assert message in html
    if not {"fichier", "texte"} & set(champs):
        assert "Ma liste\nDijon @@</textarea>" in html
    assert SESSION not in equipe.session


def test_a_file_and_a_pasted_list_together_are_refused(equipe):
    fichier = SimpleUploadedFile("palmares.txt", b"Dijon (21) @@", "text/plain")

    response = equipe.post("/palmares/import/", {"annee": 2012, "texte": "Dijon @", "fichier": fichier})

    assert "Envoyez un fichier ou collez une liste, pas les deux." in response.content.decode()


# --- The report ------------------------------------------------------------------------------------------


def test_the_report_shows_every_line_with_a_status_in_words_and_the_candidates(equipe):
    analyser(equipe)

    response = equipe.get("/palmares/import/rapport/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Rapport d'import du palmarès 2012 — " in html
    assert html.count("<h1>") == 1
    assert "<caption>Les 4 lignes de la liste et ce qu'elles sont devenues</caption>" in html
    assert '<th scope="col">Statut</th>' in html
    assert '<span class="badge statut-resolu">résolue</span>' in html
    assert '<span class="badge statut-ambigu">ambiguë</span>' in html
    assert '<span class="badge statut-ignoree">ignorée</span>' in html
    assert '<a href="/collectivites/21231/">Dijon</a>' in html
    assert "<legend>Ligne 3 : quelle collectivité ?</legend>" in html
    assert 'name="choix-3" id="choix-3-70450" value="70450"' in html
    assert "La Rochelle (70) —\n                39 habitants" in html
    assert '<a href="/collectivites/70450/">voir sa page' in html
    assert "n'existe pas encore : il sera créé sans date de publication" in html


def test_the_report_warns_when_the_edition_is_already_published(equipe):
    Edition.objects.create(annee=2012, numero=13, publication_at=timezone.now() - timedelta(days=1))
    analyser(equipe)

    html = equipe.get("/palmares/import/rapport/").content.decode()

    assert "le label 2012 est publié. Ce que vous importez sera public" in html


def test_the_report_downloads_as_csv(equipe):
    analyser(equipe)

    response = equipe.get("/palmares/import/rapport.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="rapport-palmares-2012.csv"' in response["Content-Disposition"]
    rangees = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["statut"] for r in rangees] == ["ignoree", "resolu", "ambigu", "resolu"]
    assert rangees[2]["candidats"] == "17300:La Rochelle|70450:La Rochelle"


def test_without_an_analysis_the_report_leads_back_to_the_form(equipe):
    response = equipe.get("/palmares/import/rapport/", follow=True)

    assert response.redirect_chain == [("/palmares/import/", 302)]
    assert "Aucune analyse en cours" in response.content.decode()


# --- Import ----------------------------------------------------------------------------------------------


def test_choosing_the_candidate_of_each_ambiguous_line_imports_everything(equipe):
    analyser(equipe)

    response = equipe.post("/palmares/import/importer/", {"choix-3": "70450"}, follow=True)

    assert response.redirect_chain == [("/palmares/import/", 302)]
    html = response.content.decode()
    assert "Label 2012 (édition créée, non publiée) : 3 labellisations créées" in html
    edition = Edition.objects.get(annee=2012)
    assert edition.publication_at is None
    assert sorted(edition.labellisations.values_list("collectivite__code", "arobases")) == [
        ("21166", 2),
        ("21231", 4),
        ("70450", 1),
    ]
    assert SESSION not in equipe.session


def test_nothing_is_imported_while_an_ambiguous_line_is_not_settled(equipe):
    analyser(equipe)

    response = equipe.post("/palmares/import/importer/", {"choix-3": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Erreur : Rapport d'import" in html
    assert "Rien n&#x27;a été importé : 1 ligne est ambiguë ou non résolue." in html
    assert not Edition.objects.exists()
    assert SESSION in equipe.session


def test_a_code_that_is_not_a_candidate_of_the_line_is_never_imported(equipe):
    analyser(equipe)

    response = equipe.post("/palmares/import/importer/", {"choix-3": "21231", "choix-2": "70450"})

    assert response.status_code == 200
    assert not Labellisation.objects.exists()


def test_the_choices_are_kept_when_the_import_is_refused(equipe):
    analyser(equipe, texte=LISTE + "Genève @\n")

    html = equipe.post("/palmares/import/importer/", {"choix-3": "70450"}).content.decode()

    assert 'value="70450" checked' in html
    assert not Labellisation.objects.exists()


def test_leaving_out_the_unresolved_imports_the_rest(equipe):
    analyser(equipe, texte=LISTE + "Genève @\n")

    response = equipe.post("/palmares/import/importer/", {"ignorer_non_resolus": "on"}, follow=True)

    assert "2 labellisations créées" in response.content.decode()
    assert "2 lignes laissées de côté." in response.content.decode()
    assert Labellisation.objects.count() == 2


def test_a_second_import_of_the_same_list_updates_instead_of_duplicating(equipe):
    analyser(equipe)
    equipe.post("/palmares/import/importer/", {"choix-3": "70450"})
    analyser(equipe, texte=LISTE.replace("Dijon (21) @@@@", "Dijon (21) @@@@@"))

    response = equipe.post("/palmares/import/importer/", {"choix-3": "70450"}, follow=True)

    assert "0 labellisation créée, 1 mise à jour (arobases changées), 2 inchangées" in response.content.decode()
    assert Labellisation.objects.count() == 3


def test_abandoning_forgets_the_analysis(equipe):
    analyser(equipe)

    response = equipe.post("/palmares/import/abandonner/", follow=True)

    assert "Analyse abandonnée : rien n&#x27;a été importé." in response.content.decode()
    assert SESSION not in equipe.session


def test_importing_without_an_analysis_leads_back_to_the_form(equipe):
    response = equipe.post("/palmares/import/importer/")

    assert response.status_code == 302
    assert not Edition.objects.exists()

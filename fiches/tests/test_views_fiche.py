import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from fiches.enums import EtatFiche
from fiches.models import FicheAction, Personne

from .observatoire import EMAIL_PRIVE, TELEPHONE_PRIVE, creer_fiche, make_observatoire

JAVASCRIPT_URL = re.compile(r"(href|src|action)\s*=\s*[\"']?\s*javascript:", re.IGNORECASE)
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>[clic](javascript:alert(2))'


@pytest.fixture
def obs(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the cast's 4 accounts, fast
    return make_observatoire()


def url(fiche, suffixe="/"):
    return f"/fiches/{fiche.pk}{suffixe}"


def test_anyone_sees_a_published_fiche_with_its_title_and_texts(client, obs):
    response = client.get(url(obs["publiee"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Médiation numérique dans les écoles — Dijon — " in html
    assert html.count("<h1") == 1
    assert '<h1 id="fiche-titre">Médiation numérique dans les écoles</h1>' in html
    assert '<p class="chapo">Des ateliers pour les familles</p>' in html
    assert "<p>Des <strong>ateliers</strong> chaque semaine.</p>" in html
    assert "<li>achat de tablettes</li>" in html
    assert "300 familles accompagnées." in html
    assert "Commencer petit." in html
    assert "<dd>En cours</dd>" in html
    assert "<dd>depuis le 4 mars 2024</dd>" in html
    assert "<dd>Familles des écoles élémentaires</dd>" in html
    assert "<dd>12\xa0500 €</dd>" in html
    assert "Association Les Petits Débrouillards" in html
    assert "Société Tablettes &amp; Cie" in html
    assert "non visible du public" not in html


def test_it_shows_the_taxonomy_path_of_each_service_with_the_enjeu_colour_and_name(client, obs):
    html = client.get(url(obs["publiee"])).content.decode()

    for service in obs["services"][:2]:
        enjeu = service.enjeu
        assert f'<span class="pastille" style="background-color: {enjeu.couleur}" aria-hidden="true"></span>' in html
        assert f'<span class="chemin-famille">{escape(enjeu.famille.nom)}</span>' in html
        assert f'<strong class="chemin-enjeu">{escape(enjeu.nom)}</strong>' in html
        assert f'<span class="chemin-service">{escape(service.nom)}</span>' in html
    assert obs["services"][4].nom not in html


def test_it_lists_places_as_text_next_to_their_map(client, obs):
    response = client.get(url(obs["publiee"]))

    html = response.content.decode()
    assert 'role="region" aria-label="Carte des lieux de l\'action ; leur liste suit la carte"' in html
    assert "<li><strong>Médiathèque Champollion</strong></li>" in html
    assert "<li><strong>École Voltaire</strong></li>" in html
    assert response.context["lieux_carte"] == [
        {"nom": "Médiathèque Champollion", "latitude": 47.33, "longitude": 5.05},
        {"nom": "École Voltaire", "latitude": 47.31, "longitude": 5.02},
    ]
    assert '<script id="lieux-donnees" type="application/json">' in html
    assert "vendor/leaflet-1.9.4/leaflet.js" in html
    assert 'data-fond="/static/fiches/departements.geojson"' in html


def test_a_fiche_without_places_loads_no_map(client, obs):
    html = client.get(url(obs["proche"])).content.decode()

    assert "leaflet" not in html
    assert "carte-lieux" not in html


def test_only_http_links_are_shown(client, obs):
    html = client.get(url(obs["publiee"])).content.decode()

    assert (
        '<a href="https://dijon.example/mediation" rel="noopener nofollow">https://dijon.example/mediation</a>' in html
    )
    assert "javascript:" not in html
    assert "ftp://" not in html


def test_images_show_their_thumbnail_and_alternative_text(client, obs):
    html = client.get(url(obs["publiee"])).content.decode()

    pk = obs["publiee"].pk
    assert (
        f'<a href="/media/fiches/{pk}/atelier.webp"><img src="/media/fiches/{pk}/atelier-vignette.webp" '
        'alt="Un atelier de médiation numérique avec des parents" loading="lazy"></a>'
    ) in html
    assert "<figcaption>Atelier du mercredi</figcaption>" in html


def test_contacts_show_name_function_and_office_but_never_email_or_telephone(client, obs):
    html = client.get(url(obs["publiee"])).content.decode()

    assert "<li><strong>Claire Martin</strong>, Cheffe de projet numérique</li>" in html
    assert "<li><strong>Paul Durand</strong> — Adjoint au maire chargé du numérique</li>" in html
    assert EMAIL_PRIVE not in html
    assert TELEPHONE_PRIVE not in html
    assert "@dijon.example" not in html


@pytest.mark.parametrize("chemin", ["/", ".csv", ".json"])
def test_private_contact_columns_are_never_even_read(client, obs, chemin):
    with CaptureQueriesContext(connection) as requetes:
        response = client.get(url(obs["publiee"], chemin))

    assert response.status_code == 200
    sql_personnes = [q["sql"] for q in requetes.captured_queries if "fiches_personne" in q["sql"]]
    assert len(sql_personnes) == 1
    assert "email" not in sql_personnes[0]
    assert "telephone" not in sql_personnes[0]


def test_it_shows_the_collectivite_with_its_current_published_arobases(client, obs):
    html = client.get(url(obs["publiee"])).content.decode()

    assert '<a href="/collectivites/21231/">Dijon</a>' in html
    assert (
        '<p class="niveau">Label 2026 : <span class="arobases"><span aria-hidden="true">'
        '<span class="arobase-verte">@</span>@@@@</span><span class="visuellement-cache">5 arobases dont une verte'
    ) in html
    # Dijon's 2027 result is published tomorrow only.
    assert "2027" not in html
    assert "1 arobase<" not in html


def test_it_says_when_the_collectivite_is_not_in_the_latest_palmares(client, obs):
    html = client.get(url(obs["deux_services"])).content.decode()

    assert '<p class="niveau">Dernier label obtenu : 2025, <span class="arobases">' in html


def test_it_says_when_the_collectivite_has_no_published_label(client, obs):
    fiche = creer_fiche(obs["collectivites"]["metropole"], "Open data métropolitain", obs["services"][:1])

    html = client.get(url(fiche)).content.decode()

    assert "Aucun label publié pour cette collectivité." in html


def test_it_states_the_licence_and_the_dates(client, obs):
    fiche = obs["publiee"]

    html = client.get(url(fiche)).content.decode()

    assert (
        'Contenu sous licence <a href="https://creativecommons.org/licenses/by-sa/4.0/deed.fr" rel="license">'
        "CC BY-SA 4.0</a>"
    ) in html
    assert f"Fiche créée le {fiche.created_at:%-d}" in html
    assert "mise à jour le" in html


def test_it_links_to_the_csv_and_json_downloads(client, obs):
    html = client.get(url(obs["publiee"])).content.decode()

    pk = obs["publiee"].pk
    assert f'<a href="/fiches/{pk}.csv" download>Tableur (CSV)' in html
    assert f'<a href="/fiches/{pk}.json" download>Données (JSON)' in html


def test_similar_fiches_share_services_then_words_of_the_title(client, obs):
    response = client.get(url(obs["publiee"]))

    similaires = response.context["similaires"]
    # Tablettes au village shares both services; of the two sharing one, the aînés' fiche shares
    # « médiation numérique » with the title although Wifi public is newer. Drafts, fiches under
    # moderation and fiches sharing no service never show.
    assert similaires == [obs["deux_services"], obs["proche"], obs["lointaine"]]
    assert [s.services_communs for s in similaires] == [2, 1, 1]
    html = response.content.decode()
    assert f'<a href="/fiches/{obs["proche"].pk}/">Médiation numérique pour les aînés</a> — La Rochelle' in html
    assert "(2 services en commun)" in html
    assert "(1 service en commun)" in html


def test_at_most_five_similar_fiches_are_shown(client, obs):
    for numero in range(6):
        creer_fiche(obs["collectivites"]["la_rochelle"], f"Atelier {numero}", obs["services"][:2])

    similaires = client.get(url(obs["publiee"])).context["similaires"]

    assert len(similaires) == 5
    assert obs["publiee"] not in similaires


def test_anonymous_gets_404_for_a_draft(client, obs):
    assert client.get(url(obs["brouillon"])).status_code == 404


@pytest.mark.parametrize(
    "etat", [EtatFiche.BROUILLON, EtatFiche.EN_MODERATION, EtatFiche.A_MODIFIER, EtatFiche.REJETEE]
)
def test_a_member_of_another_collectivite_gets_404_for_an_unpublished_fiche(client, obs, etat):
    FicheAction.objects.filter(pk=obs["brouillon"].pk).update(etat=etat)
    client.force_login(obs["cast"]["agent_la_rochelle"])

    assert client.get(url(obs["brouillon"])).status_code == 404
    assert client.get(url(obs["brouillon"], ".csv")).status_code == 404
    assert client.get(url(obs["brouillon"], ".json")).status_code == 404


@pytest.mark.parametrize(
    "etat,bandeau",
    [
        (EtatFiche.BROUILLON, "Brouillon — non visible du public."),
        (EtatFiche.EN_MODERATION, "En attente de modération — non visible du public."),
        (EtatFiche.A_MODIFIER, "Modifications demandées — non visible du public."),
        (EtatFiche.REJETEE, "Rejetée — non visible du public."),
    ],
)
@pytest.mark.parametrize("qui", ["agent_dijon", "referent_dijon", "equipe"])
def test_members_and_staff_see_an_unpublished_fiche_with_a_banner_saying_its_state(client, obs, etat, bandeau, qui):
    FicheAction.objects.filter(pk=obs["brouillon"].pk).update(etat=etat)
    client.force_login(obs["cast"][qui])

    response = client.get(url(obs["brouillon"]))

    assert response.status_code == 200
    assert f'<div class="bandeau-etat" role="status">\n  <p><strong>{bandeau}</strong>' in response.content.decode()


def test_the_banner_gives_the_moderation_reason_to_the_members(client, obs):
    FicheAction.objects.filter(pk=obs["brouillon"].pk).update(
        etat=EtatFiche.A_MODIFIER, motif_moderation="Ajoutez une photo de l'atelier."
    )
    client.force_login(obs["cast"]["agent_dijon"])

    html = client.get(url(obs["brouillon"])).content.decode()

    assert "Motif de la modération : Ajoutez une photo de l&#x27;atelier." in html


@pytest.mark.parametrize("qui", [None, "agent_dijon", "agent_la_rochelle", "equipe"])
def test_a_published_fiche_is_public_and_shows_no_banner(client, obs, qui):
    if qui:
        client.force_login(obs["cast"][qui])

    response = client.get(url(obs["publiee"]))

    assert response.status_code == 200
    assert "bandeau-etat" not in response.content.decode()


def test_an_unknown_fiche_is_404(client, obs):
    assert client.get("/fiches/999999/").status_code == 404
    assert client.get("/fiches/999999.json").status_code == 404


def test_the_page_refuses_post(client, obs):
    assert client.post(url(obs["publiee"])).status_code == 405
    assert client.post(url(obs["publiee"], ".csv")).status_code == 405


@pytest.mark.parametrize(
    "champ", ["titre", "sous_titre", "synthese", "realisation", "resultats", "recommandations", "public_concerne"]
)
def test_no_script_reaches_the_page_from_any_text_field(client, obs, champ):
    FicheAction.objects.filter(pk=obs["publiee"].pk).update(**{champ: XSS[:200]})
    FicheAction.objects.filter(pk=obs["publiee"].pk).update(
        partenaires=XSS, prestataires=XSS, outils=XSS, liens="javascript:alert(3)\n" + XSS
    )
    Personne.objects.filter(fiche=obs["publiee"]).update(nom=XSS[:200], fonction=XSS[:200], mandat=XSS[:200])

    html = client.get(url(obs["publiee"])).content.decode()

    assert '<script>alert("xss")' not in html
    assert "<img src=x" not in html
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert", "")  # as escaped text only
    assert not JAVASCRIPT_URL.search(html)


def test_a_rich_text_link_keeps_only_an_http_address(client, obs):
    FicheAction.objects.filter(pk=obs["publiee"].pk).update(
        synthese='[bon](https://ok.example) [mauvais](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">x</a>'
    )

    html = client.get(url(obs["publiee"])).content.decode()

    assert '<a href="https://ok.example" rel="noopener nofollow">bon</a>' in html
    assert '<a rel="noopener nofollow">mauvais</a>' in html
    assert "javascript" not in html.lower()


def test_the_page_runs_a_constant_number_of_queries(client, obs, django_assert_num_queries):
    for numero in range(4):
        creer_fiche(obs["collectivites"]["la_rochelle"], f"Atelier {numero}", obs["services"][:2])

    # 1 demo banner, 2 fiche + collectivité + territory, 3 services with enjeu and famille, 4 places,
    # 5 contacts (public fields), 6 images, 7 current label, 8 similar fiches.
    with django_assert_num_queries(8):
        response = client.get(url(obs["publiee"]))
    assert response.status_code == 200


def test_a_member_viewing_a_draft_adds_the_session_and_membership_queries(client, obs, django_assert_num_queries):
    client.force_login(obs["cast"]["agent_dijon"])

    # 1 session, 2 user, 3 fiche, 4 membership check, 5 services, 6 places, 7 contacts, 8 images,
    # 9 current label, 10 similar fiches, 11 demo banner.
    with django_assert_num_queries(11):
        response = client.get(url(obs["brouillon"]))
    assert response.status_code == 200


# ---------------------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------------------


def lire_csv(response):
    contenu = response.content.decode("utf-8")
    assert contenu.startswith("\ufeff")
    return list(csv.reader(io.StringIO(contenu[1:])))


def test_the_csv_has_a_header_row_and_the_public_fields(client, obs):
    response = client.get(url(obs["publiee"], ".csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="fiche-{obs["publiee"].pk}.csv"'
    entete, ligne = lire_csv(response)
    donnees = dict(zip(entete, ligne, strict=True))
    assert entete[:3] == ["id", "url", "titre"]
    assert donnees["titre"] == "Médiation numérique dans les écoles"
    assert donnees["url"] == f"http://testserver/fiches/{obs['publiee'].pk}/"
    assert donnees["collectivite"] == "Dijon"
    assert donnees["collectivite_code"] == "21231"
    assert donnees["date_debut"] == "2024-03-04"
    assert donnees["budget"] == "12500.0"
    assert donnees["licence"] == "CC BY-SA 4.0"
    assert donnees["liens"] == "https://dijon.example/mediation"
    services = obs["services"]
    assert donnees["services"] == " | ".join(f"{s.enjeu.famille.nom} > {s.enjeu.nom} > {s.nom}" for s in services[:2])
    assert donnees["lieux"] == "Médiathèque Champollion (47.33, 5.05) | École Voltaire (47.31, 5.02)"
    assert donnees["contacts"] == (
        "Claire Martin, Cheffe de projet numérique | Paul Durand, Adjoint au maire chargé du numérique"
    )
    assert donnees["images"] == f"http://testserver/media/fiches/{obs['publiee'].pk}/atelier.webp"


def test_the_csv_never_holds_private_contact_data(client, obs):
    contenu = client.get(url(obs["publiee"], ".csv")).content.decode()

    assert EMAIL_PRIVE not in contenu
    assert TELEPHONE_PRIVE not in contenu
    assert "email" not in contenu and "telephone" not in contenu


def test_the_csv_cells_cannot_run_as_spreadsheet_formulas(client, obs):
    FicheAction.objects.filter(pk=obs["publiee"].pk).update(
        titre='=HYPERLINK("https://evil.example","clic")', sous_titre="+1+1", public_concerne="@SUM(A1)"
    )

    entete, ligne = lire_csv(client.get(url(obs["publiee"], ".csv")))

    donnees = dict(zip(entete, ligne, strict=True))
    assert donnees["titre"] == '\'=HYPERLINK("https://evil.example","clic")'
    assert donnees["sous_titre"] == "'+1+1"
    assert donnees["public_concerne"] == "'@SUM(A1)"


def test_the_json_has_the_taxonomy_path_and_no_private_data(client, obs):
    response = client.get(url(obs["publiee"], ".json"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="fiche-{obs["publiee"].pk}.json"'
    donnees = json.loads(response.content)
    service = obs["services"][0]
    assert donnees["services"][0] == {
        "famille": service.enjeu.famille.nom,
        "enjeu": service.enjeu.nom,
        "service": service.nom,
    }
    assert donnees["collectivite"] == {"nom": "Dijon", "code": "21231", "url": "http://testserver/collectivites/21231/"}
    assert donnees["contacts"] == [
        {"nom": "Claire Martin", "fonction": "Cheffe de projet numérique", "mandat": ""},
        {"nom": "Paul Durand", "fonction": "", "mandat": "Adjoint au maire chargé du numérique"},
    ]
    assert donnees["lieux"][0] == {
        "nom": "Médiathèque Champollion",
        "adresse": "",
        "commune": "",
        "code_insee": "",
        "latitude": 47.33,
        "longitude": 5.05,
    }
    assert donnees["liens"] == ["https://dijon.example/mediation"]
    assert donnees["licence"]["nom"] == "CC BY-SA 4.0"
    assert donnees["synthese"] == "Des **ateliers** chaque semaine."
    assert EMAIL_PRIVE not in response.content.decode()
    assert TELEPHONE_PRIVE not in response.content.decode()


def test_members_download_their_draft_and_others_get_404(client, obs):
    assert client.get(url(obs["brouillon"], ".json")).status_code == 404

    client.force_login(obs["cast"]["agent_dijon"])
    response = client.get(url(obs["brouillon"], ".json"))

    assert response.status_code == 200
    assert json.loads(response.content)["etat"] == "brouillon"


@pytest.mark.parametrize("format", ["xml", "html", "CSV", "csv.exe"])
def test_an_unknown_download_format_is_404(client, obs, format):
    assert client.get(f"/fiches/{obs['publiee'].pk}.{format}").status_code == 404


@pytest.mark.parametrize("format", ["csv", "json"])
def test_the_downloads_run_a_constant_number_of_queries(client, obs, format, django_assert_num_queries):
    # 1 fiche + collectivité + territory, 2 services with enjeu and famille, 3 places, 4 contacts
    # (public fields), 5 images.
    with django_assert_num_queries(5):
        response = client.get(url(obs["publiee"], f".{format}"))
    assert response.status_code == 200

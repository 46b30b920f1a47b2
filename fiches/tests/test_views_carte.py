import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from fiches.enums import EtatFiche
from fiches.facettes import Referentiel
from fiches.models import FicheAction, Lieu, Service
from fiches.views import carte as vue_carte

from .observatoire import creer_fiche, make_observatoire

FRANCE = "-5.2,41.3,9.6,51.1"
DIJON = "4.9,47.2,5.2,47.4"


@pytest.fixture
def obs(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the cast's 4 accounts, fast
    return make_observatoire()


def donnees(client, bbox=FRANCE, **filtres):
    response = client.get("/carte/donnees/", {"bbox": bbox, **filtres})
    return response, json.loads(response.content)


# ---------------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------------


def test_anyone_sees_the_map_page_with_its_text_equivalent(client, obs):
    response = client.get("/carte/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Carte des actions — " in html
    assert html.count("<h1") == 1
    assert (
        'id="carte-fiches" class="carte-leaflet carte-leaflet-grande" role="region" '
        'aria-label="Carte des fiches actions ; la liste des fiches de la zone affichée suit la carte"'
    ) in html
    assert '<h2 id="fiches-en-vue">Fiches de la zone affichée</h2>' in html
    assert '<a href="/fiches/">Voir ces fiches sous forme de liste dans l\'observatoire</a>' in html
    assert 'data-donnees="/carte/donnees/"' in html
    assert 'data-url-fiche="/fiches/0/"' in html
    assert "vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js" in html
    assert "fiches/carte.js" in html


def test_every_filter_has_a_label(client, obs):
    html = client.get("/carte/").content.decode()

    assert '<label for="filtre-q">Mots</label>' in html
    # One collapsible group of checkboxes per facet, named by its legend; nothing chosen reads « toutes » / « tous ».
    for nom, titre, tous in [
        ("famille", "Famille", "toutes"),
        ("enjeu", "Enjeu", "tous"),
        ("region", "Région", "toutes"),
        ("departement", "Département", "tous"),
        ("categorie", "Collectivité", "toutes"),
    ]:
        assert (
            f'<summary>{titre}<span class="visuellement-cache"> :</span> <span class="badge">{tous}</span></summary>'
        ) in html
        assert f'<legend class="visuellement-cache">{titre}</legend>' in html
        assert f'<input type="checkbox" id="filtre-{nom}-' in html
    assert '<input type="checkbox" id="filtre-region-27" name="region" value="27">' in html
    assert '<label for="filtre-region-27">Bourgogne-Franche-Comté</label>' in html
    assert '<label for="filtre-departement-21">21 — Côte-d&#x27;Or</label>' in html
    assert '<label for="filtre-categorie-village">Village</label>' in html
    assert "<select" not in html.split("<main")[1]
    cases = re.findall(r'<input type="checkbox" id="([^"]+)"', html)
    assert len(cases) > 20
    assert all(f'<label for="{case}">' in html for case in cases)
    assert '<details class="filtre-carte" open>' not in html


def test_the_enjeux_are_grouped_by_famille(client, obs):
    enjeu = obs["services"][0].enjeu

    html = client.get("/carte/").content.decode()

    groupe = html.split(f"<legend>{escape(enjeu.famille.nom)}</legend>")[1].split("</fieldset>")[0]
    assert f'<label for="filtre-enjeu-{enjeu.pk}">{enjeu.nom}</label>' in groupe


def test_the_chosen_filters_are_kept_and_passed_to_the_data_and_the_list(client, obs):
    enjeu = obs["services"][0].enjeu

    response = client.get(
        "/carte/", {"q": "écoles", "enjeu": enjeu.pk, "region": "27", "categorie": "ville", "famille": ""}
    )

    html = response.content.decode()
    assert '<input type="search" id="filtre-q" name="q" value="écoles" maxlength="500">' in html
    assert f'<input type="checkbox" id="filtre-enjeu-{enjeu.pk}" name="enjeu" value="{enjeu.pk}" checked>' in html
    assert '<input type="checkbox" id="filtre-region-27" name="region" value="27" checked>' in html
    assert '<input type="checkbox" id="filtre-categorie-ville" name="categorie" value="ville" checked>' in html
    assert '<input type="checkbox" id="filtre-categorie-village" name="categorie" value="village">' in html
    # A facet with a choice is open and says how many values are ticked.
    assert html.count('<details class="filtre-carte" open>') == 3
    assert '<summary>Enjeu<span class="visuellement-cache"> :</span> <span class="badge">1 choisi</span>' in html
    # The search page's names and meaning: the list shows the same fiches as the map.
    query = f"q=%C3%A9coles&amp;enjeu={enjeu.pk}&amp;region=27&amp;categorie=ville"
    assert f'data-filtres="{query}"' in html
    assert f'<a href="/fiches/?{query}">' in html
    assert '<a href="/carte/">Retirer les filtres</a>' in html


def test_a_facet_takes_several_values_kept_in_a_shareable_address(client, obs):
    enjeux = [service.enjeu for service in obs["services"][:2]]
    autre = Service.objects.exclude(enjeu__in=enjeux).first().enjeu
    ids = sorted({enjeu.pk for enjeu in enjeux} | {autre.pk})

    html = client.get(
        "/carte/", {"enjeu": [str(pk) for pk in ids], "departement": ["70", "21"], "categorie": ["ville", "village"]}
    ).content.decode()

    for pk in ids:
        assert f'id="filtre-enjeu-{pk}" name="enjeu" value="{pk}" checked>' in html
    assert f'<span class="badge">{len(ids)} choisis</span>' in html
    assert '<span class="badge">2 choisies</span>' in html  # Collectivité
    assert 'id="filtre-departement-21" name="departement" value="21" checked>' in html
    assert 'id="filtre-departement-70" name="departement" value="70" checked>' in html
    # Repeated parameters, in the search page's order: the data and the list read the same address.
    query = "&amp;".join(
        [f"enjeu={pk}" for pk in ids] + ["departement=21", "departement=70", "categorie=village", "categorie=ville"]
    )
    assert f'data-filtres="{query}"' in html
    assert f'<a href="/fiches/?{query}">' in html


def test_wrong_filter_values_are_dropped_as_on_the_search_page(client, obs):
    response = client.get("/carte/", {"region": "<script>", "categorie": "metropole", "enjeu": "abc"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("<main")[1]
    assert 'data-filtres=""' in html
    assert " checked>" not in html


def test_facets_of_the_search_page_without_a_list_here_are_kept_in_hidden_fields(client, obs):
    service = obs["services"][0]

    html = client.get("/carte/", {"service": service.pk, "population": "moins-de-500"}).content.decode()

    assert f'<input type="hidden" name="service" value="{service.pk}">' in html
    assert '<input type="hidden" name="population" value="moins-de-500">' in html
    assert "D'autres filtres choisis dans l'observatoire s'appliquent aussi" in html


def test_the_collectivite_of_the_search_page_is_kept_and_passed_to_the_list(client, obs):
    html = client.get("/carte/", {"collectivite": "21231"}).content.decode()

    assert '<input type="hidden" name="collectivite" value="21231">' in html
    assert '<a href="/fiches/?collectivite=21231">' in html


def test_the_base_layer_is_ours_unless_a_tile_server_is_configured(client, obs, settings):
    html = client.get("/carte/").content.decode()
    assert 'data-fond="/static/fiches/departements.geojson" data-tuiles-url=""' in html

    settings.CARTE_TUILES_URL = "https://tuiles.example.org/{z}/{x}/{y}.png"
    settings.CARTE_TUILES_ATTRIBUTION = "© Contributeurs"
    html = client.get("/carte/").content.decode()
    assert 'data-tuiles-url="https://tuiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-tuiles-attribution="© Contributeurs"' in html


def test_the_main_navigation_leads_to_the_observatory_and_the_map(client, obs):
    html = client.get("/carte/").content.decode()

    assert '<li><a href="/fiches/">Observatoire</a></li>' in html
    assert '<li><a href="/fiches/" aria-current="page">Observatoire</a></li>' in client.get("/fiches/").content.decode()
    assert '<li><a href="/carte/" aria-current="page">Carte</a></li>' in html


def requetes_du_referentiel():
    """Queries of the search page's Referentiel (fiches/facettes.py), the values the filters can take."""
    with CaptureQueriesContext(connection) as requetes:
        Referentiel()
    return len(requetes)


def test_the_page_runs_a_constant_number_of_queries(client, obs, django_assert_num_queries):
    # The values of the filters (the search page's Referentiel), then 1 demo banner.
    with django_assert_num_queries(requetes_du_referentiel() + 1):
        client.get("/carte/", {"enjeu": "x", "region": "27", "q": "école"})


def test_the_map_refuses_post(client, obs):
    assert client.post("/carte/").status_code == 405
    assert client.post("/carte/donnees/", {"bbox": FRANCE}).status_code == 405


# ---------------------------------------------------------------------------------------------------
# The data endpoint
# ---------------------------------------------------------------------------------------------------


def test_it_sends_the_places_of_published_fiches_inside_the_box(client, obs):
    response, json_ = donnees(client, DIJON)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    publiee = obs["publiee"]
    # Dijon's draft has a place in the box too; La Rochelle's place is outside.
    assert json_ == {
        "mode": "points",
        "total": 2,
        "points": [
            [publiee.pk, 47.33, 5.05, "Médiation numérique dans les écoles", "Dijon"],
            [publiee.pk, 47.31, 5.02, "Médiation numérique dans les écoles", "Dijon"],
        ],
    }


def test_it_never_sends_an_unpublished_fiche(client, obs):
    for etat in [EtatFiche.BROUILLON, EtatFiche.EN_MODERATION, EtatFiche.A_MODIFIER, EtatFiche.REJETEE]:
        creer_fiche(
            obs["collectivites"]["dijon"],
            f"Pas publique ({etat})",
            obs["services"][:1],
            etat=etat,
            lieux=[("Ici", 47.3, 5.0)],
        )

    ids = {point[0] for point in donnees(client, FRANCE)[1]["points"]}

    assert ids == {obs["publiee"].pk, obs["deux_services"].pk}


@pytest.mark.parametrize("bbox", [DIJON, FRANCE])
def test_both_ways_of_reading_the_box_give_the_same_places(client, obs, monkeypatch, bbox):
    enjeu = obs["services"][0].enjeu
    monkeypatch.setattr(vue_carte, "BANDE_INDEX", 0)  # by the published fiches
    par_les_fiches = donnees(client, bbox, enjeu=enjeu.pk)[1]
    monkeypatch.setattr(vue_carte, "BANDE_INDEX", 180)  # by the coordinates index

    par_les_coordonnees = donnees(client, bbox, enjeu=enjeu.pk)[1]

    assert par_les_fiches == par_les_coordonnees
    assert par_les_fiches["total"] >= 2


def test_the_data_may_be_cached_a_minute_as_it_is_the_same_for_everyone(client, obs):
    response, _ = donnees(client, DIJON)

    assert response["Cache-Control"] == "public, max-age=60"


def test_a_box_with_no_place_answers_an_empty_list(client, obs):
    assert donnees(client, "-10,-10,-9,-9")[1] == {"mode": "points", "total": 0, "points": []}


def test_the_whole_world_is_a_valid_box(client, obs):
    response, json_ = donnees(client, "-180,-90,180,90")

    assert response.status_code == 200
    assert json_["total"] == 3


@pytest.mark.parametrize(
    "filtres,attendus",
    [
        ({"region": "27"}, {"publiee", "deux_services"}),
        ({"region": "32"}, set()),
        ({"departement": "70"}, {"deux_services"}),
        ({"departement": "21"}, {"publiee"}),
        ({"categorie": "village"}, {"deux_services"}),
        ({"categorie": "ville", "departement": "70"}, set()),
        ({"region": ["32", "27"]}, {"publiee", "deux_services"}),
        ({"categorie": "ville", "region": "27"}, {"publiee"}),
        ({"collectivite": "70450"}, {"deux_services"}),  # La Rochelle, by its INSEE code
        ({"collectivite": "70450", "categorie": "ville"}, set()),
        # Wrong values are dropped, as on the search page.
        ({"region": "<script>"}, {"publiee", "deux_services"}),
        ({"categorie": "metropole"}, {"publiee", "deux_services"}),
        ({"enjeu": "abc"}, {"publiee", "deux_services"}),
        ({"collectivite": "99999"}, {"publiee", "deux_services"}),
    ],
)
def test_it_applies_the_territory_and_kind_filters(client, obs, filtres, attendus):
    ids = {point[0] for point in donnees(client, FRANCE, **filtres)[1]["points"]}

    assert ids == {obs[nom].pk for nom in attendus}


def test_it_applies_the_taxonomy_filters(client, obs):
    enjeu = obs["services"][0].enjeu
    autre = Service.objects.exclude(enjeu__famille=enjeu.famille).first()
    creer_fiche(obs["collectivites"]["la_rochelle"], "Hors enjeu", [autre], lieux=[("Mairie", 47.74, 5.73)])

    par_enjeu = {point[3] for point in donnees(client, FRANCE, enjeu=enjeu.pk)[1]["points"]}
    par_famille = {point[3] for point in donnees(client, FRANCE, famille=autre.enjeu.famille.pk)[1]["points"]}
    par_service = {point[3] for point in donnees(client, FRANCE, service=autre.pk)[1]["points"]}

    assert "Hors enjeu" not in par_enjeu
    assert "Médiation numérique dans les écoles" in par_enjeu
    assert par_famille == {"Hors enjeu"}
    assert par_service == {"Hors enjeu"}


def test_a_facet_with_several_values_keeps_the_fiches_of_any_of_them(client, obs):
    enjeu = obs["services"][0].enjeu
    autre = Service.objects.exclude(enjeu__famille=enjeu.famille).first()
    creer_fiche(obs["collectivites"]["la_rochelle"], "Hors enjeu", [autre], lieux=[("Mairie", 47.74, 5.73)])

    def titres(**filtres):
        return {point[3] for point in donnees(client, FRANCE, **filtres)[1]["points"]}

    un = titres(enjeu=enjeu.pk)
    assert "Hors enjeu" not in un
    assert titres(enjeu=[enjeu.pk, autre.enjeu.pk]) == un | {"Hors enjeu"}
    assert titres(enjeu=[enjeu.pk, autre.enjeu.pk], categorie=["ville"]) == {"Médiation numérique dans les écoles"}


@pytest.mark.parametrize(
    "texte,attendus",
    [
        ("village", {"deux_services"}),
        ("mediation ecoles", {"publiee"}),  # accents and case ignored
        ("MÉDIATION", {"publiee"}),
        ("tablettes", {"publiee", "deux_services"}),  # words of the other fields too
        ("brouillon", set()),  # never a draft
        ("introuvable", set()),
        ('"(" OR * AND NOT 🗺️ \'', set()),
        ("x" * 10_000, set()),
    ],
)
def test_it_applies_the_text_of_the_search_page(client, obs, texte, attendus):
    response, json_ = donnees(client, FRANCE, q=texte)

    assert response.status_code == 200
    assert {point[0] for point in json_["points"]} == {obs[nom].pk for nom in attendus}


@pytest.mark.parametrize(
    "bbox,message",
    [
        (None, "Paramètre bbox manquant : bbox=ouest,sud,est,nord (en degrés)."),
        ("", "Paramètre bbox manquant : bbox=ouest,sud,est,nord (en degrés)."),
        ("a,b,c,d", vue_carte.ERREUR_BBOX),
        ("1,2,3", vue_carte.ERREUR_BBOX),
        ("1,2,3,4,5", vue_carte.ERREUR_BBOX),
        ("1;2;3;4", vue_carte.ERREUR_BBOX),
        ("0x10,0,1,1", vue_carte.ERREUR_BBOX),
        ("nan,0,1,1", vue_carte.ERREUR_BBOX),
        ("0,0,inf,1", vue_carte.ERREUR_BBOX),
        ("0,0,1e309,1", vue_carte.ERREUR_BBOX),
        ("1" * 500 + ",0,1,1", vue_carte.ERREUR_BBOX),
        ("'; DROP TABLE fiches_lieu; --,0,1,1", vue_carte.ERREUR_BBOX),
        ("🗺️,0,1,1", vue_carte.ERREUR_BBOX),
        ("-200,0,0,1", "Paramètre bbox invalide : longitudes entre -180 et 180, latitudes entre -90 et 90."),
        ("0,-91,1,0", "Paramètre bbox invalide : longitudes entre -180 et 180, latitudes entre -90 et 90."),
        ("5,0,1,1", "Paramètre bbox invalide : l'ouest doit précéder l'est, et le sud le nord."),
        ("0,5,1,1", "Paramètre bbox invalide : l'ouest doit précéder l'est, et le sud le nord."),
    ],
)
def test_a_bad_bbox_answers_400_with_a_french_message(client, obs, bbox, message):
    response = client.get("/carte/donnees/", {} if bbox is None else {"bbox": bbox})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"erreur": message}


def test_beyond_the_cap_it_sends_clusters_per_grid_cell(client, obs, monkeypatch):
    monkeypatch.setattr(vue_carte, "MAX_POINTS", 2)

    response, json_ = donnees(client, "-5,41,10,51")

    assert response.status_code == 200
    # The box is 15° wide: cells of 15 / 48 = 0.3125°. Dijon's two places share a cell, La Rochelle's is
    # in another; each cluster sits at the mean position of its places.
    assert json_["mode"] == "groupes"
    assert json_["total"] == 3
    assert json_["taille"] == 0.3125
    assert json_["groupes"] == [[pytest.approx(47.32), pytest.approx(5.035), 2], [47.74, 5.73, 1]]


def test_clusters_count_every_place_once_and_stay_few(client, obs, monkeypatch):
    monkeypatch.setattr(vue_carte, "MAX_POINTS", 50)
    fiche = obs["deux_services"]
    Lieu.objects.bulk_create(
        Lieu(fiche=fiche, nom=f"Lieu {i}", latitude=42 + (i % 37) * 0.25, longitude=-4 + (i // 37) * 0.5)
        for i in range(37 * 26)
    )

    json_ = donnees(client, FRANCE)[1]

    assert json_["mode"] == "groupes"
    assert json_["total"] == 37 * 26 + 3
    assert sum(groupe[2] for groupe in json_["groupes"]) == json_["total"]
    assert len(json_["groupes"]) <= vue_carte.GRILLE * vue_carte.GRILLE
    for lat, lon, _nombre in json_["groupes"]:
        assert 41.3 <= lat <= 51.1 and -5.2 <= lon <= 9.6


def test_a_tiny_box_over_too_many_identical_places_still_answers(client, obs, monkeypatch):
    monkeypatch.setattr(vue_carte, "MAX_POINTS", 1)
    Lieu.objects.create(fiche=obs["publiee"], nom="Même endroit", latitude=47.33, longitude=5.05)

    response, json_ = donnees(client, "5.05,47.33,5.05,47.33")

    assert response.status_code == 200
    assert json_["mode"] == "groupes"
    assert json_["groupes"] == [[47.33, 5.05, 2]]


@pytest.mark.parametrize("max_points", [5_000, 1])
def test_the_data_runs_two_queries_in_both_modes(client, obs, monkeypatch, max_points, django_assert_num_queries):
    monkeypatch.setattr(vue_carte, "MAX_POINTS", max_points)

    # 1 count of the places in the box (up to MAX_POINTS + 1), 2 the points or the clusters (the text is a
    # subquery of both).
    with django_assert_num_queries(2):
        response = client.get("/carte/donnees/", {"bbox": FRANCE, "q": "mediation"})
    assert response.status_code == 200
    assert json.loads(response.content)["mode"] == ("points" if max_points > 1 else "groupes")


@pytest.mark.parametrize("max_points", [5_000, 1])
def test_facets_add_the_queries_of_their_values(client, obs, monkeypatch, max_points, django_assert_num_queries):
    monkeypatch.setattr(vue_carte, "MAX_POINTS", max_points)
    enjeu = obs["services"][0].enjeu

    # The values of the filters (the search page's Referentiel), then 1 count of the places in the box (up
    # to MAX_POINTS + 1), 2 the points or the clusters.
    with django_assert_num_queries(requetes_du_referentiel() + 2):
        response = client.get(
            "/carte/donnees/",
            {
                "bbox": FRANCE,
                "q": "mediation",
                "enjeu": enjeu.pk,
                "famille": enjeu.famille.pk,
                "region": "27",
                "departement": "21",
                "categorie": "ville",
                "arobases": "5",
            },
        )
    assert response.status_code == 200
    assert json.loads(response.content)["total"] == 2


def test_a_bad_bbox_runs_no_query(client, obs, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/carte/donnees/", {"bbox": "x"}).status_code == 400


def test_titles_travel_as_json_text_never_as_html(client, obs):
    FicheAction.objects.filter(pk=obs["publiee"].pk).update(titre='<img src=x onerror="alert(1)">')

    response, json_ = donnees(client, DIJON)

    assert json_["points"][0][3] == '<img src=x onerror="alert(1)">'
    assert response["Content-Type"] == "application/json"

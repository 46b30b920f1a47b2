import datetime as dt
import re

import pytest
from django.db import connection
from django.urls import reverse

from label.enums import Categorie
from label.models import Collectivite
from territoires.population import TRANCHES_POPULATION

from ..enums import EtatFiche
from ..models import FicheAction
from ..search import reindexer_tout
from .recherche_donnees import ajouter_fiches, creer_fiche, make_recherche

URL = "/fiches/"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def donnees(db):
    return make_recherche()


def titres(response):
    return [fiche.titre for fiche in response.context["fiches"]]


def facette(response, nom):
    """{libellé: nombre} of the values shown for a facet."""
    facettes = {f.nom: f for f in response.context["facettes"]}
    return {option.libelle: option.nombre for option in facettes[nom].visibles}


def test_it_lists_the_published_fiches_newest_first(client, donnees):
    response = client.get(URL)

    assert response.status_code == 200
    assert titres(response) == [
        "Budget participatif",
        "Ateliers numériques pour les aînés",
        "Médiation numérique à l'École",
        "Open data métropolitain",
    ]
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert "<title>Fiches actions — Label Territoires, Villes et Villages Internet</title>" in html
    assert '<label for="id_q">Rechercher dans les fiches actions</label>' in html
    assert '<label for="id_tri">Trier par</label>' in html
    assert "4 fiches" in html


def test_it_is_resolved_by_its_name(client, donnees):
    assert reverse("fiches:liste") == URL


@pytest.mark.parametrize("qui", [None, "agent_dijon", "equipe"])
def test_it_never_shows_an_unpublished_fiche_even_to_its_collectivite_or_staff(client, db, qui):
    donnees = make_recherche(avec_comptes=True)
    if qui:
        client.force_login(donnees[qui])

    for url in [URL, f"{URL}?q=médiation", f"{URL}?q=secret", f"{URL}?q=attente&tri=date"]:
        html = client.get(url).content.decode()
        assert "Brouillon secret" not in html
        assert "Médiation en attente" not in html


def test_it_searches_and_highlights_the_matches(client, donnees):
    response = client.get(URL, {"q": "ecoles"})

    assert titres(response) == ["Médiation numérique à l'École"]
    html = response.content.decode()
    assert "<mark>écoles</mark>" in html
    assert "<title>« ecoles » — Fiches actions — " in html
    assert "1 fiche pour « ecoles »" in html


def test_each_result_links_to_the_fiche_and_shows_collectivite_date_and_enjeux(client, donnees):
    html = client.get(URL, {"q": "aînés"}).content.decode()
    fiche = donnees["aines"]
    mediation = donnees["mediation_enjeu"]

    assert f'<a href="{reverse("fiches:fiche", args=[fiche.pk])}">' in html
    assert 'La Rochelle · ajoutée le <time datetime="2025-02-01">1 février 2025</time>' in html
    assert f'<li class="etiquette-enjeu" style="border-left-color: {mediation.couleur}">Médiation</li>' in html


def test_it_escapes_the_text_of_a_fiche(client, donnees):
    creer_fiche(donnees["dijon"], "<script>alert(1)</script> Piège", synthese="<b onclick=x>Piège</b>")
    reindexer_tout()

    for parametres in [{}, {"q": "piège"}]:
        html = client.get(URL, parametres).content.decode()
        assert "<script>alert(1)" not in html
        assert "<b onclick" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_enjeu_colour_that_is_not_a_colour_code_never_reaches_the_page(client, donnees):
    enjeu = donnees["mediation_enjeu"]
    enjeu.couleur = "red;}x"
    enjeu.save()

    html = client.get(URL).content.decode()

    assert "red;}x" not in html


@pytest.mark.parametrize(
    "q",
    [
        "l'école",
        '"médiation',
        "(école OR collège) AND NOT vélo",
        "NEAR(a b)",
        "*",
        "école*",
        "😀",
        "x" * 10_000,
        "",
        "!!! ??? ...",
        "\x00",
        "'; DROP TABLE fiches_ficheaction; --",
    ],
)
def test_any_input_returns_a_page(client, donnees, q):
    for tri in ["pertinence", "date"]:
        assert client.get(URL, {"q": q, "tri": tri}).status_code == 200
        assert client.get(URL, {"q": q, "tri": tri}, **HTMX).status_code == 200


@pytest.mark.parametrize(
    "parametres",
    [
        "enjeu=abc",
        "enjeu=999999",
        "enjeu=99999999999999999999999",
        "famille=-1",
        "service=1.5",
        "region=zz",
        "departement=%3Cscript%3E",
        "categorie=metropole",
        "population=beaucoup",
        "arobases=9",
        "annee=abc",
        "annee=99999",
        "nouvelle=1999",
        "tri=mot_de_passe",
        "page=abc",
        "page=-1",
        "page=999999999999999999999",
        "collectivite=",
        "collectivite=zzz",
        "collectivite=99999",
        "collectivite=%00",
        "collectivite=21231%27--",
        f"collectivite={'2' * 10_000}",
    ],
)
def test_it_ignores_invalid_parameter_values(client, donnees, parametres):
    response = client.get(f"{URL}?{parametres}")

    assert response.status_code == 200
    assert len(titres(response)) == 4


def test_it_sorts_by_relevance_or_by_date(client, donnees):
    assert titres(client.get(URL, {"q": "médiation"}))[0] == "Médiation numérique à l'École"
    assert titres(client.get(URL, {"q": "médiation", "tri": "date"}))[0] == "Ateliers numériques pour les aînés"


def test_it_counts_and_filters_by_famille_enjeu_and_service(client, donnees):
    response = client.get(URL)

    assert facette(response, "famille") == {"Démocratie & services publics": 2, "Partage des connaissances": 2}
    assert facette(response, "enjeu") == {"Démocratie locale": 2, "Médiation": 2}
    assert facette(response, "service")["Espace public numérique (Médiation)"] == 2

    enjeu = donnees["mediation_enjeu"].pk
    assert set(titres(client.get(URL, {"enjeu": enjeu}))) == {
        "Médiation numérique à l'École",
        "Ateliers numériques pour les aînés",
    }
    assert titres(client.get(URL, {"service": donnees["budget_participatif"].pk})) == ["Budget participatif"]
    famille = donnees["democratie"].famille_id
    assert len(titres(client.get(URL, {"famille": famille}))) == 2


def test_values_of_one_facet_add_up_and_facets_narrow_each_other(client, donnees):
    mediation, democratie = donnees["mediation_enjeu"].pk, donnees["democratie"].pk

    assert len(titres(client.get(URL, {"enjeu": [mediation, democratie]}))) == 4
    response = client.get(URL, {"enjeu": mediation, "categorie": "village"})
    assert titres(response) == ["Ateliers numériques pour les aînés"]
    # The enjeu's counts ignore its own ticks but follow the other facets (here: villages only).
    assert facette(response, "enjeu") == {"Médiation": 1}
    assert facette(response, "categorie") == {"Ville": 1, "Village": 1}


def test_it_counts_and_filters_by_region_departement_kind_and_population(client, donnees):
    response = client.get(URL)

    assert facette(response, "region") == {"Bourgogne-Franche-Comté": 4}
    assert facette(response, "departement") == {"21 — Côte-d'Or": 3, "70 — Haute-Saône": 1}
    assert facette(response, "categorie") == {"Ville": 2, "Village": 1, "Territoire": 1}
    assert facette(response, "population") == {"Moins de 500 habitants": 1, "50 000 habitants et plus": 3}

    assert titres(client.get(URL, {"departement": "70"})) == ["Ateliers numériques pour les aînés"]
    # Dijon Métropole is an EPCI: its département is the EPCI's.
    assert "Open data métropolitain" in titres(client.get(URL, {"departement": "21"}))
    assert len(titres(client.get(URL, {"region": "27"}))) == 4
    assert titres(client.get(URL, {"categorie": "territoire"})) == ["Open data métropolitain"]
    assert titres(client.get(URL, {"population": "moins-de-500"})) == ["Ateliers numériques pour les aînés"]
    assert len(titres(client.get(URL, {"population": "50000-et-plus"}))) == 3


def test_the_population_bands_are_those_of_the_statistics_and_the_mosaique(client, donnees):
    ref = donnees["ref"]
    villersexel = Collectivite.objects.create(
        nom="Villersexel", categorie=Categorie.VILLAGE, commune=ref["villersexel"]
    )
    chenove = Collectivite.objects.create(nom="Chenôve", categorie=Categorie.VILLE, commune=ref["chenove"])
    cc = Collectivite.objects.create(nom="CC du Pays de Villersexel", categorie=Categorie.TERRITOIRE, epci=ref["cc"])
    creer_fiche(villersexel, "Fiche de Villersexel")  # 1,500 inhabitants
    creer_fiche(chenove, "Fiche de Chenôve")  # 14,000
    creer_fiche(cc, "Fiche de la CC")  # an EPCI: its members' 1,539
    reindexer_tout()

    response = client.get(URL)

    assert [
        (option.valeur, option.libelle)
        for option in {f.nom: f for f in response.context["facettes"]}["population"].options
    ] == [(tranche.cle, tranche.libelle) for tranche in TRANCHES_POPULATION]
    assert facette(response, "population") == {
        "Moins de 500 habitants": 1,
        "De 500 à 1 999 habitants": 2,
        "De 10 000 à 49 999 habitants": 1,
        "50 000 habitants et plus": 3,
    }
    assert set(titres(client.get(URL, {"population": "500-1999"}))) == {"Fiche de Villersexel", "Fiche de la CC"}
    assert titres(client.get(URL, {"population": "10000-49999"})) == ["Fiche de Chenôve"]
    assert titres(client.get(URL, {"population": "2000-9999"})) == []


def test_it_keeps_the_fiches_of_the_collectivite_given_by_its_code(client, donnees):
    response = client.get(URL, {"collectivite": "21231"})

    assert titres(response) == ["Budget participatif", "Médiation numérique à l'École"]
    # The other facets count Dijon's fiches only; the collectivité shows first, ticked, with its count.
    assert response.context["facettes"][0].nom == "collectivite"
    assert facette(response, "collectivite") == {"Dijon": 2}
    assert facette(response, "categorie") == {"Ville": 2}
    html = response.content.decode()
    assert 'id="f-collectivite-21231" checked>' in html
    assert "<title>Dijon — Fiches actions (filtrées) — " in html
    assert "2 fiches (filtres appliqués)</h2>" in html
    assert (
        '<p class="filtre-actif">Seulement les fiches de <strong>Dijon</strong>. '
        '<a href="/fiches/" hx-get="/fiches/">Voir les fiches de toutes les collectivités</a></p>'
    ) in html


def test_an_epci_is_given_by_its_siren(client, donnees):
    assert titres(client.get(URL, {"collectivite": "242100410"})) == ["Open data métropolitain"]


def test_the_collectivite_combines_with_the_text_and_the_facets_and_is_removed_alone(client, donnees):
    parametres = {"q": "numériques", "collectivite": "21231", "enjeu": donnees["mediation_enjeu"].pk, "page": 1}
    response = client.get(URL, parametres, **HTMX)

    assert titres(response) == ["Médiation numérique à l'École"]
    html = response.content.decode()
    assert html.startswith("<title>« numériques » — Dijon — Fiches actions (filtrées) — ")
    enjeu = donnees["mediation_enjeu"].pk
    sans = f"/fiches/?q=num%C3%A9riques&amp;enjeu={enjeu}"
    assert f'<a href="{sans}" hx-get="{sans}">Voir les fiches de toutes les collectivités</a>' in html
    assert set(titres(client.get(URL, {"q": "numériques", "enjeu": enjeu}))) == {
        "Médiation numérique à l'École",
        "Ateliers numériques pour les aînés",
    }


def test_several_collectivites_add_up(client, donnees):
    response = client.get(URL, {"collectivite": ["70450", "242100410"]})

    assert titres(response) == ["Ateliers numériques pour les aînés", "Open data métropolitain"]
    assert facette(response, "collectivite") == {"Dijon Métropole": 1, "La Rochelle": 1}
    assert "Seulement les fiches de <strong>Dijon Métropole</strong> et <strong>La Rochelle</strong>." in (
        response.content.decode()
    )


def test_a_collectivite_without_published_fiches_stays_shown_to_be_removed(client, donnees):
    Collectivite.objects.create(nom="Villersexel", categorie=Categorie.VILLAGE, commune=donnees["ref"]["villersexel"])

    response = client.get(URL, {"collectivite": "70561"})

    assert titres(response) == []
    assert facette(response, "collectivite") == {"Villersexel": 0}
    assert 'id="f-collectivite-70561" checked>' in response.content.decode()
    assert "Voir les fiches de toutes les collectivités" in response.content.decode()


def test_an_unknown_collectivite_code_is_ignored(client, donnees):
    response = client.get(URL, {"collectivite": "99999"})

    assert len(titres(response)) == 4
    html = response.content.decode()
    assert "filtre-actif" not in html
    assert "(filtres appliqués)" not in html


def test_the_link_of_the_collectivite_page_leads_to_its_fiches(client, donnees):
    ajouter_fiches(donnees["dijon"], 10)
    html = client.get("/collectivites/21231/").content.decode()
    lien = re.search(r'<a href="(/fiches/\?collectivite=21231)">Voir les 12 fiches actions de Dijon', html)

    assert lien
    assert len(titres(client.get(lien.group(1)))) == 12


def test_it_counts_arobases_in_the_latest_published_edition_only(client, donnees):
    response = client.get(URL)

    # 2026 is published (Dijon 5@, La Rochelle 2@); Dijon's 1@ of 2027 is published tomorrow.
    assert facette(response, "arobases") == {"5 arobases": 2, "2 arobases": 1}
    assert "Arobases de la collectivité au label 2026" in response.content.decode()
    assert "label 2027" not in response.content.decode()
    assert set(titres(client.get(URL, {"arobases": 5}))) == {"Budget participatif", "Médiation numérique à l'École"}
    assert titres(client.get(URL, {"arobases": 1})) == []


def test_it_counts_and_filters_by_year(client, donnees):
    response = client.get(URL)

    # The year the fiche was created.
    assert facette(response, "annee") == {"2025": 2, "2024": 1, "2023": 1}
    assert set(titres(client.get(URL, {"annee": 2025}))) == {
        "Budget participatif",
        "Ateliers numériques pour les aînés",
    }
    assert titres(client.get(URL, {"annee": [2023, 2024]})) == [
        "Médiation numérique à l'École",
        "Open data métropolitain",
    ]


def test_it_counts_and_filters_the_new_fiches_of_an_edition(client, donnees):
    response = client.get(URL)

    # The 2026 campaign ran from 1 March to 15 November 2025: only Budget participatif was created then.
    assert facette(response, "nouvelle") == {"Nouvelle au label 2026": 1}
    assert titres(client.get(URL, {"nouvelle": 2026})) == ["Budget participatif"]
    nouvelles = FicheAction.objects.publiees().nouvelles(donnees["e2026"])
    assert list(nouvelles.values_list("titre", flat=True)) == ["Budget participatif"]


def test_it_combines_text_and_facets(client, donnees):
    response = client.get(URL, {"q": "numériques", "departement": "21"})

    assert titres(response) == ["Médiation numérique à l'École"]
    assert facette(response, "departement") == {"21 — Côte-d'Or": 1, "70 — Haute-Saône": 1}
    assert facette(response, "categorie") == {"Ville": 1}


def test_it_keeps_the_ticked_values_and_offers_to_remove_them(client, donnees):
    html = client.get(URL, {"q": "atelier", "categorie": "village", "tri": "date"}).content.decode()

    assert 'id="f-categorie-village" checked>' in html
    assert '<option value="date" selected>' in html
    assert 'value="atelier"' in html
    assert 'href="/fiches/?q=atelier&amp;tri=date"' in html
    assert "Retirer tous les filtres" in html


def test_a_ticked_value_without_results_stays_visible_to_be_unticked(client, donnees):
    response = client.get(URL, {"categorie": "territoire", "q": "écoles"})

    assert titres(response) == []
    assert 'id="f-categorie-territoire" checked>' in response.content.decode()
    assert "Aucune fiche ne correspond" in response.content.decode()


def test_it_pages_twenty_fiches_at_a_time(client, donnees):
    ajouter_fiches(donnees["la_rochelle"], 21, titre="Atelier vidéo")

    premiere = client.get(URL, {"q": "vidéo"})
    deuxieme = client.get(URL, {"q": "vidéo", "page": 2})

    assert len(titres(premiere)) == 20
    assert len(titres(deuxieme)) == 1
    html = premiere.content.decode()
    assert 'href="?q=vid%C3%A9o&amp;page=2"' in html
    assert 'rel="next"' in html
    assert '<ol class="liste-resultats" start="21">' in deuxieme.content.decode()
    assert "<title>« vidéo » — Fiches actions, page 2 — " in deuxieme.content.decode()


def test_htmx_gets_only_the_results_region_with_the_new_title(client, donnees):
    response = client.get(URL, {"q": "participatif"}, **HTMX)

    html = response.content.decode()
    assert "<html" not in html
    assert "<h1>" not in html
    assert html.startswith("<title>« participatif » — Fiches actions — ")
    assert '<p id="statut-recherche" hx-swap-oob="innerHTML">1 fiche trouvée.</p>' in html
    assert "Budget participatif" in html
    assert "HX-Request" in response["Vary"]


def test_the_same_address_without_htmx_gives_the_whole_page(client, donnees):
    html = client.get(URL, {"q": "budget"}).content.decode()

    assert "<html" in html
    assert 'hx-get="/fiches/" hx-target="#resultats" hx-push-url="true"' in html
    assert '<div id="resultats">' in html
    assert "vendor/htmx-2.0.11/htmx.min.js" in html


def test_a_history_restore_gets_the_whole_page(client, donnees):
    html = client.get(URL, {"q": "budget"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX).content.decode()

    assert "<html" in html


def test_it_rejects_a_post(client, donnees):
    assert client.post(URL).status_code == 405


def test_it_labels_every_facet_checkbox(client, donnees):
    html = client.get(URL).content.decode()

    for identifiant in re.findall(r'<input type="checkbox"[^>]* id="([^"]+)"', html):
        assert f'<label for="{identifiant}">' in html
    assert html.count("<fieldset>") == html.count("<legend")


@pytest.mark.parametrize("nombre", [0, 30])
@pytest.mark.parametrize(
    "parametres,facettes_cochees",
    [
        ({}, 0),
        ({"q": "atelier", "enjeu": "12", "departement": "70", "arobases": "2"}, 3),
        ({"q": "atelier", "population": "moins-de-500", "annee": "2025", "tri": "date"}, 2),
        # The collectivité asked for is counted with the facets of the collectivité: no query of its own.
        ({"q": "atelier", "collectivite": "70450"}, 0),
        ({"collectivite": "70450", "categorie": "village"}, 1),
    ],
)
def test_it_runs_a_constant_number_of_queries(
    client, donnees, django_assert_num_queries, nombre, parametres, facettes_cochees
):
    ajouter_fiches(
        donnees["la_rochelle"],
        nombre,
        titre="Atelier",
        services=[donnees["epn"]],
        debut=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    )
    # 1 demo banner (context processor)
    # 2-7 the facets' values: services with enjeu and famille, départements with région, latest published
    #     édition, éditions whose campaign has opened, collectivités, arobases in the latest published édition
    # 8-9 search without text: count, page; with a text: the page with its total and text (SQLite without a
    #     filter: count, page with its text)
    # then the page's fiches with their collectivité, their services with enjeu (2)
    # the facets' counts (the facet cache is off in tests, see conftest.py): the services of the fiches for
    # famille, enjeu and service; the fiches by collectivité for région, département, kind, population and
    # arobases; the fiches by year with the new ones (3), + 1 per ticked facet (its count ignores its own ticks)
    filtre = set(parametres) - {"q", "tri"}
    recherche = (2 if connection.vendor == "sqlite" and not filtre else 1) if parametres.get("q") else 2
    attendues = 7 + recherche + 2 + 3 + facettes_cochees
    with django_assert_num_queries(attendues):
        response = client.get(URL, parametres)
    assert response.status_code == 200
    assert len(titres(response)) == (20 if nombre else 4 if not parametres else 1)


def test_the_year_of_a_fiche_is_the_year_it_was_created(client, donnees):
    creer_fiche(
        donnees["dijon"],
        "Fiche de 2019",
        date_debut=dt.date(2017, 1, 1),
        created_at=dt.datetime(2019, 7, 1, tzinfo=dt.UTC),
        etat=EtatFiche.PUBLIEE,
    )

    assert titres(client.get(URL, {"annee": 2019})) == ["Fiche de 2019"]

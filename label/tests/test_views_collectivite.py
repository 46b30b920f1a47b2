import pytest

from label.enums import Categorie
from label.models import Collectivite
from palmares.tests.donnees import collectivite_commune, creer_edition, labelliser, make_palmares
from territoires.models import Commune


@pytest.fixture
def palmares(db):
    return make_palmares()


def test_it_shows_a_commune_with_its_label_titles_and_history(client, palmares):
    response = client.get("/collectivites/21231/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Dijon (Côte-d&#x27;Or) — " in html
    assert html.count("<h1>") == 1
    assert "<h1>Dijon</h1>" in html
    assert "<dd>Ville</dd>" in html
    assert "<dd>Côte-d&#x27;Or (21)</dd>" in html
    assert "<dd>Bourgogne-Franche-Comté</dd>" in html
    assert "<dd>156\xa0920 habitants</dd>" in html
    assert '<dd><a href="/collectivites/242100410/">Dijon Métropole</a></dd>' in html
    assert 'Label 2026 : <span class="arobases"><span aria-hidden="true">@@@@@</span>' in html
    assert "au label 2024,\n    valable jusqu'au label 2026 (en cours)" in html
    assert [labellisation.edition.annee for labellisation in response.context["labellisations"]] == [2024, 2025, 2026]


def test_it_draws_the_history_with_a_table_equivalent(client, palmares):
    html = client.get("/collectivites/21231/").content.decode()

    assert (
        '<svg class="graphique" role="img" aria-label="Arobases obtenues par Dijon, label par label : '
        '2024 : 5 arobases ; 2025 : 5 arobases ; 2026 : 5 arobases."'
    ) in html
    assert "<caption>Labels obtenus par Dijon, édition par édition</caption>" in html
    assert '<th scope="row"><a href="/palmares/2025/">2025</a></th>' in html
    assert "Territoire d'Excellence Numérique, valable jusqu'au label 2026" in html


def test_it_never_shows_an_unpublished_result(client, palmares):
    response = client.get("/collectivites/21231/")

    html = response.content.decode()
    # Dijon's 2027 result (1@, mention « Secret », a title) is published tomorrow.
    assert "2027" not in html
    assert "Secret" not in html
    assert "1 arobase<" not in html
    assert len(response.context["titres"]) == 1


def test_it_shows_no_label_when_all_results_are_unpublished(client, palmares):
    # Villersexel is labelled only in 2023 (no publication date) and 2027 (published tomorrow).
    response = client.get("/collectivites/70561/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Aucun label publié pour cette collectivité." in html
    assert 'class="arobases"' not in html
    assert "Historique du label" not in html
    assert response.context["labellisations"] == []


def test_it_says_when_a_collectivite_is_not_in_the_latest_palmares(client, palmares):
    chenove = collectivite_commune(palmares["chenove"], Categorie.VILLE)
    labelliser(palmares["e2024"], chenove, 4)

    html = client.get("/collectivites/21166/").content.decode()

    assert 'Dernier label obtenu : 2024, <span class="arobases">' in html
    assert "Chenôve ne figure pas au palmarès 2026." in html


def test_it_shows_a_territoire_with_its_member_communes(client, palmares):
    response = client.get("/collectivites/242100410/")

    html = response.content.decode()
    assert "<dd>Territoire (métropole)</dd>" in html
    assert "<dd>170\xa0920 habitants</dd>" in html
    assert "<caption>2 communes membres de Dijon Métropole</caption>" in html
    assert '<th scope="row"><a href="/collectivites/21166/">Chenôve</a></th>' in html
    assert "Médiation numérique" in html
    assert "valable jusqu'au label 2028 (en cours)" in html


def test_it_shows_a_syndicat_with_its_members_population(client, palmares):
    response = client.get("/collectivites/257000001/")

    html = response.content.decode()
    # La Rochelle 39 + Villersexel 1 500; a syndicat has no département.
    assert "<dd>1\xa0539 habitants</dd>" in html
    assert "<dd>non renseigné</dd>" in html
    assert [commune.nom for commune in response.context["membres"]] == ["La Rochelle", "Villersexel"]


def test_it_shows_a_commune_that_never_was_a_candidate(client, palmares):
    response = client.get("/collectivites/21166/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Chenôve</h1>" in html
    assert "<dd>14\xa0000 habitants</dd>" in html
    assert "Aucun label publié pour cette collectivité." in html
    assert '<a href="/collectivites/242100410/">Dijon Métropole</a>' in html


def test_it_shows_an_epci_that_never_was_a_candidate(client, palmares):
    response = client.get("/collectivites/200041887/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>CC du Pays de Villersexel</h1>" in html
    assert "Aucun label publié pour cette collectivité." in html
    assert [commune.nom for commune in response.context["membres"]] == ["La Rochelle", "Villersexel"]


@pytest.mark.parametrize("code", ["99999", "70999", "000000000", "nimporte-quoi"])
def test_it_returns_404_for_an_unknown_code(client, palmares, code):
    # 70999 is a commune déléguée: not a current commune.
    assert client.get(f"/collectivites/{code}/").status_code == 404


def test_it_redirects_a_readable_name_to_the_code(client, palmares):
    response = client.get("/collectivites/dijon-metropole/")

    assert response.status_code == 301
    assert response["Location"] == "/collectivites/242100410/"


def test_it_does_not_redirect_a_name_shared_by_two_collectivites(client, palmares):
    rochelle = Commune.objects.create(code_insee="17300", nom="La Rochelle", population=77_000)
    collectivite_commune(rochelle, Categorie.VILLE)

    assert client.get("/collectivites/la-rochelle/").status_code == 404


def test_it_rejects_a_post(client, palmares):
    assert client.post("/collectivites/21231/").status_code == 405


@pytest.mark.parametrize("annees", [1, 6])
def test_it_shows_a_commune_in_constant_queries(client, palmares, django_assert_num_queries, annees):
    haulchin = Collectivite.objects.get(code="59288")
    haulchin.labellisations.all().delete()
    for annee in range(2010, 2010 + annees):
        labelliser(creer_edition(annee), haulchin, 1 + annee % 5, mentions=[])
    # 1 demo banner, 2 collectivité with commune, EPCI, département and région, 3 syndicat members
    # (prefetch), 4 published labellisations with their édition, 5 their mentions, 6 latest published year.
    with django_assert_num_queries(6):
        response = client.get("/collectivites/59288/")
    assert len(response.context["labellisations"]) == annees


@pytest.mark.parametrize("membres", [2, 8])
def test_it_shows_a_territoire_in_constant_queries(client, palmares, django_assert_num_queries, membres):
    for rang in range(membres - 2):
        Commune.objects.create(
            code_insee=f"21{900 + rang}", nom=f"Commune {rang}", population=100, epci=palmares["metropole"]
        )
    # 1 demo banner, 2 collectivité, 3 syndicat members (prefetch, empty for an EPCI), 4 labellisations,
    # 5 mentions, 6 latest published year, 7 member communes of the EPCI.
    with django_assert_num_queries(7):
        response = client.get("/collectivites/242100410/")
    assert len(response.context["membres"]) == membres


def test_it_turns_one_arobase_green_for_a_green_mention(client, palmares):
    html = client.get("/collectivites/242100410/").content.decode()

    assert (
        'Label 2026 : <span class="arobases"><span aria-hidden="true"><span class="arobase-verte">@</span>@@@@</span>'
        '<span class="visuellement-cache">5 arobases dont une verte</span>'
    ) in html

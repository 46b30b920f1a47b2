import datetime as dt

import pytest

from fiches.enums import EtatFiche, StatutAction
from fiches.models import Enjeu, FicheAction
from label.enums import Categorie, StatutEdition
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
    # (prefetch), 4 published labellisations with their édition, 5 their mentions, 6 éditions of the
    # mosaïque (published or open; gives the latest published year), 7 enjeux with their count of fiches,
    # 8 suggestions for the weak enjeux, 9 the collectivité's fiches with their total (none: no services).
    with django_assert_num_queries(9):
        response = client.get("/collectivites/59288/")
    assert len(response.context["labellisations"]) == annees


@pytest.mark.parametrize("membres", [2, 8])
def test_it_shows_a_territoire_in_constant_queries(client, palmares, django_assert_num_queries, membres):
    for rang in range(membres - 2):
        Commune.objects.create(
            code_insee=f"21{900 + rang}", nom=f"Commune {rang}", population=100, epci=palmares["metropole"]
        )
    # 1 demo banner, 2 collectivité, 3 syndicat members (prefetch, empty for an EPCI), 4 labellisations,
    # 5 mentions, 6 éditions of the mosaïque, 7 enjeux with their count of fiches, 8 suggestions for the
    # weak enjeux, 9 fiches (none), 10 member communes of the EPCI.
    with django_assert_num_queries(10):
        response = client.get("/collectivites/242100410/")
    assert len(response.context["membres"]) == membres


def test_it_turns_one_arobase_green_for_a_green_mention(client, palmares):
    html = client.get("/collectivites/242100410/").content.decode()

    assert (
        'Label 2026 : <span class="arobases"><span aria-hidden="true"><span class="arobase-verte">@</span>@@@@</span>'
        '<span class="visuellement-cache">5 arobases dont une verte</span>'
    ) in html


# -- the mosaïque and the fiches ---------------------------------------------------------------------

PARIS = dt.timezone(dt.timedelta(hours=2))


def service(slug_enjeu, rang=0):
    return Enjeu.objects.get(slug=slug_enjeu, famille__taxonomie__est_active=True).services.order_by("ordre")[rang]


def fiche(collectivite, titre, *services, etat=EtatFiche.PUBLIEE, cree_le=None):
    """A running action; its fiche was written during the 2026 campaign unless told otherwise."""
    nouvelle = FicheAction.objects.create(
        collectivite=collectivite,
        titre=titre,
        synthese="Synthèse.",
        etat=etat,
        statut_action=StatutAction.EN_COURS,
        date_debut=dt.date(2025, 4, 1),
        created_at=cree_le or dt.datetime(2025, 5, 1, 10, tzinfo=PARIS),
    )
    nouvelle.services.set(services)
    return nouvelle


@pytest.fixture
def observatoire(palmares):
    """Campaign dates for the published éditions, three fiches and a draft of Dijon, a comparable ville."""
    for edition in (palmares["e2025"], palmares["e2026"]):
        edition.campagne_ouverture = dt.date(edition.annee - 1, 3, 15)
        edition.campagne_cloture = dt.datetime(edition.annee - 1, 10, 31, 23, tzinfo=PARIS)
        edition.save()
    dijon = palmares["c_dijon"]
    fiche(dijon, "Ateliers numériques à la médiathèque", service("mediation", 0), service("mediation", 1))
    fiche(
        dijon,
        "Des tablettes pour les écoles",
        service("mediation"),
        service("education"),
        cree_le=dt.datetime(2025, 9, 1, 10, tzinfo=PARIS),
    )
    fiche(dijon, "Un portail citoyen", service("services-publics"), cree_le=dt.datetime(2024, 5, 1, tzinfo=PARIS))
    fiche(dijon, "Brouillon secret", service("culture"), etat=EtatFiche.BROUILLON)
    fiche(dijon, "En modération", service("culture"), etat=EtatFiche.EN_MODERATION)
    besancon = collectivite_commune(
        Commune.objects.create(code_insee="25056", nom="Besançon", population=120_000), Categorie.VILLE
    )
    labelliser(palmares["e2026"], besancon, 4, mentions=[])
    return {**palmares, "besancon": besancon}


def test_it_shows_the_mosaique_of_the_latest_published_edition_with_its_table(client, observatoire):
    response = client.get("/collectivites/21231/")

    html = response.content.decode()
    assert response.context["mosaique"].edition.annee == 2026
    assert '<h2 id="mosaique">Mosaïque des enjeux</h2>' in html
    assert html.count('class="mosaique-tuile ') == 16
    assert (
        '<span class="mosaique-enjeu">Médiation</span>\n        <span class="mosaique-nombre">2 fiches</span>'
    ) in html
    assert "<caption>Fiches actions de Dijon comptant pour le label 2026, par famille et par enjeu</caption>" in html
    assert '<th scope="rowgroup" colspan="2" class="mosaique-table-famille">Partage des connaissances</th>' in html
    assert '<tr><th scope="row">Médiation</th><td class="nombre">2</td></tr>' in html
    assert '<tr><th scope="row">Culture</th><td class="nombre">0</td></tr>' in html  # drafts never count
    assert '<span class="mosaique-marques" aria-hidden="true">○○○</span> aucune fiche' in html


def test_it_lists_the_published_fiches_most_recent_first(client, observatoire):
    response = client.get("/collectivites/21231/")

    html = response.content.decode()
    assert [fiche.titre for fiche in response.context["fiches"]] == [
        "Des tablettes pour les écoles",
        "Ateliers numériques à la médiathèque",
        "Un portail citoyen",
    ]
    pk = FicheAction.objects.get(titre="Des tablettes pour les écoles").pk
    assert f'<th scope="row"><a href="/fiches/{pk}/">Des tablettes pour les écoles</a></th>' in html
    assert "<td>Éducation, Médiation</td>" in html
    assert "<td>1 septembre 2025</td>" in html
    assert "<caption>3 fiches actions publiées par Dijon</caption>" in html
    assert "Brouillon secret" not in html and "En modération" not in html
    assert "?collectivite=" not in html  # every fiche is listed: no link to the others


def test_it_links_to_the_search_page_for_the_fiches_not_listed(client, observatoire):
    for rang in range(10):
        fiche(observatoire["c_dijon"], f"Action {rang}", service("culture"))

    html = client.get("/collectivites/21231/").content.decode()

    assert "<caption>Les 10 fiches actions les plus récentes de Dijon, sur 13 publiées</caption>" in html
    assert '<a href="/fiches/?collectivite=21231">Voir les 13 fiches actions de Dijon dans l\'observatoire</a>' in html


def test_it_says_when_a_collectivite_has_no_fiche(client, observatoire):
    html = client.get("/collectivites/70450/").content.decode()

    assert "La Rochelle n'a publié aucune fiche action." in html
    assert '<span class="mosaique-nombre">0 fiche</span>' in html


def test_weak_enjeux_point_to_fiches_of_comparable_collectivites(client, observatoire):
    besancon = fiche(observatoire["besancon"], "Robotique à l'école", service("education", 0), service("education", 1))
    fiche(observatoire["c_haulchin"], "Un village, pas comparable", service("education"))

    html = client.get("/collectivites/21231/").content.decode()

    assert "des idées chez des collectivités comparables" in html
    assert "les villes de 50\u202f000 habitants et plus" in html
    assert "<strong>Éducation</strong> (une fiche) :" in html
    assert (
        f'<a href="/fiches/{besancon.pk}/">Robotique à l&#x27;école</a> — <a href="/collectivites/25056/">Besançon</a>, '
        '<span class="arobases"><span aria-hidden="true">@@@@</span>'
    ) in html
    assert "Un village, pas comparable" not in html
    assert "<strong>Médiation</strong>" not in html  # 2 fiches: not weak
    assert "<strong>Culture</strong> (aucune fiche) : aucune fiche d'une collectivité comparable" in html


def test_the_edition_of_the_mosaique_is_chosen_in_the_address(client, observatoire):
    response = client.get("/collectivites/21231/", {"edition": "2025"})

    html = response.content.decode()
    assert response.context["mosaique"].edition.annee == 2025
    assert "comptant pour le label 2025, par famille" in html
    assert '<option value="2025" selected>2025</option>' in html
    # Only the portail citoyen (2024) was written before the 2025 campaign closed.
    assert [t.nombre for t in response.context["mosaique"].tuiles if t.nombre] == [1]


@pytest.mark.parametrize("annee", ["2027", "2023", "1999", "abc", "<script>", "2026' OR '1'='1"])
def test_an_edition_not_offered_falls_back_to_the_latest_published(client, observatoire, annee):
    response = client.get("/collectivites/21231/", {"edition": annee})

    assert response.status_code == 200
    assert response.context["mosaique"].edition.annee == 2026
    assert "<script>" not in response.content.decode()


def test_the_open_campaign_can_be_chosen_and_its_results_stay_secret(client, observatoire):
    e2027 = observatoire["e2027"]
    e2027.statut = StatutEdition.CAMPAGNE
    e2027.campagne_ouverture = dt.date(2026, 3, 15)
    e2027.campagne_cloture = dt.datetime(2026, 10, 31, 23, tzinfo=PARIS)
    e2027.save()

    response = client.get("/collectivites/21231/", {"edition": "2027"})

    html = response.content.decode()
    assert '<option value="2027" selected>2027 (campagne en cours)</option>' in html
    assert "qui comptent pour le label 2027 (campagne en cours)" in html
    assert "Secret" not in html and "1 arobase<" not in html
    assert client.get("/collectivites/21231/").context["mosaique"].edition.annee == 2026


def test_a_commune_that_never_was_a_candidate_has_no_mosaique(client, observatoire):
    html = client.get("/collectivites/21166/").content.decode()

    assert "Mosaïque des enjeux" not in html and "Fiches actions" not in html


@pytest.mark.parametrize("nombre", [1, 12])
def test_it_shows_the_mosaique_and_the_fiches_in_constant_queries(
    client, observatoire, django_assert_num_queries, nombre
):
    for rang in range(nombre):
        fiche(observatoire["c_dijon"], f"Action {rang}", service("culture", rang % 3), service("emploi"))
    # 1 demo banner, 2 collectivité, 3 syndicat members (prefetch), 4 labellisations, 5 mentions,
    # 6 éditions of the mosaïque, 7 enjeux with their count of fiches, 8 suggestions for the weak enjeux,
    # 9 the latest fiches with their total, 10 their services with enjeu and famille.
    with django_assert_num_queries(10):
        response = client.get("/collectivites/21231/")
    assert response.context["nombre_fiches"] == 3 + nombre

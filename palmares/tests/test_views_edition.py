import pytest

from .donnees import ajouter_labellises


def noms(response):
    return [ligne.nom for ligne in response.context["lignes"]]


def test_it_lists_the_labelled_collectivites_of_a_published_edition(client, palmares):
    response = client.get("/palmares/2026/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Palmarès 2026 — " in html
    assert html.count("<h1>") == 1
    assert "proclamée le 29 janvier 2026 à Agen" in html
    assert '<th scope="row"><a href="/collectivites/21231/">Dijon</a></th>' in html
    assert "<td>Côte-d&#x27;Or (21)</td>" in html
    assert "<td>Bourgogne-Franche-Comté</td>" in html
    assert '<td class="nombre">156\xa0920</td>' in html
    assert '<span class="visuellement-cache">3 arobases</span>' in html
    assert "<td>Médiation numérique, Transition écologique</td>" in html
    assert '<span class="badge badge-excellence">Oui</span>' in html
    assert "<strong>5 collectivités correspondent</strong>" in html
    assert '<div class="table-defilante">' in html
    assert "<caption>Palmarès 2026, trié par arobases (ordre décroissant)." in html


def test_it_shows_the_counts_of_the_edition(client, palmares):
    comptes = client.get("/palmares/2026/").context["comptes"]

    assert comptes.total == 5
    assert comptes.par_categorie == [("Ville", 1), ("Village", 2), ("Territoire", 2)]
    assert comptes.par_arobases == [(5, 2), (4, 0), (3, 2), (2, 1), (1, 0)]


def test_it_shows_the_epci_departement_and_the_syndicat_members_population(client, palmares):
    lignes = {ligne.nom: ligne for ligne in client.get("/palmares/2026/").context["lignes"]}

    metropole = lignes["Dijon Métropole"]
    assert (metropole.departement.code, metropole.region.code, metropole.population) == ("21", "27", 170_920)
    syndicat = lignes["Syndicat numérique de la Haute-Saône"]
    # La Rochelle 39 + Villersexel 1 500; a syndicat has no département.
    assert (syndicat.departement, syndicat.region, syndicat.population) == (None, None, 1_539)


def test_it_turns_one_arobase_green_for_a_green_mention(client, palmares):
    html = client.get("/palmares/2026/").content.decode()

    assert (
        '<span class="arobase-verte">@</span>@@@@</span><span class="visuellement-cache">5 arobases dont une verte'
        in html
    )


def test_it_never_shows_an_unpublished_result(client, palmares):
    html = client.get("/palmares/2026/").content.decode()

    # Villersexel is labelled only in 2023 (no publication date) and 2027 (published tomorrow).
    assert "Villersexel" not in html
    assert "Secret" not in html


@pytest.mark.parametrize("annee", [2027, 2023])
def test_it_hides_an_unpublished_edition(client, palmares, annee):
    assert client.get(f"/palmares/{annee}/").status_code == 404


@pytest.mark.parametrize("annee", ["1998", "99999999999999999999"])
def test_it_returns_404_for_an_unknown_year(client, palmares, annee):
    assert client.get(f"/palmares/{annee}/").status_code == 404


def test_it_rejects_a_post(client, palmares):
    assert client.post("/palmares/2026/").status_code == 405


def test_it_sorts_by_arobases_then_name_by_default(client, palmares):
    response = client.get("/palmares/2026/")

    assert noms(response) == [
        "Dijon",
        "Dijon Métropole",
        "Haulchin",
        "La Rochelle",
        "Syndicat numérique de la Haute-Saône",
    ]
    assert '<th scope="col" aria-sort="descending">' in response.content.decode()


def test_it_sorts_by_population(client, palmares):
    assert noms(client.get("/palmares/2026/?tri=population")) == [
        "La Rochelle",
        "Syndicat numérique de la Haute-Saône",
        "Haulchin",
        "Dijon",
        "Dijon Métropole",
    ]
    assert noms(client.get("/palmares/2026/?tri=-population"))[0] == "Dijon Métropole"


def test_it_sorts_by_name_ignoring_accents(client, palmares):
    palmares["c_haulchin"].nom = "Étaples"
    palmares["c_haulchin"].save()

    response = client.get("/palmares/2026/?tri=nom")

    assert noms(response)[:3] == ["Dijon", "Dijon Métropole", "Étaples"]
    html = response.content.decode()
    assert '<th scope="col" aria-sort="ascending">' in html
    # A second click on the sorted column reverses the order.
    assert 'href="?tri=-nom"' in html


def test_it_puts_rows_without_a_departement_last_in_either_direction(client, palmares):
    assert noms(client.get("/palmares/2026/?tri=departement"))[-1] == "Syndicat numérique de la Haute-Saône"
    assert noms(client.get("/palmares/2026/?tri=-departement"))[-1] == "Syndicat numérique de la Haute-Saône"
    assert noms(client.get("/palmares/2026/?tri=-departement"))[0] == "La Rochelle"


def test_it_filters_by_arobases(client, palmares):
    response = client.get("/palmares/2026/?arobases=3")

    assert noms(response) == ["Haulchin", "La Rochelle"]
    assert "<strong>2 collectivités correspondent</strong> aux filtres choisis, sur 5" in response.content.decode()


def test_it_filters_by_categorie_region_and_departement(client, palmares):
    assert noms(client.get("/palmares/2026/?categorie=territoire")) == [
        "Dijon Métropole",
        "Syndicat numérique de la Haute-Saône",
    ]
    assert noms(client.get("/palmares/2026/?region=32")) == ["Haulchin"]
    assert noms(client.get("/palmares/2026/?departement=21")) == ["Dijon", "Dijon Métropole"]
    response = client.get("/palmares/2026/?region=27&categorie=village")
    assert noms(response) == ["La Rochelle"]
    assert "<strong>1 collectivité correspond</strong>" in response.content.decode()


def test_it_keeps_the_filters_in_the_form_and_the_sort_links(client, palmares):
    html = client.get("/palmares/2026/?region=27&tri=nom").content.decode()

    assert '<option value="27" selected>Bourgogne-Franche-Comté</option>' in html
    assert '<input type="hidden" name="tri" value="nom">' in html
    assert 'href="?region=27&amp;tri=-population"' in html


def test_it_labels_every_filter_field(client, palmares):
    html = client.get("/palmares/2026/").content.decode()

    for champ in ["arobases", "categorie", "region", "departement"]:
        assert f'<label for="id_{champ}">' in html
        assert f'id="id_{champ}"' in html
    assert '<form method="get" class="filtres">' in html


@pytest.mark.parametrize(
    "parametres",
    [
        "arobases=abc",
        "arobases=9",
        "arobases=0",
        "categorie=metropole",
        "region=zz",
        "departement=%3Cscript%3E",
        "tri=mot_de_passe",
        "tri=--nom",
        "arobases=&region=&departement=",
        "arobases=3&arobases=abc",
    ],
)
def test_it_ignores_invalid_parameter_values(client, palmares, parametres):
    response = client.get(f"/palmares/2026/?{parametres}")

    assert response.status_code == 200
    assert len(response.context["lignes"]) == 5
    assert "aria-invalid" not in response.content.decode()


def test_it_keeps_the_valid_filters_when_another_one_is_wrong(client, palmares):
    assert noms(client.get("/palmares/2026/?arobases=3&region=zz")) == ["Haulchin", "La Rochelle"]


@pytest.mark.parametrize("lignes", [3, 10])
def test_it_lists_in_constant_queries(client, palmares, django_assert_num_queries, lignes):
    # Three rows (Dijon, Dijon Métropole with two mentions, the syndicat), then villages up to `lignes`.
    palmares["e2026"].labellisations.filter(collectivite__nom__in=["Haulchin", "La Rochelle"]).delete()
    ajouter_labellises(palmares["e2026"], lignes - 3, departement=palmares["nord"])
    # 1 demo banner (context processor), 2 édition, 3 labellisations with collectivité, commune/EPCI,
    # département and région, 4 mentions with their catégorie, 5 member communes of syndicats.
    with django_assert_num_queries(5):
        response = client.get("/palmares/2026/")
    assert len(response.context["lignes"]) == lignes

"""The facet counts of /fiches/ are cached under the search index's generation token (fiches/facettes.py):
a repeated page reads them from memory, and any change of the index makes them obsolete at once."""

import pytest

from ..search import GENERATION, indexer
from .recherche_donnees import creer_fiche, make_recherche

URL = "/fiches/"


@pytest.fixture
def cache_des_facettes(settings):
    settings.CACHES = {
        **settings.CACHES,
        "facettes": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-facettes"},
    }
    from django.core.cache import caches

    caches["facettes"].clear()
    yield caches["facettes"]
    caches["facettes"].clear()


@pytest.fixture
def donnees(db):
    return make_recherche()


def compte(response, nom, libelle):
    facette = next(f for f in response.context["facettes"] if f.nom == nom)
    return next((option.nombre for option in facette.options if option.libelle == libelle), 0)


def test_a_repeated_page_reads_its_counts_from_the_cache(
    client, donnees, cache_des_facettes, django_assert_num_queries
):
    premiere = client.get(URL, {"q": "numérique"})
    # The same page again: the three grouped queries of the counts are read from memory (the token is read
    # by both pages).
    with django_assert_num_queries(len(_requetes(client, {"q": "numérique"}, cache_des_facettes)) - 3):
        seconde = client.get(URL, {"q": "numérique"})

    assert compte(seconde, "enjeu", "Médiation") == compte(premiere, "enjeu", "Médiation") == 2
    assert [f.nom for f in seconde.context["facettes"]] == [f.nom for f in premiere.context["facettes"]]


def _requetes(client, parametres, cache):
    """The queries of a page computed without the cache's help."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as requetes:
        client.get(URL, parametres)
    return requetes.captured_queries


def test_a_newly_published_fiche_is_counted_at_once(
    client, donnees, cache_des_facettes, django_capture_on_commit_callbacks
):
    categorie = donnees["dijon"].get_categorie_display()
    avant = client.get(URL)
    client.get(URL)  # now in the cache

    fiche = creer_fiche(donnees["dijon"], "Tiers-lieu numérique", services=[donnees["epn"]])
    with django_capture_on_commit_callbacks(execute=True):
        indexer([fiche.pk])

    apres = client.get(URL)
    assert compte(apres, "categorie", categorie) == compte(avant, "categorie", categorie) + 1
    assert compte(apres, "enjeu", "Médiation") == compte(avant, "enjeu", "Médiation") + 1


def test_the_token_changes_only_once_the_index_change_is_committed(donnees, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    from ..search import generation

    jeton = generation()
    with django_capture_on_commit_callbacks(execute=False) as rappels:
        indexer([])
    assert cache.get(GENERATION) == jeton  # not yet committed
    for rappel in rappels:
        rappel()
    assert generation() != jeton


def test_the_cache_never_holds_the_embargoed_arobases(client, donnees, cache_des_facettes):
    # Dijon has 1 arobase in the 2027 label, published tomorrow: the facet shows the 2026 label, from the cache too.
    client.get(URL)
    response = client.get(URL)

    facette = next(f for f in response.context["facettes"] if f.nom == "arobases")
    assert facette.titre.endswith("2026")
    assert compte(response, "arobases", "5 arobases") == 2  # Dijon's two published fiches
    assert compte(response, "arobases", "1 arobase") == 0

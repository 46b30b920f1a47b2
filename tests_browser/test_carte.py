"""The map of the observatory and a fiche's small map, in a real browser: markers, keyboard, axe-core.

The taxonomy comes from a migration: serialized_rollback keeps it across these transactional tests (and
keeps the next serialized test from finding the content types already there).
"""

import re

import pytest
from playwright.sync_api import expect

from fiches.tests.observatoire import make_observatoire
from fiches.views import carte as vue_carte

from .checks import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def observatoire(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_observatoire()


@pytest.mark.parametrize("viewport", ["ordinateur", "telephone"])
def test_the_map_shows_the_published_fiches_with_a_text_list(open_page, observatoire, captures, viewport):
    page = open_page("/carte/", viewport)

    expect(page).to_have_title(re.compile("^Carte des actions"))
    carte = page.get_by_role("region", name=re.compile("Carte des fiches actions"))
    expect(carte).to_be_visible()
    # The départements are drawn (no tile server), then the markers or clusters of the 3 published places.
    expect(page.locator("#carte-fiches path.leaflet-interactive, #carte-fiches svg path").first).to_be_attached()
    expect(page.locator("#carte-fiches .leaflet-marker-icon").first).to_be_visible()
    expect(page.locator("#carte-etat")).to_contain_text("2 fiches dans la zone affichée (3 lieux)")
    liste = page.locator("#carte-liste")
    expect(liste.get_by_role("link", name="Médiation numérique dans les écoles")).to_be_visible()
    expect(liste.get_by_role("link", name="Tablettes au village")).to_be_visible()
    expect(liste).not_to_contain_text("Brouillon")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"carte-{viewport}.png", full_page=True)


def test_markers_and_clusters_work_with_the_keyboard(open_page, observatoire, live_server):
    page = open_page("/carte/")
    expect(page.locator("#carte-etat")).to_contain_text("2 fiches")
    page.get_by_role("button", name="Métropole").click()
    marqueur = page.locator("#carte-fiches .leaflet-marker-icon[role=button]").first
    expect(marqueur).to_be_visible()

    marqueur.focus()
    expect(marqueur).to_be_focused()
    page.keyboard.press("Enter")

    # A marker opens its popup (a link to the fiche); a cluster zooms in, until markers show.
    for _ in range(6):
        popup = page.locator(".leaflet-popup a")
        if popup.count():
            break
        marqueur = page.locator("#carte-fiches .leaflet-marker-icon[role=button]").first
        marqueur.focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
    expect(page.locator(".leaflet-popup a").first).to_have_attribute("href", re.compile(r"^/fiches/\d+/$"))


def test_beyond_the_cap_the_server_clusters_are_drawn(open_page, observatoire, monkeypatch, captures):
    monkeypatch.setattr(vue_carte, "MAX_POINTS", 1)

    page = open_page("/carte/")

    expect(page.locator("#carte-etat")).to_contain_text("3 lieux dans la zone affichée : trop pour les lister ici")
    expect(page.locator("#carte-fiches .grappe").first).to_be_visible()
    expect(page.locator("#carte-suite")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=captures / "carte-groupes.png", full_page=True)


def test_the_filters_reload_the_map(open_page, observatoire):
    page = open_page("/carte/")

    page.locator("summary", has_text="Collectivité").click()  # opens the facet
    page.get_by_role("group", name="Collectivité").get_by_label("Village").check()
    page.get_by_role("button", name="Filtrer la carte").click()

    expect(page).to_have_url(re.compile(r"categorie=village"))
    expect(page.locator("#carte-etat")).to_contain_text("1 fiche dans la zone affichée")
    expect(page.locator("#carte-liste li")).to_have_count(1)
    expect(page.locator("#carte-liste")).to_contain_text("Tablettes au village")


@pytest.mark.parametrize("viewport", ["ordinateur", "telephone"])
def test_a_facet_takes_several_values_in_a_shareable_address(open_page, observatoire, captures, viewport):
    page = open_page("/carte/?categorie=village", viewport)
    expect(page.locator("#carte-etat")).to_contain_text("1 fiche dans la zone affichée")
    # The facet with a choice is open and says so; the other values are a tick away, with the keyboard too.
    categories = page.get_by_role("group", name="Collectivité")
    expect(page.locator("summary", has_text="Collectivité")).to_contain_text("1 choisie")
    expect(categories.get_by_label("Village")).to_be_checked()
    categories.get_by_label("Ville", exact=True).focus()
    page.keyboard.press("Space")
    expect(categories.get_by_label("Ville", exact=True)).to_be_checked()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"carte-filtres-{viewport}.png", full_page=True)

    page.get_by_role("button", name="Filtrer la carte").click()

    expect(page).to_have_url(re.compile(r"\?q=&categorie=ville&categorie=village$"))
    expect(page.locator("#carte-etat")).to_contain_text("2 fiches dans la zone affichée (3 lieux)")
    expect(page.locator("summary", has_text="Collectivité")).to_contain_text("2 choisies")
    # The address is the state: the list of the observatory shows the same fiches.
    expect(page.locator("#carte-etat").get_by_role("link")).to_have_attribute(
        "href", "/fiches/?categorie=village&categorie=ville"
    )


@pytest.mark.parametrize("viewport", ["ordinateur", "telephone"])
def test_a_fiche_shows_its_places_on_a_small_map(open_page, observatoire, captures, viewport):
    page = open_page(f"/fiches/{observatoire['publiee'].pk}/", viewport)

    expect(page.locator("h1")).to_have_text("Médiation numérique dans les écoles")
    carte = page.get_by_role("region", name=re.compile("Carte des lieux"))
    expect(carte).to_be_visible()
    expect(carte.locator(".leaflet-marker-icon")).to_have_count(2)
    expect(page.locator("main")).not_to_contain_text("claire.prive@dijon.example")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"fiche-{viewport}.png", full_page=True)


def test_the_words_of_the_search_filter_the_map(open_page, observatoire):
    page = open_page("/carte/")

    page.get_by_label("Mots").fill("village")
    page.get_by_role("button", name="Filtrer la carte").click()

    expect(page).to_have_url(re.compile(r"q=village"))
    expect(page.locator("#carte-etat")).to_contain_text("1 fiche dans la zone affichée")
    expect(page.locator("#carte-liste")).to_contain_text("Tablettes au village")
    expect(page.locator("#carte-etat").get_by_role("link")).to_have_attribute("href", "/fiches/?q=village")

"""The observatory in a real browser, on a computer and on a phone: a visitor searches for a word on /fiches/
(the results change without a reload, the address follows), opens a fiche, then the map; axe-core on each page.

The taxonomy comes from a migration: serialized_rollback keeps it across these transactional tests.
"""

import re

import pytest
from playwright.sync_api import expect

from fiches.tests.observatoire import make_observatoire

from .checks import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIEWPORTS = ["ordinateur", "telephone"]
SUFFIXE = "Label Territoires, Villes et Villages Internet"


@pytest.fixture
def observatoire(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_observatoire()


def marquer_la_page(page):
    """A mark on the window: it is still there after an htmx swap, gone after a reload."""
    page.evaluate("window.sansRechargement = true")


def sans_rechargement(page):
    return page.evaluate("window.sansRechargement === true")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_visitor_searches_for_a_word_opens_a_fiche_then_the_map(open_page, observatoire, captures, viewport):
    page = open_page("/fiches/", viewport)
    expect(page).to_have_title(f"Fiches actions — {SUFFIXE}")
    expect(page.locator("h1")).to_have_text("Fiches actions de l'observatoire")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    # The search, without accents: the results region changes in place, the address and the title follow.
    marquer_la_page(page)
    page.get_by_label("Rechercher dans les fiches actions").fill("mediation")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    expect(page).to_have_url(re.compile(r"/fiches/\?(.*&)?q=mediation"))
    expect(page).to_have_title(f"« mediation » — Fiches actions — {SUFFIXE}")
    resultats = page.locator(".liste-resultats")
    expect(page.locator("#titre-resultats")).to_have_text("3 fiches pour « mediation »")
    expect(resultats.get_by_role("link", name="Médiation numérique dans les écoles")).to_be_visible()
    expect(resultats.locator("mark").first).to_have_text(re.compile("^[Mm]édiation$"))
    expect(resultats).not_to_contain_text("en attente")  # under moderation: never shown
    expect(page.locator("#statut-recherche")).to_have_text("3 fiches trouvées.")
    assert sans_rechargement(page)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"recherche-{viewport}.png", full_page=True)

    # A facet narrows the results in place too.
    page.get_by_label(re.compile(r"^Village \(")).check()
    expect(page).to_have_url(re.compile(r"categorie=village"))
    expect(page.locator("#titre-resultats")).to_have_text("2 fiches pour « mediation » (filtres appliqués)")
    assert sans_rechargement(page)

    # The fiche, then back to the same results (every state has its own address).
    resultats.get_by_role("link", name="Médiation numérique pour les aînés").click()
    expect(page.locator("h1")).to_have_text("Médiation numérique pour les aînés")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.go_back()
    expect(page.locator("#titre-resultats")).to_have_text("2 fiches pour « mediation » (filtres appliqués)")
    expect(page.get_by_label("Rechercher dans les fiches actions")).to_have_value("mediation")
    page.get_by_label(re.compile(r"^Village \(")).uncheck()
    expect(page.locator("#titre-resultats")).to_have_text("3 fiches pour « mediation »")

    resultats.get_by_role("link", name="Médiation numérique dans les écoles").click()
    expect(page.locator("h1")).to_have_text("Médiation numérique dans les écoles")
    expect(
        page.get_by_role("region", name=re.compile("Carte des lieux")).locator(".leaflet-marker-icon")
    ).to_have_count(2)
    assert_accessible(page)
    page.screenshot(path=captures / f"fiche-depuis-recherche-{viewport}.png", full_page=True)

    # The map, from the main navigation.
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Carte").click()
    expect(page).to_have_title(re.compile("^Carte des actions"))
    expect(page.locator("#carte-etat")).to_contain_text("2 fiches dans la zone affichée (3 lieux)")
    expect(page.locator("#carte-fiches .leaflet-marker-icon").first).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_fiches_of_one_collectivite_are_a_filter_that_can_be_removed(open_page, observatoire, captures, viewport):
    page = open_page("/fiches/?collectivite=70450", viewport)  # La Rochelle

    expect(page).to_have_title(f"La Rochelle — Fiches actions (filtrées) — {SUFFIXE}")
    expect(page.locator(".filtre-actif")).to_contain_text("Seulement les fiches de La Rochelle.")
    expect(page.locator(".liste-resultats > li")).to_have_count(4)
    expect(page.get_by_label(re.compile(r"^La Rochelle \("))).to_be_checked()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"recherche-collectivite-{viewport}.png", full_page=True)

    marquer_la_page(page)
    page.get_by_role("link", name="Voir les fiches de toutes les collectivités").click()

    expect(page).to_have_url(re.compile(r"/fiches/$"))
    expect(page.locator(".liste-resultats > li")).to_have_count(5)
    expect(page.locator(".filtre-actif")).to_have_count(0)
    assert sans_rechargement(page)

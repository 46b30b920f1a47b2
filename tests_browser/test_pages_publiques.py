"""The public pages, in a real browser, on a computer and on a phone: content, accessibility (axe-core)."""

import re

import pytest
from playwright.sync_api import expect

from .checks import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIEWPORTS = ["ordinateur", "telephone"]
SUFFIXE = "Label Territoires, Villes et Villages Internet"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_home_page_leads_to_the_latest_palmares(open_page, palmares_2026, captures, viewport):
    page = open_page("/", viewport)

    expect(page).to_have_title(f"Accueil — {SUFFIXE}")
    expect(page.locator("h1")).to_have_text("Label national Territoires, Villes et Villages Internet")
    expect(page.get_by_role("link", name="Voir le palmarès 2026")).to_be_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"accueil-{viewport}.png", full_page=True)


def test_the_demo_banner_is_shown_and_accessible(open_page, palmares_2026, captures):
    palmares_2026["edition"].donnees_demo = True
    palmares_2026["edition"].save()

    page = open_page("/")

    expect(page.get_by_role("note")).to_contain_text("Données de démonstration")
    assert_accessible(page)
    page.screenshot(path=captures / "accueil-demo.png", full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_accessibility_statement_is_accessible(open_page, transactional_db, captures, viewport):
    page = open_page("/accessibilite/", viewport)

    expect(page).to_have_title(f"Déclaration d'accessibilité — {SUFFIXE}")
    expect(page.locator("h1")).to_have_text("Déclaration d'accessibilité")
    expect(page.get_by_role("heading", name="Voies de recours")).to_be_visible()
    assert_accessible(page)
    page.screenshot(path=captures / f"accessibilite-{viewport}.png", full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_palmares_index_lists_the_published_editions(open_page, palmares_2026, viewport):
    page = open_page("/palmares/", viewport)

    expect(page.locator("h1")).to_contain_text("Palmarès")
    expect(page.locator("main").get_by_role("link", name=re.compile("2026"))).not_to_have_count(0)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_palmares_2026_lists_villes_villages_and_territoires(open_page, palmares_2026, captures, viewport):
    page = open_page("/palmares/2026/", viewport)

    expect(page).to_have_title(re.compile(r"2026"))
    expect(page.locator("h1")).to_contain_text("2026")
    main = page.locator("main")
    for nom in ["Dijon", "La Rochelle", "CC du Pays de Villersexel"]:
        expect(main.get_by_role("link", name=nom, exact=True)).not_to_have_count(0)
    expect(main).to_contain_text("Transition écologique")
    expect(main).to_contain_text("Médiation numérique")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"palmares-2026-{viewport}.png", full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_statistics_2026_have_their_figures_in_text(open_page, palmares_2026, captures, viewport):
    page = open_page("/palmares/2026/statistiques/", viewport)

    expect(page).to_have_title(re.compile(r"2026"))
    expect(page.locator("h1")).to_contain_text("2026")
    main = page.locator("main")
    # 3 collectivités; communes concernées: Dijon, La Rochelle, and the CC's members La Rochelle and
    # Villersexel, La Rochelle counted once → 3; habitants: 156,920 + 39 + 1,500.
    texte = " ".join(main.inner_text().split())  # also folds the (narrow) no-break spaces of French numbers
    assert re.search(r"\b3 collectivités labellisées", texte, re.IGNORECASE), texte
    assert re.search(r"\b3 communes concernées", texte, re.IGNORECASE), texte
    assert re.search(r"\b158 459 habitants concernés", texte, re.IGNORECASE), texte
    # Charts always have a text equivalent: the figures are in at least one table.
    expect(main.locator("table")).not_to_have_count(0)
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"statistiques-2026-{viewport}.png", full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_page_of_a_collectivite_shows_its_results(open_page, palmares_2026, captures, viewport):
    page = open_page("/collectivites/21231/", viewport)

    expect(page).to_have_title(re.compile("Dijon"))
    expect(page.locator("h1")).to_contain_text("Dijon")
    main = page.locator("main")
    expect(main).to_contain_text("2026")
    expect(main).to_contain_text("2025")
    expect(main).to_contain_text("Transition écologique")
    expect(main).to_contain_text("5 arobases")  # the text equivalent of « @@@@@ »
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / f"collectivite-dijon-{viewport}.png", full_page=True)


def test_a_visitor_goes_from_the_home_page_to_a_collectivite(open_page, palmares_2026, live_server):
    page = open_page("/")

    page.get_by_role("link", name="Voir le palmarès 2026").click()
    expect(page).to_have_url(live_server.url + "/palmares/2026/")
    page.locator("main").get_by_role("link", name="Dijon", exact=True).first.click()
    expect(page).to_have_url(live_server.url + "/collectivites/21231/")
    expect(page.locator("h1")).to_contain_text("Dijon")


def test_a_visitor_filters_the_palmares_on_a_phone(open_page, palmares_2026, captures):
    page = open_page("/palmares/2026/", "telephone")

    page.get_by_label("Catégorie").select_option(label="Village")
    page.get_by_role("button", name="Filtrer").click()

    expect(page).to_have_url(re.compile(r"categorie=village"))
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("La Rochelle")
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.screenshot(path=captures / "palmares-2026-villages-telephone.png", full_page=True)


def test_the_keyboard_reaches_the_skip_link_first(open_page, transactional_db):
    page = open_page("/accessibilite/")

    page.keyboard.press("Tab")
    lien = page.get_by_role("link", name="Aller au contenu")
    expect(lien).to_be_focused()
    expect(lien).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#contenu$"))

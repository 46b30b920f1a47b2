"""Checks shared by the browser tests."""

from axe_playwright_python.sync_playwright import Axe


def assert_accessible(page):
    """axe-core finds no violation on the page (the report is the failure message)."""
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def assert_no_horizontal_scroll(page):
    """The page fits the viewport's width: wide tables scroll inside their own box, not the page."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} déborde de {overflow} px en largeur"

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


def oublier_les_types_de_contenu():
    """Delete the content types (and, by cascade, the permissions) the database holds, before a serialized_rollback
    test reloads its snapshot.

    A transactional test *without* serialized_rollback flushes the database with post_migrate, which re-creates the
    content types under new ids; the snapshot, reloaded by the next serialized_rollback test, then collides with
    them (« UNIQUE constraint failed: django_content_type.app_label, django_content_type.model »). Call it from a
    module-scoped autouse fixture, which runs before the test's database setup."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.all().delete()
    ContentType.objects.clear_cache()

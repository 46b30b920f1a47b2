"""Browser tests: Playwright (sync API) drives Debian's Chromium against pytest-django's live_server.

Run with `make test-browser`. The browser is /usr/bin/chromium (CHROMIUM overrides it); Playwright never
downloads one. Every page is checked with axe-core; screenshots land in pytest's tmp dir.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import sync_playwright

from arobase.testing import make_referentiel
from label.enums import Categorie, StatutEdition
from label.models import CategorieMention, Collectivite, Edition, Labellisation, Mention

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the tests are still
# synchronous, so Django must not refuse them.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "ordinateur": {"width": 1280, "height": 900},
    "telephone": {"width": 375, "height": 667},
}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the browser tests use a test database in a file, not in memory.

    The live server answers in another thread: with an in-memory database (shared cache) a write from the
    page (an autosave) and one from the test can collide with « database table is locked », which no busy
    timeout waits for. A file database in WAL mode waits instead (the settings' timeout).
    """
    from django.conf import settings

    base = settings.DATABASES["default"]
    if base["ENGINE"].endswith("sqlite3"):
        base.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("base") / "navigateur.sqlite3")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium introuvable : {CHROMIUM} (apt-get install chromium, ou CHROMIUM=/chemin).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def captures(tmp_path_factory):
    """Directory of the screenshots of this run."""
    return tmp_path_factory.mktemp("captures")


@pytest.fixture
def open_page(browser, live_server):
    """open_page(path, viewport="ordinateur") → a Playwright page showing live_server's `path`."""
    contexts = []

    def open_(path, viewport="ordinateur"):
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="fr-FR")
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(live_server.url + path)
        status = response.status if response else None
        assert status == 200, f"GET {path} → {status}"
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def palmares_2026(transactional_db):
    """A published 27th édition (2026) with a ville, a village and a territoire, and two mentions.

    Dijon (ville, 5@, mention transition écologique, already 4@ in 2025), La Rochelle (village, 2@,
    mention médiation numérique) and the CC du Pays de Villersexel (territoire, 3@, its member communes
    are La Rochelle and Villersexel).
    """
    ref = make_referentiel()
    hier = timezone.now() - timedelta(days=1)
    edition_2025 = Edition.objects.create(
        annee=2025, numero=26, statut=StatutEdition.CLOSE, publication_at=hier - timedelta(days=365)
    )
    edition = Edition.objects.create(
        annee=2026, numero=27, statut=StatutEdition.CLOSE, publication_at=hier, ceremonie_lieu="Agen"
    )
    mediation = CategorieMention.objects.create(edition=edition, nom="Médiation numérique")
    transition = CategorieMention.objects.create(edition=edition, nom="Transition écologique", arobase_verte=True)

    dijon = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"])
    la_rochelle = Collectivite.objects.create(
        nom="La Rochelle", categorie=Categorie.VILLAGE, commune=ref["la_rochelle"]
    )
    cc = Collectivite.objects.create(nom="CC du Pays de Villersexel", categorie=Categorie.TERRITOIRE, epci=ref["cc"])

    Labellisation.objects.create(edition=edition_2025, collectivite=dijon, categorie=Categorie.VILLE, arobases=4)
    l_dijon = Labellisation.objects.create(edition=edition, collectivite=dijon, categorie=Categorie.VILLE, arobases=5)
    l_rochelle = Labellisation.objects.create(
        edition=edition, collectivite=la_rochelle, categorie=Categorie.VILLAGE, arobases=2
    )
    Labellisation.objects.create(edition=edition, collectivite=cc, categorie=Categorie.TERRITOIRE, arobases=3)
    Mention.objects.create(
        labellisation=l_dijon, categorie=transition, citation="Sobriété numérique des services municipaux."
    )
    Mention.objects.create(labellisation=l_rochelle, categorie=mediation)
    return {"edition": edition, "dijon": dijon, "la_rochelle": la_rochelle, "cc": cc}

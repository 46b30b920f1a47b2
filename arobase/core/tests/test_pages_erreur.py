import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_a_missing_page_answers_in_french_in_the_site_layout(client):
    response = client.get("/palmares/1800/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "<h1>Page introuvable</h1>" in page
    assert 'id="contenu"' in page


def test_the_server_error_page_is_french_and_needs_no_database():
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert '<html lang="fr">' in page and "<main>" in page

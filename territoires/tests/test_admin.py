import pytest
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse

from arobase.testing import make_referentiel
from territoires.admin import IMPORT_NOTICE
from territoires.models import Commune

pytestmark = pytest.mark.django_db


@pytest.fixture
def referentiel():
    return make_referentiel()


@pytest.mark.parametrize("model", ["region", "departement", "epci", "commune"])
def test_each_list_page_answers_in_a_fixed_number_of_queries(
    admin_client, referentiel, model, django_assert_num_queries
):
    # Session, user, the staff member's authenticator app (two-factor authentication), the choices of the filters
    # on foreign keys (régions; départements for communes), the paginator's count, the page of rows with its
    # foreign keys joined, and the site's demo banner check.
    queries = {"region": 6, "departement": 7, "epci": 7, "commune": 8}[model]

    with django_assert_num_queries(queries):
        response = admin_client.get(reverse(f"admin:territoires_{model}_changelist"))

    assert response.status_code == 200


def test_it_finds_a_commune_by_insee_code_or_name(admin_client, referentiel):
    url = reverse("admin:territoires_commune_changelist")

    by_code = admin_client.get(url, {"q": "70450"})
    by_name = admin_client.get(url, {"q": "rochelle"})

    assert list(by_code.context["cl"].result_list) == [referentiel["la_rochelle"]]
    assert list(by_name.context["cl"].result_list) == [referentiel["la_rochelle"]]


def test_it_filters_communes_by_type(admin_client, referentiel):
    response = admin_client.get(reverse("admin:territoires_commune_changelist"), {"type__exact": "COMD"})

    assert list(response.context["cl"].result_list) == [referentiel["ancienne"]]


def test_the_commune_page_never_lists_every_commune_in_a_select(admin_client, referentiel):
    url = reverse("admin:territoires_commune_change", args=[referentiel["ancienne"].pk])

    response = admin_client.get(url)

    form = response.context["adminform"].form
    for name in ("departement", "epci", "commune_parent"):
        assert isinstance(form.fields[name].widget.widget, AutocompleteSelect)


def test_the_commune_page_warns_that_the_next_import_overwrites_it(admin_client, referentiel):
    response = admin_client.get(reverse("admin:territoires_commune_change", args=[referentiel["dijon"].pk]))

    assert IMPORT_NOTICE in response.content.decode()


def test_the_code_of_an_imported_commune_is_read_only(admin_client, referentiel):
    dijon = referentiel["dijon"]
    url = reverse("admin:territoires_commune_change", args=[dijon.pk])

    response = admin_client.get(url)

    assert {"code_insee", "type"} <= set(response.context["adminform"].readonly_fields)
    assert "code_insee" not in response.context["adminform"].form.fields


def test_a_new_commune_can_be_given_its_code(admin_client, referentiel):
    response = admin_client.post(
        reverse("admin:territoires_commune_add"),
        {"code_insee": "21999", "type": "COM", "nom": "Nouvelle", "departement": referentiel["cote_dor"].pk},
    )

    assert response.status_code == 302
    assert Commune.objects.get(code_insee="21999").nom == "Nouvelle"


def test_the_autocomplete_finds_a_commune_by_name(admin_client, referentiel):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "Dij", "app_label": "territoires", "model_name": "commune", "field_name": "commune_parent"},
    )

    assert [r["text"] for r in response.json()["results"]] == ["Dijon (21231)"]

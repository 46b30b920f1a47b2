"""/espace/ points jury members to the jury pages of their éditions."""

import pytest
from django.urls import reverse

from arobase.testing import make_cast, make_collectivites, make_referentiel
from comptes.testing import verifier_adresses
from jury.enums import RoleJury
from jury.models import RoleEdition
from label.models import Edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    cast = make_cast(make_collectivites(make_referentiel()))
    verifier_adresses(*cast.values())
    return cast


def test_a_jury_member_sees_the_jury_editions_and_roles(client, cast):
    edition = Edition.objects.create(annee=2027, numero=28)
    RoleEdition.objects.create(user=cast["agent_dijon"], edition=edition, role=RoleJury.EXPERT)
    client.force_login(cast["agent_dijon"])
    page = client.get(reverse("comptes:espace")).content.decode()
    assert "Jury du label" in page
    assert reverse("jury:edition", args=[2027]) in page
    assert "expert" in page


def test_a_member_without_jury_role_sees_no_jury_section(client, cast):
    client.force_login(cast["agent_la_rochelle"])
    page = client.get(reverse("comptes:espace")).content.decode()
    assert "Jury du label" not in page
    assert reverse("jury:accueil") not in page


def test_staff_get_a_jury_link_in_the_header(client, cast):
    client.force_login(cast["equipe"])
    assert reverse("jury:accueil") in client.get(reverse("accueil")).content.decode()

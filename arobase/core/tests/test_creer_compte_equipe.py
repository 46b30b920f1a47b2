from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("creer_compte_equipe", stdout=out)
    return out.getvalue()


def test_it_creates_a_staff_account_and_prints_its_password_once():
    first = run()
    user = get_user_model().objects.get(username="equipe")
    password = first.split("mot de passe : ")[1].split()[0]
    assert user.is_staff and user.is_superuser
    assert user.check_password(password)
    assert "demande d'activer la double authentification" in first

    second = run()
    assert password not in second
    assert "existe déjà" in second
    assert get_user_model().objects.count() == 1

"""Two-factor authentication is required of staff and the jury before any page of the jury (hence any dossier)."""

import pytest
from allauth.mfa.models import Authenticator

from .outils import activer_totp, make_jury


@pytest.fixture
def sans_mfa(db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CAMPAGNE_FICHIERS_ROOT = tmp_path / "prive"
    return make_jury(mfa=False)


@pytest.mark.parametrize("qui", ["expert_a", "jure", "president", "equipe"])
def test_a_role_holder_or_staff_without_an_authenticator_app_is_sent_to_turn_it_on(client, sans_mfa, qui):
    from .outils import affecter

    affecter(sans_mfa.dossier_dijon, sans_mfa.expert_a)
    client.force_login(getattr(sans_mfa, qui))

    reponse = client.get(f"/jury/2027/dossiers/{sans_mfa.dossier_dijon.pk}/", follow=True)

    assert reponse.redirect_chain[0] == ("/compte/double-authentification/", 302)
    assert "demandent la double authentification" in reponse.content.decode()
    assert "Dijon — dossier du label" not in reponse.content.decode()


def test_with_an_authenticator_app_the_same_person_goes_through(client, sans_mfa):
    from .outils import affecter

    affecter(sans_mfa.dossier_dijon, sans_mfa.expert_a)
    activer_totp(sans_mfa.expert_a)
    client.force_login(sans_mfa.expert_a)

    reponse = client.get(f"/jury/2027/dossiers/{sans_mfa.dossier_dijon.pk}/")

    assert reponse.status_code == 200
    assert Authenticator.objects.filter(user=sans_mfa.expert_a).count() == 1


def test_a_person_with_no_role_is_not_asked_for_it_and_gets_a_404(client, sans_mfa):
    client.force_login(sans_mfa.referent_dijon)

    assert client.get("/jury/2027/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, sans_mfa):
    reponse = client.get("/jury/2027/")

    assert reponse.status_code == 302
    assert reponse["Location"].startswith("/compte/connexion/?next=/jury/2027/")

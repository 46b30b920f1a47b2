"""Roles per édition and two-factor authentication."""

from django.contrib.auth.models import AnonymousUser

from ..access import a_la_double_authentification, a_role, doit_avoir_mfa, roles_de
from ..enums import RoleJury
from .outils import activer_totp, make_jury


def test_roles_are_given_per_edition(jury):
    assert roles_de(jury.president, jury.e2027) == {RoleJury.PRESIDENT, RoleJury.JURE}
    assert roles_de(jury.president, jury.e2026) == set()
    assert roles_de(AnonymousUser(), jury.e2027) == set()
    assert roles_de(jury.referent_dijon, jury.e2027) == set()


def test_a_role_answers_for_any_of_the_roles_given(jury):
    assert a_role(jury.expert_a, jury.e2027, RoleJury.EXPERT)
    assert a_role(jury.expert_a, jury.e2027, RoleJury.JURE, RoleJury.EXPERT)
    assert not a_role(jury.expert_a, jury.e2027, RoleJury.JURE, RoleJury.PRESIDENT)
    assert a_role(jury.expert_a, jury.e2027)
    assert not a_role(jury.expert_a, jury.e2026)


def test_staff_and_jury_members_must_use_two_factor_authentication_and_others_need_not(jury):
    assert doit_avoir_mfa(jury.equipe)
    assert doit_avoir_mfa(jury.expert_a)
    assert not doit_avoir_mfa(jury.referent_dijon)
    assert not doit_avoir_mfa(AnonymousUser())


def test_recovery_codes_alone_do_not_count_as_two_factor_authentication(db, settings, tmp_path):
    from allauth.mfa.models import Authenticator

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    jury = make_jury(mfa=False)
    Authenticator.objects.create(user=jury.expert_a, type=Authenticator.Type.RECOVERY_CODES, data={})

    assert not a_la_double_authentification(jury.expert_a)
    activer_totp(jury.expert_a)
    assert a_la_double_authentification(jury.expert_a)

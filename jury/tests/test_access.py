"""Roles per édition and who must use two-factor authentication (whether one has it: comptes/tests/test_mfa.py)."""

from django.contrib.auth.models import AnonymousUser

from ..access import a_role, doit_avoir_mfa, roles_de
from ..enums import RoleJury


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

"""The jury in the administration: behind two-factor authentication, and without the rows of a dossier the staff
member is in conflict with."""

from comptes.enums import Role
from comptes.models import Appartenance

from ..models import LeveeConflit, RoleEdition
from .outils import affecter, make_jury


def superuser(jury):
    jury.equipe.is_superuser = True
    jury.equipe.save()
    return jury.equipe


def test_jury_admin_pages_send_staff_without_two_factor_authentication_to_turn_it_on(client, db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    jury = make_jury(mfa=False)
    role = RoleEdition.objects.first()
    client.force_login(superuser(jury))

    for url in [
        "/admin/jury/roleedition/",
        f"/admin/jury/roleedition/{role.pk}/change/",
        "/admin/jury/roleedition/add/",
        f"/admin/jury/roleedition/{role.pk}/delete/",
        f"/admin/jury/roleedition/{role.pk}/history/",
        "/admin/jury/affectation/",
    ]:
        assert client.get(url)["Location"] == "/compte/double-authentification/", url
    assert client.post(f"/admin/jury/roleedition/{role.pk}/delete/", {"post": "yes"}).status_code == 302
    assert RoleEdition.objects.filter(pk=role.pk).exists()


def test_with_it_staff_manage_roles_and_the_granting_is_recorded(client, jury):
    client.force_login(superuser(jury))

    reponse = client.post(
        "/admin/jury/roleedition/add/",
        {"user": jury.agent_dijon.pk, "edition": jury.e2027.pk, "role": "expert", "capacite": "5"},
    )

    assert reponse.status_code == 302
    assert RoleEdition.objects.get(user=jury.agent_dijon).accorde_par == jury.equipe
    assert client.get("/admin/jury/critere/").status_code == 200


def test_the_admin_leaves_out_the_rows_of_a_dossier_the_staff_member_is_in_conflict_with(client, jury):
    affecter(jury.dossier_dijon, jury.expert_a)
    affecter(jury.dossier_la_rochelle, jury.expert_a)
    LeveeConflit.objects.create(user=jury.jure_metropole, candidature=jury.dossier_dijon, motif="x", par=jury.equipe)
    Appartenance.objects.create(user=jury.equipe, collectivite=jury.dijon, role=Role.CONTRIBUTEUR)
    client.force_login(superuser(jury))

    affectations = client.get("/admin/jury/affectation/").content.decode()
    levees = client.get("/admin/jury/leveeconflit/").content.decode()

    assert "La Rochelle" in affectations and "Dijon —" not in affectations
    assert "jure.metropole" not in levees

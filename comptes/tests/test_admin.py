import pytest

from comptes.models import CodePostal, DemandeAdhesion, DomaineCollectivite


@pytest.mark.parametrize(
    "url",
    [
        "/admin/comptes/appartenance/",
        "/admin/comptes/demandeadhesion/",
        "/admin/comptes/domainecollectivite/",
        "/admin/comptes/domainecollectivite/add/",
        "/admin/comptes/codepostal/",
    ],
)
def test_staff_with_rights_see_the_admin_pages(admin_client, monde, creer_personne, url):
    DemandeAdhesion.objects.create(user=creer_personne("marie@exemple.fr"), collectivite=monde.dijon)
    DomaineCollectivite.objects.create(collectivite=monde.dijon, domaine="dijon.fr")
    assert CodePostal.objects.exists()

    assert admin_client.get(url).status_code == 200


def test_the_admin_refuses_a_webmail_domain(admin_client, monde):
    response = admin_client.post(
        "/admin/comptes/domainecollectivite/add/", {"collectivite": monde.dijon.pk, "domaine": "gmail.com"}
    )

    assert response.status_code == 200
    assert "messagerie publique" in response.content.decode()
    assert not DomaineCollectivite.objects.exists()


def test_the_admin_records_who_declared_a_domain(admin_client, admin_user, monde):
    admin_client.post(
        "/admin/comptes/domainecollectivite/add/", {"collectivite": monde.dijon.pk, "domaine": "Dijon.FR"}
    )

    domaine = DomaineCollectivite.objects.get()
    assert (domaine.domaine, domaine.declare_par) == ("dijon.fr", admin_user)

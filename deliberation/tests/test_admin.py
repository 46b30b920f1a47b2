"""The deliberation in the administration: decisions and their journal, behind staff's two-factor authentication
(comptes.middleware) like the deliberation's pages."""

from allauth.mfa.models import Authenticator

from deliberation.actions import decider

MOTIFS = "Des motifs que seul le jury lit avant la cérémonie."
CITATION = "Sobriété des services municipaux."


def decision(monde):
    return decider(
        candidature=monde.dossier_dijon,
        par=monde.president,
        arobases=5,
        mentions={monde.transition.pk: CITATION},
        motifs=MOTIFS,
        titre_confirme=True,
    )


def superuser(monde):
    monde.equipe.is_superuser = True
    monde.equipe.save()
    return monde.equipe


def test_staff_without_two_factor_authentication_never_see_a_decision_in_the_administration(client, monde):
    pk = decision(monde).pk
    Authenticator.objects.filter(user=monde.equipe).delete()
    client.force_login(superuser(monde))

    for url in [
        "/admin/deliberation/decision/",
        f"/admin/deliberation/decision/{pk}/change/",
        "/admin/deliberation/entreejournal/",
        "/admin/campagne/candidature/",
    ]:
        reponse = client.get(url)

        assert reponse["Location"] == "/compte/double-authentification/", url
        assert MOTIFS not in reponse.content.decode() and CITATION not in reponse.content.decode()


def test_with_it_staff_read_the_decision_there(client, monde):
    pk = decision(monde).pk
    client.force_login(superuser(monde))

    html = client.get(f"/admin/deliberation/decision/{pk}/change/").content.decode()

    assert MOTIFS in html and CITATION in html

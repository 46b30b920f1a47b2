"""The header of every page: the account links (templates/base.html)."""

import pytest


def entete(client, url="/"):
    html = client.get(url).content.decode()
    return html[html.index('<nav aria-label="Mon compte">') : html.index("</header>")]


def test_an_anonymous_visitor_may_sign_in_and_come_back_or_create_an_account(client, db):
    nav = entete(client, "/fiches/")

    assert '<a href="/compte/connexion/?next=/fiches/">Se connecter</a>' in nav
    assert '<a href="/compte/inscription/">Créer un compte</a>' in nav
    assert "Mon espace" not in nav


def test_the_login_page_marks_its_link_current(client, db):
    nav = entete(client, "/compte/connexion/")

    assert '<a href="/compte/connexion/" aria-current="page">Se connecter</a>' in nav


def test_a_member_has_their_space_their_fiches_and_a_sign_out_form(client, monde):
    client.force_login(monde.agent_dijon)

    nav = entete(client, "/espace/")

    assert '<a href="/espace/" aria-current="page">Mon espace</a>' in nav
    assert '<a href="/espace/fiches/">Mes fiches</a>' in nav
    assert '<form method="post" action="/compte/deconnexion/"' in nav and "Se déconnecter</button>" in nav
    assert "Modération" not in nav and "Administration" not in nav
    assert "Se connecter" not in nav


def test_staff_also_have_moderation_and_administration(client, monde):
    client.force_login(monde.equipe)

    nav = entete(client)

    assert '<a href="/moderation/fiches/">Modération</a>' in nav
    assert '<a href="/admin/">Administration</a>' in nav


@pytest.mark.parametrize(("url", "courant"), [("/carte/", True), ("/palmares/2026/carte/", False)])
def test_the_map_link_is_current_on_the_observatory_map_only(client, db, url, courant):
    from datetime import timedelta

    from django.utils import timezone

    from label.models import Edition

    Edition.objects.create(annee=2026, numero=27, publication_at=timezone.now() - timedelta(days=1))

    html = client.get(url).content.decode()

    assert ('<a href="/carte/" aria-current="page">Carte</a>' in html) is courant

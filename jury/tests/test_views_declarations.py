"""A jury member declares their conflicts and départements; the dossier disappears from their pages at once."""

import pytest

from ..models import AttacheDepartement, ConflitDeclare
from .outils import affecter


@pytest.mark.parametrize("qui, attendu", [(None, 302), ("referent_dijon", 404), ("expert_a", 200), ("jure", 200)])
def test_the_declarations_page_is_for_the_jury_of_the_edition(client, jury, qui, attendu):
    if qui:
        client.force_login(getattr(jury, qui))

    assert client.get("/jury/2027/conflits/").status_code == attendu
    assert client.post("/jury/2027/conflits/declarer/", {"collectivite": "21231", "motif": "x"}).status_code == (
        302 if attendu != 404 else 404
    )


def test_a_juror_declares_a_collectivite_by_name_and_no_longer_sees_its_dossier(client, jury):
    client.force_login(jury.jure)
    assert client.get(f"/jury/2027/dossiers/{jury.dossier_la_rochelle.pk}/").status_code == 200

    reponse = client.post("/jury/2027/conflits/declarer/", {"collectivite": "la rochelle", "motif": "Ma sœur y vit."})

    assert reponse["Location"] == "/jury/2027/conflits/"
    conflit = ConflitDeclare.objects.get()
    assert (conflit.user, conflit.edition, conflit.collectivite) == (jury.jure, jury.e2027, jury.la_rochelle)
    assert client.get(f"/jury/2027/dossiers/{jury.dossier_la_rochelle.pk}/").status_code == 404
    assert "La Rochelle" not in client.get("/jury/2027/dossiers/").content.decode()


def test_an_expert_declares_a_departement_and_withdraws_it(client, jury):
    affecter(jury.dossier_dijon, jury.expert_a)
    client.force_login(jury.expert_a)

    client.post("/jury/2027/conflits/declarer/", {"departement": jury.ref["cote_dor"].pk, "motif": "J'y ai été élu."})
    assert client.get(f"/jury/2027/dossiers/{jury.dossier_dijon.pk}/").status_code == 404

    client.post(f"/jury/2027/conflits/{ConflitDeclare.objects.get().pk}/retirer/")
    assert client.get(f"/jury/2027/dossiers/{jury.dossier_dijon.pk}/").status_code == 200


def test_a_declaration_needs_exactly_one_target_and_a_reason(client, jury):
    client.force_login(jury.expert_a)

    ni_l_un_ni_l_autre = client.post("/jury/2027/conflits/declarer/", {"motif": "?"})
    inconnue = client.post("/jury/2027/conflits/declarer/", {"collectivite": "Atlantide", "motif": ""})

    assert ni_l_un_ni_l_autre.status_code == 422
    assert "Indiquez une collectivité ou un département (l&#x27;un des deux)." in ni_l_un_ni_l_autre.content.decode()
    html = inconnue.content.decode()
    assert "Aucune collectivité ne s&#x27;appelle « Atlantide »" in html and "Donnez le motif du conflit." in html
    assert 'value="Atlantide"' in html
    assert not ConflitDeclare.objects.exists()


def test_one_may_only_withdraw_one_s_own_declarations(client, jury):
    conflit = ConflitDeclare.objects.create(user=jury.jure, edition=jury.e2027, collectivite=jury.dijon, motif="x")
    attache = AttacheDepartement.objects.create(user=jury.jure, departement=jury.ref["nord"], nature="travail")
    client.force_login(jury.expert_a)

    assert client.post(f"/jury/2027/conflits/{conflit.pk}/retirer/").status_code == 404
    assert client.post(f"/jury/2027/departements/{attache.pk}/retirer/").status_code == 404
    assert ConflitDeclare.objects.exists() and AttacheDepartement.objects.exists()


def test_a_departement_of_residence_counts_when_the_edition_says_so(client, jury):
    from ..models import ParametresJury

    ParametresJury.objects.create(edition=jury.e2027, conflit_meme_departement=True)
    client.force_login(jury.jure)

    client.post("/jury/2027/departements/declarer/", {"departement": jury.ref["haute_saone"].pk, "nature": "residence"})
    client.post("/jury/2027/departements/declarer/", {"departement": jury.ref["haute_saone"].pk, "nature": "residence"})

    assert AttacheDepartement.objects.filter(user=jury.jure).count() == 1
    html = client.get("/jury/2027/conflits/").content.decode()
    assert "Résidence : Haute-Saône (70)" in html
    assert client.get(f"/jury/2027/dossiers/{jury.dossier_la_rochelle.pk}/").status_code == 404

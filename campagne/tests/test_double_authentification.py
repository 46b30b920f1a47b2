"""Staff see a dossier only with two-factor authentication (an authenticator app, comptes.access): every page and
endpoint of a dossier, its PDF and files, the staff's list and its exports, and the dossier in the administration.
Without it, staff who are not members of the collectivité are sent to turn it on and never get the dossier; the
members of the collectivité, staff or not, keep seeing their own dossier without it."""

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile

from campagne.actions import enregistrer_reponse, inscrire
from campagne.models import Candidature, Presence, Reponse
from comptes.enums import Role
from comptes.models import Appartenance
from comptes.testing import activer_totp
from label.enums import Categorie

from .outils import question

URL = "/dossiers/2027/21231/"
MFA = "/compte/double-authentification/"
SECRET = "Une stratégie que seuls la collectivité et le jury lisent."


@pytest.fixture
def dossier(monde):
    """Dijon's dossier with an answer and a joined file; staff (monde.equipe) without an authenticator app."""
    dossier = inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)
    for cle, valeur, fichier in [
        ("strategie", SECRET, None),
        ("deliberation", "", SimpleUploadedFile("déliberation.pdf", b"%PDF-1.7\nsecret", "application/pdf")),
    ]:
        enregistrer_reponse(
            candidature=dossier,
            question=question(monde, 2027, Categorie.VILLE, cle),
            valeurs=[valeur],
            version=0,
            par=monde.referent_dijon,
            fichier=fichier,
        )
    Authenticator.objects.filter(user=monde.equipe).delete()
    return dossier


def pk(monde, cle):
    return question(monde, 2027, Categorie.VILLE, cle).pk


def lectures(monde):
    """Every GET of a dossier that staff may otherwise make."""
    return [
        URL,
        f"{URL}etat/",
        f"{URL}questions/{pk(monde, 'strategie')}/",
        f"{URL}questions/{pk(monde, 'deliberation')}/fichier/",
        f"{URL}recapitulatif.pdf",
        "/equipe/candidatures/2027/",
        "/equipe/candidatures/2027/export.csv",
        "/equipe/candidatures/2027/export.xlsx",
        "/admin/campagne/candidature/",
        "/admin/campagne/candidature/{dossier}/change/",
    ]


def contenu(reponse):
    return b"".join(reponse.streaming_content) if reponse.streaming else reponse.content


def test_staff_without_it_are_sent_to_turn_it_on_and_never_get_the_dossier(client, monde, dossier):
    client.force_login(monde.equipe)

    for url in lectures(monde):
        reponse = client.get(url.format(dossier=dossier.pk))

        assert (reponse.status_code, reponse["Location"]) == (302, MFA), url
        assert SECRET.encode() not in contenu(reponse) and b"%PDF" not in contenu(reponse), url


def test_the_page_they_land_on_says_why(client, monde, dossier):
    client.force_login(monde.equipe)

    reponse = client.get(URL, follow=True)

    html = reponse.content.decode()
    assert reponse.redirect_chain == [(MFA, 302)]
    assert (
        "Les outils de l&#x27;équipe (dossiers, modération, membres, administration) et les pages du jury demandent la double authentification"
        in html
    )
    assert "Dossier de Dijon" not in html and "stratégie que seuls" not in html


def test_staff_without_it_change_nothing(client, monde, dossier):
    client.force_login(monde.equipe)
    strategie = pk(monde, "strategie")
    dossier.refresh_from_db()
    avant = (dossier.statut, dossier.categorie, dossier.evenements.count())

    for url, donnees in [
        (f"{URL}presence/", {}),
        (f"{URL}rouvrir/", {"motif": "Pour voir."}),
        (f"{URL}categorie/", {"categorie": "village"}),
        (f"{URL}questions/{strategie}/enregistrer/", {"valeur": "Autre chose", "version": "1"}),
        (f"{URL}questions/{strategie}/confirmer/", {}),
        (f"{URL}soumettre/", {}),
    ]:
        assert client.post(url, donnees)["Location"] == MFA, url

    dossier.refresh_from_db()
    assert (dossier.statut, dossier.categorie, dossier.evenements.count()) == avant
    assert Reponse.objects.get(question_id=strategie).valeur == SECRET
    assert not Presence.objects.filter(user=monde.equipe).exists()


def test_a_part_of_the_page_refreshed_by_htmx_sends_the_whole_page_to_turn_it_on(client, monde, dossier):
    client.force_login(monde.equipe)

    reponse = client.get(f"{URL}etat/", headers={"HX-Request": "true"})

    assert reponse["HX-Redirect"] == MFA
    assert SECRET not in reponse.content.decode()


def test_a_dossier_that_does_not_exist_gets_the_same_answer_so_the_candidates_stay_secret(client, monde, dossier):
    client.force_login(monde.equipe)

    assert client.get("/dossiers/2027/70450/")["Location"] == MFA
    assert client.get("/dossiers/2027/99999/")["Location"] == MFA


def test_with_it_staff_read_every_dossier_and_the_list(client, monde, dossier):
    activer_totp(monde.equipe)
    client.force_login(monde.equipe)

    page = client.get(URL).content.decode()
    fichier = client.get(f"{URL}questions/{pk(monde, 'deliberation')}/fichier/")
    liste = client.get("/equipe/candidatures/2027/export.csv")

    assert SECRET in page and "Outils de l'équipe" in page
    assert contenu(fichier).startswith(b"%PDF")
    assert "Dijon;21231;Ville" in liste.content.decode()


def test_with_it_a_superuser_reads_the_dossier_in_the_administration(client, monde, dossier):
    monde.equipe.is_superuser = True
    monde.equipe.save()
    activer_totp(monde.equipe)
    client.force_login(monde.equipe)

    assert SECRET in client.get(f"/admin/campagne/candidature/{dossier.pk}/change/").content.decode()


@pytest.mark.parametrize("qui", ["referent_dijon", "agent_dijon"])
def test_members_see_their_own_dossier_without_it(client, monde, dossier, qui):
    client.force_login(getattr(monde, qui))

    assert SECRET in client.get(URL).content.decode()
    assert contenu(client.get(f"{URL}questions/{pk(monde, 'deliberation')}/fichier/")).startswith(b"%PDF")


def test_a_staff_member_of_the_collectivite_sees_it_without_it_as_a_member_only(client, monde, dossier):
    Appartenance.objects.create(user=monde.equipe, collectivite=monde.dijon, role=Role.CONTRIBUTEUR)
    inscrire(edition=monde.e2027, collectivite=monde.la_rochelle, par=monde.referent_la_rochelle)
    client.force_login(monde.equipe)

    html = client.get(URL).content.decode()

    assert SECRET in html
    assert "Outils de l'équipe" not in html
    assert client.post(f"{URL}categorie/", {"categorie": "village"}).status_code == 404
    assert Candidature.objects.get(pk=dossier.pk).categorie == Categorie.VILLE
    assert client.get("/dossiers/2027/70450/")["Location"] == MFA  # another collectivité's dossier


def test_others_are_answered_as_before(client, monde, dossier):
    assert client.get(URL)["Location"].startswith("/compte/connexion/?next=")
    assert client.get("/equipe/candidatures/2027/")["Location"].startswith("/compte/connexion/?next=")
    client.force_login(monde.agent_la_rochelle)
    assert client.get(URL).status_code == 404
    assert client.get("/equipe/candidatures/2027/").status_code == 403
    assert client.get("/admin/campagne/candidature/")["Location"].startswith("/admin/login/")

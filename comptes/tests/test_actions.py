import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from comptes import actions
from comptes.enums import Role, StatutDemande
from comptes.models import Appartenance, DemandeAdhesion, DomaineCollectivite
from label.enums import Categorie
from label.models import Collectivite


def declarer(collectivite, domaine, par):
    return actions.declarer_domaine(collectivite=collectivite, domaine=domaine, par=par)


def test_a_request_waits_for_a_referent_who_is_told_by_email(monde, creer_personne, mailoutbox):
    marie = creer_personne("marie@exemple.fr", first_name="Marie", last_name="Curie")

    demande = actions.demander_adhesion(user=marie, code="21231", message="Chargée de communication")

    assert demande.statut == StatutDemande.EN_ATTENTE
    assert not Appartenance.objects.filter(user=marie).exists()
    assert [m.to for m in mailoutbox] == [["referent@dijon.fr"]]
    assert mailoutbox[0].subject == "[Label Villes Internet] Marie Curie demande à rejoindre Dijon"
    assert "Chargée de communication" in mailoutbox[0].body
    assert "/espace/collectivites/21231/membres/" in mailoutbox[0].body


def test_a_verified_address_at_a_declared_domain_joins_at_once_as_contributeur(monde, creer_personne, mailoutbox):
    declarer(monde.dijon, "dijon.fr", monde.referent_dijon)
    paul = creer_personne("paul@mairie.dijon.fr")

    demande = actions.demander_adhesion(user=paul, code="21231")

    assert demande.statut == StatutDemande.ACCEPTEE
    assert demande.automatique and demande.decidee_par is None
    assert Appartenance.objects.get(user=paul).role == Role.CONTRIBUTEUR
    destinataires = sorted(tuple(m.to) for m in mailoutbox)
    assert destinataires == [("paul@mairie.dijon.fr",), ("referent@dijon.fr",)]
    assert any("Vous êtes membre de Dijon" in m.subject for m in mailoutbox)


def test_an_unverified_address_never_joins_by_its_domain(monde, creer_personne):
    declarer(monde.dijon, "dijon.fr", monde.referent_dijon)
    intrus = creer_personne("intrus@dijon.fr", verifiee=False)

    demande = actions.demander_adhesion(user=intrus, code="21231")

    assert demande.statut == StatutDemande.EN_ATTENTE


def test_a_look_alike_domain_does_not_join(monde, creer_personne):
    declarer(monde.dijon, "dijon.fr", monde.referent_dijon)
    voisin = creer_personne("voisin@pasdijon.fr")

    assert actions.demander_adhesion(user=voisin, code="21231").statut == StatutDemande.EN_ATTENTE


def test_the_first_person_of_a_collectivite_without_referent_goes_to_staff(monde, creer_personne, mailoutbox):
    marie = creer_personne("marie@chenove.fr")

    demande = actions.demander_adhesion(user=marie, code="21166")

    chenove = Collectivite.objects.get(code="21166")
    assert (chenove.nom, chenove.categorie, chenove.commune) == ("Chenôve", Categorie.VILLE, monde.ref["chenove"])
    assert demande.collectivite == chenove
    assert [m.to for m in mailoutbox] == [["equipe@villes-internet.invalid"]]
    assert "c'est à l'équipe de décider" in mailoutbox[0].body


def test_the_first_person_joining_by_domain_becomes_referent(monde, creer_personne):
    DomaineCollectivite.objects.create(collectivite=monde.metropole, domaine="metropole-dijon.fr")
    chef = creer_personne("chef@metropole-dijon.fr")

    actions.demander_adhesion(user=chef, code="242100410")

    assert Appartenance.objects.get(user=chef).role == Role.REFERENT


def test_a_member_or_a_pending_requester_cannot_ask_again(monde, creer_personne):
    marie = creer_personne("marie@exemple.fr")
    actions.demander_adhesion(user=marie, code="21231")

    with pytest.raises(ValidationError, match="en attente"):
        actions.demander_adhesion(user=marie, code="21231")
    with pytest.raises(ValidationError, match="déjà membre"):
        actions.demander_adhesion(user=monde.agent_dijon, code="21231")
    with pytest.raises(ValidationError, match="introuvable"):
        actions.demander_adhesion(user=marie, code="00000")


def test_the_database_refuses_two_pending_requests_for_the_same_pair(monde, creer_personne):
    marie = creer_personne("marie@exemple.fr")
    DemandeAdhesion.objects.create(user=marie, collectivite=monde.dijon)

    with pytest.raises(IntegrityError), transaction.atomic():
        DemandeAdhesion.objects.create(user=marie, collectivite=monde.dijon)


def test_accepting_gives_the_role_and_tells_the_requester(monde, creer_personne, mailoutbox):
    marie = creer_personne("marie@exemple.fr", first_name="Marie")
    demande = actions.demander_adhesion(user=marie, code="21231")
    mailoutbox.clear()

    actions.accepter_demande(demande=demande, par=monde.referent_dijon, role=Role.REFERENT)

    demande.refresh_from_db()
    assert (demande.statut, demande.role, demande.decidee_par) == (
        StatutDemande.ACCEPTEE,
        Role.REFERENT,
        monde.referent_dijon,
    )
    assert demande.decidee_at is not None
    assert Appartenance.objects.get(user=marie, collectivite=monde.dijon).role == Role.REFERENT
    assert [m.to for m in mailoutbox] == [["marie@exemple.fr"]]
    assert "Bonjour Marie" in mailoutbox[0].body and "référent" in mailoutbox[0].body


def test_refusing_sends_the_reason_and_a_decided_request_never_changes(monde, creer_personne, mailoutbox):
    marie = creer_personne("marie@exemple.fr")
    demande = actions.demander_adhesion(user=marie, code="21231")
    mailoutbox.clear()

    actions.refuser_demande(demande=demande, par=monde.referent_dijon, motif="Inconnue à la mairie.")

    assert [m.to for m in mailoutbox] == [["marie@exemple.fr"]]
    assert "Motif : Inconnue à la mairie." in mailoutbox[0].body
    with pytest.raises(ValidationError, match="ne peut plus changer"):
        actions.accepter_demande(demande=demande, par=monde.equipe, role=Role.CONTRIBUTEUR)
    assert not Appartenance.objects.filter(user=marie).exists()


def test_the_requester_may_withdraw_a_pending_request(monde, creer_personne):
    marie = creer_personne("marie@exemple.fr")
    demande = actions.demander_adhesion(user=marie, code="21231")

    actions.annuler_demande(demande=demande, par=marie)

    assert DemandeAdhesion.objects.get().statut == StatutDemande.ANNULEE
    assert actions.demander_adhesion(user=marie, code="21231").statut == StatutDemande.EN_ATTENTE


def test_the_last_referent_can_be_neither_demoted_nor_removed_by_a_referent(monde):
    seul = Appartenance.objects.get(user=monde.referent_dijon)

    with pytest.raises(ValidationError, match="au moins un référent"):
        actions.changer_role(appartenance=seul, role=Role.CONTRIBUTEUR, par=monde.referent_dijon)
    with pytest.raises(ValidationError, match="au moins un référent"):
        actions.retirer_membre(appartenance=seul, par=monde.referent_dijon)
    seul.refresh_from_db()
    assert seul.role == Role.REFERENT


def test_with_two_referents_one_may_step_down(monde):
    agent = Appartenance.objects.get(user=monde.agent_dijon)
    actions.changer_role(appartenance=agent, role=Role.REFERENT, par=monde.referent_dijon)
    moi = Appartenance.objects.get(user=monde.referent_dijon)

    actions.changer_role(appartenance=moi, role=Role.CONTRIBUTEUR, par=monde.referent_dijon)

    assert list(Appartenance.objects.referents().filter(collectivite=monde.dijon).values_list("user", flat=True)) == [
        monde.agent_dijon.pk
    ]


def test_staff_may_remove_the_last_referent_and_requests_then_go_to_staff(monde, creer_personne, mailoutbox):
    seul = Appartenance.objects.get(user=monde.referent_dijon)

    actions.retirer_membre(appartenance=seul, par=monde.equipe)
    actions.demander_adhesion(user=creer_personne("marie@exemple.fr"), code="21231")

    assert not Appartenance.objects.referents().filter(collectivite=monde.dijon).exists()
    assert [m.to for m in mailoutbox] == [["equipe@villes-internet.invalid"]]


def test_a_referent_declares_only_the_domain_of_their_own_verified_address(monde):
    declarer(monde.dijon, "DIJON.fr", monde.referent_dijon)

    with pytest.raises(ValidationError, match="votre propre adresse"):
        declarer(monde.dijon, "mairie-larochelle70.fr", monde.referent_dijon)
    assert list(monde.dijon.domaines.values_list("domaine", flat=True)) == ["dijon.fr"]


def test_staff_may_declare_any_domain_but_never_a_webmail(monde):
    declarer(monde.la_rochelle, "mairie-larochelle70.fr", monde.equipe)

    for webmail in ["gmail.com", "orange.fr", "hotmail.fr", "laposte.net"]:
        with pytest.raises(ValidationError, match="messagerie publique"):
            declarer(monde.la_rochelle, webmail, monde.equipe)
    with pytest.raises(ValidationError):
        declarer(monde.la_rochelle, "pas un domaine", monde.equipe)
    with pytest.raises(ValidationError):
        declarer(monde.la_rochelle, "mairie-larochelle70.fr", monde.equipe)  # already declared


def test_the_database_keeps_domains_in_lower_case(monde):
    with pytest.raises(IntegrityError), transaction.atomic():
        DomaineCollectivite.objects.create(collectivite=monde.dijon, domaine="Dijon.FR")


def test_a_person_may_belong_to_a_commune_and_its_intercommunality(monde):
    demande = actions.demander_adhesion(user=monde.referent_dijon, code="242100410")
    actions.accepter_demande(demande=demande, par=monde.equipe, role=Role.REFERENT)

    assert sorted(
        Appartenance.objects.filter(user=monde.referent_dijon).values_list("collectivite__nom", flat=True)
    ) == [
        "Dijon",
        "Dijon Métropole",
    ]

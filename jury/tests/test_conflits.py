"""Conflicts of interest: each automatic rule, declared conflicts, lifted ones, and what each person sees."""

from django.contrib.auth.models import AnonymousUser

from comptes.enums import Role
from comptes.models import Appartenance
from label.enums import Categorie
from label.models import Collectivite

from ..conflits import candidatures_en_conflit, candidatures_visibles, est_en_conflit, raisons_du_conflit
from ..enums import NatureAttache, RoleJury
from ..models import AttacheDepartement, ConflitDeclare, LeveeConflit, ParametresJury, RoleEdition
from .outils import affecter, soumettre


def expert(jury, user):
    RoleEdition.objects.create(user=user, edition=jury.e2027, role=RoleJury.EXPERT)
    return user


def test_a_member_of_the_collectivite_is_in_conflict_with_its_dossier(jury):
    agent = expert(jury, jury.agent_dijon)

    assert est_en_conflit(agent, jury.dossier_dijon)
    assert not est_en_conflit(agent, jury.dossier_la_rochelle)
    assert raisons_du_conflit(agent, jury.dossier_dijon) == ["Membre de la collectivité"]


def test_a_member_of_a_member_commune_is_in_conflict_with_the_territoire(jury):
    assert est_en_conflit(jury.expert_chenove, jury.dossier_metropole)
    assert not est_en_conflit(jury.expert_chenove, jury.dossier_dijon)
    assert raisons_du_conflit(jury.expert_chenove, jury.dossier_metropole) == ["Membre d'une commune du territoire"]


def test_a_member_of_the_epci_is_in_conflict_with_its_communes(jury):
    assert est_en_conflit(jury.jure_metropole, jury.dossier_dijon)
    assert not est_en_conflit(jury.jure_metropole, jury.dossier_la_rochelle)
    assert "Membre de l'intercommunalité de la commune" in raisons_du_conflit(jury.jure_metropole, jury.dossier_dijon)


def test_a_syndicat_and_its_member_communes_are_in_conflict_both_ways(jury):
    syndicat = Collectivite.objects.create(
        code="257000001", nom="Syndicat numérique de Haute-Saône", categorie=Categorie.TERRITOIRE
    )
    syndicat.membres.set([jury.ref["la_rochelle"], jury.ref["villersexel"]])
    dossier_syndicat = soumettre(jury.e2027, syndicat)
    agent_syndicat = expert(jury, jury.monde.referent_metropole)  # any person, made a member of the syndicat
    Appartenance.objects.create(user=agent_syndicat, collectivite=syndicat, role=Role.CONTRIBUTEUR)
    agent_la_rochelle = expert(jury, jury.agent_la_rochelle)

    assert est_en_conflit(agent_la_rochelle, dossier_syndicat)  # a commune of the syndicat
    assert est_en_conflit(agent_syndicat, jury.dossier_la_rochelle)  # the syndicat of the commune
    assert not est_en_conflit(jury.expert_a, dossier_syndicat)


def test_the_same_departement_is_a_conflict_only_when_the_edition_says_so(jury):
    AttacheDepartement.objects.create(
        user=jury.expert_a, departement=jury.ref["cote_dor"], nature=NatureAttache.RESIDENCE
    )
    assert not est_en_conflit(jury.expert_a, jury.dossier_dijon)

    ParametresJury.objects.create(edition=jury.e2027, conflit_meme_departement=True)
    jury.e2027.refresh_from_db()

    assert est_en_conflit(jury.expert_a, jury.dossier_dijon)
    assert est_en_conflit(jury.expert_a, jury.dossier_metropole)  # the EPCI's département
    assert not est_en_conflit(jury.expert_a, jury.dossier_la_rochelle)  # Haute-Saône
    assert raisons_du_conflit(jury.expert_a, jury.dossier_dijon) == ["Vit ou travaille dans le département"]


def test_a_territoire_with_a_member_commune_in_the_departement_is_in_conflict(jury):
    ParametresJury.objects.create(edition=jury.e2027, conflit_meme_departement=True)
    jury.ref["chenove"].departement = jury.ref["nord"]  # imagine one commune of the métropole across the border
    jury.ref["chenove"].save()
    AttacheDepartement.objects.create(user=jury.expert_a, departement=jury.ref["nord"], nature=NatureAttache.TRAVAIL)

    assert est_en_conflit(jury.expert_a, jury.dossier_metropole)
    assert not est_en_conflit(jury.expert_a, jury.dossier_dijon)


def test_a_declared_collectivite_is_a_conflict(jury):
    ConflitDeclare.objects.create(
        user=jury.expert_a, edition=jury.e2027, collectivite=jury.la_rochelle, motif="Ma sœur y est maire."
    )

    assert est_en_conflit(jury.expert_a, jury.dossier_la_rochelle)
    assert not est_en_conflit(jury.expert_a, jury.dossier_dijon)
    assert raisons_du_conflit(jury.expert_a, jury.dossier_la_rochelle) == ["Conflit déclaré avec la collectivité"]


def test_a_declared_departement_is_a_conflict_whatever_the_setting(jury):
    ConflitDeclare.objects.create(
        user=jury.expert_b, edition=jury.e2027, departement=jury.ref["haute_saone"], motif="J'y ai travaillé."
    )

    assert est_en_conflit(jury.expert_b, jury.dossier_la_rochelle)
    assert not est_en_conflit(jury.expert_b, jury.dossier_dijon)


def test_a_conflict_declared_for_another_edition_does_not_count(jury):
    ConflitDeclare.objects.create(
        user=jury.expert_a, edition=jury.e2026, collectivite=jury.la_rochelle, motif="Ancien conflit."
    )

    assert not est_en_conflit(jury.expert_a, jury.dossier_la_rochelle)


def test_staff_may_lift_a_conflict_and_the_lifting_records_who_and_why(jury):
    LeveeConflit.objects.create(
        user=jury.expert_chenove,
        candidature=jury.dossier_metropole,
        motif="A quitté la mairie de Chenôve en 2024.",
        par=jury.equipe,
    )

    assert not est_en_conflit(jury.expert_chenove, jury.dossier_metropole)
    assert raisons_du_conflit(jury.expert_chenove, jury.dossier_metropole) == []
    levee = LeveeConflit.objects.get()
    assert levee.par == jury.equipe and levee.created_at is not None


def test_the_conflicts_of_a_person_are_read_in_one_query(jury, django_assert_num_queries):
    with django_assert_num_queries(2):  # the édition's settings; the candidatures in conflict
        ids = set(candidatures_en_conflit(jury.jure_metropole, jury.e2027).values_list("pk", flat=True))

    # Dijon and Chenôve are communes of the métropole; the métropole is the juror's own collectivité.
    assert ids == {jury.dossier_dijon.pk, jury.dossier_chenove.pk, jury.dossier_metropole.pk}


def test_staff_jurors_and_the_president_see_every_dossier_but_their_conflicts(jury):
    tous = set(jury.dossiers.values())

    assert set(candidatures_visibles(jury.equipe, jury.e2027)) == tous
    assert set(candidatures_visibles(jury.president, jury.e2027)) == tous
    assert set(candidatures_visibles(jury.jure, jury.e2027)) == tous
    assert set(candidatures_visibles(jury.jure_metropole, jury.e2027)) == {jury.dossier_la_rochelle}


def test_an_expert_sees_only_the_dossiers_assigned_to_them_and_never_a_conflicted_one(jury):
    affecter(jury.dossier_dijon, jury.expert_chenove)
    affecter(jury.dossier_metropole, jury.expert_chenove)  # written in the database, past every check

    assert list(candidatures_visibles(jury.expert_chenove, jury.e2027)) == [jury.dossier_dijon]
    assert list(candidatures_visibles(jury.expert_a, jury.e2027)) == []


def test_nobody_else_sees_any_dossier(jury):
    assert not candidatures_visibles(AnonymousUser(), jury.e2027).exists()
    assert not candidatures_visibles(jury.referent_dijon, jury.e2027).exists()
    assert not candidatures_visibles(jury.expert_a, jury.e2026).exists()  # no role in 2026
    assert not est_en_conflit(AnonymousUser(), jury.dossier_dijon)

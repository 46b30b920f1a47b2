from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied

from fiches import actions
from fiches.enums import EtatFiche
from fiches.forms import FicheForm, formsets_de
from fiches.historique import lire_historique, versions_de
from fiches.models import FicheAction, Lieu
from fiches.search import rechercher

from .edition_outils import creer_fiche, donnees_formulaire, make_monde


@pytest.fixture
def monde(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_monde()


@pytest.fixture
def indexer():
    with mock.patch("fiches.actions.indexer") as indexer:
        yield indexer


def formulaires(fiche, **changements):
    """A valid FicheForm and its formsets for `fiche`, as its edit page would post them with `changements`."""
    donnees = donnees_formulaire(fiche, **changements)
    form = FicheForm(donnees, instance=fiche)
    formsets = formsets_de(fiche, donnees)
    assert form.is_valid(), form.errors
    assert all(formset.is_valid() for formset in formsets.values())
    return form, list(formsets.values())


def enregistrer(fiche, par, **changements):
    form, formsets = formulaires(fiche, **changements)
    return actions.enregistrer_fiche(
        form=form, formsets=formsets, par=par, version_chargee=form.cleaned_data["version_chargee"]
    )


def test_creer_fiche_makes_a_draft_and_records_who_created_it(monde):
    collectivite = monde.collectivites["dijon"]
    fiche = FicheAction(collectivite=collectivite)
    donnees = donnees_formulaire(
        fiche, collectivite=collectivite, titre="Wifi public", synthese="Des bornes.", services=[monde.services[2].pk]
    )
    form, formsets = FicheForm(donnees, instance=fiche), formsets_de(fiche, donnees, collectivite=collectivite)
    assert form.is_valid() and all(formset.is_valid() for formset in formsets.values())

    fiche = actions.creer_fiche(
        form=form, formsets=list(formsets.values()), collectivite=collectivite, par=monde.agent_dijon
    )

    assert (fiche.etat, fiche.auteur, fiche.version) == (EtatFiche.BROUILLON, monde.agent_dijon, 1)
    assert fiche.lieux.get().nom == "Mairie de Dijon"
    version = versions_de(fiche).get()
    assert (version.revision.user, version.revision.comment) == (monde.agent_dijon, "Création de la fiche.")
    assert version.field_dict["services"] == [monde.services[2].pk]


def test_enregistrer_fiche_increments_the_version_and_records_a_revision(monde, indexer):
    fiche = creer_fiche(monde)

    form, formsets = formulaires(fiche, titre="Nouveau titre")

    actions.enregistrer_fiche(form=form, formsets=formsets, par=monde.referent_dijon, version_chargee=1)

    fiche.refresh_from_db()
    assert (fiche.titre, fiche.version) == ("Nouveau titre", 2)
    derniere = versions_de(fiche).first()
    assert (derniere.revision.user, derniere.revision.comment) == (monde.referent_dijon, "Modification de la fiche.")
    assert derniere.field_dict["titre"] == "Nouveau titre"
    indexer.assert_not_called()  # a draft is not in the search index


def test_enregistrer_fiche_with_a_stale_version_raises_a_conflict_and_writes_nothing(monde):
    fiche = creer_fiche(monde)
    enregistrer(fiche, monde.agent_dijon, titre="Titre de Claire")
    fiche = FicheAction.objects.get(pk=fiche.pk)
    form, formsets = formulaires(fiche, titre="Titre de Paul", version_chargee=1)

    with pytest.raises(actions.ConflitDeVersion) as conflit:
        actions.enregistrer_fiche(form=form, formsets=formsets, par=monde.referent_dijon, version_chargee=1)

    assert (conflit.value.actuelle.titre, conflit.value.actuelle.version) == ("Titre de Claire", 2)
    fiche.refresh_from_db()
    assert (fiche.titre, fiche.version) == ("Titre de Claire", 2)
    assert versions_de(fiche).count() == 2


def test_enregistrer_fiche_keeps_a_published_fiche_published_and_reindexes_it(monde, indexer):
    fiche = creer_fiche(monde, etat=EtatFiche.PUBLIEE)

    enregistrer(fiche, monde.agent_dijon, resultats="Deux cents personnes accompagnées.")

    fiche.refresh_from_db()
    assert fiche.etat == EtatFiche.PUBLIEE
    indexer.assert_called_once_with([fiche.pk])


def test_soumettre_sends_a_draft_to_moderation_and_records_who(monde):
    fiche = creer_fiche(monde)

    fiche = actions.soumettre(fiche=fiche, par=monde.agent_dijon)

    assert fiche.etat == EtatFiche.EN_MODERATION
    derniere = versions_de(fiche).first()
    assert (derniere.revision.user, derniere.revision.comment) == (monde.agent_dijon, "Soumise à la modération.")


def test_publier_records_the_first_publication_date_and_clears_the_reason(monde, indexer):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION, motif_moderation="Précisez le public.")

    fiche = actions.publier(fiche=fiche, par=monde.equipe)
    premiere_publication = fiche.publiee_le
    actions.demander_modifications(fiche=fiche, par=monde.equipe, motif="Une photo sans texte alternatif.")
    actions.soumettre(fiche=fiche, par=monde.agent_dijon)
    fiche = actions.publier(fiche=fiche, par=monde.equipe)

    assert (fiche.etat, fiche.motif_moderation) == (EtatFiche.PUBLIEE, "")
    assert premiere_publication is not None
    assert fiche.publiee_le == premiere_publication
    assert versions_de(fiche).first().revision.user == monde.equipe
    # Published, unpublished (changes asked), published again: the index followed each time.
    assert indexer.call_args_list == [mock.call([fiche.pk])] * 3


def test_only_staff_moderate(monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)

    with pytest.raises(PermissionDenied):
        actions.publier(fiche=fiche, par=monde.referent_dijon)
    with pytest.raises(PermissionDenied):
        actions.rejeter(fiche=fiche, par=monde.agent_dijon, motif="Je me rejette.")

    fiche.refresh_from_db()
    assert fiche.etat == EtatFiche.EN_MODERATION


@pytest.mark.parametrize("motif", ["", "   "])
def test_asking_for_changes_or_rejecting_needs_a_reason(monde, motif):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)

    with pytest.raises(actions.TransitionInterdite, match="Le motif est obligatoire"):
        actions.demander_modifications(fiche=fiche, par=monde.equipe, motif=motif)
    with pytest.raises(actions.TransitionInterdite, match="Le motif est obligatoire"):
        actions.rejeter(fiche=fiche, par=monde.equipe, motif=motif)


def test_a_rejected_fiche_keeps_its_reason_and_may_be_submitted_again(monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)

    fiche = actions.rejeter(fiche=fiche, par=monde.equipe, motif="  Ce n'est pas une action numérique. ")
    assert (fiche.etat, fiche.motif_moderation) == (EtatFiche.REJETEE, "Ce n'est pas une action numérique.")
    assert versions_de(fiche).first().revision.comment == "Rejetée : Ce n'est pas une action numérique."

    fiche = actions.soumettre(fiche=fiche, par=monde.agent_dijon)
    assert (fiche.etat, fiche.motif_moderation) == (EtatFiche.EN_MODERATION, "Ce n'est pas une action numérique.")


TRANSITIONS = {
    "soumettre": (EtatFiche.EN_MODERATION, {}),
    "publier": (EtatFiche.PUBLIEE, {}),
    "demander_modifications": (EtatFiche.A_MODIFIER, {"motif": "À compléter."}),
    "rejeter": (EtatFiche.REJETEE, {"motif": "Hors sujet."}),
}


@pytest.mark.parametrize("depart", list(EtatFiche))
@pytest.mark.parametrize("action", list(TRANSITIONS))
def test_each_transition_follows_the_table_of_fichaction_transitions(monde, indexer, depart, action):
    fiche = creer_fiche(monde, etat=depart)
    arrivee, arguments = TRANSITIONS[action]
    fonction = getattr(actions, action)

    if arrivee in FicheAction.TRANSITIONS[depart]:
        assert fonction(fiche=fiche, par=monde.equipe, **arguments).etat == arrivee
    else:
        with pytest.raises(actions.TransitionInterdite):
            fonction(fiche=fiche, par=monde.equipe, **arguments)
        fiche.refresh_from_db()
        assert fiche.etat == depart


def test_restaurer_version_brings_back_the_text_services_and_places(monde, indexer):
    fiche = creer_fiche(monde, etat=EtatFiche.PUBLIEE, synthese="Texte d'origine.")
    origine = versions_de(fiche).get()
    enregistrer(
        fiche,
        monde.agent_dijon,
        synthese="Texte réécrit.",
        services=[monde.services[1].pk, monde.services[2].pk],
        **{"lieux-1-nom": "Salle des fêtes", "lieux-1-code_insee": "21166"},
    )
    fiche.refresh_from_db()
    assert fiche.lieux.count() == 2

    fiche = actions.restaurer_version(fiche=fiche, version=origine, par=monde.equipe)

    fiche.refresh_from_db()
    assert fiche.synthese == "Texte d'origine."
    assert list(fiche.services.all()) == [monde.services[0]]
    assert list(fiche.lieux.values_list("nom", flat=True)) == ["Médiathèque"]
    assert list(fiche.personnes.values_list("nom", flat=True)) == ["Claire Martin"]
    # It stays published, with a new version number and a revision saying what happened.
    assert (fiche.etat, fiche.version) == (EtatFiche.PUBLIEE, 3)
    derniere = versions_de(fiche).first()
    assert derniere.revision.user == monde.equipe
    assert derniere.revision.comment.startswith("Restauration de la version du ")
    assert indexer.call_args_list[-1] == mock.call([fiche.pk])


def test_restaurer_version_refuses_a_version_of_another_fiche(monde):
    fiche = creer_fiche(monde)
    autre = creer_fiche(monde, titre="Autre fiche")

    with pytest.raises(ValueError):
        actions.restaurer_version(fiche=fiche, version=versions_de(autre).get(), par=monde.equipe)


def test_restaurer_version_is_for_staff(monde):
    fiche = creer_fiche(monde)

    with pytest.raises(PermissionDenied):
        actions.restaurer_version(fiche=fiche, version=versions_de(fiche).get(), par=monde.agent_dijon)


def test_a_deleted_place_is_not_brought_back_by_the_revision_that_deleted_it(monde):
    fiche = creer_fiche(monde)
    enregistrer(fiche, monde.agent_dijon, **{"lieux-1-nom": "Salle des fêtes", "lieux-1-code_insee": "21166"})
    fiche.refresh_from_db()
    enregistrer(fiche, monde.agent_dijon, **{"lieux-0-DELETE": "on"})
    suppression = versions_de(fiche).first()

    actions.restaurer_version(fiche=fiche, version=suppression, par=monde.equipe)

    assert list(Lieu.objects.filter(fiche=fiche).values_list("nom", flat=True)) == ["Salle des fêtes"]


def test_the_history_says_who_changed_what_in_readable_words(monde):
    fiche = creer_fiche(monde, synthese="Chaque mardi, des bénévoles accompagnent les aînés.")
    enregistrer(
        fiche,
        monde.referent_dijon,
        synthese="Chaque jeudi, des bénévoles accompagnent les aînés.",
        statut_action="terminee",
        services=[monde.services[1].pk],
    )

    recente, premiere = lire_historique(fiche)

    assert premiere.premiere
    assert recente.version.revision.user == monde.referent_dijon
    changements = {changement.libelle: changement for changement in recente.changements}
    assert changements["Synthèse"].mots == [
        ("egal", "Chaque"),
        ("suppr", "mardi,"),
        ("ajout", "jeudi,"),
        ("egal", "des bénévoles accompagnent les aînés."),
    ]
    assert (changements["Avancement"].avant, changements["Avancement"].apres) == ("En cours", "Terminée")
    assert (changements["Services de la taxonomie"].avant, changements["Services de la taxonomie"].apres) == (
        monde.services[0].nom,
        monde.services[1].nom,
    )
    assert "Titre" not in changements
    assert "Version" not in changements


def test_the_search_index_follows_publication_edits_and_unpublication(monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION, synthese="Ateliers de découverte.")

    actions.publier(fiche=fiche, par=monde.equipe)
    assert rechercher("découverte").ids == [fiche.pk]

    enregistrer(FicheAction.objects.get(pk=fiche.pk), monde.agent_dijon, synthese="Ateliers de robotique.")
    assert rechercher("robotique").ids == [fiche.pk]
    assert rechercher("découverte").ids == []

    actions.demander_modifications(fiche=fiche, par=monde.equipe, motif="Ajoutez une photo.")
    assert rechercher("robotique").ids == []

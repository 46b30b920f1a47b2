"""The jury's feedback on the collectivité's dossier page: nothing before publication, everything after."""

from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from campagne.tests.outils import creer_fiche
from deliberation.actions import clore_deliberation, decider
from deliberation.retour import retour_du_jury
from jury.tests.outils import soumettre
from label.enums import Categorie
from label.models import Collectivite, Edition
from territoires.models import Commune

from .outils import evaluer

CITATION = "Un réseau de médiation qui va chercher chaque habitant."


@pytest.fixture
def resultats(monde):
    """2027 closed: La Rochelle (village of 39 inhabitants) 2@ with a mention; Petiteville, another village under
    500 inhabitants, 3@ with three fiches on one enjeu La Rochelle has none in; Dijon 5@ (title), the métropole
    3@. publication_at is tomorrow."""
    commune = Commune.objects.create(
        code_insee="70001", nom="Petiteville", population=210, departement=monde.ref["haute_saone"]
    )
    petiteville = Collectivite.objects.create(nom="Petiteville", categorie=Categorie.VILLAGE, commune=commune)
    dossier_petiteville = soumettre(monde.e2027, petiteville)
    evaluer(dossier_petiteville, monde.expert_b, 3)
    fiches = [creer_fiche(monde, petiteville, titre=f"Atelier numérique n° {n}") for n in range(3)]
    for dossier, arobases, mentions in [
        (monde.dossier_dijon, 5, {}),
        (monde.dossier_la_rochelle, 2, {monde.mediation.pk: CITATION}),
        (monde.dossier_metropole, 3, {}),
        (dossier_petiteville, 3, {}),
    ]:
        decider(
            candidature=dossier,
            par=monde.president,
            arobases=arobases,
            mentions=mentions,
            motifs="MOTIFS-SECRETS-DU-JURY",
            titre_confirme=True,
        )
    clore_deliberation(edition=monde.e2027, par=monde.president)
    Edition.objects.filter(pk=monde.e2027.pk).update(publication_at=timezone.now() + timedelta(days=1))
    monde.fiches_petiteville = fiches
    return monde


def publier(monde):
    Edition.objects.filter(pk=monde.e2027.pk).update(publication_at=timezone.now() - timedelta(minutes=1))


def page_du_dossier(client, monde, user, collectivite="la_rochelle"):
    client.force_login(user)
    code = getattr(monde, collectivite).code
    reponse = client.get(f"/dossiers/2027/{code}/")
    assert reponse.status_code == 200
    return unescape(reponse.content.decode())


def test_before_publication_the_dossier_page_shows_nothing_of_the_result(client, resultats):
    contenu = page_du_dossier(client, resultats, resultats.referent_la_rochelle)
    for secret in [
        "Résultat et retour du jury",
        CITATION,
        "MOTIFS-SECRETS-DU-JURY",
        "Documentez vos actions de médiation.",  # expert_a's shared note
        "arobases",
    ]:
        assert secret not in contenu, secret
    assert retour_du_jury(resultats.dossier_la_rochelle) is None


def test_after_publication_the_dossier_page_shows_the_result_mentions_and_shared_notes(client, resultats):
    publier(resultats)
    contenu = page_du_dossier(client, resultats, resultats.referent_la_rochelle)
    assert "Résultat et retour du jury — label 2027" in contenu
    assert "La Rochelle obtient" in contenu and "2 arobases" in contenu
    assert f"<strong>Médiation numérique</strong> : « {CITATION} »" in contenu
    assert "Documentez vos actions de médiation." in contenu  # shared by expert_a
    assert "Un village très actif pour sa taille." not in contenu  # a comment for the jury, never shown
    assert "MOTIFS-SECRETS-DU-JURY" not in contenu  # the grounds stay with the jury
    assert "expert" not in contenu.split("Notes des experts")[1].split("Votre mosaïque")[0].lower()  # no names


def test_a_note_the_expert_did_not_share_is_never_shown(client, resultats):
    publier(resultats)
    contenu = page_du_dossier(client, resultats, resultats.referent_dijon, "dijon")
    assert "Belle continuité des ateliers." in contenu  # expert_a shared it
    assert "Ouvrez davantage vos données." not in contenu  # expert_b did not
    assert "Territoire d'Excellence Numérique" in contenu


def test_the_mosaique_is_compared_with_the_same_kind_and_size_band_and_the_next_level(resultats):
    publier(resultats)
    retour = retour_du_jury(resultats.dossier_la_rochelle)
    assert retour.comparables == "les villages de moins de 500 habitants"
    assert (retour.niveau_cible, retour.nombre_comparables, retour.nombre_niveau_cible) == (3, 1, 1)
    enjeu = resultats.services[0].enjeu
    ligne = next(ligne for ligne in retour.lignes if ligne.enjeu == enjeu)
    assert (ligne.nombre, ligne.moyenne_comparables, ligne.moyenne_niveau_cible) == (0, 3.0, 3.0)
    assert [ligne.enjeu for ligne in retour.a_renforcer] == [enjeu]
    assert {fiche["pk"] for fiche in ligne.fiches} == {fiche.pk for fiche in resultats.fiches_petiteville}


def test_the_enjeux_to_strengthen_link_to_the_fiches_of_the_comparables(client, resultats):
    publier(resultats)
    contenu = page_du_dossier(client, resultats, resultats.referent_la_rochelle)
    assert "Enjeux où les collectivités comparables à 3 @ sont plus fortes" in contenu
    for fiche in resultats.fiches_petiteville:
        assert f'href="/fiches/{fiche.pk}/"' in contenu
    assert 'href="/collectivites/70001/"' in contenu


def test_a_ville_has_no_comparable_in_its_band_and_is_told_so(client, resultats):
    publier(resultats)
    retour = retour_du_jury(resultats.dossier_dijon)
    assert retour.nombre_comparables == 0 and retour.niveau_cible == 5
    contenu = page_du_dossier(client, resultats, resultats.referent_dijon, "dijon")
    assert "pas de comparaison possible cette année" in contenu


def test_staff_see_the_feedback_after_publication_and_another_collectivite_never(client, resultats):
    publier(resultats)
    assert "Résultat et retour du jury" in page_du_dossier(client, resultats, resultats.equipe)
    client.force_login(resultats.agent_dijon)
    assert client.get(f"/dossiers/2027/{resultats.la_rochelle.code}/").status_code == 404


def test_the_feedback_is_read_in_a_fixed_number_of_queries(resultats, django_assert_num_queries):
    publier(resultats)
    # the labellisation, its mentions, the shared notes, the comparables, the enjeux, the counts of fiches, the
    # best fiches of the enjeux to strengthen.
    with django_assert_num_queries(7):
        retour_du_jury(resultats.dossier_la_rochelle)

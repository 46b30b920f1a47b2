from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from comptes.enums import Role
from comptes.models import Appartenance
from fiches.enums import EtatFiche
from fiches.models import FicheAction

from .edition_outils import creer_fiche, donnees_formulaire, image_png, make_monde


@pytest.fixture
def monde(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
    return make_monde()


def nouvelle_fiche_postee(monde, collectivite="dijon", **changements):
    collectivite = monde.collectivites[collectivite]
    donnees = donnees_formulaire(FicheAction(collectivite=collectivite), collectivite=collectivite)
    donnees.update(
        {
            "titre": "Atelier « Mon premier ordinateur »",
            "synthese": "Des ateliers gratuits pour apprendre les bases, à la médiathèque.",
            "services": [monde.services[0].pk, monde.services[1].pk],
            "personnes-0-nom": "Claire Martin",
            "personnes-0-fonction": "Conseillère numérique",
            "personnes-0-email": "claire.martin@exemple.fr",
        }
    )
    donnees.update(changements)
    return donnees


# ---------------------------------------------------------------------------------------------------
# Mes fiches
# ---------------------------------------------------------------------------------------------------


def test_my_fiches_sends_an_anonymous_visitor_to_the_login_page(client, monde):
    response = client.get("/espace/fiches/")

    assert response.status_code == 302
    assert response["Location"] == "/compte/connexion/?next=/espace/fiches/"


def test_my_fiches_lists_the_fiches_of_my_collectivite_with_their_etat_and_the_reason(client, monde):
    creer_fiche(monde, titre="Brouillon de Dijon")
    creer_fiche(monde, titre="À reprendre", etat=EtatFiche.A_MODIFIER, motif_moderation="Ajoutez un lieu précis.")
    creer_fiche(monde, titre="Fiche de La Rochelle", collectivite="la_rochelle")
    client.force_login(monde.agent_dijon)

    response = client.get("/espace/fiches/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Mes fiches actions — " in html
    assert html.count("<h1>") == 1
    assert "Brouillon de Dijon" in html
    assert '<span class="etat etat-a_modifier">Modifications demandées</span>' in html
    assert "Motif : Ajoutez un lieu précis." in html
    assert "Fiche de La Rochelle" not in html
    assert "<caption>2 fiches, la dernière modifiée en premier</caption>" in html


def test_my_fiches_filters_by_etat_and_ignores_an_unknown_one(client, monde):
    creer_fiche(monde, titre="Brouillon de Dijon")
    creer_fiche(monde, titre="Publiée à Dijon", etat=EtatFiche.PUBLIEE)
    client.force_login(monde.agent_dijon)

    filtrees = [fiche.titre for fiche in client.get("/espace/fiches/?etat=publiee").context["page"]]
    toutes = client.get("/espace/fiches/?etat=<script>").context["page"]

    assert filtrees == ["Publiée à Dijon"]
    assert len(toutes) == 2


def test_my_fiches_runs_a_constant_number_of_queries(client, monde, django_assert_num_queries):
    client.force_login(monde.agent_dijon)
    creer_fiche(monde)
    # session, user, the count, the user's collectivités, the demo banner, the page of fiches with their
    # collectivité.
    with django_assert_num_queries(6):
        client.get("/espace/fiches/")
    for numero in range(4):
        creer_fiche(monde, titre=f"Fiche {numero}")
    with django_assert_num_queries(6):
        client.get("/espace/fiches/")


def test_my_fiches_rejects_a_post(client, monde):
    client.force_login(monde.agent_dijon)

    assert client.post("/espace/fiches/").status_code == 405


# ---------------------------------------------------------------------------------------------------
# Nouvelle fiche
# ---------------------------------------------------------------------------------------------------


def test_new_fiche_sends_an_anonymous_visitor_to_the_login_page(client, monde):
    response = client.get("/fiches/nouvelle/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/?next=")


def test_new_fiche_proposes_the_town_hall_of_the_commune_as_first_place(client, monde):
    client.force_login(monde.agent_dijon)

    response = client.get("/fiches/nouvelle/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Nouvelle fiche action de Dijon — " in html
    assert 'name="lieux-0-nom" value="Mairie de Dijon"' in html
    assert 'name="lieux-0-code_insee" value="21231"' in html
    assert 'name="lieux-0-latitude" value="47,32"' in html
    assert "Courriel (privé — jamais publié)" in html
    assert html.count('type="checkbox" name="services"') == 139


def test_new_fiche_first_asks_which_collectivite_when_the_user_has_several(client, monde):
    Appartenance.objects.create(
        user=monde.agent_dijon, collectivite=monde.collectivites["metropole"], role=Role.CONTRIBUTEUR
    )
    client.force_login(monde.agent_dijon)

    html = client.get("/fiches/nouvelle/").content.decode()
    formulaire = client.get("/fiches/nouvelle/?collectivite=242100410").content.decode()

    assert '<a class="bouton" href="/fiches/nouvelle/?collectivite=21231">Dijon</a>' in html
    assert '<a class="bouton" href="/fiches/nouvelle/?collectivite=242100410">Dijon Métropole</a>' in html
    # A territoire's default place: the town hall of its most populous member commune.
    assert 'name="lieux-0-nom" value="Mairie de Dijon"' in formulaire


def test_new_fiche_for_a_collectivite_of_someone_else_is_404(client, monde):
    client.force_login(monde.agent_dijon)

    assert client.get("/fiches/nouvelle/?collectivite=70450").status_code == 404
    assert client.post("/fiches/nouvelle/?collectivite=70450", {"titre": "Intrus"}).status_code == 404
    assert not FicheAction.objects.exists()


def test_new_fiche_lets_staff_write_for_any_collectivite_by_its_code(client, monde):
    client.force_login(monde.equipe)

    choix = client.get("/fiches/nouvelle/").content.decode()
    inconnue = client.get("/fiches/nouvelle/?collectivite=99999").content.decode()
    formulaire = client.get("/fiches/nouvelle/?collectivite=70450")

    assert "Code INSEE ou SIREN de la collectivité" in choix
    assert "Aucune collectivité n&#x27;a le code « 99999 »." in inconnue
    assert formulaire.status_code == 200
    assert formulaire.context["collectivite"] == monde.collectivites["la_rochelle"]


def test_new_fiche_is_created_as_a_draft_with_its_place_services_and_contact(client, monde):
    client.force_login(monde.agent_dijon)

    response = client.post("/fiches/nouvelle/?collectivite=21231", nouvelle_fiche_postee(monde))

    fiche = FicheAction.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fiches/{fiche.pk}/apercu/"
    assert (fiche.etat, fiche.collectivite, fiche.auteur, fiche.version) == (
        EtatFiche.BROUILLON,
        monde.collectivites["dijon"],
        monde.agent_dijon,
        1,
    )
    assert set(fiche.services.all()) == {monde.services[0], monde.services[1]}
    lieu = fiche.lieux.get()
    assert (lieu.nom, lieu.commune, lieu.latitude, lieu.longitude) == (
        "Mairie de Dijon",
        monde.ref["dijon"],
        47.32,
        5.04,
    )
    assert fiche.personnes.get().email == "claire.martin@exemple.fr"


def test_new_fiche_can_be_saved_and_submitted_at_once(client, monde):
    client.force_login(monde.agent_dijon)

    client.post("/fiches/nouvelle/", nouvelle_fiche_postee(monde, apres="soumettre"))

    assert FicheAction.objects.get().etat == EtatFiche.EN_MODERATION


def test_an_invalid_form_keeps_what_was_typed_and_lists_the_errors_with_links(client, monde):
    client.force_login(monde.agent_dijon)
    donnees = nouvelle_fiche_postee(
        monde,
        titre="",
        services=[],
        date_debut="2025-06-01",
        date_fin="2025-01-01",
        realisation="Nous avons ouvert quatre ateliers",
        liens="javascript:alert(1)",
        **{"lieux-0-latitude": "", "lieux-0-longitude": "", "lieux-0-code_insee": ""},
    )

    response = client.post("/fiches/nouvelle/", donnees)

    html = response.content.decode()
    assert response.status_code == 200
    assert not FicheAction.objects.exists()
    assert "<title>Erreur : Nouvelle fiche action de Dijon — " in html
    assert '<div class="erreurs-resume" role="alert" tabindex="-1" id="erreurs">' in html
    assert '<a href="#id_titre">Titre : Ce champ est obligatoire.</a>' in html
    assert '<a href="#services">Services de la taxonomie : Choisissez au moins un service de la taxonomie.</a>' in html
    assert '<a href="#id_date_fin">Date de fin : La date de fin doit suivre la date de début.</a>' in html
    assert "Liens à corriger : ligne 1 : « javascript:alert(1) » n&#x27;est pas une adresse web" in html
    assert (
        '<a href="#id_lieux-0-code_insee">Lieu 1, code INSEE de la commune : Indiquez le code INSEE de la commune, '
        "ou la latitude et la longitude du lieu.</a>"
    ) in html
    # Everything typed is still there.
    assert "Nous avons ouvert quatre ateliers</textarea>" in html
    assert 'name="lieux-0-nom" value="Mairie de Dijon"' in html
    assert 'name="personnes-0-email" value="claire.martin@exemple.fr"' in html
    assert 'value="2025-06-01"' in html


def test_a_place_given_by_insee_code_takes_the_coordinates_of_its_town_hall(client, monde):
    client.force_login(monde.agent_dijon)
    donnees = nouvelle_fiche_postee(
        monde,
        **{
            "lieux-0-nom": "Maison France Services",
            "lieux-0-code_insee": "21166",
            "lieux-0-latitude": "",
            "lieux-0-longitude": "",
            "lieux-1-nom": "Point d'accueil numérique",
            "lieux-1-latitude": "47,301",
            "lieux-1-longitude": "5.05",
        },
    )

    client.post("/fiches/nouvelle/", donnees)

    lieux = {lieu.nom: lieu for lieu in FicheAction.objects.get().lieux.all()}
    assert (lieux["Maison France Services"].commune, lieux["Maison France Services"].latitude) == (
        monde.ref["chenove"],
        47.29,
    )
    assert (lieux["Point d'accueil numérique"].latitude, lieux["Point d'accueil numérique"].longitude) == (47.301, 5.05)
    assert lieux["Point d'accueil numérique"].commune is None


@pytest.mark.parametrize(
    ("lieu", "message"),
    [
        ({"lieux-0-code_insee": "00000"}, "Aucune commune n&#x27;a le code INSEE « 00000 »."),
        (
            {"lieux-0-code_insee": "", "lieux-0-longitude": ""},
            "Indiquez la latitude et la longitude, ou seulement le code INSEE.",
        ),
        ({"lieux-0-latitude": "95"}, "Assurez-vous que cette valeur est inférieure ou égale à 90."),
        ({"lieux-0-latitude": "nord"}, "Saisissez un nombre."),
        ({"lieux-0-DELETE": "on"}, "Lieu : Indiquez au moins un lieu."),
    ],
)
def test_a_place_needs_valid_coordinates_or_a_known_insee_code(client, monde, lieu, message):
    client.force_login(monde.agent_dijon)

    response = client.post("/fiches/nouvelle/", nouvelle_fiche_postee(monde, **lieu))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FicheAction.objects.exists()


def test_a_new_fiche_keeps_its_pictures_reencoded_with_their_thumbnail(client, monde):
    client.force_login(monde.agent_dijon)
    photo = SimpleUploadedFile("atelier.jpg", image_png(1200, 800, format_="JPEG"), content_type="image/jpeg")
    donnees = nouvelle_fiche_postee(monde, **{"images-0-fichier": photo, "images-0-texte_alternatif": "Un atelier"})

    client.post("/fiches/nouvelle/", donnees)

    image = FicheAction.objects.get().images.get()
    assert image.fichier.name.endswith(".webp")
    assert image.vignette.name.endswith("-vignette.webp")
    assert (image.vignette.width, image.vignette.height) == (400, 267)


def test_a_picture_needs_its_alternative_text_and_a_real_image(client, monde):
    client.force_login(monde.agent_dijon)
    faux = SimpleUploadedFile("photo.jpg", b"ceci est un texte, pas une image", content_type="image/jpeg")
    vraie = SimpleUploadedFile("photo.png", image_png(), content_type="image/png")
    donnees = nouvelle_fiche_postee(
        monde, **{"images-0-fichier": faux, "images-0-texte_alternatif": "Faux", "images-1-fichier": vraie}
    )
    donnees["images-TOTAL_FORMS"] = 2

    html = client.post("/fiches/nouvelle/", donnees).content.decode()

    assert "Image 1, image : Ce fichier n&#x27;est pas une image JPEG, PNG ou WebP lisible." in html
    assert "Image 2, texte alternatif : Ce champ est obligatoire." in html
    assert "sauf les images choisies : choisissez-les à nouveau" in html
    assert not FicheAction.objects.exists()


# ---------------------------------------------------------------------------------------------------
# Modifier
# ---------------------------------------------------------------------------------------------------


def test_edit_sends_an_anonymous_visitor_to_the_login_page(client, monde):
    fiche = creer_fiche(monde)

    response = client.get(f"/fiches/{fiche.pk}/modifier/")

    assert response.status_code == 302
    assert response["Location"] == f"/compte/connexion/?next=/fiches/{fiche.pk}/modifier/"


def test_edit_is_404_for_a_member_of_another_collectivite_even_when_published(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.PUBLIEE)
    client.force_login(monde.agent_la_rochelle)

    assert client.get(f"/fiches/{fiche.pk}/modifier/").status_code == 404
    assert client.post(f"/fiches/{fiche.pk}/modifier/", donnees_formulaire(fiche, titre="Volé")).status_code == 404
    fiche.refresh_from_db()
    assert fiche.titre == "Café numérique des aînés"


def test_edit_saves_the_changes_of_a_member_and_records_a_version(client, monde):
    fiche = creer_fiche(monde)
    client.force_login(monde.referent_dijon)

    response = client.post(f"/fiches/{fiche.pk}/modifier/", donnees_formulaire(fiche, titre="Café numérique"))

    fiche.refresh_from_db()
    assert response.status_code == 302
    assert (fiche.titre, fiche.version, fiche.etat) == ("Café numérique", 2, EtatFiche.BROUILLON)
    assert fiche.lieux.count() == 1
    assert fiche.personnes.get().email == "claire.martin@exemple.fr"


def test_staff_may_edit_the_fiche_of_any_collectivite(client, monde):
    fiche = creer_fiche(monde, collectivite="la_rochelle")
    client.force_login(monde.equipe)

    assert client.get(f"/fiches/{fiche.pk}/modifier/").status_code == 200
    client.post(f"/fiches/{fiche.pk}/modifier/", donnees_formulaire(fiche, sous_titre="Relu par l'équipe"))

    fiche.refresh_from_db()
    assert fiche.sous_titre == "Relu par l'équipe"


def test_a_published_fiche_stays_published_when_its_collectivite_edits_it_and_is_reindexed(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.PUBLIEE)
    client.force_login(monde.agent_dijon)

    with mock.patch("fiches.actions.indexer") as indexer:
        client.post(f"/fiches/{fiche.pk}/modifier/", donnees_formulaire(fiche, resultats="120 personnes formées."))

    fiche.refresh_from_db()
    assert (fiche.etat, fiche.resultats) == (EtatFiche.PUBLIEE, "120 personnes formées.")
    indexer.assert_called_once_with([fiche.pk])


def test_edit_removes_a_place_marked_for_deletion_but_keeps_one(client, monde):
    fiche = creer_fiche(monde)
    client.force_login(monde.agent_dijon)
    donnees = donnees_formulaire(fiche, **{"lieux-1-nom": "Mairie annexe", "lieux-1-code_insee": "21166"})
    client.post(f"/fiches/{fiche.pk}/modifier/", donnees)
    fiche.refresh_from_db()
    donnees = donnees_formulaire(fiche, **{"lieux-0-DELETE": "on"})

    client.post(f"/fiches/{fiche.pk}/modifier/", donnees)

    assert [lieu.nom for lieu in fiche.lieux.all()] == ["Mairie annexe"]


def test_a_second_person_saving_an_old_version_sees_both_versions_and_loses_nothing(client, monde):
    fiche = creer_fiche(monde)
    formulaire_de_claire = donnees_formulaire(fiche, synthese="Version de Claire : ateliers le mardi.")
    formulaire_de_paul = donnees_formulaire(
        fiche, synthese="Version de Paul : ateliers le jeudi.", services=[monde.services[1].pk]
    )
    client.force_login(monde.agent_dijon)
    client.post(f"/fiches/{fiche.pk}/modifier/", formulaire_de_claire)
    client.force_login(monde.referent_dijon)

    response = client.post(f"/fiches/{fiche.pk}/modifier/", formulaire_de_paul)

    fiche.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 409
    assert (fiche.synthese, fiche.version) == ("Version de Claire : ateliers le mardi.", 2)
    assert "<title>Erreur : Modifier « Café numérique des aînés » — " in html
    assert "Conflit : la fiche a été modifiée pendant que vous la rédigiez" in html
    assert "agent.dijon" in html
    assert (
        '<tr><th scope="row">Synthèse</th><td>Version de Paul : ateliers le jeudi.</td>'
        "<td>Version de Claire : ateliers le mardi.</td></tr>"
    ) in html
    assert f"<td>{monde.services[1].nom}</td><td>{monde.services[0].nom}</td>" in html
    # Paul's text is in the form, now based on the saved version: saving again applies it.
    assert "Version de Paul : ateliers le jeudi.</textarea>" in html
    assert '<input type="hidden" name="version_chargee" value="2"' in html

    formulaire_de_paul["version_chargee"] = 2
    client.post(f"/fiches/{fiche.pk}/modifier/", formulaire_de_paul)

    fiche.refresh_from_db()
    assert (fiche.synthese, fiche.version) == ("Version de Paul : ateliers le jeudi.", 3)
    assert list(fiche.services.all()) == [monde.services[1]]


def test_a_moderation_decision_meanwhile_is_no_conflict_and_is_kept(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)
    formulaire = donnees_formulaire(fiche, titre="Titre corrigé")
    FicheAction.objects.filter(pk=fiche.pk).update(etat=EtatFiche.A_MODIFIER, motif_moderation="Précisez.")
    client.force_login(monde.agent_dijon)

    response = client.post(f"/fiches/{fiche.pk}/modifier/", formulaire)

    fiche.refresh_from_db()
    assert response.status_code == 302
    assert (fiche.titre, fiche.etat, fiche.motif_moderation) == ("Titre corrigé", EtatFiche.A_MODIFIER, "Précisez.")


def test_edit_rejects_other_methods(client, monde):
    fiche = creer_fiche(monde)
    client.force_login(monde.agent_dijon)

    assert client.put(f"/fiches/{fiche.pk}/modifier/").status_code == 405


# ---------------------------------------------------------------------------------------------------
# Aperçu and soumettre
# ---------------------------------------------------------------------------------------------------


def test_preview_shows_the_fiche_as_the_public_would_without_private_details(client, monde):
    fiche = creer_fiche(monde, realisation="**Quatre** ateliers<script>alert(1)</script>")
    client.force_login(monde.agent_dijon)

    response = client.get(f"/fiches/{fiche.pk}/apercu/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Aperçu : Café numérique des aînés — Dijon — " in html
    assert html.count("<h1") == 1
    assert "<strong>Brouillon</strong>" in html
    assert "<strong>Quatre</strong> ateliers" in html
    assert "<script>alert" not in html
    assert "Claire Martin" in html
    assert "claire.martin@exemple.fr" not in html
    assert f'action="/fiches/{fiche.pk}/soumettre/"' in html


def test_preview_is_for_the_collectivite_and_staff_only(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.PUBLIEE)

    anonyme = client.get(f"/fiches/{fiche.pk}/apercu/")
    client.force_login(monde.agent_la_rochelle)
    autre = client.get(f"/fiches/{fiche.pk}/apercu/")
    client.force_login(monde.equipe)
    equipe = client.get(f"/fiches/{fiche.pk}/apercu/")

    assert anonyme.status_code == 302
    assert autre.status_code == 404
    assert equipe.status_code == 200
    assert f'href="/fiches/{fiche.pk}/historique/"' in equipe.content.decode()


def test_submit_sends_a_draft_to_moderation(client, monde):
    fiche = creer_fiche(monde)
    client.force_login(monde.agent_dijon)

    response = client.post(f"/fiches/{fiche.pk}/soumettre/", follow=True)

    fiche.refresh_from_db()
    assert fiche.etat == EtatFiche.EN_MODERATION
    assert "Fiche soumise à la modération" in response.content.decode()


def test_submit_twice_says_why_it_cannot(client, monde):
    fiche = creer_fiche(monde, etat=EtatFiche.EN_MODERATION)
    client.force_login(monde.agent_dijon)

    response = client.post(f"/fiches/{fiche.pk}/soumettre/", follow=True)

    assert "Une fiche « en attente de modération » ne peut pas passer à" in response.content.decode()


def test_submit_is_a_post_for_the_collectivite_only(client, monde):
    fiche = creer_fiche(monde)

    anonyme = client.post(f"/fiches/{fiche.pk}/soumettre/")
    client.force_login(monde.agent_la_rochelle)
    autre = client.post(f"/fiches/{fiche.pk}/soumettre/")
    client.force_login(monde.agent_dijon)
    get = client.get(f"/fiches/{fiche.pk}/soumettre/")

    assert (anonyme.status_code, autre.status_code, get.status_code) == (302, 404, 405)
    fiche.refresh_from_db()
    assert fiche.etat == EtatFiche.BROUILLON


def test_the_edit_page_runs_a_constant_number_of_queries(client, monde, django_assert_num_queries):
    fiche = creer_fiche(monde)
    client.force_login(monde.agent_dijon)
    # session, user, the fiche with its collectivité and commune, the membership check, the fiche's
    # services, its places with their commune, its contacts, its images, the demo banner, the 139 services
    # of the taxonomy with their enjeu and famille (one query for all the checkboxes).
    with django_assert_num_queries(10):
        client.get(f"/fiches/{fiche.pk}/modifier/")
    for numero in range(3):
        fiche.lieux.create(nom=f"Lieu {numero}", latitude=47, longitude=5, commune=monde.ref["chenove"])
        fiche.personnes.create(nom=f"Personne {numero}")
    fiche.services.set(monde.services)
    with django_assert_num_queries(10):
        client.get(f"/fiches/{fiche.pk}/modifier/")

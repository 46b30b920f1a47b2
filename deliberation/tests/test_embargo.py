"""The embargo: before Edition.publication_at, the results of an édition exist for nobody outside the jury and staff.

The 2027 deliberation is closed (its results are written in label.Labellisation and label.Mention) and published
tomorrow. Every route of the project (discovered from the URL resolver, see embargo.py; the administration alone is
left out) is walked with every year, code and id of the test data, bare and with a query string asking for 2027,
as an anonymous visitor, as a member of a candidate collectivité and as an expert who is not on the jury. Then:

- no response holds a marker of the results: the jury's citation, the grounds of a decision;
- no response differs from the same walk once the 2027 results are deleted: a page that read them, even as a
  count or a number of arobases, would differ (each response is compared, CSRF tokens and time stamps aside);
- the 2027 palmarès and its pages answer 404.

Then the publication time passes, and the results appear on the palmarès, the collectivité's page and the
statistics. A last test adds a page that forgets publiees() and checks that the walk catches it.
"""

from datetime import timedelta

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campagne.courriels import jeton_desabonnement
from campagne.tests.outils import creer_fiche
from deliberation.actions import clore_deliberation, decider
from deliberation.models import Decision, MentionDecidee
from label.models import Edition, Labellisation, Mention

from .embargo import REQUETE, a_parcourir, adresses, parcourir, routes

CITATION = "Citation-sous-embargo-Q7X"
MOTIFS = "Motifs-sous-embargo-Q7X"
MARQUEURS = [CITATION, MOTIFS]
PALMARES_2027 = ["palmares:edition", "palmares:statistiques", "palmares:carte", "palmares:texte", "palmares:texte_txt"]
APPS_DU_PROJET = ["label", "campagne", "jury", "deliberation", "comptes", "fiches", "reversion"]


@pytest.fixture
def sous_embargo(monde):
    """2027 closed and published tomorrow: Dijon 5@ with the title and a mention, La Rochelle 4@ (2@ in 2026) with a
    mention, the métropole 1@ (3@ in 2026). Dijon and La Rochelle have a published fiche each."""
    monde.fiche_dijon = creer_fiche(monde, monde.dijon, titre="Café numérique de Dijon")
    monde.fiche_la_rochelle = creer_fiche(monde, monde.la_rochelle, titre="Atelier du village")
    for dossier, arobases, mentions in [
        (monde.dossier_dijon, 5, {monde.transition.pk: f"{CITATION} Dijon"}),
        (monde.dossier_la_rochelle, 4, {monde.mediation.pk: f"{CITATION} La Rochelle"}),
        (monde.dossier_metropole, 1, {}),
    ]:
        decider(
            candidature=dossier,
            par=monde.president,
            arobases=arobases,
            mentions=mentions,
            motifs=MOTIFS,
            titre_confirme=True,
        )
    clore_deliberation(edition=monde.e2027, par=monde.president)
    Edition.objects.filter(pk=monde.e2027.pk).update(publication_at=timezone.now() + timedelta(days=1))
    assert Labellisation.objects.filter(edition=monde.e2027).count() == 3
    return monde


def valeurs_des_parametres(monde):
    """Every value a URL parameter may take in the test data, by parameter name."""
    ids = set()
    for modele in apps.get_models():
        if modele._meta.app_label in APPS_DU_PROJET and modele.objects.count() <= 50:
            ids.update(modele.objects.order_by("pk").values_list("pk", flat=True)[:3])
    ids = sorted(ids)
    codes = list(monde.collectivites.values()) + [monde.chenove]
    return {
        "annee": [2027, 2026],
        "code": [collectivite.code for collectivite in codes] + [monde.ref["haulchin"].code_insee],
        "pk": ids,
        "version_id": ids,
        "format": ["csv", "json", "ics", "txt"],
        "jeton": [jeton_desabonnement(user) for user in (monde.referent_dijon, monde.expert_a)],
        "key": ["x"],
        "uidb36": ["x"],
    }


def clients(monde):
    anonyme = Client()
    membre = Client()
    membre.force_login(monde.referent_dijon)  # a référent of Dijon, a candidate
    expert = Client()
    expert.force_login(monde.expert_a)  # evaluated Dijon, La Rochelle and the métropole; not on the jury
    return {"anonyme": anonyme, "membre de Dijon": membre, "expert hors jury": expert}


def toutes_les_adresses(monde):
    valeurs = valeurs_des_parametres(monde)
    parcourues, sans_adresse = [], []
    for route in routes():
        if not a_parcourir(route):
            continue
        trouvees = adresses(route, valeurs)
        if not trouvees:
            sans_adresse.append(route.gabarit)
        parcourues += trouvees
    return sorted(set(parcourues)), sans_adresse


REQUETE_2027 = REQUETE.format(annee=2027, precedente=2026, arobases=5)


def avec_requetes(vues):
    """The addresses that answered 200 or 400, with the query string naming 2027."""
    return [adresse + REQUETE_2027 for adresse, (statut, _corps) in vues.items() if statut in (200, 400)]


def marche(client, liste):
    vues = parcourir(client, liste)
    vues.update(parcourir(client, avec_requetes(vues)))
    return vues


def fuites(vues):
    """(address, marker) of each response that holds a marker of the results."""
    return [(adresse, m) for adresse, (_statut, corps) in vues.items() for m in MARQUEURS if m in corps]


def sans_les_resultats_2027(monde):
    """The same world with no 2027 result at all (deliberation and label)."""
    MentionDecidee.objects.all().delete()
    Decision.objects.all().delete()
    Mention.objects.filter(labellisation__edition=monde.e2027).delete()
    Labellisation.objects.filter(edition=monde.e2027).delete()


def differences(avant, apres):
    return sorted(adresse for adresse, vue in avant.items() if apres[adresse] != vue)


def test_every_route_of_the_project_gets_walked(sous_embargo):
    """The walk covers every named route but the administration: a route without a name, or with a parameter
    this test cannot fill, makes it fail (give the parameter its values in valeurs_des_parametres)."""
    sans_nom = [route.gabarit for route in routes() if a_parcourir(route) and route.nom is None]
    assert sans_nom == []
    liste, sans_adresse = toutes_les_adresses(sous_embargo)
    assert sans_adresse == []
    assert "/palmares/2027/" in liste and f"/collectivites/{sous_embargo.dijon.code}/" in liste
    assert f"/dossiers/2027/{sous_embargo.dijon.code}/" in liste
    assert reverse("deliberation:ecran", args=[2027]) in liste


def test_before_publication_no_public_page_export_or_feed_reveals_the_results(sous_embargo):
    liste, _ = toutes_les_adresses(sous_embargo)
    avant = {nom: marche(client, liste) for nom, client in clients(sous_embargo).items()}

    for nom, vues in avant.items():
        assert fuites(vues) == [], nom
        for route in PALMARES_2027:
            assert vues[reverse(route, args=[2027])][0] == 404, (nom, route)
        assert vues[reverse("palmares:edition", args=[2026])][0] == 200  # the walk does reach results
        dossier = {"anonyme": 302, "membre de Dijon": 200, "expert hors jury": 404}[nom]
        assert vues[f"/dossiers/2027/{sous_embargo.dijon.code}/"][0] == dossier  # its page is walked too

    # The same walk with no 2027 result at all: nothing may differ.
    sans_les_resultats_2027(sous_embargo)
    for nom, client in clients(sous_embargo).items():
        assert differences(avant[nom], marche(client, list(avant[nom]))) == [], nom


def test_at_publication_time_the_results_appear_on_the_palmares_the_collectivite_page_and_the_statistics(
    client, sous_embargo
):
    Edition.objects.filter(pk=sous_embargo.e2027.pk).update(publication_at=timezone.now() - timedelta(seconds=1))

    palmares = client.get(reverse("palmares:edition", args=[2027]))
    assert palmares.status_code == 200
    lignes = {ligne.nom: ligne.arobases for ligne in palmares.context["lignes"]}
    assert lignes == {"Dijon": 5, "La Rochelle": 4, "Dijon Métropole": 1}
    page = client.get(reverse("label:collectivite", args=[sous_embargo.la_rochelle.code])).content.decode()
    assert "Médiation numérique" in page and "4 arobases" in page
    statistiques = client.get(reverse("palmares:statistiques", args=[2027]))
    assert statistiques.status_code == 200
    stats = statistiques.context["stats"]
    assert (stats.villes, stats.villages, stats.territoires, stats.mentions, stats.titres) == (1, 1, 1, 2, 1)
    assert MOTIFS not in page + palmares.content.decode()  # the grounds stay with the jury, even after


def test_the_walk_catches_a_page_that_forgets_publiees(sous_embargo, settings):
    settings.ROOT_URLCONF = "deliberation.tests.urls_fuite"  # the project's URLs and two careless pages
    liste, _ = toutes_les_adresses(sous_embargo)
    fuyantes = [adresse for adresse in liste if adresse.startswith("/fuite/")]
    assert len(fuyantes) == 4  # discovered with the others: 2026 and 2027 for each

    avant = marche(Client(), fuyantes)
    assert fuites(avant) == [("/fuite/citations/2027/", CITATION), (f"/fuite/citations/2027/{REQUETE_2027}", CITATION)]
    sans_les_resultats_2027(sous_embargo)
    apres = marche(Client(), fuyantes)
    assert differences(avant, apres) == [
        "/fuite/citations/2027/",
        f"/fuite/citations/2027/{REQUETE_2027}",
        "/fuite/nombre/2027/",  # no marker there: the comparison catches it
        f"/fuite/nombre/2027/{REQUETE_2027}",
    ]

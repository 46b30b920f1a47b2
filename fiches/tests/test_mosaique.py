"""The mosaïque of a collectivité (fiches/mosaique.py): counts per enjeu, bands and colours, éditions,
suggestions from comparable collectivités, the collectivité's latest fiches."""

import datetime as dt

import pytest
from django.utils import timezone

from arobase.testing import make_collectivites, make_referentiel
from fiches.enums import EtatFiche, StatutAction
from fiches.models import Enjeu, FicheAction
from fiches.mosaique import (
    BANDES,
    bande_de,
    calculer_mosaique,
    contraste,
    couleurs_de_tuile,
    dernieres_fiches,
    edition_choisie,
    editions_proposees,
    tranche_de_population,
)
from label.enums import Categorie, StatutEdition
from label.models import Collectivite, Edition, Labellisation
from territoires.models import Commune
from territoires.population import TRANCHES_PAR_CLE

pytestmark = pytest.mark.django_db

PARIS = dt.timezone(dt.timedelta(hours=2))


def moment(annee, mois, jour):
    return dt.datetime(annee, mois, jour, 10, tzinfo=PARIS)


def edition(annee, *, publiee=True, statut=StatutEdition.CLOSE):
    """An édition with the usual calendar: campaign from March to October of the year before."""
    return Edition.objects.create(
        annee=annee,
        numero=annee - 1999,
        statut=statut,
        campagne_ouverture=dt.date(annee - 1, 3, 15),
        campagne_cloture=moment(annee - 1, 10, 31),
        publication_at=timezone.now() - dt.timedelta(days=2027 - annee) if publiee else None,
    )


def service(slug_enjeu, rang=0):
    return Enjeu.objects.get(slug=slug_enjeu, famille__taxonomie__est_active=True).services.order_by("ordre")[rang]


def fiche(collectivite, *services, etat=EtatFiche.PUBLIEE, cree_le=None, **champs):
    """A fiche created in the 2026 campaign and still running, unless told otherwise."""
    champs.setdefault("statut_action", StatutAction.EN_COURS)
    champs.setdefault("date_debut", dt.date(2025, 4, 1))
    nouvelle = FicheAction.objects.create(
        collectivite=collectivite,
        titre=champs.pop("titre", f"Une action de {collectivite.nom}"),
        synthese="Synthèse.",
        etat=etat,
        created_at=cree_le or moment(2025, 5, 1),
        **champs,
    )
    nouvelle.services.set(services)
    return nouvelle


def ville(nom, population, code):
    commune = Commune.objects.create(code_insee=code, nom=nom, population=population, latitude=47, longitude=5)
    return Collectivite.objects.create(nom=nom, categorie=Categorie.VILLE, commune=commune)


@pytest.fixture
def donnees():
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    editions = {annee: edition(annee) for annee in (2025, 2026)}
    editions[2027] = edition(2027, publiee=False, statut=StatutEdition.CAMPAGNE)
    editions[2028] = edition(2028, publiee=False, statut=StatutEdition.PREPARATION)
    return {**collectivites, "ref": ref, "editions": editions}


def tuiles(mosaique):
    return {tuile.enjeu.slug: tuile for tuile in mosaique.tuiles}


# -- counts ------------------------------------------------------------------------------------------


def test_every_enjeu_of_the_active_taxonomy_is_a_tile_in_the_row_of_its_famille(donnees):
    mosaique = calculer_mosaique(donnees["dijon"], donnees["editions"][2026])

    assert [rangee.famille.nom for rangee in mosaique.rangees] == [
        "Démocratie & services publics",
        "Vivre ensemble",
        "Partage des connaissances",
        "Création de richesses",
    ]
    assert [len(rangee.tuiles) for rangee in mosaique.rangees] == [4, 4, 4, 4]
    assert [tuile.enjeu.nom for tuile in mosaique.rangees[0].tuiles] == [
        "Services publics",
        "Démocratie locale",
        "Coopération",
        "Identité",
    ]
    assert all(tuile.nombre == 0 for tuile in mosaique.tuiles)


def test_a_tile_counts_the_published_fiches_counting_for_the_edition_with_a_service_in_its_enjeu(donnees):
    dijon = donnees["dijon"]
    fiche(dijon, service("mediation", 0), service("mediation", 1))  # two services, one fiche
    fiche(dijon, service("mediation", 2), service("education", 0))
    fiche(dijon, service("mediation"), etat=EtatFiche.BROUILLON)
    fiche(dijon, service("mediation"), etat=EtatFiche.EN_MODERATION)
    fiche(dijon, service("mediation"), etat=EtatFiche.REJETEE)
    # Over for years: does not count for 2026.
    fiche(
        dijon,
        service("mediation"),
        cree_le=moment(2019, 5, 1),
        statut_action=StatutAction.TERMINEE,
        date_debut=dt.date(2019, 1, 1),
        date_fin=dt.date(2019, 12, 31),
    )
    # Written after the 2026 campaign closed: counts for 2027 only.
    fiche(dijon, service("culture"), cree_le=moment(2026, 4, 1), date_debut=dt.date(2026, 4, 1))
    fiche(donnees["la_rochelle"], service("mediation"))

    en_2026 = tuiles(calculer_mosaique(dijon, donnees["editions"][2026]))
    assert (en_2026["mediation"].nombre, en_2026["education"].nombre, en_2026["culture"].nombre) == (2, 1, 0)
    assert sum(tuile.nombre for tuile in en_2026.values()) == 3
    en_2027 = tuiles(calculer_mosaique(dijon, donnees["editions"][2027]))
    assert (en_2027["mediation"].nombre, en_2027["culture"].nombre) == (2, 1)


# -- bands and colours -------------------------------------------------------------------------------


def test_counts_fall_in_four_bands_each_with_its_words_and_marks():
    assert [bande_de(n) for n in (0, 1, 2, 3, 4, 40)] == [0, 1, 2, 2, 3, 3]
    assert [libelle for _, libelle, _, _ in BANDES] == [
        "aucune fiche",
        "une fiche",
        "2 ou 3 fiches",
        "4 fiches ou plus",
    ]
    assert len({marques for *_, marques in BANDES}) == 4


def test_tiles_get_darker_with_more_fiches_and_their_text_stays_readable(donnees):
    couleurs = list(Enjeu.objects.values_list("couleur", flat=True)) + ["#ffee00", "#00ffcc", "#000000"]
    for couleur in couleurs:
        fonds = []
        for bande in range(len(BANDES)):
            fond, texte, bord = couleurs_de_tuile(couleur, bande)
            assert contraste(fond, texte) >= 4.5, (couleur, bande)
            assert bord == couleur
            fonds.append(fond)
        assert fonds[0] == "#ffffff" and fonds[-1] == couleur
        assert len(set(fonds)) == len(BANDES) or couleur == "#ffffff"


def test_a_colour_that_is_not_a_hex_code_never_reaches_the_page():
    fond, texte, bord = couleurs_de_tuile("red; background: url(x)", 3)

    assert (fond, bord) == ("#4a4d57", "#4a4d57") and texte == "#ffffff"


# -- éditions ----------------------------------------------------------------------------------------


def test_the_editions_offered_are_the_published_ones_and_the_open_campaign(donnees):
    editions = editions_proposees()

    assert [e.annee for e in editions] == [2027, 2026, 2025]
    assert edition_choisie(editions, None).annee == 2026  # the latest published by default
    assert edition_choisie(editions, "2027").annee == 2027
    assert edition_choisie(editions, "2025").annee == 2025
    for demande in ("2028", "1999", "abc", "", "2026' OR 1=1", "٢٠٢٥"):
        assert edition_choisie(editions, demande).annee == 2026


def test_without_published_edition_the_open_campaign_is_shown(donnees):
    Edition.objects.filter(annee__in=[2025, 2026]).delete()

    assert edition_choisie(editions_proposees(), None).annee == 2027
    Edition.objects.all().delete()
    assert edition_choisie(editions_proposees(), None) is None


# -- suggestions -------------------------------------------------------------------------------------


@pytest.fixture
def comparables(donnees):
    """Three villes of 50,000 inhabitants or more like Dijon, labelled in 2026, and a smaller one."""
    e2026, e2027 = donnees["editions"][2026], donnees["editions"][2027]
    villes = {
        "besancon": ville("Besançon", 120_000, "25056"),
        "metz": ville("Metz", 118_000, "57463"),
        "nancy": ville("Nancy", 104_000, "54395"),
        "beaune": ville("Beaune", 20_000, "21054"),
    }
    for nom, arobases in (("besancon", 3), ("metz", 5), ("nancy", 4), ("beaune", 5)):
        Labellisation.objects.create(
            edition=e2026, collectivite=villes[nom], categorie=Categorie.VILLE, arobases=arobases
        )
    # Besançon's 5@ of the open 2027 campaign is secret: it never ranks anything.
    Labellisation.objects.create(edition=e2027, collectivite=villes["besancon"], categorie=Categorie.VILLE, arobases=5)
    return {**donnees, **villes}


def suggestions_de(mosaique, slug):
    return [s["titre"] for s in tuiles(mosaique)[slug].suggestions]


def test_weak_enjeux_get_the_best_fiches_of_comparable_collectivites(comparables):
    education = [service("education", rang) for rang in range(3)]
    fiche(comparables["besancon"], education[0], titre="Besançon, un service")
    fiche(comparables["metz"], education[0], titre="Metz, un service")
    fiche(comparables["nancy"], education[0], education[1], titre="Nancy, deux services")
    fiche(comparables["nancy"], education[0], titre="Nancy, un service")
    fiche(comparables["beaune"], *education, titre="Beaune, trop petite")
    fiche(comparables["metropole"], *education, titre="Un territoire")
    fiche(comparables["metz"], *education, titre="Brouillon de Metz", etat=EtatFiche.BROUILLON)
    fiche(comparables["dijon"], service("mediation"), titre="Dijon, médiation")
    e2026 = comparables["editions"][2026]

    mosaique = calculer_mosaique(comparables["dijon"], e2026, derniere_publiee=e2026)

    # Most services in the enjeu first, then the most arobases in 2026, another collectivité before a second
    # fiche of the same one.
    assert suggestions_de(mosaique, "education") == ["Nancy, deux services", "Metz, un service", "Besançon, un service"]
    suggestion = tuiles(mosaique)["education"].suggestions[0]
    assert (suggestion["collectivite__code"], suggestion["arobases"], suggestion["nombre_services"]) == ("54395", 4, 2)
    assert suggestions_de(mosaique, "mediation") == []  # Dijon's own fiche is not a suggestion
    assert mosaique.comparables == "les villes de 50\u202f000 habitants et plus"


def test_suggestions_never_rank_or_show_unpublished_arobases(comparables):
    fiche(comparables["besancon"], service("education"), titre="Besançon", cree_le=moment(2025, 1, 1))
    fiche(comparables["nancy"], service("education"), titre="Nancy")

    mosaique = calculer_mosaique(
        comparables["dijon"], comparables["editions"][2027], derniere_publiee=comparables["editions"][2027]
    )

    # Besançon's 5@ of 2027 is secret: the most recent fiche comes first, and no arobase is shown.
    assert suggestions_de(mosaique, "education") == ["Nancy", "Besançon"]
    assert {s["arobases"] for s in tuiles(mosaique)["education"].suggestions} == {None}


def test_a_collectivite_with_several_good_fiches_fills_the_places_left(comparables):
    for rang in range(4):
        fiche(comparables["metz"], service("culture", 0), service("culture", 1), titre=f"Metz {rang}")
    fiche(comparables["nancy"], service("culture"), titre="Nancy")

    mosaique = calculer_mosaique(comparables["dijon"], comparables["editions"][2026])

    titres = suggestions_de(mosaique, "culture")
    assert len(titres) == 3 and titres[1] == "Nancy"
    assert titres[0].startswith("Metz") and titres[2].startswith("Metz")


def test_an_enjeu_with_two_fiches_or_more_gets_no_suggestion(comparables):
    dijon = comparables["dijon"]
    fiche(dijon, service("culture"))
    fiche(dijon, service("culture"))
    fiche(dijon, service("emploi"))
    fiche(comparables["metz"], service("culture"), titre="Metz, culture")
    fiche(comparables["metz"], service("emploi"), titre="Metz, emploi")

    mosaique = calculer_mosaique(dijon, comparables["editions"][2026])

    assert not tuiles(mosaique)["culture"].est_faible and suggestions_de(mosaique, "culture") == []
    assert tuiles(mosaique)["emploi"].est_faible and suggestions_de(mosaique, "emploi") == ["Metz, emploi"]
    assert len(mosaique.faibles) == 15


def test_population_bands_of_comparable_collectivites_are_those_of_territoires():
    assert [tuple(tranche_de_population(p)) for p in (39, 499, 500, 2306, 14_000, 49_999, 156_920)] == [
        (0, 500),
        (0, 500),
        (500, 2_000),
        (2_000, 10_000),
        (10_000, 50_000),
        (10_000, 50_000),
        (50_000, None),
    ]
    assert tranche_de_population(2306) is TRANCHES_PAR_CLE["2000-9999"]
    assert tranche_de_population(None) is None


def test_a_village_is_compared_with_the_villages_of_its_band(donnees):
    mosaique = calculer_mosaique(donnees["la_rochelle"], donnees["editions"][2026])

    assert mosaique.comparables == "les villages de moins de 500 habitants"


# -- queries -----------------------------------------------------------------------------------------


def test_the_mosaique_costs_two_queries_whatever_the_number_of_fiches(comparables, django_assert_num_queries):
    for slug in ("mediation", "culture", "emploi"):
        for _ in range(3):
            fiche(comparables["dijon"], service(slug))
            fiche(comparables["metz"], service(slug, 1), service(slug, 2))
    dijon = Collectivite.objects.select_related("commune", "epci").get(pk=comparables["dijon"].pk)
    e2026 = comparables["editions"][2026]

    # 1 enjeux of the active taxonomy with their famille and count, 2 suggestions for every weak enjeu.
    with django_assert_num_queries(2):
        mosaique = calculer_mosaique(dijon, e2026, derniere_publiee=e2026)
    assert len(mosaique.faibles) == 13


def test_without_weak_enjeu_the_mosaique_costs_one_query(donnees, django_assert_num_queries):
    dijon = Collectivite.objects.select_related("commune", "epci").get(pk=donnees["dijon"].pk)
    for enjeu in Enjeu.objects.filter(famille__taxonomie__est_active=True):
        fiche(dijon, *enjeu.services.all()[:2])
        fiche(dijon, enjeu.services.first())

    # 1 enjeux with their famille and count; no weak enjeu, nothing to suggest.
    with django_assert_num_queries(1):
        mosaique = calculer_mosaique(dijon, donnees["editions"][2026])
    assert not mosaique.faibles


# -- the collectivité's fiches ------------------------------------------------------------------------


def test_the_latest_published_fiches_come_with_their_enjeux_and_the_total(donnees, django_assert_num_queries):
    dijon = donnees["dijon"]
    for jour in range(1, 13):
        fiche(dijon, service("culture"), service("mediation"), titre=f"Fiche du {jour}", cree_le=moment(2025, 6, jour))
    fiche(dijon, service("culture"), titre="Brouillon", etat=EtatFiche.BROUILLON, cree_le=moment(2025, 7, 1))

    # 1 the fiches with the count of them all, 2 their services with enjeu and famille.
    with django_assert_num_queries(2):
        fiches, total = dernieres_fiches(dijon, nombre=5)
        enjeux = [[enjeu.nom for enjeu in f.enjeux] for f in fiches]

    assert total == 12
    assert [f.titre for f in fiches] == [f"Fiche du {jour}" for jour in (12, 11, 10, 9, 8)]
    assert enjeux[0] == ["Culture", "Médiation"]
    assert dernieres_fiches(donnees["la_rochelle"]) == ([], 0)

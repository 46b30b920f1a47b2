"""The demo fiches (fiches/demo/), built on the small hand-made référentiel of arobase.testing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from arobase.testing import make_collectivites, make_referentiel
from fiches.demo import DOMAINE_DEMO, a, au_feminin, construire_fiches_demo, de, textes
from fiches.enums import EtatFiche, Licence
from fiches.models import Enjeu, FicheAction, Lieu, Personne, Service
from label.demo import calendrier
from label.enums import Categorie
from label.models import Collectivite, Edition, Labellisation

pytestmark = pytest.mark.django_db

CIBLE = 400
NOUVELLES = 90


@pytest.fixture
def demo():
    """Three demo éditions: Dijon, La Rochelle and Dijon Métropole labelled in 2026, Haulchin only in 2024-2025."""
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    collectivites["haulchin"] = Collectivite.objects.create(
        nom="Haulchin", categorie=Categorie.VILLAGE, commune=ref["haulchin"]
    )
    editions = {
        annee: Edition.objects.create(annee=annee, numero=annee - 1999, donnees_demo=True, **calendrier(annee))
        for annee in (2024, 2025, 2026)
    }
    resultats = {
        2024: [("dijon", 4), ("haulchin", 2)],
        2025: [("dijon", 5), ("haulchin", 2), ("la_rochelle", 1)],
        2026: [("dijon", 5), ("la_rochelle", 2), ("metropole", 4)],
    }
    for annee, liste in resultats.items():
        for nom, arobases in liste:
            Labellisation.objects.create(
                edition=editions[annee],
                collectivite=collectivites[nom],
                categorie=collectivites[nom].categorie,
                arobases=arobases,
            )
    return {**ref, **{f"c_{nom}": c for nom, c in collectivites.items()}, "editions": editions}


def construire(seed=1, **options):
    return construire_fiches_demo(seed=seed, cible=CIBLE, nouvelles=NOUVELLES, indexer=False, **options)


def test_it_publishes_the_target_number_of_fiches_mostly_by_the_latest_labelled(demo):
    resume = construire()

    assert resume.total == FicheAction.objects.count() == CIBLE
    assert not FicheAction.objects.exclude(etat=EtatFiche.PUBLIEE).exists()
    par_collectivite = dict(FicheAction.objects.values_list("collectivite__code").annotate(n=Count("id")))
    # Haulchin, labelled in 2024 and 2025 but not in 2026, writes the few fiches left by the latest labelled.
    assert resume.par_derniere == CIBLE - par_collectivite["59288"] == round(CIBLE * 0.96)
    assert resume.collectivites_derniere == 3 and resume.collectivites == 4


def test_bigger_and_higher_collectivites_write_more_fiches(demo):
    construire()

    dijon = demo["c_dijon"].fiches.count()
    la_rochelle = demo["c_la_rochelle"].fiches.count()
    assert dijon > 5 * la_rochelle
    assert 2 <= la_rochelle <= 20  # a handful for a village of 39 inhabitants


def test_the_nouvelles_are_created_during_the_latest_campaign(demo):
    resume = construire()

    edition = demo["editions"][2026]
    nouvelles = FicheAction.objects.nouvelles(edition)
    assert resume.nouvelles == nouvelles.count() == NOUVELLES
    assert set(nouvelles.values_list("collectivite__code", flat=True)) == {"21231", "70450", "242100410"}
    assert not FicheAction.objects.filter(created_at__gt=edition.campagne_cloture).exists()
    anciennes = FicheAction.objects.exclude(pk__in=nouvelles)
    assert not anciennes.filter(created_at__date__gte=edition.campagne_ouverture).exists()
    # Every older fiche was written at least a few months earlier, and the rest spread over several years.
    assert anciennes.dates("created_at", "year").count() >= 2


def test_every_fiche_has_services_a_place_and_a_private_contact(demo):
    construire()

    services = dict(FicheAction.objects.annotate(n=Count("services")).values_list("pk", "n"))
    assert min(services.values()) >= 1 and max(services.values()) <= 3
    assert Lieu.objects.count() == Personne.objects.count() == CIBLE
    assert not FicheAction.objects.filter(lieux=None).exists()
    communes = {
        "21231": {"21231"},
        "70450": {"70450"},
        "59288": {"59288"},
        "242100410": {"21231", "21166"},  # Dijon Métropole: one of its member communes
    }
    for lieu in Lieu.objects.select_related("commune", "fiche__collectivite"):
        assert lieu.commune.code_insee in communes[lieu.fiche.collectivite.code]
        assert abs(lieu.latitude - lieu.commune.latitude) < 0.02
        assert abs(lieu.longitude - lieu.commune.longitude) < 0.02
        assert lieu.nom and lieu.commune.nom in lieu.adresse
    assert all(email.endswith(DOMAINE_DEMO) for email in Personne.objects.values_list("email", flat=True))
    assert not Personne.objects.filter(fonction="", mandat="").exists()
    assert set(FicheAction.objects.values_list("licence", flat=True)) == {Licence.CC_BY_SA_4}


def test_a_fiche_mostly_stays_in_one_enjeu_and_the_collectivites_cover_several(demo):
    construire()

    une_seule = FicheAction.objects.annotate(enjeux=Count("services__enjeu", distinct=True)).filter(enjeux=1)
    assert une_seule.count() > 0.8 * CIBLE
    enjeux_de_dijon = Enjeu.objects.filter(services__fiches__collectivite=demo["c_dijon"]).distinct().count()
    assert enjeux_de_dijon >= 12


def test_the_texts_are_varied_french_sentences(demo):
    construire()

    fiches = list(FicheAction.objects.all())
    for fiche in fiches:
        for texte in (fiche.titre, fiche.synthese, fiche.realisation, fiche.resultats, fiche.outils):
            assert texte.strip() and "{" not in texte and "}" not in texte and ".." not in texte
        assert fiche.titre[0].isupper() and len(fiche.titre) <= 200
        assert re.search(r"\b(le|la|les|des|du|de|d'|à|au|aux|pour)\b", fiche.synthese.lower())
        assert fiche.realisation.startswith("- ")
        assert (fiche.date_fin is None) or (fiche.date_debut <= fiche.date_fin)
    assert len({fiche.titre for fiche in fiches}) > CIBLE / 3
    lieux = " ".join(fiche.titre for fiche in fiches)
    assert "à Dijon" in lieux and "de Dijon" in lieux


def test_the_same_seed_gives_the_same_fiches(demo):
    def instantane():
        return sorted(
            (
                fiche.collectivite_id,
                fiche.titre,
                fiche.synthese,
                fiche.created_at,
                fiche.date_debut,
                tuple(sorted(s.pk for s in fiche.services.all())),
                tuple((lieu.latitude, lieu.longitude) for lieu in fiche.lieux.all()),
                tuple(personne.nom for personne in fiche.personnes.all()),
            )
            for fiche in FicheAction.objects.prefetch_related("services", "lieux", "personnes")
        )

    construire(seed=3)
    premier = instantane()
    construire(seed=3)
    assert instantane() == premier
    construire(seed=4)
    assert instantane() != premier


def test_a_new_run_replaces_the_demo_fiches_and_keeps_the_others(demo, django_user_model):
    auteur = django_user_model.objects.create_user("agent", "agent@dijon.fr", "motdepasse-de-test")
    ecrite = FicheAction.objects.create(
        collectivite=demo["c_dijon"], titre="Une vraie fiche", synthese="Écrite par un agent.", auteur=auteur
    )
    construire()
    construire()

    assert FicheAction.objects.count() == CIBLE + 1
    assert FicheAction.objects.filter(pk=ecrite.pk).exists()


def test_an_open_campaign_without_results_changes_nothing(demo):
    construire(seed=2)
    avant = sorted(FicheAction.objects.values_list("titre", "created_at"))
    Edition.objects.create(annee=2027, numero=28, donnees_demo=True, **calendrier(2027))

    resume = construire(seed=2)

    assert resume.annee == 2026 and resume.nouvelles == NOUVELLES
    assert sorted(FicheAction.objects.values_list("titre", "created_at")) == avant


def test_it_refuses_a_database_with_real_editions(demo):
    Edition.objects.create(annee=2027, numero=28)

    with pytest.raises(ValueError, match="éditions réelles"):
        construire()


def test_the_command_adds_the_fiches_to_a_demo_built_before_them(demo):
    out = StringIO()
    call_command("demo", "--si-absente", stdout=out)

    # Four collectivités cannot write 15,000 fiches: each of them reaches the most one may write (450).
    nombre = FicheAction.objects.count()
    assert "(8 labellisations), sans fiches" in out.getvalue()
    assert f"{nombre:,} fiches actions publiées par 4 collectivités".replace(",", "\u202f") in out.getvalue()
    assert nombre == 4 * 450
    out = StringIO()
    call_command("demo", "--si-absente", stdout=out)
    assert "rien à faire" in out.getvalue()
    assert FicheAction.objects.count() == nombre


def test_every_action_of_the_texts_names_a_service_of_its_enjeu():
    services = {}
    for slug, nom in Service.objects.filter(enjeu__famille__taxonomie__est_active=True).values_list(
        "enjeu__slug", "nom"
    ):
        services.setdefault(slug, set()).add(nom)
    assert set(textes.TEXTES) == set(services)
    for slug, t in textes.TEXTES.items():
        assert {action["service"] for action in t["actions"]} <= services[slug], slug


def test_every_template_fills_in_with_the_known_fields():
    champs = dict.fromkeys(
        ["lieu", "a_lieu", "de_lieu", "Coll", "coll", "annee", "n", "petit", "pct", "pct2", "outil", "partenaire"],
        "x",
    ) | {"Service": "x", "service": "x"}
    for t in [*textes.TEXTES.values(), textes.GENERIQUE]:
        modeles = [m for action in t["actions"] for cle in ("titres", "syntheses", "resultats") for m in action[cle]]
        modeles += [m for cle in ("buts", "realisations", "resultats", "recommandations", "lieux") for m in t[cle]]
        for modele in modeles:
            assert modele.format_map(champs)


def test_names_take_the_french_contractions():
    assert (de("Dijon"), de("Agen"), de("Le Havre"), de("Les Ulis"), de("La Rochelle")) == (
        "de Dijon",
        "d'Agen",
        "du Havre",
        "des Ulis",
        "de La Rochelle",
    )
    assert (a("Dijon"), a("Le Havre"), a("Les Ulis")) == ("à Dijon", "au Havre", "aux Ulis")
    assert au_feminin("Directeur général des services") == "Directrice générale des services"
    assert au_feminin("Conseiller municipal délégué au numérique") == "Conseillère municipale déléguée au numérique"
    assert au_feminin("Adjoint au maire chargé du numérique") == "Adjointe au maire chargée du numérique"

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from arobase.testing import make_referentiel
from label.actions import appliquer_titres_excellence
from label.enums import Categorie, StatutEdition
from label.models import CategorieMention, Collectivite, Edition, Labellisation, Mention, regle_excellence

pytestmark = pytest.mark.django_db


def publiee(annee):
    return Edition.objects.create(annee=annee, numero=annee - 1999, publication_at=timezone.now() - timedelta(days=1))


class TestRegleExcellence:
    def test_it_gives_the_title_at_the_sixth_5_from_2021(self):
        historique = [(1, annee, 5) for annee in range(2016, 2022)]
        assert regle_excellence(historique) == {(1, 2021)}

    def test_it_gives_no_title_before_2021(self):
        historique = [(1, annee, 5) for annee in range(2010, 2016)]
        assert regle_excellence(historique) == set()

    def test_it_counts_5s_given_before_2021(self):
        historique = [(1, annee, 5) for annee in range(2005, 2011)] + [(1, 2023, 5)]
        assert regle_excellence(historique) == {(1, 2023)}

    def test_it_needs_six_5s_not_six_results(self):
        historique = [(1, 2016, 5), (1, 2017, 4), (1, 2018, 5), (1, 2019, 5), (1, 2021, 5), (1, 2022, 5)]
        assert regle_excellence(historique) == set()

    def test_a_title_is_valid_three_years_then_renewed(self):
        historique = [(1, annee, 5) for annee in range(2012, 2027)]
        assert regle_excellence(historique) == {(1, 2021), (1, 2024)}

    def test_a_collectivite_below_5_that_year_gets_no_title(self):
        historique = [(1, annee, 5) for annee in range(2014, 2020)] + [(1, 2021, 4)]
        assert regle_excellence(historique) == set()

    def test_it_handles_several_collectivites_in_any_order(self):
        historique = [(2, annee, 5) for annee in range(2021, 2027)] + [(1, annee, 5) for annee in range(2026, 2014, -1)]
        assert regle_excellence(historique) == {(1, 2021), (1, 2024), (2, 2026)}


class TestTitresExcellence:
    def test_the_action_records_the_titles_the_rule_gives(self):
        ref = make_referentiel()
        dijon = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"])
        chenove = Collectivite.objects.create(nom="Chenôve", categorie=Categorie.VILLE, commune=ref["chenove"])
        editions = {annee: publiee(annee) for annee in range(2016, 2022)}
        for annee, edition in editions.items():
            Labellisation.objects.create(edition=edition, collectivite=dijon, categorie=Categorie.VILLE, arobases=5)
            Labellisation.objects.create(
                edition=edition, collectivite=chenove, categorie=Categorie.VILLE, arobases=5 if annee > 2016 else 4
            )

        assert appliquer_titres_excellence(edition=editions[2021]) == 1

        titres = Labellisation.objects.filter(titre_excellence=True)
        assert [(t.collectivite.nom, t.edition.annee) for t in titres] == [("Dijon", 2021)]
        assert titres.get().titre_valide_jusqu_a == 2023

    def test_recomputing_removes_a_title_the_rule_no_longer_gives(self):
        ref = make_referentiel()
        dijon = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"])
        resultats = [
            Labellisation.objects.create(
                edition=publiee(annee), collectivite=dijon, categorie=Categorie.VILLE, arobases=5
            )
            for annee in range(2016, 2022)
        ]
        appliquer_titres_excellence(edition=resultats[-1].edition)
        Labellisation.objects.filter(pk=resultats[0].pk).update(arobases=4)

        assert appliquer_titres_excellence(edition=resultats[-1].edition) == 0
        assert not Labellisation.objects.filter(titre_excellence=True).exists()


class TestConstraints:
    def test_arobases_must_be_between_1_and_5(self):
        ref = make_referentiel()
        dijon = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"])
        edition = publiee(2026)
        for arobases in (0, 6):
            with pytest.raises(IntegrityError), transaction.atomic():
                Labellisation.objects.create(
                    edition=edition, collectivite=dijon, categorie=Categorie.VILLE, arobases=arobases
                )

    def test_a_collectivite_has_one_result_per_edition(self):
        ref = make_referentiel()
        dijon = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"])
        edition = publiee(2026)
        Labellisation.objects.create(edition=edition, collectivite=dijon, categorie=Categorie.VILLE, arobases=3)
        with pytest.raises(IntegrityError), transaction.atomic():
            Labellisation.objects.create(edition=edition, collectivite=dijon, categorie=Categorie.VILLE, arobases=4)

    def test_a_territoire_cannot_be_a_commune(self):
        ref = make_referentiel()
        with pytest.raises(IntegrityError), transaction.atomic():
            Collectivite.objects.create(nom="Dijon", categorie=Categorie.TERRITOIRE, commune=ref["dijon"])

    def test_a_collectivite_cannot_be_both_a_commune_and_an_epci(self):
        ref = make_referentiel()
        with pytest.raises(IntegrityError), transaction.atomic():
            Collectivite.objects.create(
                code="21231", nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"], epci=ref["metropole"]
            )

    def test_a_mention_must_belong_to_the_edition_of_the_result(self):
        ref = make_referentiel()
        dijon = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"])
        resultat = Labellisation.objects.create(
            edition=publiee(2026), collectivite=dijon, categorie=Categorie.VILLE, arobases=3
        )
        autre = CategorieMention.objects.create(edition=publiee(2025), nom="Logiciel libre")
        with pytest.raises(ValidationError):
            Mention(labellisation=resultat, categorie=autre).full_clean()


class TestCollectivite:
    def test_its_code_and_slug_come_from_the_commune(self):
        ref = make_referentiel()
        collectivite = Collectivite.objects.create(
            nom="La Rochelle", categorie=Categorie.VILLAGE, commune=ref["la_rochelle"]
        )
        assert (collectivite.code, collectivite.slug) == ("70450", "la-rochelle")
        assert collectivite.population == 39
        assert collectivite.departement == ref["haute_saone"]

    def test_an_epci_territoire_has_its_current_member_communes(self):
        ref = make_referentiel()
        territoire = Collectivite.objects.create(
            nom="CC du Pays de Villersexel", categorie=Categorie.TERRITOIRE, epci=ref["cc"]
        )
        assert territoire.code == "200041887"
        assert set(territoire.communes_membres()) == {ref["la_rochelle"], ref["villersexel"]}
        assert territoire.population == 1539

    def test_a_syndicat_is_defined_by_its_list_of_communes(self):
        ref = make_referentiel()
        syndicat = Collectivite.objects.create(
            code="257000001", nom="Syndicat numérique", categorie=Categorie.TERRITOIRE
        )
        syndicat.membres.set([ref["la_rochelle"], ref["haulchin"]])
        assert set(syndicat.communes_membres()) == {ref["la_rochelle"], ref["haulchin"]}
        assert syndicat.population == 39 + 2306


class TestEdition:
    def test_only_editions_past_their_publication_time_are_published(self):
        Edition.objects.create(annee=2025, numero=26, publication_at=timezone.now() - timedelta(minutes=1))
        Edition.objects.create(annee=2026, numero=27, publication_at=timezone.now() + timedelta(minutes=1))
        Edition.objects.create(annee=2027, numero=28)
        assert list(Edition.objects.publiees().values_list("annee", flat=True)) == [2025]

    def test_results_of_an_unpublished_edition_are_not_published(self):
        ref = make_referentiel()
        dijon = Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"])
        futur = Edition.objects.create(annee=2027, numero=28, publication_at=timezone.now() + timedelta(days=60))
        Labellisation.objects.create(edition=futur, collectivite=dijon, categorie=Categorie.VILLE, arobases=5)
        assert not Labellisation.objects.publiees().exists()

    def test_the_village_threshold_decides_ville_or_village(self):
        edition = Edition(annee=2026, numero=27, seuil_village=2000)
        assert edition.categorie_pour_population(1999) == Categorie.VILLAGE
        assert edition.categorie_pour_population(2000) == Categorie.VILLE

    def test_it_moves_through_its_phases_in_order_only(self):
        edition = Edition.objects.create(annee=2027, numero=28)
        edition.move_to(StatutEdition.CAMPAGNE)
        with pytest.raises(ValidationError):
            edition.move_to(StatutEdition.CLOSE)
        edition.refresh_from_db()
        assert edition.statut == StatutEdition.CAMPAGNE


class TestPublicationGate:
    def test_results_cannot_be_scheduled_before_the_deliberation_is_closed(self):
        edition = Edition(annee=2027, numero=28, statut=StatutEdition.DELIBERATION, publication_at=timezone.now())
        with pytest.raises(ValidationError) as erreur:
            edition.full_clean()
        assert "délibération close" in str(erreur.value)

    def test_a_closed_edition_can_be_scheduled(self):
        edition = Edition(annee=2027, numero=28, statut=StatutEdition.CLOSE, publication_at=timezone.now())
        edition.full_clean()

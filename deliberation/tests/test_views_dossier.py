"""A dossier in the deliberation, the decision and amendment forms, opening and closing, the journal and the
publication page, for each role."""

from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from comptes.enums import Role
from comptes.models import Appartenance
from deliberation.actions import clore_deliberation, decider
from deliberation.enums import TypeEntree
from deliberation.models import Decision, EntreeJournal
from label.enums import StatutEdition
from label.models import Labellisation


def url(nom, monde, dossier=None):
    if dossier is None:
        return reverse(f"deliberation:{nom}", args=[2027])
    return reverse(f"deliberation:{nom}", args=[2027, getattr(monde, f"dossier_{dossier}").pk])


def donnees_decision(arobases=3, motifs="Un dossier solide.", version="", **autres):
    return {"arobases": str(arobases), "motifs": motifs, "version": version, **autres}


def tout_decider_et_clore(monde):
    for dossier, arobases in [("dijon", 5), ("la_rochelle", 2), ("metropole", 3)]:
        decider(
            candidature=getattr(monde, f"dossier_{dossier}"),
            par=monde.president,
            arobases=arobases,
            mentions={},
            motifs="Motifs.",
            titre_confirme=True,
        )
    clore_deliberation(edition=monde.e2027, par=monde.president)


# -- the dossier page -----------------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, monde):
    assert client.get(url("dossier", monde, "dijon")).status_code == 302
    assert client.post(url("decision", monde, "dijon"), donnees_decision()).status_code == 302
    assert not Decision.objects.exists()


@pytest.mark.parametrize("qui", ["referent_dijon", "agent_dijon", "expert_a", "expert_seul"])
def test_a_member_of_the_collectivite_or_an_expert_not_on_the_jury_gets_a_404(client, monde, qui):
    client.force_login(getattr(monde, qui))
    assert client.get(url("dossier", monde, "dijon")).status_code == 404
    assert client.post(url("decision", monde, "dijon"), donnees_decision()).status_code == 404
    assert client.get(url("journal", monde)).status_code == 404
    assert not Decision.objects.exists()


def test_a_juror_in_conflict_gets_a_404_on_the_dossier_and_cannot_decide(client, monde):
    client.force_login(monde.jure_metropole)
    assert client.get(url("dossier", monde, "dijon")).status_code == 404
    assert client.post(url("decision", monde, "dijon"), donnees_decision()).status_code == 404
    assert client.get(url("dossier", monde, "la_rochelle")).status_code == 200
    assert not Decision.objects.exists()


def test_a_juror_sees_the_evaluations_the_mosaique_and_the_decision_form(client, monde):
    client.force_login(monde.jure)
    reponse = client.get(url("dossier", monde, "dijon"))
    assert reponse.status_code == 200
    contenu = unescape(reponse.content.decode())
    for texte in [
        "Une politique complète et suivie.",  # expert_a's comment
        "Ouvrez davantage vos données.",  # expert_b's note, not shared with the collectivité
        "non transmise",
        "Mosaïque des enjeux",
        "Enregistrer la décision",
        "Territoire d'Excellence Numérique",  # 5@ would be Dijon's sixth
        "Transition écologique",
    ]:
        assert texte in contenu, texte
    assert reponse.context["dossier"].propositions == [4, 5]


def test_a_draft_evaluation_is_not_shown(client, monde):
    client.force_login(monde.jure)
    reponse = client.get(url("dossier", monde, "metropole"))
    assert [e.expert for e in reponse.context["dossier"].evaluations] == [monde.expert_a]


def test_staff_read_the_dossier_without_the_decision_form(client, monde):
    client.force_login(monde.equipe)
    reponse = client.get(url("dossier", monde, "dijon"))
    assert reponse.status_code == 200 and reponse.context["form"] is None
    assert client.post(url("decision", monde, "dijon"), donnees_decision()).status_code == 404


def test_a_dossier_not_submitted_is_a_404(client, monde):
    client.force_login(monde.jure)
    chenove = reverse("deliberation:dossier", args=[2027, monde.dossiers["chenove"].pk])
    assert client.get(chenove).status_code == 404


# -- deciding -------------------------------------------------------------------------------------------------


def test_a_juror_records_a_decision_with_a_mention_and_the_title(client, monde):
    client.force_login(monde.jure)
    donnees = donnees_decision(
        5,
        titre="oui",
        **{f"mention_{monde.transition.pk}": "on", f"citation_{monde.transition.pk}": "Sobriété exemplaire."},
    )
    reponse = client.post(url("decision", monde, "dijon"), donnees)
    assert reponse.status_code == 302 and reponse.url == url("dossier", monde, "dijon")
    decision = Decision.objects.get()
    assert (decision.arobases, decision.titre_accorde, decision.decidee_par) == (5, True, monde.jure)
    assert [m.citation for m in decision.mentions.all()] == ["Sobriété exemplaire."]
    assert EntreeJournal.objects.get().type == TypeEntree.DECISION


def test_the_decision_urls_take_only_post(client, monde):
    client.force_login(monde.jure)
    assert client.get(url("decision", monde, "dijon")).status_code == 405
    assert client.get(url("cloture", monde)).status_code == 405


def test_an_invalid_decision_keeps_what_was_typed_with_french_messages(client, monde):
    client.force_login(monde.jure)
    donnees = donnees_decision(
        arobases=0, motifs="", **{f"mention_{monde.mediation.pk}": "on", f"citation_{monde.mediation.pk}": ""}
    )
    donnees["motifs"] = ""
    reponse = client.post(url("decision", monde, "la_rochelle"), donnees | {"arobases": "0"})
    assert reponse.status_code == 400
    contenu = unescape(reponse.content.decode())
    assert "Écrivez les motifs de la décision." in contenu
    assert "Écrivez la citation de la mention « Médiation numérique »." in contenu
    assert "Sélectionnez un choix valide" in contenu  # 0 @ is not a choice
    assert not Decision.objects.exists()


def test_a_decision_changed_meanwhile_answers_409(client, monde):
    decider(candidature=monde.dossier_dijon, par=monde.president, arobases=4, mentions={}, motifs="Premier avis.")
    decider(
        candidature=monde.dossier_dijon, par=monde.president, arobases=3, mentions={}, motifs="Second avis.", version=1
    )
    client.force_login(monde.jure)
    reponse = client.post(url("decision", monde, "dijon"), donnees_decision(5, version="1"))
    assert reponse.status_code == 409
    assert "Quelqu'un d'autre a modifié cette décision" in unescape(reponse.content.decode())
    assert Decision.objects.get().arobases == 3


def test_a_decision_after_the_closure_is_refused(client, monde):
    tout_decider_et_clore(monde)
    client.force_login(monde.jure)
    reponse = client.get(url("dossier", monde, "la_rochelle"))
    assert reponse.context["form"] is None and "seuls le président du jury et l'équipe" in unescape(
        reponse.content.decode()
    )
    decision = Decision.objects.get(candidature=monde.dossier_la_rochelle)
    reponse = client.post(url("decision", monde, "la_rochelle"), donnees_decision(4, version=str(decision.version)))
    assert reponse.status_code == 400
    assert "ne change plus que par un amendement" in unescape(reponse.content.decode())
    assert Labellisation.objects.get(edition=monde.e2027, collectivite=monde.la_rochelle).arobases == 2


# -- amending -------------------------------------------------------------------------------------------------


def test_the_president_amends_a_closed_decision_with_a_reason(client, monde):
    tout_decider_et_clore(monde)
    client.force_login(monde.president)
    assert client.get(url("dossier", monde, "la_rochelle")).context["amendement_form"] is not None
    sans_motif = client.post(url("amendement", monde, "la_rochelle"), donnees_decision(3, motifs="Motifs."))
    assert sans_motif.status_code == 400 and "Un amendement a besoin d'un motif." in unescape(
        sans_motif.content.decode()
    )
    reponse = client.post(
        url("amendement", monde, "la_rochelle"), donnees_decision(3, motifs="Motifs.", motif="Erreur de saisie.")
    )
    assert reponse.status_code == 302
    assert Labellisation.objects.get(edition=monde.e2027, collectivite=monde.la_rochelle).arobases == 3
    amendement = EntreeJournal.objects.get(type=TypeEntree.AMENDEMENT)
    assert (amendement.par, amendement.motif) == (monde.president, "Erreur de saisie.")
    assert "Erreur de saisie." in client.get(url("journal", monde)).content.decode()


@pytest.mark.parametrize("qui", ["jure", "expert_a", "referent_dijon"])
def test_only_the_president_and_staff_amend(client, monde, qui):
    tout_decider_et_clore(monde)
    client.force_login(getattr(monde, qui))
    reponse = client.post(url("amendement", monde, "la_rochelle"), donnees_decision(4, motifs="M.", motif="Raison."))
    assert reponse.status_code == 404
    assert not EntreeJournal.objects.filter(type=TypeEntree.AMENDEMENT).exists()


def test_staff_may_amend_too(client, monde):
    tout_decider_et_clore(monde)
    client.force_login(monde.equipe)
    reponse = client.post(url("amendement", monde, "la_rochelle"), donnees_decision(1, motifs="M.", motif="Recours."))
    assert reponse.status_code == 302
    assert EntreeJournal.objects.get(type=TypeEntree.AMENDEMENT).par == monde.equipe


# -- opening and closing -------------------------------------------------------------------------------------


def test_staff_open_the_deliberation_and_a_juror_cannot(client, monde):
    monde.e2027.statut = StatutEdition.EVALUATION
    monde.e2027.save()
    client.force_login(monde.jure)
    assert client.post(url("ouverture", monde)).status_code == 404
    client.force_login(monde.equipe)
    assert client.post(url("ouverture", monde)).status_code == 302
    monde.e2027.refresh_from_db()
    assert monde.e2027.statut == StatutEdition.DELIBERATION


@pytest.mark.parametrize("qui", ["jure", "equipe", "expert_a", "referent_dijon"])
def test_only_the_president_closes_the_deliberation(client, monde, qui):
    client.force_login(getattr(monde, qui))
    assert client.post(url("cloture", monde), {"confirmation": "oui"}).status_code == 404
    monde.e2027.refresh_from_db()
    assert monde.e2027.statut == StatutEdition.DELIBERATION


def test_the_president_closes_once_every_dossier_is_decided(client, monde):
    client.force_login(monde.president)
    reponse = client.post(url("cloture", monde), {"confirmation": "oui"}, follow=True)
    assert (
        "Des dossiers soumis attendent encore une décision du jury. Parmi eux : Dijon, Dijon Métropole, La Rochelle."
        in unescape(reponse.content.decode())
    )
    for dossier, arobases in [("dijon", 5), ("la_rochelle", 2), ("metropole", 3)]:
        decider(
            candidature=getattr(monde, f"dossier_{dossier}"),
            par=monde.president,
            arobases=arobases,
            mentions={},
            motifs="Motifs.",
            titre_confirme=True,
        )
    sans_confirmation = client.post(url("cloture", monde), follow=True)
    assert "Cochez la case de confirmation" in unescape(sans_confirmation.content.decode())
    reponse = client.post(url("cloture", monde), {"confirmation": "oui"}, follow=True)
    assert "Délibération close : les décisions sont arrêtées." in unescape(reponse.content.decode())
    monde.e2027.refresh_from_db()
    assert monde.e2027.statut == StatutEdition.CLOSE


def test_the_closing_refusal_never_names_a_dossier_the_president_is_in_conflict_with(client, monde):
    Appartenance.objects.create(user=monde.president, collectivite=monde.la_rochelle, role=Role.CONTRIBUTEUR)
    client.force_login(monde.president)
    contenu = unescape(client.post(url("cloture", monde), {"confirmation": "oui"}, follow=True).content.decode())
    assert "Parmi eux : Dijon, Dijon Métropole." in contenu
    assert "La Rochelle" not in contenu


# -- the journal ----------------------------------------------------------------------------------------------


def test_the_journal_leaves_out_the_dossiers_a_juror_is_in_conflict_with(client, monde):
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs="Secret de Dijon.")
    decider(candidature=monde.dossier_la_rochelle, par=monde.jure, arobases=2, mentions={}, motifs="Motifs du village.")
    client.force_login(monde.jure_metropole)
    contenu = client.get(url("journal", monde)).content.decode()
    assert "Motifs du village." in contenu and "Secret de Dijon." not in contenu
    client.force_login(monde.jure)
    contenu = client.get(url("journal", monde)).content.decode()
    assert "Motifs du village." in contenu and "Secret de Dijon." in contenu


# -- the publication page -------------------------------------------------------------------------------------


@pytest.mark.parametrize("qui", ["jure", "president", "expert_a", "referent_dijon"])
def test_only_staff_set_the_publication_date(client, monde, qui):
    tout_decider_et_clore(monde)
    client.force_login(getattr(monde, qui))
    assert client.get(url("publication", monde)).status_code == 404
    assert client.post(url("publication", monde), {"publication_at": "2030-01-28T18:00"}).status_code == 404
    monde.e2027.refresh_from_db()
    assert monde.e2027.publication_at is None


def test_staff_schedule_the_publication_in_paris_time(client, monde):
    client.force_login(monde.equipe)
    avant = client.get(url("publication", monde))
    assert avant.status_code == 200 and "une fois la délibération close" in unescape(avant.content.decode())
    tout_decider_et_clore(monde)
    passe = client.post(url("publication", monde), {"publication_at": "2020-01-28T18:00"})
    assert passe.status_code == 400 and "dans le futur" in unescape(passe.content.decode())
    annee = timezone.now().year + 1
    reponse = client.post(url("publication", monde), {"publication_at": f"{annee}-01-28T18:00"})
    assert reponse.status_code == 302
    monde.e2027.refresh_from_db()
    assert timezone.localtime(monde.e2027.publication_at).hour == 18
    assert monde.e2027.publication_at.utcoffset() == timedelta(0)  # stored in UTC: 17:00 UTC in winter
    assert monde.e2027.publication_at.astimezone(timezone.get_fixed_timezone(0)).hour == 17
    assert EntreeJournal.objects.get(type=TypeEntree.PUBLICATION).par == monde.equipe

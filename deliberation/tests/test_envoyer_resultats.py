"""The results e-mailed to the référents after publication (deliberation.actions.envoyer_resultats), once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from deliberation import courriels
from deliberation.actions import clore_deliberation, decider, envoyer_resultats
from deliberation.models import ResultatEnvoye
from label.models import Edition

CITATION = "Pour la sobriété de ses services numériques."


@pytest.fixture
def close(monde):
    """2027 closed (Dijon 5@ with the title and a mention, La Rochelle 2@, the métropole 3@), published in an hour."""
    for dossier, arobases, mentions in [
        (monde.dossier_dijon, 5, {monde.transition.pk: CITATION}),
        (monde.dossier_la_rochelle, 2, {}),
        (monde.dossier_metropole, 3, {}),
    ]:
        decider(
            candidature=dossier,
            par=monde.president,
            arobases=arobases,
            mentions=mentions,
            motifs="Motifs.",
            titre_confirme=True,
        )
    clore_deliberation(edition=monde.e2027, par=monde.president)
    monde.publication = timezone.now() + timedelta(hours=1)
    Edition.objects.filter(pk=monde.e2027.pk).update(publication_at=monde.publication)
    return monde


def test_nothing_is_sent_before_the_publication_time(close):
    assert envoyer_resultats() == 0
    assert envoyer_resultats(maintenant=close.publication - timedelta(seconds=1)) == 0
    assert mail.outbox == [] and not ResultatEnvoye.objects.exists()


def test_nothing_is_sent_while_the_deliberation_is_open(monde):
    decider(candidature=monde.dossier_dijon, par=monde.jure, arobases=4, mentions={}, motifs="Motifs.")
    Edition.objects.filter(pk=monde.e2027.pk).update(publication_at=timezone.now() - timedelta(days=1))
    assert envoyer_resultats() == 0 and mail.outbox == []


def test_each_referent_gets_the_result_of_their_collectivite_once_publication_time_has_passed(close):
    assert envoyer_resultats(maintenant=close.publication + timedelta(minutes=3)) == 3
    par_destinataire = {message.to[0]: message for message in mail.outbox}
    # The référents only (agent_dijon is a contributor), each in their own message.
    assert set(par_destinataire) == {"referent@dijon.fr", "maire@larochelle70.fr", "numerique@metropole-dijon.fr"}
    message = par_destinataire["referent@dijon.fr"]
    assert message.subject == "Label 2027 : le résultat de Dijon"
    assert "Dijon obtient 5 arobases (5@)." in message.body
    assert "Territoire d'Excellence Numérique" in message.body
    assert f"Transition écologique : « {CITATION} »" in message.body
    assert "https://label.example.org/dossiers/2027/21231/" in message.body
    html, type_mime = message.alternatives[0]
    assert type_mime == "text/html" and 'href="https://label.example.org/dossiers/2027/21231/"' in html
    assert "Motifs." not in message.body + html  # the grounds stay with the jury
    assert "2 arobases" in par_destinataire["maire@larochelle70.fr"].body


def test_a_result_is_never_sent_twice(close):
    plus_tard = close.publication + timedelta(minutes=3)
    envoyer_resultats(maintenant=plus_tard)
    assert envoyer_resultats(maintenant=plus_tard + timedelta(minutes=5)) == 0
    assert len(mail.outbox) == 3
    with pytest.raises(IntegrityError), transaction.atomic():
        ResultatEnvoye.objects.create(candidature=close.dossier_dijon)


def test_a_result_that_could_not_leave_is_sent_by_the_next_run(close, monkeypatch):
    envoyer = courriels.envoyer_resultat

    def panne(candidature, labellisation, *, user):
        if candidature == close.dossier_dijon:
            raise ConnectionError("serveur de courriel injoignable")
        envoyer(candidature, labellisation, user=user)

    monkeypatch.setattr(courriels, "envoyer_resultat", panne)
    plus_tard = close.publication + timedelta(minutes=3)
    with pytest.raises(ConnectionError):
        envoyer_resultats(maintenant=plus_tard)
    assert not ResultatEnvoye.objects.filter(candidature=close.dossier_dijon).exists()
    monkeypatch.setattr(courriels, "envoyer_resultat", envoyer)
    assert envoyer_resultats(maintenant=plus_tard) == 3
    assert ResultatEnvoye.objects.count() == 3


def test_a_collectivite_without_a_referent_gets_nothing_yet(close):
    close.referent_metropole.appartenances.all().delete()
    assert envoyer_resultats(maintenant=close.publication + timedelta(minutes=1)) == 2
    assert not ResultatEnvoye.objects.filter(candidature=close.dossier_metropole).exists()


def test_the_command_says_how_many_results_it_sent(close):
    Edition.objects.filter(pk=close.e2027.pk).update(publication_at=timezone.now() - timedelta(minutes=1))
    out = StringIO()
    call_command("envoyer_resultats", stdout=out)
    assert out.getvalue().strip() == "3 résultats envoyés."
    out = StringIO()
    call_command("envoyer_resultats", stdout=out)
    assert out.getvalue().strip() == "0 résultat envoyé."

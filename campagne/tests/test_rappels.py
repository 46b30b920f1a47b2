"""Reminders before the deadline: 30, 7 and 1 days before (Paris days), once each, to the référents of the
dossiers not submitted; the J-30 one can be unsubscribed from, the last two are essential."""

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError

from campagne.actions import desabonner, envoyer_rappels, inscrire, rappel_du
from campagne.courriels import lire_jeton
from campagne.enums import StatutCandidature, TypeRappel
from campagne.models import Candidature, RappelEnvoye
from comptes.enums import Role
from comptes.models import Appartenance

from .outils import paris

UTC = ZoneInfo("UTC")


@pytest.fixture
def dossiers(monde):
    """Dijon and La Rochelle registered for a 2027 campaign closing on 25 October 2026 at 23:59 in Paris."""
    monde.e2027.campagne_ouverture = date(2026, 3, 15)
    monde.e2027.campagne_cloture = paris(2026, 10, 25, 23, 59)
    monde.e2027.save()
    pendant = paris(2026, 9, 1, 10)
    return {
        "dijon": inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon, maintenant=pendant),
        "la_rochelle": inscrire(
            edition=monde.e2027, collectivite=monde.la_rochelle, par=monde.referent_la_rochelle, maintenant=pendant
        ),
    }


@pytest.mark.parametrize(
    ("jours", "attendu"),
    [
        (45, None),
        (31, None),
        (30, TypeRappel.J30),
        (8, TypeRappel.J30),
        (7, TypeRappel.J7),
        (2, TypeRappel.J7),
        (1, TypeRappel.J1),
        (0, TypeRappel.J1),
        (-1, None),
    ],
)
def test_the_reminder_due_by_days_left(jours, attendu):
    assert rappel_du(jours) == attendu


def test_nothing_is_sent_more_than_30_days_before(monde, dossiers):
    assert envoyer_rappels(maintenant=paris(2026, 9, 24, 8)) == 0
    assert mail.outbox == []


def test_the_j30_reminder_goes_to_each_referent_once_with_an_unsubscribe_link(monde, dossiers):
    maintenant = paris(2026, 9, 25, 8)

    assert envoyer_rappels(maintenant=maintenant) == 2
    assert envoyer_rappels(maintenant=maintenant) == 0
    assert envoyer_rappels(maintenant=maintenant + timedelta(days=1)) == 0

    assert sorted(m.to[0] for m in mail.outbox) == ["maire@larochelle70.fr", "referent@dijon.fr"]
    message = next(m for m in mail.outbox if m.to == ["referent@dijon.fr"])
    assert message.subject == "Label 2027 : clôture des candidatures dans 30 jours — Dijon"
    assert "25 octobre 2026 à 23:59 (heure de Paris)" in message.body
    assert "https://label.example.org/dossiers/2027/21231/" in message.body
    lien = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert lien in message.body
    assert lien.startswith("https://label.example.org/campagne/desabonnement/")
    assert lire_jeton(lien.rstrip("/").rsplit("/", 1)[-1]) == monde.referent_dijon.pk
    assert message.alternatives[0][1] == "text/html"
    assert lien in message.alternatives[0][0]
    assert RappelEnvoye.objects.filter(type=TypeRappel.J30).count() == 2


def test_the_j7_and_j1_reminders_are_essential_without_unsubscribe_link(monde, dossiers):
    desabonner(monde.referent_dijon)

    envoyer_rappels(maintenant=paris(2026, 10, 18, 8))  # 7 days before
    envoyer_rappels(maintenant=paris(2026, 10, 24, 8))  # the eve

    dijon = [m for m in mail.outbox if m.to == ["referent@dijon.fr"]]
    assert [m.subject for m in dijon] == [
        "Label 2027 : clôture des candidatures dans 7 jours — Dijon",
        "Label 2027 : clôture des candidatures demain — Dijon",
    ]
    assert all("List-Unsubscribe" not in m.extra_headers for m in dijon)
    assert all("message de service, sans désabonnement possible" in m.body for m in dijon)


def test_an_unsubscribed_referent_does_not_get_the_j30_reminder(monde, dossiers):
    desabonner(monde.referent_dijon)

    envoyer_rappels(maintenant=paris(2026, 9, 25, 8))

    assert [m.to for m in mail.outbox] == [["maire@larochelle70.fr"]]
    assert not RappelEnvoye.objects.filter(candidature=dossiers["dijon"]).exists()


def test_a_run_that_missed_days_sends_the_reminder_due_then_the_next_ones(monde, dossiers):
    assert envoyer_rappels(maintenant=paris(2026, 10, 20, 8)) == 2  # 5 days left: J-7, not J-30
    assert set(RappelEnvoye.objects.values_list("type", flat=True)) == {TypeRappel.J7}
    assert "dans 5 jours" in mail.outbox[0].subject


def test_the_last_day_counts_in_paris_time_on_the_night_clocks_go_back(monde, dossiers):
    # 23:30 UTC on the 24th is 01:30 on the 25th in Paris: the last day, so « aujourd'hui ».
    envoyer_rappels(maintenant=datetime(2026, 10, 24, 23, 30, tzinfo=UTC))

    assert mail.outbox[0].subject == "Label 2027 : clôture des candidatures aujourd'hui — Dijon"


def test_nothing_is_sent_after_the_deadline_nor_for_a_submitted_dossier(monde, dossiers):
    Candidature.objects.filter(pk=dossiers["dijon"].pk).update(
        statut=StatutCandidature.SOUMISE, soumise_le=paris(2026, 10, 1)
    )

    envoyer_rappels(maintenant=paris(2026, 10, 24, 8))
    envoyer_rappels(maintenant=paris(2026, 10, 26, 8))

    assert [m.to for m in mail.outbox] == [["maire@larochelle70.fr"]]


def test_every_referent_of_the_collectivite_gets_the_reminder(monde, dossiers):
    Appartenance.objects.filter(user=monde.agent_dijon).update(role=Role.REFERENT)

    envoyer_rappels(maintenant=paris(2026, 10, 24, 8))

    assert sorted(m.to[0] for m in mail.outbox if "Dijon" in m.subject) == ["agent@dijon.fr", "referent@dijon.fr"]
    assert RappelEnvoye.objects.get(candidature=dossiers["dijon"]).destinataires == "agent@dijon.fr, referent@dijon.fr"


def test_the_database_refuses_the_same_reminder_twice(monde, dossiers):
    RappelEnvoye.objects.create(candidature=dossiers["dijon"], type=TypeRappel.J7)

    with pytest.raises(IntegrityError):
        RappelEnvoye.objects.create(candidature=dossiers["dijon"], type=TypeRappel.J7)


def test_a_reminder_that_cannot_leave_is_not_recorded_and_is_tried_again(monde, dossiers, monkeypatch):
    from campagne import courriels

    def panne(*args, **kwargs):
        raise ConnectionError("SMTP injoignable")

    monkeypatch.setattr(courriels, "envoyer_rappel", panne)
    with pytest.raises(ConnectionError):
        envoyer_rappels(maintenant=paris(2026, 10, 24, 8))
    assert not RappelEnvoye.objects.exists()

    monkeypatch.undo()
    assert envoyer_rappels(maintenant=paris(2026, 10, 24, 8)) == 2


def test_the_daily_command_sends_the_reminders_due_today(monde):
    # The fixture's campaign closes in 20 days: the J-30 reminder is due.
    inscrire(edition=monde.e2027, collectivite=monde.dijon, par=monde.referent_dijon)
    out = StringIO()

    call_command("envoyer_rappels", stdout=out)
    call_command("envoyer_rappels", stdout=out)

    assert out.getvalue() == "1 rappel envoyé.\n0 rappel envoyé.\n"
    assert len(mail.outbox) == 1

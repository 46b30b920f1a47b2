from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from campagne.calendrier import calendrier_ics, campagne_ouverte, echapper, etat_campagne, jours_avant, plier
from label.models import Edition

from .outils import paris

UTC = ZoneInfo("UTC")


def edition(**champs):
    valeurs = {
        "annee": 2027,
        "numero": 28,
        "campagne_ouverture": date(2026, 3, 29),  # the day summer time starts in Paris
        "campagne_cloture": paris(2026, 10, 25, 23, 59),  # the day it ends
        "jury_date": date(2027, 1, 10),
        "ceremonie_date": paris(2027, 1, 28, 18),
        "ceremonie_lieu": "Agen, salle « Le Florida ; grande scène »",
    }
    valeurs.update(champs)
    return Edition(**valeurs)


def test_the_campaign_opens_at_midnight_in_paris_on_the_day_summer_time_starts():
    e = edition()

    assert not campagne_ouverte(e, datetime(2026, 3, 28, 22, 59, tzinfo=UTC))  # 23:59 in Paris (winter time)
    assert campagne_ouverte(e, datetime(2026, 3, 28, 23, 0, tzinfo=UTC))  # midnight in Paris


def test_the_campaign_closes_at_the_closing_minute_in_paris_on_the_day_summer_time_ends():
    e = edition()

    # 23:59 in Paris on 25 October 2026 is 22:59 UTC (winter time since 3:00 that morning), not 21:59.
    assert campagne_ouverte(e, datetime(2026, 10, 25, 22, 58, tzinfo=UTC))
    assert not campagne_ouverte(e, datetime(2026, 10, 25, 22, 59, tzinfo=UTC))
    assert etat_campagne(e, datetime(2026, 10, 25, 22, 59, tzinfo=UTC)) == "close"


def test_the_state_of_the_campaign_before_and_without_a_calendar():
    assert etat_campagne(edition(), datetime(2026, 1, 1, tzinfo=UTC)) == "a_venir"
    assert etat_campagne(edition(campagne_cloture=None), datetime(2026, 5, 1, tzinfo=UTC)) == "sans_calendrier"
    assert not campagne_ouverte(edition(campagne_ouverture=None), datetime(2026, 5, 1, tzinfo=UTC))


def test_days_left_are_counted_in_paris_calendar_days():
    cloture = paris(2026, 10, 25, 23, 59)

    # 23:30 UTC on the 24th is already 01:30 on the 25th in Paris: the last day, not the eve.
    assert jours_avant(cloture, datetime(2026, 10, 24, 23, 30, tzinfo=UTC)) == 0
    assert jours_avant(cloture, datetime(2026, 10, 24, 21, 30, tzinfo=UTC)) == 1
    assert jours_avant(cloture, datetime(2026, 9, 25, 12, tzinfo=UTC)) == 30


def test_text_values_are_escaped_as_rfc_5545_wants():
    assert echapper("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_long_lines_are_folded_at_75_octets_without_cutting_a_character():
    ligne = "SUMMARY:" + "é" * 100
    plie = plier(ligne)

    morceaux = plie.split("\r\n")
    assert all(len(morceau.encode("utf-8")) <= 75 for morceau in morceaux)
    assert all(morceau.startswith(" ") for morceau in morceaux[1:])
    assert "".join(m[1:] if i else m for i, m in enumerate(morceaux)) == ligne


def test_the_ics_file_has_crlf_lines_a_timezone_and_the_four_steps():
    texte = calendrier_ics(edition(), domaine="label.example.org", maintenant=datetime(2026, 11, 27, 9, 30, tzinfo=UTC))

    assert texte.endswith("\r\n")
    assert "\n" not in texte.replace("\r\n", "")
    lignes = texte.replace("\r\n ", "").split("\r\n")
    assert lignes[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lignes
    assert any(ligne.startswith("PRODID:") for ligne in lignes)
    assert "TZID:Europe/Paris" in lignes
    assert lignes.count("BEGIN:VEVENT") == 4
    assert lignes.count("DTSTAMP:20261127T093000Z") == 4
    uids = [ligne for ligne in lignes if ligne.startswith("UID:")]
    assert uids == [
        "UID:label-2027-ouverture@label.example.org",
        "UID:label-2027-cloture@label.example.org",
        "UID:label-2027-jury@label.example.org",
        "UID:label-2027-ceremonie@label.example.org",
    ]
    assert "DTSTART;VALUE=DATE:20260329" in lignes
    assert "DTEND;VALUE=DATE:20260330" in lignes
    assert "DTSTART;TZID=Europe/Paris:20261025T235900" in lignes
    assert "DTSTART;VALUE=DATE:20270110" in lignes
    assert "DTSTART;TZID=Europe/Paris:20270128T180000" in lignes
    assert "LOCATION:Agen\\, salle « Le Florida \\; grande scène »" in lignes
    assert lignes[-2] == "END:VCALENDAR"


@pytest.mark.parametrize("champ", ["campagne_ouverture", "jury_date"])
def test_a_step_without_a_date_is_left_out_of_the_ics_file(champ):
    texte = calendrier_ics(edition(**{champ: None}), domaine="x.org", maintenant=datetime(2026, 1, 1, tzinfo=UTC))

    assert texte.count("BEGIN:VEVENT") == 3


def test_the_ics_dtstamp_is_in_utc_whatever_the_local_time():
    maintenant = paris(2026, 7, 1, 12) + timedelta(minutes=1)

    texte = calendrier_ics(edition(), domaine="x.org", maintenant=maintenant)

    assert "DTSTAMP:20260701T100100Z" in texte

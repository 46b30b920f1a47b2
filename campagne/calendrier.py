"""The calendar of an édition as the campaign reads it: opening, closing, days left, and its .ics file.

The calendar fields live on label.Edition (campagne_ouverture is a day, campagne_cloture an instant). Every
comparison is made in Europe/Paris, whatever the server's clock zone: the campaign opens at midnight in Paris
on the opening day, and closes at the closing instant (submissions are accepted strictly before it).
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

PARIS = ZoneInfo("Europe/Paris")


def debut_campagne(edition):
    """Midnight in Paris on the opening day, or None when the édition has no opening day."""
    if edition.campagne_ouverture is None:
        return None
    return datetime.combine(edition.campagne_ouverture, time(0, 0), tzinfo=PARIS)


def campagne_ouverte(edition, maintenant=None):
    """True between the opening (midnight in Paris) and the closing instant (excluded)."""
    maintenant = maintenant or timezone.now()
    debut = debut_campagne(edition)
    if debut is None or edition.campagne_cloture is None:
        return False
    return debut <= maintenant < edition.campagne_cloture


def etat_campagne(edition, maintenant=None):
    """« a_venir », « ouverte », « close » or « sans_calendrier »."""
    maintenant = maintenant or timezone.now()
    debut = debut_campagne(edition)
    if debut is None or edition.campagne_cloture is None:
        return "sans_calendrier"
    if maintenant < debut:
        return "a_venir"
    if maintenant < edition.campagne_cloture:
        return "ouverte"
    return "close"


def jour_de_paris(instant):
    return timezone.localtime(instant, PARIS).date()


def jours_avant(echeance, maintenant=None):
    """Calendar days in Paris from `maintenant` to `echeance` (0 on the last day, negative once past)."""
    maintenant = maintenant or timezone.now()
    return (jour_de_paris(echeance) - jour_de_paris(maintenant)).days


# ---------------------------------------------------------------------------------------------------
# iCalendar (RFC 5545)
# ---------------------------------------------------------------------------------------------------

# Europe/Paris as RFC 5545 wants it described next to the events that use TZID=Europe/Paris
# (the EU rule: summer time from the last Sunday of March to the last Sunday of October).
VTIMEZONE_PARIS = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def echapper(texte):
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks."""
    texte = texte.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return texte.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def plier(ligne):
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    morceaux = []
    courant = ""
    limite = 75
    for caractere in ligne:
        if len((courant + caractere).encode("utf-8")) > limite:
            morceaux.append(courant)
            courant = caractere
            limite = 74  # continuation lines start with a space
        else:
            courant += caractere
    morceaux.append(courant)
    return "\r\n ".join(morceaux)


def _date(jour):
    return jour.strftime("%Y%m%d")


def _heure_de_paris(instant):
    return timezone.localtime(instant, PARIS).strftime("%Y%m%dT%H%M%S")


def evenements(edition):
    """The dated steps of an édition: (key, summary, start, all-day?) in chronological order."""
    annee = edition.annee
    liste = []
    if edition.campagne_ouverture:
        liste.append(("ouverture", f"Ouverture de la campagne du label {annee}", edition.campagne_ouverture, True))
    if edition.campagne_cloture:
        liste.append(("cloture", f"Clôture des candidatures au label {annee}", edition.campagne_cloture, False))
    if edition.jury_date:
        liste.append(("jury", f"Réunion du jury du label {annee}", edition.jury_date, True))
    if edition.ceremonie_date:
        liste.append(("ceremonie", f"Cérémonie de remise du label {annee}", edition.ceremonie_date, False))
    return liste


def calendrier_ics(edition, *, domaine, url="", maintenant=None):
    """The édition's calendar as an iCalendar file (text with CRLF line endings)."""
    maintenant = maintenant or timezone.now()
    horodatage = maintenant.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")
    lignes = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Villes Internet//arobase//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{echapper(f'Label Territoires, Villes et Villages Internet {edition.annee}')}",
        "X-WR-TIMEZONE:Europe/Paris",
        *VTIMEZONE_PARIS,
    ]
    for cle, resume, debut, journee in evenements(edition):
        lignes += ["BEGIN:VEVENT", f"UID:label-{edition.annee}-{cle}@{domaine}", f"DTSTAMP:{horodatage}"]
        if journee:
            lignes += [f"DTSTART;VALUE=DATE:{_date(debut)}", f"DTEND;VALUE=DATE:{_date(debut + timedelta(days=1))}"]
        else:
            # No DTEND: the event is an instant (RFC 5545 §3.6.1), such as the closing of the candidatures.
            lignes.append(f"DTSTART;TZID=Europe/Paris:{_heure_de_paris(debut)}")
        lignes.append(f"SUMMARY:{echapper(resume)}")
        if cle == "ceremonie" and edition.ceremonie_lieu:
            lignes.append(f"LOCATION:{echapper(edition.ceremonie_lieu)}")
        if cle == "cloture":
            lignes.append(
                "DESCRIPTION:" + echapper("Dernier moment pour soumettre le dossier de candidature (heure de Paris).")
            )
        if url:
            lignes.append(f"URL:{url}")
        lignes += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lignes.append("END:VCALENDAR")
    return "".join(plier(ligne) + "\r\n" for ligne in lignes)

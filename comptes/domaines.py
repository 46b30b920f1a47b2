"""E-mail domains: the domain of an address, and the public webmails that no collectivité may declare.

A collectivité declares the domains of its own addresses (« mairie-larochelle.fr »): a person whose
verified address is at one of them joins it without waiting for a référent. A webmail domain proves
nothing about where a person works, so it can never be declared.
"""

import re

# Public webmails and internet providers' mailboxes, by exact domain, and by name whatever the country
# suffix (hotmail.fr, hotmail.co.uk…). Not exhaustive: it catches the addresses people really use.
WEBMAILS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "orange.fr",
        "wanadoo.fr",
        "laposte.net",
        "free.fr",
        "aliceadsl.fr",
        "sfr.fr",
        "neuf.fr",
        "cegetel.net",
        "club-internet.fr",
        "numericable.fr",
        "bbox.fr",
        "noos.fr",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "aol.fr",
        "msn.com",
        "ymail.com",
        "protonmail.com",
        "proton.me",
        "pm.me",
        "tutanota.com",
        "mail.com",
        "gmx.com",
        "gmx.fr",
        "gmx.de",
        "zoho.com",
        "yandex.com",
        "yandex.ru",
        "lavache.com",
        "caramail.com",
    }
)
WEBMAILS_TOUS_PAYS = frozenset({"hotmail", "outlook", "live", "yahoo", "gmx", "yandex"})

# A host name: labels of letters, digits and hyphens, at least one dot, a final label of letters.
_DOMAINE = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def normaliser_domaine(texte):
    """« @Mairie-LaRochelle.FR » → « mairie-larochelle.fr » (no @, no spaces, lower case, no final dot)."""
    return texte.strip().lstrip("@").rstrip(".").lower()


def est_domaine_valide(domaine):
    return bool(_DOMAINE.match(domaine))


def est_webmail(domaine):
    """True for a public webmail's domain: gmail.com, orange.fr, hotmail.fr, yahoo.co.uk…"""
    domaine = normaliser_domaine(domaine)
    if domaine in WEBMAILS:
        return True
    premier = domaine.split(".", 1)[0]
    return premier in WEBMAILS_TOUS_PAYS and domaine.count(".") <= 2


def domaine_de(email):
    """The domain of an e-mail address, lower case (« Marie@Mairie.fr » → « mairie.fr »); "" if none."""
    _, arobase, domaine = (email or "").rpartition("@")
    return normaliser_domaine(domaine) if arobase else ""


def couvre(domaine_declare, domaine):
    """Does a declared domain cover this one? The domain itself and its subdomains (« dijon.fr » covers
    « mairie.dijon.fr », whose DNS Dijon controls too), never a look-alike (« pasdijon.fr »)."""
    return domaine == domaine_declare or domaine.endswith("." + domaine_declare)

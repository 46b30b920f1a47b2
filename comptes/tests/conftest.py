from types import SimpleNamespace

import pytest

from arobase.testing import make_cast, make_collectivites, make_referentiel
from comptes.models import CodePostal
from comptes.testing import verifier_adresses

MOT_DE_PASSE = "motdepasse-de-test"


@pytest.fixture
def monde(db, settings):
    """The shared référentiel and cast (addresses verified), plus a few postcodes.

    allauth's rate limits count in the cache, a database table here: each test's counts roll back with it.

    Dijon: agent_dijon (contributeur), referent_dijon (référent). La Rochelle (village, 70450): agent_la_rochelle
    (contributeur, no référent). Dijon Métropole: nobody. equipe: staff.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ref = make_referentiel()
    collectivites = make_collectivites(ref)
    cast = make_cast(collectivites)
    verifier_adresses(*cast.values())
    for user, (prenom, nom) in zip(
        cast.values(), [("Agathe", "Dijon"), ("Rémi", "Ferent"), ("Lucie", "Rochelle"), ("Eve", "Equipe")], strict=True
    ):
        user.first_name, user.last_name = prenom, nom
        user.save()
    CodePostal.objects.create(code="70120", commune=ref["la_rochelle"])
    CodePostal.objects.create(code="21000", commune=ref["dijon"])
    CodePostal.objects.create(code="70110", commune=ref["villersexel"])
    return SimpleNamespace(ref=ref, **collectivites, **cast)


@pytest.fixture
def creer_personne(db):
    """creer_personne("marie@mairie.fr", verifiee=True) → a user with that address (password MOT_DE_PASSE)."""
    from django.contrib.auth import get_user_model

    def creer(email, verifiee=True, **champs):
        user = get_user_model().objects.create_user(
            email.split("@")[0] + "-" + email.split("@")[1], email, MOT_DE_PASSE, **champs
        )
        if verifiee:
            verifier_adresses(user)
        return user

    return creer

import pytest

from .donnees import make_palmares
from .donnees_historique import make_historique


@pytest.fixture
def palmares(db):
    return make_palmares()


@pytest.fixture
def historique(db):
    """Six published éditions, 2020 to 2025 (see donnees_historique for the table of results)."""
    return make_historique()

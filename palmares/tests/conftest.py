import pytest

from .donnees import make_palmares


@pytest.fixture
def palmares(db):
    return make_palmares()

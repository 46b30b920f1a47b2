"""Population bands: the one definition used by the statistics of an édition (palmares.stats), the search facets
(fiches.facettes) and the comparable collectivités of the mosaïque (fiches.mosaique).

The population is a commune's municipal population, an EPCI's the sum of its members' (Epci.population); where
a syndicat has one, it is the sum of its member communes'. The bands follow the usual French size classes, with
"moins de 500" to set the smallest villages apart; the village threshold of an édition (2,000 to 3,000) falls
inside 2,000–9,999: the band says a size, the catégorie (ville or village) what the jury used that year.
"""

from dataclasses import dataclass

from django.db.models import Q


def lisible(nombre):
    """10000 → « 10 000 » (narrow no-break space, as French typography wants)."""
    return f"{nombre:,}".replace(",", "\u202f")


@dataclass(frozen=True)
class Tranche:
    cle: str  # in addresses: /fiches/?population=500-1999
    libelle: str  # « De 500 à 1 999 habitants »
    bas: int  # included
    haut: int | None  # excluded; None: no upper bound

    def __iter__(self):
        # `bas, haut = tranche` reads the bounds.
        return iter((self.bas, self.haut))

    @property
    def maximum(self):
        """The largest population of the band (bounds included, as the statistics page writes them)."""
        return None if self.haut is None else self.haut - 1

    @property
    def complement(self):
        """« de moins de 500 habitants », « de 500 à 1 999 habitants », « de 50 000 habitants et plus »: what
        follows a noun (« les villages de moins de 500 habitants »)."""
        if not self.bas:
            return f"de moins de {lisible(self.haut)} habitants"
        if self.haut is None:
            return f"de {lisible(self.bas)} habitants et plus"
        return f"de {lisible(self.bas)} à {lisible(self.maximum)} habitants"

    def contient(self, population):
        return population >= self.bas and (self.haut is None or population < self.haut)

    def filtre(self, champ="population"):
        """Q of the rows whose `champ` (a field or an alias holding a population) is in the band."""
        condition = Q(**{f"{champ}__gte": self.bas})
        if self.haut is not None:
            condition &= Q(**{f"{champ}__lt": self.haut})
        return condition


TRANCHES_POPULATION = [
    Tranche("moins-de-500", "Moins de 500 habitants", 0, 500),
    Tranche("500-1999", "De 500 à 1 999 habitants", 500, 2_000),
    Tranche("2000-9999", "De 2 000 à 9 999 habitants", 2_000, 10_000),
    Tranche("10000-49999", "De 10 000 à 49 999 habitants", 10_000, 50_000),
    Tranche("50000-et-plus", "50 000 habitants et plus", 50_000, None),
]
TRANCHES_PAR_CLE = {tranche.cle: tranche for tranche in TRANCHES_POPULATION}


def tranche_de(population):
    """The Tranche of `population`, or None when it is unknown."""
    if population is None:
        return None
    return next((tranche for tranche in TRANCHES_POPULATION if tranche.contient(population)), None)


def filtre_tranches(cles, champ="population"):
    """Q of the rows whose `champ` is in one of the bands of `cles` (unknown keys are ignored; none: no row)."""
    condition = Q(pk__in=[])
    for cle in cles:
        if cle in TRANCHES_PAR_CLE:
            condition |= TRANCHES_PAR_CLE[cle].filtre(champ)
    return condition

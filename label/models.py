"""The label's core: éditions, collectivités candidates, their results (labellisations) and mentions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from territoires.models import Commune, Epci

from .enums import Categorie, StatutEdition

# Territoire d'Excellence Numérique: given from the 2021 label on, to a collectivité that obtains 5@
# for at least the sixth time; the title is valid three years (the year awarded and the next two).
EXCELLENCE_PREMIERE_ANNEE = 2021
EXCELLENCE_NOMBRE_DE_5 = 6
EXCELLENCE_VALIDITE_ANS = 3


class EditionQuerySet(models.QuerySet):
    def publiees(self):
        """Éditions whose results are public: their publication time has passed.

        Every public surface goes through this method: before the ceremony, results exist for nobody.
        """
        return self.filter(publication_at__lte=timezone.now())


class Edition(models.Model):
    """One label year (millésime)."""

    TRANSITIONS = {
        StatutEdition.PREPARATION: [StatutEdition.CAMPAGNE],
        StatutEdition.CAMPAGNE: [StatutEdition.EVALUATION],
        StatutEdition.EVALUATION: [StatutEdition.DELIBERATION],
        StatutEdition.DELIBERATION: [StatutEdition.CLOSE],
        StatutEdition.CLOSE: [],
    }

    annee = models.PositiveSmallIntegerField("année du label", unique=True)
    numero = models.PositiveSmallIntegerField("numéro d'édition", help_text="2026 : 27ᵉ édition.")
    statut = models.CharField("statut", max_length=20, choices=StatutEdition.choices, default=StatutEdition.PREPARATION)
    campagne_ouverture = models.DateField("ouverture de la campagne", null=True, blank=True)
    campagne_cloture = models.DateTimeField("clôture de la campagne", null=True, blank=True)
    jury_date = models.DateField("réunion du jury", null=True, blank=True)
    ceremonie_date = models.DateTimeField("cérémonie", null=True, blank=True)
    ceremonie_lieu = models.CharField("lieu de la cérémonie", max_length=200, blank=True)
    publication_at = models.DateTimeField(
        "publication des résultats",
        null=True,
        blank=True,
        help_text="Avant cette date et heure, le palmarès n'existe pour personne hors du jury et de l'équipe.",
    )
    seuil_village = models.PositiveIntegerField(
        "seuil village (habitants)", default=3000, help_text="Une commune sous ce seuil concourt comme village."
    )
    donnees_demo = models.BooleanField(
        "données de démonstration", default=False, help_text="Affiche un bandeau « données fictives » sur le site."
    )

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = "édition"
        verbose_name_plural = "éditions"
        ordering = ["-annee"]

    def __str__(self):
        return f"Label {self.annee}"

    def get_absolute_url(self):
        return reverse("palmares:edition", args=[self.annee])

    @property
    def is_published(self):
        return self.publication_at is not None and self.publication_at <= timezone.now()

    def can_move_to(self, statut):
        return statut in self.TRANSITIONS[StatutEdition(self.statut)]

    def move_to(self, statut):
        if not self.can_move_to(statut):
            raise ValidationError(
                f"Passage impossible de « {self.get_statut_display()} » à « {StatutEdition(statut).label} »."
            )
        self.statut = statut
        self.save(update_fields=["statut"])

    def clean(self):
        if self.publication_at is not None and self.statut != StatutEdition.CLOSE:
            raise ValidationError(
                {"publication_at": "Les résultats ne peuvent être publiés qu'une fois la délibération close."}
            )

    def categorie_pour_population(self, population):
        """Ville or village for a commune of this population, by this édition's threshold."""
        if population is not None and population < self.seuil_village:
            return Categorie.VILLAGE
        return Categorie.VILLE


class CategorieMention(models.Model):
    """A thematic mention defined by one édition (the list changes every year)."""

    edition = models.ForeignKey(
        Edition, verbose_name="édition", on_delete=models.CASCADE, related_name="categories_mention"
    )
    nom = models.CharField("nom", max_length=150)
    slug = models.SlugField("identifiant", max_length=150)
    arobase_verte = models.BooleanField(
        "arobase verte", default=False, help_text="La mention colore une arobase du panneau en vert."
    )

    class Meta:
        verbose_name = "catégorie de mention"
        verbose_name_plural = "catégories de mention"
        ordering = ["edition", "nom"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="categorie_mention_unique")]

    def __str__(self):
        return f"{self.nom} ({self.edition.annee})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.nom)
        super().save(*args, **kwargs)


class Collectivite(models.Model):
    """A candidate: a commune (ville or village) or a territoire (EPCI, or a syndicat listing its communes)."""

    code = models.CharField(
        "code", max_length=9, unique=True, help_text="Code INSEE d'une commune, SIREN d'un EPCI ou d'un syndicat."
    )
    nom = models.CharField("nom", max_length=200)
    slug = models.SlugField("adresse lisible", max_length=220)
    categorie = models.CharField("catégorie actuelle", max_length=10, choices=Categorie.choices)
    commune = models.OneToOneField(
        Commune, verbose_name="commune", on_delete=models.PROTECT, null=True, blank=True, related_name="collectivite"
    )
    epci = models.OneToOneField(
        Epci, verbose_name="EPCI", on_delete=models.PROTECT, null=True, blank=True, related_name="collectivite"
    )
    membres = models.ManyToManyField(
        Commune,
        verbose_name="communes membres (syndicat)",
        blank=True,
        related_name="syndicats",
        help_text="Seulement pour un territoire qui n'est pas un EPCI du référentiel.",
    )

    class Meta:
        verbose_name = "collectivité"
        verbose_name_plural = "collectivités"
        ordering = ["nom"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(commune__isnull=False, epci__isnull=False), name="collectivite_commune_ou_epci"
            ),
            models.CheckConstraint(
                condition=Q(categorie=Categorie.TERRITOIRE, commune__isnull=True)
                | Q(categorie__in=[Categorie.VILLE, Categorie.VILLAGE], commune__isnull=False),
                name="collectivite_categorie_coherente",
            ),
        ]

    def __str__(self):
        return self.nom

    def save(self, *args, **kwargs):
        if self.commune_id and not self.code:
            self.code = self.commune.code_insee
        elif self.epci_id and not self.code:
            self.code = self.epci.siren
        if not self.slug:
            self.slug = slugify(self.nom)[:220]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("label:collectivite", args=[self.code])

    @property
    def is_territoire(self):
        return self.categorie == Categorie.TERRITOIRE

    def communes_membres(self):
        """Current member communes of a territoire (an EPCI's, or a syndicat's list)."""
        if self.epci_id:
            return Commune.objects.actuelles().filter(epci_id=self.epci_id)
        if self.is_territoire:
            return self.membres.all()
        return Commune.objects.none()

    @property
    def population(self):
        if self.commune_id:
            return self.commune.population
        if self.epci_id:
            return self.epci.population
        return sum(c.population or 0 for c in self.membres.all())

    @property
    def departement(self):
        if self.commune_id:
            return self.commune.departement
        if self.epci_id:
            return self.epci.departement
        return None


class LabellisationQuerySet(models.QuerySet):
    def publiees(self):
        """Results of published éditions only: the one gate of every public surface."""
        return self.filter(edition__publication_at__lte=timezone.now())

    def avec_territoire(self):
        """What a palmarès row needs: collectivité, commune/EPCI, département and région in one query."""
        return self.select_related(
            "edition",
            "collectivite__commune__departement__region",
            "collectivite__epci__departement__region",
        )

    def titres_proposes(self, edition):
        """Labellisations of `edition` to which the excellence rule gives the title (see regle_excellence)."""
        candidates = self.filter(edition=edition, arobases=5).values_list("collectivite_id", flat=True)
        historique = (
            Labellisation.objects.filter(collectivite_id__in=list(candidates), edition__annee__lte=edition.annee)
            .values_list("collectivite_id", "edition__annee", "arobases")
            .order_by("collectivite_id", "edition__annee")
        )
        titres = regle_excellence(historique)
        return self.filter(edition=edition, collectivite_id__in={c for c, annee in titres if annee == edition.annee})


def regle_excellence(historique):
    """Apply the Territoire d'Excellence Numérique rule to a history.

    `historique` is an iterable of (collectivite_id, annee, arobases). Returns the set of
    (collectivite_id, annee) where the title is awarded: from EXCELLENCE_PREMIERE_ANNEE on, a 5@
    result that is at least the EXCELLENCE_NOMBRE_DE_5-th 5@ of the collectivité, when it does not
    already hold a title still valid that year.
    """
    par_collectivite = {}
    for collectivite_id, annee, arobases in historique:
        par_collectivite.setdefault(collectivite_id, []).append((annee, arobases))
    titres = set()
    for collectivite_id, resultats in par_collectivite.items():
        nombre_de_5 = 0
        dernier_titre = None
        for annee, arobases in sorted(resultats):
            if arobases != 5:
                continue
            nombre_de_5 += 1
            titre_valide = dernier_titre is not None and annee < dernier_titre + EXCELLENCE_VALIDITE_ANS
            if annee >= EXCELLENCE_PREMIERE_ANNEE and nombre_de_5 >= EXCELLENCE_NOMBRE_DE_5 and not titre_valide:
                titres.add((collectivite_id, annee))
                dernier_titre = annee
    return titres


class Labellisation(models.Model):
    """The result of one collectivité in one édition: its arobases, mentions and excellence title."""

    edition = models.ForeignKey(
        Edition, verbose_name="édition", on_delete=models.PROTECT, related_name="labellisations"
    )
    collectivite = models.ForeignKey(
        Collectivite, verbose_name="collectivité", on_delete=models.PROTECT, related_name="labellisations"
    )
    categorie = models.CharField(
        "catégorie",
        max_length=10,
        choices=Categorie.choices,
        help_text="Catégorie dans laquelle elle a concouru cette année-là.",
    )
    arobases = models.PositiveSmallIntegerField(
        "arobases", help_text="De 1 à 5 : toute collectivité participante en obtient au moins une."
    )
    titre_excellence = models.BooleanField(
        "Territoire d'Excellence Numérique",
        default=False,
        editable=False,
        help_text="Attribué par la règle (5@ pour la sixième fois au moins, valable 3 ans), jamais saisi à la main.",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = LabellisationQuerySet.as_manager()

    class Meta:
        verbose_name = "labellisation"
        verbose_name_plural = "labellisations"
        ordering = ["edition", "-arobases", "collectivite__nom"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "collectivite"], name="labellisation_unique_par_edition"),
            models.CheckConstraint(condition=Q(arobases__gte=1, arobases__lte=5), name="labellisation_arobases_1_a_5"),
        ]

    def __str__(self):
        return f"{self.collectivite} — {self.arobases}@ ({self.edition.annee})"

    @property
    def titre_valide_jusqu_a(self):
        """Last label year in which an excellence title awarded here is valid."""
        if not self.titre_excellence:
            return None
        return self.edition.annee + EXCELLENCE_VALIDITE_ANS - 1


class Mention(models.Model):
    """A thematic mention given to a labelled collectivité."""

    labellisation = models.ForeignKey(
        Labellisation, verbose_name="labellisation", on_delete=models.CASCADE, related_name="mentions"
    )
    categorie = models.ForeignKey(
        CategorieMention, verbose_name="catégorie", on_delete=models.PROTECT, related_name="mentions"
    )
    citation = models.TextField("citation du jury", blank=True)

    class Meta:
        verbose_name = "mention"
        verbose_name_plural = "mentions"
        constraints = [models.UniqueConstraint(fields=["labellisation", "categorie"], name="mention_unique")]

    def __str__(self):
        return f"{self.categorie.nom} — {self.labellisation.collectivite}"

    def clean(self):
        if self.labellisation_id and self.categorie_id and self.categorie.edition_id != self.labellisation.edition_id:
            raise ValidationError({"categorie": "Cette mention n'appartient pas à l'édition de la labellisation."})

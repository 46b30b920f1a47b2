"""The observatory: the taxonomy (familles → enjeux → services) and the fiches actions.

A fiche describes one digital public action of a collectivité. By applying to the label, a collectivité
agrees to share its fiches freely (licence CC BY-SA 4.0 by default).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .enums import EtatFiche, Licence, StatutAction

# ---------------------------------------------------------------------------------------------------
# Taxonomy: versioned reference data, editable by staff.
# ---------------------------------------------------------------------------------------------------


class TaxonomieQuerySet(models.QuerySet):
    def active(self):
        return self.filter(est_active=True).first()


class Taxonomie(models.Model):
    """One version of the taxonomy (the association's current one dates from the 2017 label)."""

    nom = models.CharField("nom", max_length=100)
    depuis = models.PositiveSmallIntegerField("en usage depuis le label", null=True, blank=True)
    est_active = models.BooleanField("version en usage", default=False)
    note = models.TextField("note", blank=True)

    objects = TaxonomieQuerySet.as_manager()

    class Meta:
        verbose_name = "version de la taxonomie"
        verbose_name_plural = "versions de la taxonomie"
        ordering = ["-depuis", "nom"]
        constraints = [
            models.UniqueConstraint(
                fields=["est_active"], condition=Q(est_active=True), name="une_seule_taxonomie_active"
            )
        ]

    def __str__(self):
        return self.nom


class Famille(models.Model):
    taxonomie = models.ForeignKey(Taxonomie, verbose_name="version", on_delete=models.CASCADE, related_name="familles")
    nom = models.CharField("nom", max_length=100)
    slug = models.SlugField("identifiant", max_length=100)
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "famille"
        verbose_name_plural = "familles"
        ordering = ["taxonomie", "ordre", "nom"]
        constraints = [models.UniqueConstraint(fields=["taxonomie", "slug"], name="famille_slug_unique")]

    def __str__(self):
        return self.nom


class Enjeu(models.Model):
    famille = models.ForeignKey(Famille, verbose_name="famille", on_delete=models.PROTECT, related_name="enjeux")
    nom = models.CharField("nom", max_length=100)
    slug = models.SlugField("identifiant", max_length=100)
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    description = models.TextField("description courte", blank=True)
    couleur = models.CharField(
        "couleur", max_length=7, default="#00528a", help_text="Code hexadécimal, utilisé dans toutes les images."
    )
    note = models.TextField(
        "note", blank=True, help_text="Par exemple : rattachement à la famille incertain, à confirmer."
    )

    class Meta:
        verbose_name = "enjeu"
        verbose_name_plural = "enjeux"
        ordering = ["famille__ordre", "ordre", "nom"]
        constraints = [models.UniqueConstraint(fields=["famille", "slug"], name="enjeu_slug_unique")]

    def __str__(self):
        return self.nom


class Service(models.Model):
    enjeu = models.ForeignKey(Enjeu, verbose_name="enjeu", on_delete=models.PROTECT, related_name="services")
    nom = models.CharField("nom", max_length=150)
    slug = models.SlugField("identifiant", max_length=150)
    ordre = models.PositiveSmallIntegerField("ordre", default=0)
    description = models.TextField("description", blank=True)

    class Meta:
        verbose_name = "service"
        verbose_name_plural = "services"
        ordering = ["enjeu__famille__ordre", "enjeu__ordre", "ordre", "nom"]
        constraints = [models.UniqueConstraint(fields=["enjeu", "slug"], name="service_slug_unique")]

    def __str__(self):
        return f"{self.nom} ({self.enjeu.nom})"


# ---------------------------------------------------------------------------------------------------
# Fiches actions
# ---------------------------------------------------------------------------------------------------

# A fiche counts for an édition when the action is less than two years old or still running.
ANCIENNETE_MAX = timedelta(days=2 * 365)


class FicheActionQuerySet(models.QuerySet):
    def publiees(self):
        """Fiches visible by the public."""
        return self.filter(etat=EtatFiche.PUBLIEE)

    def avec_taxonomie(self):
        """What a list of fiches shows: collectivité, commune/EPCI and the services with their enjeu and famille."""
        return self.select_related(
            "collectivite__commune__departement__region", "collectivite__epci__departement__region"
        ).prefetch_related("services__enjeu__famille")

    def nouvelles(self, edition):
        """Fiches created during the campaign of `edition` ("nouvelles" for that édition)."""
        if not (edition.campagne_ouverture and edition.campagne_cloture):
            return self.none()
        return self.filter(created_at__date__gte=edition.campagne_ouverture, created_at__lte=edition.campagne_cloture)

    def comptant_pour(self, edition):
        """Fiches that count for `edition`: the action started less than two years before the campaign
        closed, or it is still running (statut en cours, or an end date after the campaign opened)."""
        reference = edition.campagne_cloture or timezone.now()
        debut_min = (reference - ANCIENNETE_MAX).date()
        ouverture = edition.campagne_ouverture or reference.date()
        return self.filter(
            Q(date_debut__gte=debut_min)
            | Q(date_debut__isnull=True, created_at__gte=reference - ANCIENNETE_MAX)
            | Q(statut_action=StatutAction.EN_COURS)
            | Q(date_fin__gte=ouverture)
        ).filter(created_at__lte=reference)


class FicheAction(models.Model):
    """A digital public action of a collectivité (also called an initiative)."""

    TRANSITIONS = {
        EtatFiche.BROUILLON: [EtatFiche.EN_MODERATION],
        EtatFiche.EN_MODERATION: [EtatFiche.PUBLIEE, EtatFiche.A_MODIFIER, EtatFiche.REJETEE],
        EtatFiche.A_MODIFIER: [EtatFiche.EN_MODERATION],
        EtatFiche.PUBLIEE: [EtatFiche.EN_MODERATION, EtatFiche.A_MODIFIER],
        EtatFiche.REJETEE: [EtatFiche.EN_MODERATION],
    }

    collectivite = models.ForeignKey(
        "label.Collectivite", verbose_name="collectivité", on_delete=models.PROTECT, related_name="fiches"
    )
    titre = models.CharField("titre", max_length=200)
    sous_titre = models.CharField("sous-titre", max_length=250, blank=True)
    synthese = models.TextField("synthèse", help_text="En quelques lignes : l'action, pour qui, pourquoi.")
    realisation = models.TextField("ce qui a été fait", blank=True)
    resultats = models.TextField("résultats", blank=True)
    recommandations = models.TextField("recommandations", blank=True)
    date_debut = models.DateField("date de début", null=True, blank=True)
    date_fin = models.DateField(
        "date de fin", null=True, blank=True, help_text="Laisser vide si l'action est en cours."
    )
    statut_action = models.CharField(
        "avancement", max_length=20, choices=StatutAction.choices, default=StatutAction.EN_COURS
    )
    public_concerne = models.CharField("public concerné", max_length=250, blank=True)
    partenaires = models.TextField("partenaires", blank=True)
    prestataires = models.TextField("prestataires", blank=True)
    outils = models.TextField("outils (logiciels, matériels)", blank=True)
    liens = models.TextField("liens", blank=True, help_text="Une adresse web par ligne.")
    budget = models.DecimalField("budget (€)", max_digits=12, decimal_places=2, null=True, blank=True)
    licence = models.CharField("licence", max_length=20, choices=Licence.choices, default=Licence.CC_BY_SA_4)
    services = models.ManyToManyField(Service, verbose_name="services de la taxonomie", related_name="fiches")

    etat = models.CharField("état", max_length=20, choices=EtatFiche.choices, default=EtatFiche.BROUILLON)
    motif_moderation = models.TextField("motif de la modération", blank=True)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fiches",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    publiee_le = models.DateTimeField("publiée le", null=True, blank=True)
    version = models.PositiveIntegerField(
        "version", default=1, help_text="Augmente à chaque enregistrement : détecte deux modifications simultanées."
    )

    objects = FicheActionQuerySet.as_manager()

    class Meta:
        verbose_name = "fiche action"
        verbose_name_plural = "fiches actions"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["etat", "-created_at"], name="fiche_etat_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_fin__isnull=True)
                | Q(date_debut__isnull=True)
                | Q(date_fin__gte=models.F("date_debut")),
                name="fiche_dates_ordonnees",
            ),
            models.CheckConstraint(condition=Q(budget__isnull=True) | Q(budget__gte=0), name="fiche_budget_positif"),
        ]

    def __str__(self):
        return self.titre

    def get_absolute_url(self):
        return reverse("fiches:fiche", args=[self.pk])

    def clean(self):
        if self.date_debut and self.date_fin and self.date_fin < self.date_debut:
            raise ValidationError({"date_fin": "La date de fin doit suivre la date de début."})

    @property
    def est_publiee(self):
        return self.etat == EtatFiche.PUBLIEE

    def can_move_to(self, etat):
        return etat in self.TRANSITIONS[EtatFiche(self.etat)]

    def liste_liens(self):
        return [ligne.strip() for ligne in self.liens.splitlines() if ligne.strip()]


class Lieu(models.Model):
    """A place of the action (geolocated: by default the town hall of the commune)."""

    fiche = models.ForeignKey(FicheAction, verbose_name="fiche", on_delete=models.CASCADE, related_name="lieux")
    nom = models.CharField("nom du lieu", max_length=200)
    adresse = models.CharField("adresse", max_length=300, blank=True)
    commune = models.ForeignKey(
        "territoires.Commune", verbose_name="commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    latitude = models.FloatField("latitude")
    longitude = models.FloatField("longitude")

    class Meta:
        verbose_name = "lieu"
        verbose_name_plural = "lieux"
        indexes = [models.Index(fields=["latitude", "longitude"], name="lieu_coordonnees")]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="lieu_coordonnees_valides",
            )
        ]

    def __str__(self):
        return self.nom


class Personne(models.Model):
    """A contact person of the action. Only name, function and elected office are public."""

    fiche = models.ForeignKey(FicheAction, verbose_name="fiche", on_delete=models.CASCADE, related_name="personnes")
    nom = models.CharField("nom", max_length=200)
    fonction = models.CharField("fonction", max_length=200, blank=True)
    mandat = models.CharField("mandat électif", max_length=200, blank=True)
    email = models.EmailField("courriel (privé)", blank=True)
    telephone = models.CharField("téléphone (privé)", max_length=30, blank=True)

    class Meta:
        verbose_name = "personne contact"
        verbose_name_plural = "personnes contacts"

    def __str__(self):
        return self.nom


def chemin_image(instance, filename):
    return f"fiches/{instance.fiche_id}/{filename}"


class Image(models.Model):
    """A picture of the action, re-encoded on upload, with its thumbnail."""

    fiche = models.ForeignKey(FicheAction, verbose_name="fiche", on_delete=models.CASCADE, related_name="images")
    fichier = models.ImageField("image", upload_to=chemin_image)
    vignette = models.ImageField("vignette", upload_to=chemin_image, blank=True)
    texte_alternatif = models.CharField("texte alternatif", max_length=250, help_text="Ce que montre l'image.")
    legende = models.CharField("légende", max_length=250, blank=True)
    ordre = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "image"
        verbose_name_plural = "images"
        ordering = ["ordre", "pk"]

    def __str__(self):
        return self.texte_alternatif

"""Pictures of the fiches: checked by their content, never by their name, then re-encoded.

What arrives is untrusted: a text file renamed .jpg, a 40,000 × 40,000 "decompression bomb", a photo full
of EXIF (GPS position of the photographer's house). What is stored is always a fresh WebP written by
Pillow from the decoded pixels, without any metadata, at most FICHES_IMAGE_COTE_ENREGISTRE pixels on its
longest side, and its thumbnail.
"""

import io
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS_ACCEPTES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
QUALITE = 85


@dataclass
class ImageReencodee:
    fichier: ContentFile
    vignette: ContentFile
    largeur: int
    hauteur: int


def en_mo(octets):
    return f"{octets / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "")


def verifier(fichier):
    """Refuse what is not a JPEG, PNG or WebP picture of an acceptable weight and size (ValidationError)."""
    poids_max = settings.FICHES_IMAGE_POIDS_MAX
    if fichier.size > poids_max:
        raise ValidationError(
            f"L'image pèse {en_mo(fichier.size)} Mo : {en_mo(poids_max)} Mo au plus.", code="trop_lourde"
        )
    fichier.seek(0)
    try:
        with Image.open(fichier) as image:
            format_ = image.format
            largeur, hauteur = image.size
            if format_ not in FORMATS_ACCEPTES:
                raise ValidationError("Ce fichier n'est pas une image JPEG, PNG ou WebP.", code="format")
            cote_max = settings.FICHES_IMAGE_COTE_MAX
            if largeur > cote_max or hauteur > cote_max:
                raise ValidationError(
                    f"L'image mesure {largeur} × {hauteur} pixels : {cote_max} pixels de côté au plus.",
                    code="trop_grande",
                )
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as erreur:
        raise ValidationError("Ce fichier n'est pas une image JPEG, PNG ou WebP lisible.", code="illisible") from erreur
    finally:
        fichier.seek(0)


def _webp(image):
    sortie = io.BytesIO()
    image.save(sortie, format="WEBP", quality=QUALITE, method=4)
    return sortie.getvalue()


def reencoder(fichier):
    """Decode a picture already checked by verifier() and write it again: WebP, no metadata, and a thumbnail."""
    fichier.seek(0)
    try:
        with Image.open(fichier) as source:
            source.load()
            # Turn the pixels the way the camera said before the EXIF tag is dropped.
            image = ImageOps.exif_transpose(source)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as erreur:
        raise ValidationError("Ce fichier n'est pas une image lisible.", code="illisible") from erreur
    transparente = image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if transparente else "RGB")
    image.info = {}  # no EXIF, XMP, ICC profile or comment travels to the new file
    cote = settings.FICHES_IMAGE_COTE_ENREGISTRE
    image.thumbnail((cote, cote), Image.Resampling.LANCZOS)
    vignette = image.copy()
    cote = settings.FICHES_IMAGE_COTE_VIGNETTE
    vignette.thumbnail((cote, cote), Image.Resampling.LANCZOS)
    nom = uuid.uuid4().hex
    return ImageReencodee(
        fichier=ContentFile(_webp(image), name=f"{nom}.webp"),
        vignette=ContentFile(_webp(vignette), name=f"{nom}-vignette.webp"),
        largeur=image.width,
        hauteur=image.height,
    )

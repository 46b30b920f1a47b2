import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from fiches import images


def image_png(largeur=40, hauteur=30, *, format_="PNG", exif=None):
    """The bytes of a real picture drawn by Pillow (PNG unless told)."""
    image = PILImage.new("RGB", (largeur, hauteur), (200, 40, 40))
    sortie = io.BytesIO()
    image.save(sortie, format=format_, **({"exif": exif} if exif is not None else {}))
    return sortie.getvalue()


def televerse(contenu, nom="photo.jpg", type_="image/jpeg"):
    return SimpleUploadedFile(nom, contenu, content_type=type_)


def ouvrir(fichier):
    fichier.seek(0)
    image = PILImage.open(io.BytesIO(fichier.read()))
    image.load()
    return image


def exif_avec_position():
    exif = PILImage.Exif()
    exif[0x010F] = "Appareil de Claire"  # Make
    exif[0x0112] = 6  # Orientation: the camera was turned, the picture must be rotated 90°
    exif[0x8825] = {2: (47.0, 19.0, 12.0)}  # GPS latitude
    return exif


@pytest.mark.parametrize("format_", ["JPEG", "PNG", "WEBP"])
def test_a_real_picture_is_accepted_whatever_its_name(format_):
    fichier = televerse(image_png(format_=format_), nom="sans-extension")

    images.verifier(fichier)


def test_a_picture_is_reencoded_as_webp_without_its_metadata_and_turned_upright():
    fichier = televerse(image_png(60, 40, format_="JPEG", exif=exif_avec_position()))

    reencodee = images.reencoder(fichier)

    image = ouvrir(reencodee.fichier)
    assert image.format == "WEBP"
    assert reencodee.fichier.name.endswith(".webp")
    assert not image.getexif()
    assert "exif" not in image.info and "xmp" not in image.info and "icc_profile" not in image.info
    # Orientation 6: the 60 × 40 sensor picture is shown 40 wide and 60 high.
    assert image.size == (40, 60) == (reencodee.largeur, reencodee.hauteur)


def test_a_large_picture_is_reduced_and_gets_a_400_pixel_thumbnail():
    fichier = televerse(image_png(3000, 1500, format_="PNG"), nom="grande.png", type_="image/png")

    reencodee = images.reencoder(fichier)

    assert ouvrir(reencodee.fichier).size == (2000, 1000)
    assert ouvrir(reencodee.vignette).size == (400, 200)
    assert reencodee.vignette.name.endswith("-vignette.webp")


def test_a_transparent_png_keeps_its_transparency():
    sortie = io.BytesIO()
    PILImage.new("RGBA", (40, 30), (200, 40, 40, 100)).save(sortie, format="PNG")
    fichier = televerse(sortie.getvalue(), nom="logo.png", type_="image/png")

    image = ouvrir(images.reencoder(fichier).fichier)

    assert image.mode == "RGBA"
    assert image.getpixel((5, 5))[3] == 100


def test_a_text_file_renamed_jpg_is_refused():
    fichier = televerse(b"<?php system($_GET['c']); ?>", nom="photo.jpg")

    with pytest.raises(ValidationError, match="n'est pas une image JPEG, PNG ou WebP lisible"):
        images.verifier(fichier)


def test_a_truncated_picture_is_refused():
    contenu = image_png(200, 200, format_="PNG")
    fichier = televerse(contenu[: len(contenu) // 2], nom="coupee.png", type_="image/png")

    with pytest.raises(ValidationError):
        images.verifier(fichier)
        images.reencoder(fichier)


@pytest.mark.parametrize("format_", ["GIF", "BMP", "TIFF"])
def test_another_kind_of_picture_is_refused(format_):
    fichier = televerse(image_png(format_=format_), nom="photo.jpg")

    with pytest.raises(ValidationError, match="n'est pas une image JPEG, PNG ou WebP"):
        images.verifier(fichier)


def test_a_picture_over_the_weight_limit_is_refused_before_being_read(settings):
    settings.FICHES_IMAGE_POIDS_MAX = 5 * 1024 * 1024
    fichier = televerse(b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1))

    with pytest.raises(ValidationError, match="L'image pèse 5 Mo : 5 Mo au plus."):
        images.verifier(fichier)


def test_a_picture_too_wide_is_refused_before_being_decoded(settings):
    settings.FICHES_IMAGE_COTE_MAX = 500
    fichier = televerse(image_png(501, 10, format_="PNG"), nom="bandeau.png", type_="image/png")

    with pytest.raises(ValidationError, match="L'image mesure 501 × 10 pixels : 500 pixels de côté au plus."):
        images.verifier(fichier)


def test_a_decompression_bomb_is_refused():
    # A 20,000 × 20,000 PNG weighs a few hundred kilobytes but would take 1.2 GB once decoded.
    sortie = io.BytesIO()
    PILImage.new("1", (20_000, 20_000)).save(sortie, format="PNG")
    fichier = televerse(sortie.getvalue(), nom="bombe.png", type_="image/png")

    with pytest.raises(ValidationError):
        images.verifier(fichier)

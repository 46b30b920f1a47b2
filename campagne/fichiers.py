"""Files joined to a dossier: checked by size, extension and content (the first bytes), never trusted by name.

Accepted: PDF, PNG, JPEG, and the office formats (OpenDocument, Office Open XML: ZIP containers). They are kept
out of the media folder (models.StockagePrive) and served only to the people who may see the dossier, as
attachments.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError

SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".odt": [b"PK\x03\x04"],
    ".ods": [b"PK\x03\x04"],
    ".odp": [b"PK\x03\x04"],
    ".docx": [b"PK\x03\x04"],
    ".xlsx": [b"PK\x03\x04"],
    ".pptx": [b"PK\x03\x04"],
}
TYPES_MIME = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
FORMATS_LISIBLES = "PDF, PNG, JPEG, OpenDocument (odt, ods, odp) ou Office (docx, xlsx, pptx)"


def extension(nom):
    return os.path.splitext(nom or "")[1].lower()


def verifier_fichier(fichier):
    """ValidationError (French) unless `fichier` is a non-empty accepted file within the size limit."""
    poids_max = settings.CAMPAGNE_FICHIER_POIDS_MAX
    if not fichier.size:
        raise ValidationError("Le fichier est vide.")
    if fichier.size > poids_max:
        raise ValidationError(f"Le fichier dépasse {poids_max // (1024 * 1024)} Mo.")
    signatures = SIGNATURES.get(extension(fichier.name))
    if signatures is None:
        raise ValidationError(f"Format non accepté : envoyez un fichier {FORMATS_LISIBLES}.")
    fichier.seek(0)
    debut = fichier.read(16)
    fichier.seek(0)
    if not any(debut.startswith(signature) for signature in signatures):
        raise ValidationError("Le contenu du fichier ne correspond pas à son extension.")


def type_mime(nom):
    return TYPES_MIME.get(extension(nom), "application/octet-stream")

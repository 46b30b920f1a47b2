"""The PDF summary of a dossier (WeasyPrint): answers, the list of fiches, the mosaïque as a table.

Made when the dossier is submitted and stored with it (what was submitted stays as it was, while fiches live on);
a dossier submitted without one (the demo) gets it at its first download.
"""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone

from fiches.mosaique import calculer_mosaique

from .calendrier import PARIS
from .dossier import contenu, fiches_du_dossier


def html_recapitulatif(candidature):
    mosaique = calculer_mosaique(candidature.collectivite, candidature.edition)
    return render_to_string(
        "campagne/recapitulatif.html",
        {
            "candidature": candidature,
            "collectivite": candidature.collectivite,
            "edition": candidature.edition,
            "blocs": contenu(candidature),
            "fiches": fiches_du_dossier(candidature),
            "mosaique": mosaique,
            "soumise_le": timezone.localtime(candidature.soumise_le, PARIS) if candidature.soumise_le else None,
            "genere_le": timezone.localtime(timezone.now(), PARIS),
        },
    )


def pdf_recapitulatif(candidature):
    from weasyprint import HTML  # heavy: imported when a PDF is made

    return HTML(string=html_recapitulatif(candidature)).write_pdf()


def enregistrer_recapitulatif(candidature):
    """Make the PDF and store it with the candidature."""
    candidature.recapitulatif.save("recapitulatif.pdf", ContentFile(pdf_recapitulatif(candidature)), save=False)
    type(candidature).objects.filter(pk=candidature.pk).update(recapitulatif=candidature.recapitulatif.name)
    return candidature.recapitulatif

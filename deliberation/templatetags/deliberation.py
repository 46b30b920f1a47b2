"""`{% retour_du_jury candidature %}`: the jury's feedback on a dossier page, shown only once the édition's results
are published (deliberation.retour reads them through Labellisation.objects.publiees()); before, nothing at all."""

from django import template

from ..retour import retour_du_jury as calculer_retour

register = template.Library()


@register.inclusion_tag("deliberation/_retour.html")
def retour_du_jury(candidature):
    return {"retour": calculer_retour(candidature), "candidature": candidature}

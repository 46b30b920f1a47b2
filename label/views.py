from django.http import Http404
from django.views.decorators.http import require_safe


@require_safe
def collectivite(request, code):
    raise Http404

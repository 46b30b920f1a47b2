"""Two-factor authentication of staff where a view cannot ask for it itself (comptes.access holds the rule)."""

from .access import DoubleAuthentificationRequise, demander_double_authentification, equipe_sans_double_authentification


class DoubleAuthentificationMiddleware:
    """- Every page of the administration (/admin/) sends staff without an authenticator app to the page that
      turns it on: the administration shows the dossiers, their answers, evaluations and decisions.
    - A DoubleAuthentificationRequise raised by an access helper (campagne.access.get_candidature_for_user)
      gets the same answer, never the dossier.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.namespace == "admin" and equipe_sans_double_authentification(request.user):
            return demander_double_authentification(request)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, DoubleAuthentificationRequise):
            return demander_double_authentification(request)
        return None

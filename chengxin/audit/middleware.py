from django.urls import reverse

from chengxin.audit.context import Origin, origin


class AuditOriginMiddleware:
    """Marks every change made during a request as coming from a page or the API."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.api_prefix = None

    def __call__(self, request):
        if self.api_prefix is None:
            self.api_prefix = reverse("api-1.0.0:openapi-json").rsplit("/", 2)[0] + "/"
        kind = Origin.API if request.path.startswith(self.api_prefix) else Origin.PAGE
        with origin(kind):
            return self.get_response(request)

"""The health check, and the site's own error pages (403, 404, 500) in the
reader's language: the user's saved language, else the session's or the
browser's, as the middleware activated it. Under /api/ the answers stay JSON."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET


@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


@requires_csrf_token
def permission_denied(request, exception=None):
    """A PermissionDenied raised with a reason shows that reason."""
    reason = str(exception or "").strip() or _("You may not do this.")
    if _is_api(request):
        return JsonResponse({"detail": reason}, status=403)
    return render(
        request,
        "core/error.html",
        {
            "status": 403,
            "heading": _("Not allowed"),
            "reason": reason,
        },
        status=403,
    )


def csrf_failure(request, reason=""):
    """A form sent after the session ended, or from another site: say so, in the
    reader's language, instead of Django's English explanation for developers."""
    return permission_denied(
        request,
        _(
            "This form has expired or did not come from this site, so nothing was done. "
            "Go back, reload the page and send it again."
        ),
    )


@requires_csrf_token
def page_not_found(request, exception=None):
    """Django's own 404 messages are technical and English ("No Company matches
    the given query."), so the page says what it means to the reader instead."""
    if _is_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return render(
        request,
        "core/error.html",
        {
            "status": 404,
            "heading": _("Page not found"),
            "reason": _(
                "This page does not exist, or it is not one you may see. "
                "A customer you do not own or share is not shown to you."
            ),
        },
        status=404,
    )


@requires_csrf_token
def server_error(request):
    """A standalone page: no context processors, no database, no base layout
    that could fail again."""
    if _is_api(request):
        return JsonResponse({"detail": _("Server error.")}, status=500)
    return HttpResponse(loader.get_template("core/500.html").render(), status=500)

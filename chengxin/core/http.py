"""Small helpers every app's views share: the record the user may see or a 404, and a
button that runs one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect


def or_404[T](get: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """``get(*args, **kwargs)``, usually a selector; a 404 when the record is not there or
    the user may not see it (any ``DoesNotExist``), e.g.
    ``or_404(selectors.company_get, user=request.user, pk=pk)``."""
    try:
        return get(*args, **kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None


def run_action(
    request: HttpRequest, call: Callable[[], Any], *, success: str, then: Any
) -> HttpResponse:
    """A button that runs one service without a form (claim, cancel, send now...):
    ``call()``; its refusal (a ValidationError) as an error message, else the message
    ``success`` (none when empty); then a redirect to ``then`` (a URL or a view's name).
    A record gone meanwhile is a 404."""
    try:
        or_404(call)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if success:
            messages.success(request, success)
    return redirect(then)

"""Running one step from a page: validate the form, call the service, show the outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from chengxin.core.forms import apply_errors
from chengxin.workflow.services import WRONG_STEP


def run_step(
    request: HttpRequest,
    *,
    form: Any | None,
    call: Callable[[dict], Any],
    done: str,
    rerender: Callable[[Any], HttpResponse],
) -> HttpResponse:
    """Run one step of a workflow from a page.

    ``form``: the step's bound form (None for a step without input); ``call(data)``: the
    service, given the form's cleaned data; ``done``: where to go after (the item's page);
    ``rerender(form)``: the item's page again with the form's errors (status 422).

    A refusal because the item moved on (``wrong_step``), or of a step without a form,
    is a message on the item's page; a refusal of the input is shown on the form; an item
    the user may not see is a 404.
    """
    if form is not None and not form.is_valid():
        return rerender(form)
    try:
        call(form.cleaned_data if form is not None else {})
    except ValidationError as exc:
        if form is None or getattr(exc, "code", None) == WRONG_STEP:
            messages.error(request, " ".join(exc.messages))
            return redirect(done)
        apply_errors(form, exc)
        return rerender(form)
    except ObjectDoesNotExist:
        raise Http404 from None
    return redirect(done)

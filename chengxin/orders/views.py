"""Quotes and orders: the pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@login_required
@require_GET
def order_list(request: HttpRequest) -> HttpResponse:
    raise Http404


@login_required
@require_GET
def order_detail(request: HttpRequest, pk: int) -> HttpResponse:
    raise Http404

"""Outbox pages: the list by status, one message, and "send now" / "cancel".

Each view parses input, calls one service or selector and renders; the rules
live in services and permissions.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chengxin.outbox import selectors, services
from chengxin.outbox.models import OutboundMessage, Status

PAGE_SIZE = 50


def _message_or_404(request, pk) -> OutboundMessage:
    try:
        return selectors.outbox_get(user=request.user, pk=pk)
    except OutboundMessage.DoesNotExist:
        raise Http404 from None


@require_GET
@login_required
def outbox_list(request):
    status = request.GET.get("status", "")
    if status not in Status.values:
        status = ""
    page = Paginator(selectors.outbox_list(user=request.user, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    counts = selectors.outbox_counts(user=request.user)
    tabs = [("", _("All"), sum(counts.values()))] + [
        (value, label, counts.get(value, 0)) for value, label in Status.choices
    ]
    return render(
        request,
        "outbox/outbox_list.html",
        {"page": page, "status": status, "tabs": tabs, "title": _("Outbox")},
    )


@require_GET
@login_required
def message_detail(request, pk):
    message = _message_or_404(request, pk)
    return render(
        request,
        "outbox/message_detail.html",
        {
            "message": message,
            "attachments": message.attachments.only("pk", "filename", "size", "content_type"),
            "can_manage": services.may_manage(request.user, message),
            "title": message.subject,
        },
    )


@require_POST
@login_required
def message_send_now(request, pk):
    message = _message_or_404(request, pk)
    try:
        services.outbox_send_now(actor=request.user, message=message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The message will be sent in a moment."))
    return redirect("outbox:message_detail", pk=message.pk)


@require_POST
@login_required
def message_cancel(request, pk):
    message = _message_or_404(request, pk)
    try:
        services.outbox_cancel(actor=request.user, message=message)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The message was cancelled; it will not be sent."))
    return redirect("outbox:message_detail", pk=message.pk)

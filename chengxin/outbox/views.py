"""Outbox pages: the list by status, one message, "send now" / "cancel", and
a contact's working hours.

Each view parses input, calls one service or selector and renders; the rules
live in services and permissions.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.core.forms import run_form
from chengxin.core.http import or_404, run_action
from chengxin.outbox import catcher, selectors, services
from chengxin.outbox.forms import ContactWindowForm, MessageWriteForm
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.parties import selectors as party_selectors
from chengxin.parties.models import Contact
from chengxin.parties.permissions import can_edit_company

PAGE_SIZE = 50


def _message_or_404(request, pk) -> OutboundMessage:
    return or_404(selectors.outbox_get, user=request.user, pk=pk)


def _message_page(pk) -> str:
    return reverse("outbox:message_detail", args=[pk])


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
        {
            "page": page,
            "status": status,
            "tabs": tabs,
            "title": _("Outbox"),
            "relay_configured": services.smtp_relay_configured(),
            "mail_catcher": settings.CHENGXIN_MAIL_CATCHER,
            "reads_caught_mail": catcher.may_read_caught_mail(request.user),
        },
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
    return run_action(
        request,
        lambda: services.outbox_send_now(actor=request.user, message=message),
        success=_("The message will be sent in a moment."),
        then=_message_page(message.pk),
    )


@require_POST
@login_required
def message_cancel(request, pk):
    message = _message_or_404(request, pk)
    return run_action(
        request,
        lambda: services.outbox_cancel(actor=request.user, message=message),
        success=_("The message was cancelled; it will not be sent."),
        then=_message_page(message.pk),
    )


def _editable_contact_or_404(request, pk) -> Contact:
    contact = or_404(party_selectors.contact_get, user=request.user, pk=pk)
    if not can_edit_company(request.user, contact.company):
        raise PermissionDenied(_("You may not change this customer."))
    return contact


@require_http_methods(["GET", "POST"])
@login_required
def message_write(request, pk):
    contact = _editable_contact_or_404(request, pk)
    addresses = list(
        contact.channels.with_foreign_domain()
        .filter(kind="email", is_active=True)
        .order_by("-is_primary", "pk")
    )
    form = MessageWriteForm(request.POST or None, addresses=addresses)
    queued = run_form(
        request,
        form,
        lambda data: services.outbox_enqueue(
            actor=request.user, contact=contact, purpose="letter", **data
        ),
        success=_("The message is in the outbox."),
        then=lambda message: _message_page(message.pk),
    )
    return queued or render(
        request,
        "outbox/message_write.html",
        {
            "form": form,
            "contact": contact,
            "local_now": contact.local_now(),
            "title": _("Write a message"),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def contact_window_edit(request, pk):
    contact = _editable_contact_or_404(request, pk)
    window = services.contact_window(contact)
    form = ContactWindowForm(
        request.POST or None,
        initial={
            "start": window.start,
            "end": window.end,
            "working_days": [str(day) for day in window.working_days],
        },
    )
    saved = run_form(
        request,
        form,
        lambda data: services.contact_window_set(actor=request.user, contact=contact, **data),
        success=_("Saved."),
        then=reverse("parties:company_detail", args=[contact.company_id]),
    )
    return saved or render(
        request,
        "outbox/contact_window_form.html",
        {"form": form, "contact": contact, "title": _("Working hours")},
    )


# --- the local mail catcher (demo) -------------------------------------------------------


def _require_caught_mail(request) -> None:
    if not settings.CHENGXIN_MAIL_CATCHER:
        raise Http404
    if not catcher.may_read_caught_mail(request.user):
        raise PermissionDenied(_("Only an administrator or a manager may read the caught mail."))


@require_GET
@login_required
def caught_list(request):
    _require_caught_mail(request)
    return render(
        request,
        "outbox/caught_list.html",
        {"caught": catcher.caught_list(), "title": _("Mail catcher")},
    )


@require_GET
@login_required
def caught_detail(request, key):
    _require_caught_mail(request)
    try:
        caught = catcher.caught_get(key=key)
    except KeyError:
        raise Http404 from None
    return render(
        request,
        "outbox/caught_detail.html",
        {"caught": caught, "title": caught.summary.subject or _("(no subject)")},
    )

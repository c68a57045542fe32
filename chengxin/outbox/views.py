"""Outbox pages: the list by status, one message, "send now" / "cancel", and
a contact's working hours.

Each view parses input, calls one service or selector and renders; the rules
live in services and permissions.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.core.forms import apply_errors
from chengxin.outbox import catcher, selectors, services
from chengxin.outbox.forms import ContactWindowForm, MessageWriteForm
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.parties import selectors as party_selectors
from chengxin.parties.models import Company, Contact
from chengxin.parties.permissions import can_edit_company

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


def _editable_contact_or_404(request, pk) -> Contact:
    try:
        contact = party_selectors.contact_get(user=request.user, pk=pk)
    except (Contact.DoesNotExist, Company.DoesNotExist):
        raise Http404 from None
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
    if request.method == "POST" and form.is_valid():
        try:
            message = services.outbox_enqueue(
                actor=request.user, contact=contact, purpose="letter", **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The message is in the outbox."))
            return redirect("outbox:message_detail", pk=message.pk)
    return render(
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
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_window_set(actor=request.user, contact=contact, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("parties:company_detail", pk=contact.company_id)
    return render(
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

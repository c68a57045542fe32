"""Mail pages: messages, their files and mailbox settings (uploading a message and
checking a mailbox now are the inbound pipeline's pages, ``chengxin.inbound.views``).

Each view parses input, calls one service or selector and renders; the rules
live in services and permissions.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chengxin.core.forms import run_form
from chengxin.core.http import or_404
from chengxin.mail import selectors
from chengxin.mail.forms import MailboxForm
from chengxin.mail.services import mailboxes
from chengxin.parties import selectors as party_selectors

PAGE_SIZE = 50
# Shown messages never load anything from elsewhere, even if sanitising missed it.
MESSAGE_PAGE_CSP = (
    "img-src 'self' data:; media-src 'none'; object-src 'none'; frame-src 'none'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'"
)
_SAFE_CONTENT_TYPE = re.compile(r"^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$")


def _mailbox_page(pk) -> str:
    return reverse("mail:mailbox_edit", args=[pk])


def _message_list(request, queryset, **context):
    """A page of ``queryset`` on the message list, with ``context`` (title, company...)."""
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "mail/message_list.html", {"page": page, **context})


@require_GET
@login_required
def message_list(request):
    return _message_list(request, selectors.message_list(user=request.user), title=_("Mail"))


@require_GET
@login_required
def company_messages(request, pk):
    company = or_404(party_selectors.company_get, user=request.user, pk=pk)
    title = _("Mail with %(name)s") % {"name": company}
    return _message_list(
        request, selectors.company_messages(company=company), company=company, title=title
    )


@require_GET
@login_required
def contact_messages(request, pk):
    contact = or_404(party_selectors.contact_get, user=request.user, pk=pk)
    title = _("Mail from %(name)s") % {"name": contact.name}
    return _message_list(
        request,
        selectors.contact_messages(contact=contact),
        company=contact.company,
        contact=contact,
        title=title,
    )


@require_GET
@login_required
def message_detail(request, pk):
    message = or_404(selectors.message_get, user=request.user, pk=pk)
    response = render(
        request,
        "mail/message_detail.html",
        {
            "message": message,
            "attachments": list(message.attachments.all()),
            "thread": selectors.thread_messages(user=request.user, message=message),
        },
    )
    response["Content-Security-Policy"] = MESSAGE_PAGE_CSP
    return response


def _download(handle, *, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["Content-Type"] = (
        content_type if _SAFE_CONTENT_TYPE.match(content_type) else "application/octet-stream"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
@login_required
def message_original(request, pk):
    message = or_404(selectors.message_get, user=request.user, pk=pk)
    return _download(
        message.raw.open("rb"), filename=f"message-{message.pk}.eml", content_type="message/rfc822"
    )


@require_GET
@login_required
def attachment_download(request, pk):
    attachment = or_404(selectors.attachment_get, user=request.user, pk=pk)
    return _download(
        attachment.file.open("rb"),
        filename=attachment.filename,
        content_type=attachment.content_type.lower(),
    )


# --- mailboxes ----------------------------------------------------------------------------


@require_GET
@login_required
def mailbox_list(request):
    return render(
        request,
        "mail/mailbox_list.html",
        {"mailboxes": selectors.mailbox_list(user=request.user)},
    )


@require_http_methods(["GET", "POST"])
@login_required
def mailbox_create(request):
    form = MailboxForm(request.POST or None, user=request.user)
    connected = run_form(
        request,
        form,
        lambda data: mailboxes.mailbox_create(actor=request.user, data=form.to_input()),
        success=lambda mailbox: _("Mailbox %(name)s connected.") % {"name": mailbox},
        then=lambda mailbox: _mailbox_page(mailbox.pk),
    )
    return connected or render(
        request, "mail/mailbox_form.html", {"form": form, "title": _("Connect a mailbox")}
    )


@require_http_methods(["GET", "POST"])
@login_required
def mailbox_edit(request, pk):
    mailbox = or_404(selectors.mailbox_get, user=request.user, pk=pk)
    form = MailboxForm(request.POST or None, user=request.user, mailbox=mailbox)
    saved = run_form(
        request,
        form,
        lambda data: mailboxes.mailbox_update(
            actor=request.user, mailbox=mailbox, data=form.to_input(mailbox)
        ),
        success=_("Mailbox saved."),
        then=_mailbox_page(mailbox.pk),
    )
    return saved or render(
        request,
        "mail/mailbox_form.html",
        {"form": form, "mailbox": mailbox, "title": mailbox.name},
    )


@require_POST
@login_required
def mailbox_test(request, pk):
    mailbox = or_404(selectors.mailbox_get, user=request.user, pk=pk)
    try:
        count = mailboxes.mailbox_test(actor=request.user, mailbox=mailbox)
    except ValidationError as exc:
        messages.error(
            request, _("The connection failed: %(error)s") % {"error": " ".join(exc.messages)}
        )
    else:
        messages.success(
            request,
            _("Connected: the folder %(folder)s holds %(count)s messages.")
            % {"folder": mailbox.folder, "count": count},
        )
    return redirect("mail:mailbox_edit", pk=mailbox.pk)


@require_POST
@login_required
def mailbox_delete(request, pk):
    mailbox = or_404(selectors.mailbox_get, user=request.user, pk=pk)
    mailboxes.mailbox_delete(actor=request.user, mailbox=mailbox)
    messages.success(
        request, _("Mailbox %(name)s disconnected; its messages are kept.") % {"name": mailbox}
    )
    return redirect("mail:mailbox_list")

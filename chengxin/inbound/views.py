"""Pages that bring a message in: uploading an .eml file, checking a mailbox now.

Each hands the message to the pipeline (``chengxin.inbound.pipeline``), like every
other door; mail's own pages show what was stored.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from chengxin.core.forms import apply_errors
from chengxin.inbound import tasks
from chengxin.inbound.pipeline import message_receive
from chengxin.mail import selectors as mail_selectors
from chengxin.mail.forms import UploadForm
from chengxin.mail.models import Mailbox
from chengxin.mail.services.uploads import message_upload as upload_store


@require_http_methods(["GET", "POST"])
@login_required
def message_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        limit = settings.CHENGXIN_IMPORT_MAX_MB * 1_000_000
        if upload.size > limit:
            form.add_error(
                "file",
                _("The file is larger than %(mb)s MB.") % {"mb": settings.CHENGXIN_IMPORT_MAX_MB},
            )
        else:
            try:
                result = upload_store(
                    actor=request.user, raw=upload.read(), receive=message_receive
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                if result.created:
                    messages.success(request, _("The message was stored."))
                else:
                    messages.info(request, _("This message was already stored."))
                return redirect("mail:message_detail", pk=result.message.pk)
    return render(request, "inbound/message_upload.html", {"form": form})


@require_POST
@login_required
def mailbox_check(request, pk):
    try:
        mailbox = mail_selectors.mailbox_get(user=request.user, pk=pk)
    except Mailbox.DoesNotExist:
        raise Http404 from None
    tasks.mailbox_poll_task.enqueue(mailbox.pk)
    messages.success(request, _("New mail is being fetched in the background."))
    return redirect("mail:mailbox_edit", pk=mailbox.pk)

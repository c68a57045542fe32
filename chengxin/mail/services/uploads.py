"""Messages users upload as .eml files."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.mail.models import Message, Source
from chengxin.mail.parsing import looks_like_message
from chengxin.mail.services.ingest import IngestResult
from chengxin.mail.services.polling import Receive


def message_upload(*, actor: User, raw: bytes, receive: Receive) -> IngestResult:
    """An .eml file a user uploaded, handed to ``receive`` (the inbound pipeline's door).
    They can see it afterwards even if it is linked to no customer."""
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionDenied(_("You must be logged in."))
    if not raw.strip():
        raise ValidationError({"file": [_("The file is empty.")]})
    if not looks_like_message(raw):
        raise ValidationError(
            {
                "file": [
                    _(
                        "This file is not an email message: a message (.eml) begins with "
                        "header lines such as From: and Subject:. Save the message from "
                        "your mail program and upload that file."
                    )
                ]
            }
        )
    result = receive(raw=raw, source=Source.UPLOAD, uploaded_by=actor)
    if not result.created and result.message.uploaded_by_id is None:
        # Already stored from a mailbox the uploader may not read: they have the file,
        # so they may read the stored copy too.
        Message.objects.filter(pk=result.message.pk).update(uploaded_by=actor)
        result.message.uploaded_by = actor
    return result

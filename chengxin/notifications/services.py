"""Creating and reading-off notifications."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise

from chengxin.core.deferred_text import DeferredText, reader_fields
from chengxin.notifications.models import Notification

if TYPE_CHECKING:  # the kernel's layers: accounts stands above notifications
    from chengxin.accounts.models import User

# A notification's title or body: a message each reader sees in their own language
# (``deferred(_("..."), name=value)``, a lazy string, or a list of them as lines), or a
# finished string, stored and shown as it is.
Text = DeferredText | Promise | Sequence[DeferredText | Promise | str] | str


def notify(
    *,
    users: Iterable[User | None],
    kind: str,
    title: Text,
    body: Text = "",
    link: str = "",
) -> None:
    """Notify each (active, distinct) user once the current transaction commits.

    Nothing is written if the transaction that caused the event rolls back, so a
    user is never alerted about something that did not happen. A title or body given
    as a message is translated when read, into the reader's language::

        notify(users=[owner], kind="changes.proposed",
               title=deferred(_("%(contact)s may have changed their email address"),
                              contact=contact.name))
    """
    recipients = {user.pk: user for user in users if user is not None and user.is_active}
    if not recipients:
        return
    texts = reader_fields(title, body)
    rows = [
        Notification(user_id=pk, kind=kind, **texts, link=link[:500]) for pk in sorted(recipients)
    ]
    transaction.on_commit(lambda: Notification.objects.bulk_create(rows))


def notification_mark_read(*, user: User, notification: Notification) -> Notification:
    """Mark one of the user's own notifications read (repeating it changes nothing)."""
    if notification.user_id != user.pk:
        raise Notification.DoesNotExist
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notification_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )

"""Reading mail, always through what the user may see."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from chengxin.accounts.models import User
from chengxin.mail.models import Attachment, Mailbox, Message
from chengxin.mail.permissions import managed_mailboxes_q, visible_messages_q
from chengxin.parties.models import Company, Contact
from chengxin.parties.selectors import company_history_ids

_LIST_FIELDS = (
    "id", "subject", "from_name", "from_address", "dated_at", "parse_error", "company_id",
    "contact_id", "link_reason", "thread_id", "raw_size",
)  # fmt: skip
_RELATED_LIST_FIELDS = (
    "company__legal_name", "contact__name", "assessment__level", "assessment__score",
    "assessment__safe_confirmed_at",
)  # fmt: skip


def message_list(*, user: User) -> QuerySet[Message]:
    """Every message the user may read, newest first, with what a list row shows."""
    return (
        Message.objects.filter(visible_messages_q(user))
        .select_related("company", "contact", "assessment")
        .only(*_LIST_FIELDS, *_RELATED_LIST_FIELDS)
    )


def company_messages(*, company: Company) -> QuerySet[Message]:
    """The messages about a company (and the companies merged into it).

    Callers have checked that the user can see the company; everyone who can see
    a company can read its messages.
    """
    return (
        Message.objects.filter(company_id__in=company_history_ids(company))
        .select_related("contact", "assessment")
        .only(*_LIST_FIELDS, "contact__name", *_RELATED_LIST_FIELDS[2:])
    )


def contact_messages(*, contact: Contact) -> QuerySet[Message]:
    return (
        Message.objects.filter(contact=contact)
        .select_related("assessment")
        .only(*_LIST_FIELDS, *_RELATED_LIST_FIELDS[2:])
    )


def message_get(*, user: User, pk: int) -> Message:
    """The message, if the user may read it; Message.DoesNotExist otherwise."""
    return (
        Message.objects.filter(visible_messages_q(user))
        .select_related("company", "contact", "thread", "mailbox")
        .prefetch_related(Prefetch("attachments", queryset=Attachment.objects.order_by("id")))
        .get(pk=pk)
    )


def thread_messages(*, user: User, message: Message) -> list[Message]:
    """The other messages of the conversation that the user may read, oldest first."""
    if message.thread_id is None:
        return []
    return list(
        Message.objects.filter(visible_messages_q(user), thread_id=message.thread_id)
        .exclude(pk=message.pk)
        .select_related("assessment")
        .only(*_LIST_FIELDS, *_RELATED_LIST_FIELDS[2:])
        .order_by("dated_at", "id")
    )


def attachment_get(*, user: User, pk: int) -> Attachment:
    attachment = Attachment.objects.select_related("message").get(pk=pk)
    message_get(user=user, pk=attachment.message_id)
    return attachment


def mailbox_list(*, user: User) -> QuerySet[Mailbox]:
    return Mailbox.objects.filter(managed_mailboxes_q(user)).select_related("owner")


def mailbox_get(*, user: User, pk: int) -> Mailbox:
    return Mailbox.objects.filter(managed_mailboxes_q(user)).get(pk=pk)

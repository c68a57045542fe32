"""The tasks a campaign opens for the rep about a recipient (send the chat reminder, call,
send the notice by hand): written in the rep's language when read, so they stay out of
the buyer catalogues."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from chengxin.campaigns import notice
from chengxin.campaigns.models import Recipient
from chengxin.core.deferred_text import DeferredText, deferred


def task_text(kind: str, recipient: Recipient, token: str) -> tuple[DeferredText, DeferredText]:
    """Title and body of a task for the rep, written in the rep's language when read.
    (The chat reminder's text is in the buyer's language: it is shown as it is.)"""
    company = recipient.company.legal_name
    if kind == "chat_reminder":
        title = deferred(
            gettext_lazy("Send %(company)s the reminder about our new bank account"),
            company=company,
        )
        body = deferred(
            gettext_lazy(
                "No chat channel can carry it from Chengxin: send this by WhatsApp, WeChat or "
                "SMS to %(name)s yourself, then mark this task done.\n\n%(text)s"
            ),
            name=recipient.contact.name if recipient.contact else company,
            text=notice.chat_reminder_text(recipient, token),
        )
        return title, body
    if kind == "call":
        title = deferred(
            gettext_lazy("Call %(company)s: did they hear and understand our account change?"),
            company=company,
        )
        body = deferred(
            gettext_lazy(
                "Phone %(name)s on a number you already have. Make sure they received the "
                "notice and understood it: from %(day)s pay into the new account ending "
                "%(last4)s. Record the outcome on the campaign page."
            ),
            name=recipient.contact.name if recipient.contact else company,
            day=recipient.plan.parallel_from,
            last4=recipient.plan.new_account.number_last4,
        )
        return title, body
    title = deferred(
        gettext_lazy("Send %(company)s our account change notice by hand"), company=company
    )
    body = deferred(
        gettext_lazy(
            "%(company)s has no email address on file, so Chengxin cannot send the notice. "
            "Add one, or tell them another way; their personal acknowledgement link: %(link)s"
        ),
        company=company,
        link=notice.ack_url(token),
    )
    return title, body

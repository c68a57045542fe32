"""Raising the alert: who is told that a message is high or critical, and the notice, in
each recipient's language."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.core.deferred_text import deferred, rendered_by
from chengxin.guard.models import Assessment, Level
from chengxin.guard.permissions import responsible_owner
from chengxin.mail.models import Message
from chengxin.notifications.services import notify

ALERT_KIND = "guard.alert"


def alert_recipients(message: Message, *, carries_bank_details: bool = False) -> list[User]:
    """Who is told about a dangerous message: the customer's owner (or, for mail about
    no customer, the owner of the personal mailbox it came to, or whoever uploaded
    it) and every manager; finance too when it names bank details not on file."""
    roles = [Role.MANAGER, Role.FINANCE] if carries_bank_details else [Role.MANAGER]
    users = list(User.objects.filter(role__in=roles, is_active=True).order_by("id"))
    owner = responsible_owner(message)
    if owner is not None and owner.pk not in {u.pk for u in users}:
        users.append(owner)
    return users


def assessment_alert(*, assessment: Assessment) -> None:
    """Tell who must know (:func:`alert_recipients`) that a message is high or critical, in
    each one's language, with the signals that raised it."""
    message = assessment.message
    link = reverse("mail:message_detail", args=[message.pk])
    sender = message.from_display or message.from_name or "?"
    # Each recipient reads it in their own language, whenever they read it.
    title = deferred(
        gettext_lazy("Possible fraud (%(level)s risk): message from %(sender)s"),
        level=Level(assessment.level).label,
        sender=sender,
    )
    body = [rendered_by("guard.signal", **item) for item in assessment.signals if item.get("code")]
    notify(
        users=alert_recipients(message, carries_bank_details=assessment.carries_bank_details),
        kind=ALERT_KIND,
        title=title,
        body=body,
        link=link,
    )

"""Who may read which message and manage which mailbox. The one place these rules live.

* A message linked to a customer is visible to everyone who can see that
  customer (``chengxin.parties.permissions``).
* Managers and administrators see every message.
* A personal mailbox's owner sees every message found in it, linked or not:
  it is their own mail.
* A shared mailbox's members see its messages that belong to no customer;
  its messages about a customer follow that customer's visibility (a sales
  rep reading sales@ does not see mail about another rep's customers).
* Whoever uploaded a message sees it.
* Finance sees what the customer rules give it (every linked message), and
  unlinked messages only in its own or shared mailboxes it is a member of; and
  every fraud alert (a high or critical message) that names bank details not
  on file, linked or not: those are the messages that ask finance to pay.

Not visible means 404, as for customers.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def visible_messages_q(user) -> Q:
    """A filter for ``Message`` querysets: the messages ``user`` may read."""
    from chengxin.mail.models import MessageLocation

    if not _active(user):
        return Q(pk__in=[])
    if user.edits_all_customers:
        return Q()
    if user.sees_all_customers:
        by_company = Q(company__isnull=False)
    else:
        visible = Company.objects.filter(visible_companies_q(user)).values("pk")
        by_company = Q(company__in=visible) | Q(company__merged_into__in=visible)
    own_mailbox = Exists(
        MessageLocation.objects.filter(message=OuterRef("pk"), mailbox__owner=user)
    )
    shared_mailbox = Exists(
        MessageLocation.objects.filter(
            message=OuterRef("pk"), mailbox__owner__isnull=True, mailbox__members=user
        )
    )
    visible = (
        by_company | Q(own_mailbox) | Q(shared_mailbox, company__isnull=True) | Q(uploaded_by=user)
    )
    if user.role == Role.FINANCE:
        visible |= Q(
            assessment__carries_bank_details=True, assessment__level__in=("high", "critical")
        )
    return visible


def can_view_message(user, message) -> bool:
    from chengxin.mail.models import Message

    return Message.objects.filter(visible_messages_q(user), pk=message.pk).exists()


def can_manage_mailbox(user, mailbox) -> bool:
    if not _active(user):
        return False
    if mailbox.owner_id is not None:
        return mailbox.owner_id == user.pk or user.manages_users
    return user.edits_all_customers


def managed_mailboxes_q(user) -> Q:
    if not _active(user):
        return Q(pk__in=[])
    if user.manages_users:
        return Q()
    if user.edits_all_customers:
        return Q(owner=user) | Q(owner__isnull=True)
    return Q(owner=user)


def require_manage_mailbox(user, mailbox) -> None:
    if not can_manage_mailbox(user, mailbox):
        raise PermissionDenied(_("You may not change this mailbox."))

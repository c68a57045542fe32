"""Who may do what with an alert: the rules the pages offer and the services enforce.

Who answers for a message: the owner of the customer it is about (after merges); for mail
about no customer, the owner of the personal mailbox it came to, or whoever uploaded it.

Closing an alert (the same for pages and any other caller, since it is decided here):

* propose as safe: anyone who may read the message, with a reason;
* confirm safe: a manager or administrator, or the customer's owner, with a reason, never
  the person who proposed it (the database refuses it too);
* confirm fraud: a manager or administrator, the customer's owner, or finance when the
  message names bank details not on file (finance is told about those alerts and is who
  would be asked to pay), with a reason. It blocks the sender for the customer.

Warning the real buyer: whoever may edit the customer, about an alert not marked safe.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from chengxin.accounts.models import Role, User
from chengxin.guard.models import Assessment
from chengxin.mail.models import Message
from chengxin.parties.models import Company
from chengxin.parties.permissions import can_edit_company
from chengxin.workflow.four_eyes import (
    PROPOSED,
    ROLE,
    Eligibility,
    Refusal,
    evaluate,
)


def alert_customer(message: Message) -> Company | None:
    """The customer a message is about (after merges), or None."""
    company = message.company
    while company is not None and company.merged_into_id:
        company = company.merged_into
    return company


def responsible_owner(message: Message) -> User | None:
    """Who answers for ``message`` (see the module's text), or None."""
    company = alert_customer(message)
    if company is not None:
        return company.owner
    if message.mailbox_id and message.mailbox.owner_id:
        return message.mailbox.owner
    return message.uploaded_by


def _is_responsible(user: User, assessment: Assessment) -> bool:
    owner = responsible_owner(assessment.message)
    return owner is not None and owner.pk == user.pk


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_confirm_safe(user: User, assessment: Assessment) -> bool:
    """A manager, or the customer's owner, who did not propose it themselves."""
    if not _active(user):
        return False
    if assessment.safe_proposed_by_id in (None, user.pk):
        return False
    if user.edits_all_customers:
        return True
    return _is_responsible(user, assessment)


def confirm_safe_refusal(user: User, assessment: Assessment) -> Refusal | None:
    """``can_confirm_safe`` with the reason, for saying who may confirm."""
    if can_confirm_safe(user, assessment):
        return None
    if assessment.safe_proposed_by_id == user.pk:
        return Refusal(
            PROPOSED, _("You proposed this yourself; a second person must confirm it is safe.")
        )
    return Refusal(ROLE, _("Only a manager or the customer's owner may confirm."))


def awaits_safe_confirmation(assessment: Assessment) -> bool:
    return (
        assessment.is_alarming
        and assessment.safe_proposed_by_id is not None
        and assessment.safe_confirmed_at is None
        and assessment.fraud_confirmed_at is None
    )


def safe_confirmers(assessment: Assessment, *, people=None) -> Eligibility:
    """Who may confirm a proposed "safe" (managers, administrators, the owner)."""
    return evaluate(
        lambda user: confirm_safe_refusal(user, assessment),
        roles=(Role.MANAGER, Role.ADMIN),
        people=people,
    )


def can_confirm_fraud(user: User, assessment: Assessment) -> bool:
    """A manager or administrator, the customer's owner, or finance when the message names
    bank details not on file."""
    if not _active(user):
        return False
    if user.edits_all_customers:
        return True
    if user.role == Role.FINANCE and assessment.carries_bank_details:
        return True
    return _is_responsible(user, assessment)


def can_warn_buyer(user: User, assessment: Assessment) -> bool:
    company = alert_customer(assessment.message)
    return (
        company is not None
        and assessment.is_alarming
        and not assessment.is_marked_safe
        and can_edit_company(user, company)
    )

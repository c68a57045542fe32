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
    FourEyes,
    Refusal,
    evaluate,
)

#: Roles that may confirm a proposed "safe" (the customer's owner may too, whatever theirs).
CONFIRMER_ROLES = frozenset({Role.MANAGER, Role.ADMIN})


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
    mailbox = message.mailbox if message.mailbox_id else None
    if mailbox is not None and mailbox.owner_id:
        return mailbox.owner
    return message.uploaded_by


def _is_responsible(user: User, assessment: Assessment) -> bool:
    owner = responsible_owner(assessment.message)
    return owner is not None and owner.pk == user.pk


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def safe_confirmation_rule(assessment: Assessment) -> FourEyes:
    """The second person who confirms "safe": a manager or an administrator (or the
    customer's owner: see :func:`confirm_safe_refusal`), never the proposer; no second
    factor."""
    return FourEyes(
        roles=CONFIRMER_ROLES,
        role_message=_("Only a manager or the customer's owner may confirm."),
        not_by=(
            (assessment.safe_proposed_by_id,
             Refusal(PROPOSED,
                     _("You proposed this yourself; a second person must confirm it is safe."))),
        ),
        second_factor=False,
    )  # fmt: skip


def confirm_safe_refusal(user: User, assessment: Assessment) -> Refusal | None:
    """Why ``user`` may not confirm ``assessment`` safe (None: they may). The proposer
    hears what they did whatever their role; the customer's owner may confirm whatever
    theirs."""
    rule = safe_confirmation_rule(assessment)
    for user_id, refusal in rule.not_by:
        if user_id is not None and user.pk == user_id:
            return refusal
    if assessment.safe_proposed_by_id is None:
        return Refusal(ROLE, rule.role_message)
    if _active(user) and _is_responsible(user, assessment):
        return None
    return rule.refusal(user)


def can_confirm_safe(user: User, assessment: Assessment) -> bool:
    """A manager, or the customer's owner, who did not propose it themselves."""
    return confirm_safe_refusal(user, assessment) is None


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
        roles=CONFIRMER_ROLES,
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

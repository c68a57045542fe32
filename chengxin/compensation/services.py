"""Fee compensation: a buyer's claim for the extra intermediary-bank fee on a payment to
our new account, finance's decision, and the credit it becomes.

Submitted by the buyer through their personal link (``actor=None``) or recorded by a rep;
checked and approved or rejected by finance (never by the person who recorded it); an
approval is a Credit for the buyer's next order, in the same transaction. A voucher that
names an IBAN that is not ours is flagged at once: the buyer may have paid a fraudster.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.accounts.selectors import finance_assignee
from chengxin.audit.models import Action
from chengxin.audit.services import audit_record, snapshot
from chengxin.banking import numbers
from chengxin.banking.selectors import account_lookup_ours
from chengxin.banking.services import document_check_accounts
from chengxin.campaigns.models import ChangePlan, PlanState, Recipient
from chengxin.compensation import vouchers
from chengxin.compensation.models import ClaimState, Credit, FeeClaim
from chengxin.compensation.permissions import (
    can_decide_claims,
    can_record_claim,
    can_use_credits,
    claim_deciders,
    decision_refusal,
)
from chengxin.core.deferred_text import deferred
from chengxin.core.locks import serialise_on
from chengxin.core.money import Money, format_money
from chengxin.guard.content import FoundAccount
from chengxin.notifications.services import notify
from chengxin.parties.models import Company
from chengxin.parties.normalize import normalize_currency
from chengxin.todos.models import Todo
from chengxin.todos.services import todo_complete, todo_create
from chengxin.workflow.four_eyes import notify_if_blocked

logger = logging.getLogger(__name__)

TODO_KIND = "compensation.check"
RELATED_TYPE = "compensation.feeclaim"
# Largest amounts accepted (the model's digits): a payment, and a fee.
MAX_PAYMENT = Decimal("9999999999999999.99")
MAX_FEE = Decimal("9999999999.99")
# The earliest time zone is UTC+14: a buyer's "today" may be the UTC date plus one.
_DATE_LINE_SLACK = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Offer:
    """What a plan offers: fees on payments to the new account made from ``starts_on``
    to ``until`` (inclusive) are paid back, up to ``cap`` ``currency`` per payment."""

    starts_on: datetime.date
    until: datetime.date
    cap: Decimal
    currency: str


def plan_offer(plan: ChangePlan) -> Offer | None:
    """The plan's fee compensation offer, or None when it makes none (or is not out)."""
    if plan.state not in (PlanState.LAUNCHED, PlanState.COMPLETED):
        return None
    if not (plan.fee_offer_until and plan.fee_cap and plan.fee_cap_currency):
        return None
    starts_on = plan.parallel_from
    if plan.launched_at is not None:
        starts_on = min(starts_on, plan.launched_at.date())
    return Offer(
        starts_on=starts_on,
        until=plan.fee_offer_until,
        cap=plan.fee_cap,
        currency=plan.fee_cap_currency,
    )


def _link(claim: FeeClaim) -> str:
    return reverse("compensation:claim_detail", args=[claim.pk])


def _amount(value, *, field: str, limit: Decimal, errors: dict) -> Decimal | None:
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        errors[field] = _("Enter an amount such as 1250.00.")
        return None
    if not amount.is_finite() or amount <= 0:
        errors[field] = _("Enter an amount greater than zero.")
        return None
    if amount > limit:
        errors[field] = _("This amount is too large.")
        return None
    if amount != amount.quantize(Decimal("0.01")):
        errors[field] = _("Enter the amount with at most two decimal places.")
        return None
    return amount.quantize(Decimal("0.01"))


def _currency(value: str, *, field: str, errors: dict) -> str:
    try:
        return normalize_currency(value)
    except ValidationError as exc:
        errors[field] = exc.messages[0]
        return ""


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _voucher_limit() -> int:
    return settings.CHENGXIN_VOUCHER_MAX_MB * 1024 * 1024


def _check_voucher(content: bytes) -> vouchers.Voucher:
    if not content:
        raise _field_error("voucher", _("The voucher file is empty."), "voucher_empty")
    if len(content) > _voucher_limit():
        raise _field_error(
            "voucher",
            _("The voucher is larger than %(mb)s MB.") % {"mb": settings.CHENGXIN_VOUCHER_MAX_MB},
            "voucher_too_large",
        )
    try:
        return vouchers.inspect(content)
    except vouchers.NotAVoucher:
        raise _field_error(
            "voucher", _("Upload the voucher as a PDF, PNG or JPEG file."), "voucher_type"
        ) from None


def _finance_users() -> list[User]:
    return list(User.objects.filter(role=Role.FINANCE, is_active=True))


def foreign_accounts(found: list[FoundAccount]) -> list[str]:
    """The account numbers a voucher names, masked, when none of them is ours: then the
    payment went somewhere else. (Most vouchers also name the buyer's own account, the
    remitter's, beside ours; that alone is no alarm.)"""
    accounts = [a for a in found if a.kind in ("iban", "account_number")]
    if not accounts or any(account_lookup_ours(a.value) is not None for a in accounts):
        return []
    return [numbers.masked(a.value) for a in accounts]


def fee_claim_submit(
    *,
    recipient: Recipient,
    paid_on: datetime.date,
    payment_amount: Decimal,
    payment_currency: str,
    fee_amount: Decimal,
    fee_currency: str,
    payment_reference: str = "",
    voucher_name: str,
    voucher_content: bytes,
    voucher_content_type: str = "",
    actor: User | None = None,
    ip: str | None = None,
    now: datetime.datetime | None = None,
) -> FeeClaim:
    """A claim for the extra fee on one payment to the new account, with its voucher.

    ``actor=None`` is the buyer through their personal link; otherwise a rep who may edit
    the buyer, or finance. The voucher's kind is read from its bytes (the declared
    ``voucher_content_type`` is not trusted)."""
    now = now or timezone.now()
    company = recipient.company
    if actor is not None and not can_record_claim(actor, company):
        raise PermissionDenied(_("You may not record a claim for this customer."))
    offer = plan_offer(recipient.plan)
    if offer is None:
        raise ValidationError(_("This account change offers no fee compensation."), code="no_offer")

    errors: dict[str, str] = {}
    if isinstance(paid_on, datetime.datetime):
        paid_on = paid_on.date()
    if not isinstance(paid_on, datetime.date):
        errors["paid_on"] = _("Enter the payment date.")
    elif paid_on > now.date() + _DATE_LINE_SLACK:
        errors["paid_on"] = _("The payment date cannot be in the future.")
    elif not offer.starts_on <= paid_on <= offer.until:
        errors["paid_on"] = _("Only payments made from %(start)s to %(until)s are compensated.") % {
            "start": offer.starts_on.isoformat(),
            "until": offer.until.isoformat(),
        }
    payment = _amount(payment_amount, field="payment_amount", limit=MAX_PAYMENT, errors=errors)
    fee = _amount(fee_amount, field="fee_amount", limit=MAX_FEE, errors=errors)
    payment_currency = _currency(payment_currency, field="payment_currency", errors=errors)
    fee_currency = _currency(fee_currency, field="fee_currency", errors=errors)
    if payment and fee and payment_currency and payment_currency == fee_currency and fee > payment:
        errors["fee_amount"] = _("The fee cannot be larger than the payment.")
    payment_reference = (payment_reference or "").strip()
    if len(payment_reference) > 140:
        errors["payment_reference"] = _("Enter at most 140 characters.")
    try:
        voucher = _check_voucher(voucher_content)
    except ValidationError as exc:
        if not errors:
            raise
        errors["voucher"] = exc.message_dict["voucher"][0]
    if errors:
        raise ValidationError(errors, code="invalid")

    with transaction.atomic():
        # One buyer's claims are taken one at a time: the duplicate and daily checks hold.
        Company.objects.select_for_update().filter(pk=company.pk).first()
        duplicate = (
            FeeClaim.objects.filter(recipient__company=company, voucher_sha256=voucher.sha256)
            .exclude(state=ClaimState.REJECTED)
            .first()
        )
        if duplicate is not None:
            raise _field_error(
                "voucher",
                _("This voucher was already sent on %(date)s; each payment is claimed once.")
                % {"date": duplicate.submitted_at.date().isoformat()},
                "duplicate",
            )
        if actor is None:
            serialise_on(f"compensation.claims:{recipient.pk}")
            recent = FeeClaim.objects.filter(
                recipient=recipient,
                submitted_by__isnull=True,
                submitted_at__gte=now - datetime.timedelta(days=1),
            ).count()
            if recent >= settings.CHENGXIN_FEE_CLAIMS_PER_DAY:
                raise ValidationError(
                    _("Too many claims today through this link. Please try again tomorrow."),
                    code="rate_limited",
                )
        claim = FeeClaim.objects.create(
            recipient=recipient,
            paid_on=paid_on,
            payment_amount=payment,
            payment_currency=payment_currency,
            fee_amount=fee,
            fee_currency=fee_currency,
            payment_reference=payment_reference,
            voucher_name=vouchers.safe_name(voucher_name, voucher.content_type),
            voucher_content_type=voucher.content_type,
            voucher=voucher_content,
            voucher_sha256=voucher.sha256,
            submitted_by=actor,
            submitted_at=now,
            submitted_ip=ip or None,
        )
        # The banking check makes a task for any identifier not on file for the buyer or
        # us; a voucher that names none of our accounts flags the claim.
        found = document_check_accounts(
            company=company,
            filename=claim.voucher_name,
            content=voucher_content,
            content_type=voucher.content_type,
            actor=actor,
            link=_link(claim),
        )
        claim.voucher_foreign_accounts = foreign_accounts(found)
        if claim.voucher_foreign_accounts:
            claim.save(update_fields=["voucher_foreign_accounts"])
        audit_record(
            actor=actor,
            action=Action.CREATE,
            instance=claim,
            after=snapshot(claim),
            company_id=company.pk,
            label=str(claim),
        )
        _announce_submitted(claim, actor=actor)
    return claim


def _announce_submitted(claim: FeeClaim, *, actor: User | None) -> None:
    company = claim.recipient.company
    link = _link(claim)
    title = deferred(
        gettext_lazy("Fee claim from %(company)s: %(amount)s"),
        company=str(company),
        amount=Money(claim.fee_amount, claim.fee_currency),
    )
    body = [
        deferred(
            gettext_lazy("Payment of %(amount)s on %(date)s. Check the voucher."),
            amount=Money(claim.payment_amount, claim.payment_currency),
            date=claim.paid_on,
        )
    ]
    if claim.is_flagged:
        body.insert(
            0,
            deferred(
                gettext_lazy(
                    "The voucher shows a payment to an account that is not ours "
                    "(%(accounts)s): the buyer may have been defrauded. Call them on a number "
                    "on file."
                ),
                accounts=", ".join(claim.voucher_foreign_accounts),
            ),
        )
    assignee = finance_assignee(exclude=actor)
    if assignee is not None:
        todo_create(
            assignee=assignee,
            kind=TODO_KIND,
            title=title,
            body=body,
            link=link,
            company=company,
            related=(RELATED_TYPE, claim.pk),
            actor=actor,
        )
    elif assignee is None:
        logger.warning("Fee claim %s: nobody in finance or management to check it", claim.pk)
    notify(users=[company.owner], kind="compensation.submitted", title=title, body=body, link=link)
    notify_if_blocked(eligibility=claim_deciders(claim), item=str(claim), link=link, proposer=actor)
    if claim.is_flagged:
        alert = deferred(
            gettext_lazy("Possible fraud: %(company)s paid into an account that is not ours"),
            company=str(company),
        )
        notify(
            users=[*_finance_users(), company.owner],
            kind="compensation.foreign_account",
            title=alert,
            body=body,
            link=link,
        )


def _claim_for_decision(claim: FeeClaim, actor: User) -> FeeClaim:
    if not can_decide_claims(actor):
        raise PermissionDenied(_("Only finance may decide fee claims."))
    claim = FeeClaim.objects.select_for_update().select_related("recipient__plan").get(pk=claim.pk)
    refusal = decision_refusal(actor, claim)
    if refusal is not None:
        raise PermissionDenied(refusal.message)
    if claim.state != ClaimState.SUBMITTED:
        raise ValidationError(_("This claim has already been decided."), code="decided")
    return claim


def _close_check_task(claim: FeeClaim, actor: User, outcome: str) -> None:
    for todo in Todo.objects.filter(
        related_type=RELATED_TYPE, related_id=str(claim.pk), kind=TODO_KIND, done_at__isnull=True
    ):
        # The assignee closes it as themselves; another person's decision
        # closes it as the system.
        closer = actor if todo.assignee_id == actor.pk else None
        todo_complete(actor=closer, todo=todo, outcome=outcome)


def fee_claim_approve(
    *,
    actor: User,
    claim: FeeClaim,
    approved_amount: Decimal,
    notes: str = "",
    now: datetime.datetime | None = None,
) -> Credit:
    """Finance approves ``approved_amount`` (in the plan's cap currency, at most the cap
    and, in the same currency, at most the fee claimed): a Credit for the buyer."""
    now = now or timezone.now()
    notes = (notes or "").strip()
    with transaction.atomic():
        claim = _claim_for_decision(claim, actor)
        plan = claim.recipient.plan
        currency = plan.fee_cap_currency
        errors: dict[str, str] = {}
        amount = _amount(approved_amount, field="approved_amount", limit=MAX_FEE, errors=errors)
        if amount is not None and plan.fee_cap is not None and amount > plan.fee_cap:
            errors["approved_amount"] = _("At most %(cap)s per payment (the plan's cap).") % {
                "cap": format_money(plan.fee_cap, currency)
            }
        elif amount is not None and claim.fee_currency == currency and amount > claim.fee_amount:
            errors["approved_amount"] = _("At most the fee claimed: %(fee)s.") % {
                "fee": format_money(claim.fee_amount, currency)
            }
        if claim.is_flagged and not notes:
            errors["notes"] = _(
                "The voucher names an account that is not ours: say why it is approved."
            )
        if errors:
            raise ValidationError(errors, code="invalid")
        before = snapshot(claim)
        claim.state = ClaimState.APPROVED
        claim.decided_by, claim.decided_at = actor, now
        claim.approved_amount, claim.decision_notes = amount, notes
        claim.save(
            update_fields=["state", "decided_by", "decided_at", "approved_amount", "decision_notes"]
        )
        company = claim.recipient.company
        credit = Credit.objects.create(
            company=company,
            amount=amount,
            currency=currency,
            reason=(
                _("Intermediary-bank fee on the payment of %(amount)s on %(date)s%(ref)s "
                  "to our new account (account change of %(change)s)")
                % {
                    "amount": format_money(claim.payment_amount, claim.payment_currency),
                    "date": claim.paid_on.isoformat(),
                    "ref": f", {claim.payment_reference}" if claim.payment_reference else "",
                    "change": plan.parallel_from.isoformat(),
                }
            )[:300],
            fee_claim=claim,
            created_by=actor,
        )  # fmt: skip
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            instance=claim,
            before=before,
            after=snapshot(claim),
            company_id=company.pk,
            label=str(claim),
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            instance=credit,
            after=snapshot(credit),
            company_id=company.pk,
            label=str(credit),
        )
        _close_check_task(claim, actor, "approved")
        notify(
            users=[company.owner, claim.submitted_by],
            kind="compensation.approved",
            title=deferred(
                gettext_lazy("Fee claim approved: %(amount)s credit for %(company)s"),
                amount=Money(amount, currency),
                company=str(company),
            ),
            link=_link(claim),
        )
    return credit


def fee_claim_reject(
    *, actor: User, claim: FeeClaim, reason: str, now: datetime.datetime | None = None
) -> FeeClaim:
    """Finance rejects the claim with a reason; the buyer's owner is told."""
    now = now or timezone.now()
    reason = (reason or "").strip()
    with transaction.atomic():
        claim = _claim_for_decision(claim, actor)
        if not reason:
            raise _field_error("reason", _("Give the reason."), "reason")
        before = snapshot(claim)
        claim.state = ClaimState.REJECTED
        claim.decided_by, claim.decided_at = actor, now
        claim.decision_notes = reason
        claim.save(update_fields=["state", "decided_by", "decided_at", "decision_notes"])
        company = claim.recipient.company
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            instance=claim,
            before=before,
            after=snapshot(claim),
            company_id=company.pk,
            label=str(claim),
        )
        _close_check_task(claim, actor, "rejected")
        notify(
            users=[company.owner, claim.submitted_by],
            kind="compensation.rejected",
            title=deferred(gettext_lazy("Fee claim of %(company)s rejected"), company=str(company)),
            body=reason,
            link=_link(claim),
        )
    return claim


def credit_use(
    *, actor: User, credit: Credit, reference: str, now: datetime.datetime | None = None
) -> Credit:
    """Mark the credit used on an order (``reference``: the order or invoice)."""
    if not can_use_credits(actor):
        raise PermissionDenied(_("Only finance or a manager may use a credit."))
    now = now or timezone.now()
    reference = (reference or "").strip()
    if not reference:
        raise _field_error("reference", _("Name the order or invoice it is used on."), "reference")
    if len(reference) > 140:
        raise _field_error("reference", _("Enter at most 140 characters."), "long")
    with transaction.atomic():
        credit = Credit.objects.select_for_update().get(pk=credit.pk)
        if credit.used_at is not None:
            raise ValidationError(_("This credit has already been used."), code="used")
        before = snapshot(credit)
        credit.used_at, credit.used_reference = now, reference
        credit.save(update_fields=["used_at", "used_reference"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            instance=credit,
            before=before,
            after=snapshot(credit),
            company_id=credit.company_id,
            label=str(credit),
        )
    return credit

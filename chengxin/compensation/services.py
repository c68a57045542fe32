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
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.accounts.selectors import finance_assignee
from chengxin.audit.services import audit_created, snapshot
from chengxin.banking.selectors import account_lookup_ours
from chengxin.banking.services import document_check_accounts
from chengxin.campaigns.models import Recipient
from chengxin.compensation import vouchers
from chengxin.compensation.models import ClaimState, Credit, FeeClaim
from chengxin.compensation.offers import Offer, plan_offer
from chengxin.compensation.permissions import (
    claim_deciders,
    decision_rule,
    require_record_claim,
    require_use_credits,
)
from chengxin.core import bank_numbers as numbers
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
from chengxin.workflow.services import advance, locked, require_state

logger = logging.getLogger(__name__)

TODO_KIND = "compensation.check"
RELATED_TYPE = "compensation.feeclaim"
# Largest amounts accepted (the model's digits): a payment, and a fee.
MAX_PAYMENT = Decimal("9999999999999999.99")
MAX_FEE = Decimal("9999999999.99")
# The earliest time zone is UTC+14: a buyer's "today" may be the UTC date plus one.
_DATE_LINE_SLACK = datetime.timedelta(days=1)


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


def _paid_on_error(paid_on, offer: Offer, now: datetime.datetime) -> str:
    if not isinstance(paid_on, datetime.date):
        return _("Enter the payment date.")
    if paid_on > now.date() + _DATE_LINE_SLACK:
        return _("The payment date cannot be in the future.")
    if not offer.starts_on <= paid_on <= offer.until:
        return _("Only payments made from %(start)s to %(until)s are compensated.") % {
            "start": offer.starts_on.isoformat(),
            "until": offer.until.isoformat(),
        }
    return ""


def _checked_claim(
    *,
    offer: Offer,
    paid_on,
    payment_amount,
    payment_currency: str,
    fee_amount,
    fee_currency: str,
    payment_reference: str,
    voucher_content: bytes,
    now: datetime.datetime,
) -> tuple[dict, vouchers.Voucher]:
    """The claim's fields, checked all at once (every field's error together), and what
    its voucher really is."""
    errors: dict[str, str] = {}
    if isinstance(paid_on, datetime.datetime):
        paid_on = paid_on.date()
    if message := _paid_on_error(paid_on, offer, now):
        errors["paid_on"] = message
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
    fields = {
        "paid_on": paid_on,
        "payment_amount": payment,
        "payment_currency": payment_currency,
        "fee_amount": fee,
        "fee_currency": fee_currency,
        "payment_reference": payment_reference,
    }
    return fields, voucher


def _refuse_repeats(
    recipient: Recipient, voucher: vouchers.Voucher, *, actor, now: datetime.datetime
) -> None:
    """One voucher is claimed once per buyer; the public link takes a few claims a day.
    The caller holds the buyer's lock."""
    duplicate = (
        FeeClaim.objects.filter(
            recipient__company_id=recipient.company_id, voucher_sha256=voucher.sha256
        )
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


def _store_claim(
    recipient: Recipient,
    fields: dict,
    voucher: vouchers.Voucher,
    *,
    name: str,
    content: bytes,
    actor: User | None,
    ip: str | None,
    now: datetime.datetime,
) -> FeeClaim:
    """The claim saved with its voucher and audited."""
    claim = FeeClaim.objects.create(
        recipient=recipient,
        **fields,
        voucher_name=vouchers.safe_name(name, voucher.content_type),
        voucher_content_type=voucher.content_type,
        voucher=content,
        voucher_sha256=voucher.sha256,
        submitted_by=actor,
        submitted_at=now,
        submitted_ip=ip or None,
    )
    # The banking check makes a task for any identifier not on file for the buyer or
    # us; a voucher that names none of our accounts flags the claim.
    found = document_check_accounts(
        company=recipient.company,
        filename=claim.voucher_name,
        content=content,
        content_type=voucher.content_type,
        actor=actor,
        link=_link(claim),
    )
    claim.voucher_foreign_accounts = foreign_accounts(found)
    if claim.voucher_foreign_accounts:
        claim.save(update_fields=["voucher_foreign_accounts"])
    audit_created(actor=actor, instance=claim, company_id=recipient.company_id)
    return claim


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
    if actor is not None:
        require_record_claim(actor, company)
    offer = plan_offer(recipient.plan)
    if offer is None:
        raise ValidationError(_("This account change offers no fee compensation."), code="no_offer")
    fields, voucher = _checked_claim(
        offer=offer,
        paid_on=paid_on,
        payment_amount=payment_amount,
        payment_currency=payment_currency,
        fee_amount=fee_amount,
        fee_currency=fee_currency,
        payment_reference=payment_reference,
        voucher_content=voucher_content,
        now=now,
    )
    with transaction.atomic():
        # One buyer's claims are taken one at a time: the duplicate and daily checks hold.
        locked(Company.objects.all(), company.pk)
        _refuse_repeats(recipient, voucher, actor=actor, now=now)
        claim = _store_claim(
            recipient,
            fields,
            voucher,
            name=voucher_name,
            content=voucher_content,
            actor=actor,
            ip=ip,
            now=now,
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
    """The claim again under a lock, once ``actor`` may decide it now: finance, the claim
    still waiting, and not recorded by ``actor``."""
    claim = locked(FeeClaim.objects.select_related("recipient__plan"), claim.pk)
    decision_rule(claim).enforce(
        actor, state_check=lambda: require_state(claim, ClaimState.SUBMITTED)
    )
    return claim


def _close_check_task(claim: FeeClaim, actor: User, outcome: str) -> None:
    for todo in Todo.objects.filter(
        related_type=RELATED_TYPE, related_id=str(claim.pk), kind=TODO_KIND, done_at__isnull=True
    ):
        # The assignee closes it as themselves; another person's decision
        # closes it as the system.
        closer = actor if todo.assignee_id == actor.pk else None
        todo_complete(actor=closer, todo=todo, outcome=outcome)


def _decide(claim: FeeClaim, *, actor: User, before: dict, state: str, fields: list[str], now):
    """Record finance's decision on ``claim`` (its state and ``fields``), audited."""
    claim.decided_by, claim.decided_at = actor, now
    advance(
        claim,
        actor=actor,
        before=before,
        now=now,
        state=state,
        fields=["decided_by", "decided_at", *fields],
        company_id=claim.recipient.company_id,
    )


def _approved_amount(claim: FeeClaim, value, *, notes: str) -> Decimal:
    """``value`` checked against the plan's cap and the fee claimed; a flagged claim
    needs ``notes``."""
    plan = claim.recipient.plan
    currency = plan.fee_cap_currency
    errors: dict[str, str] = {}
    amount = _amount(value, field="approved_amount", limit=MAX_FEE, errors=errors)
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
    assert amount is not None  # else _amount recorded an error
    return amount


def _credit_for(claim: FeeClaim, amount: Decimal, *, actor: User) -> Credit:
    plan = claim.recipient.plan
    credit = Credit.objects.create(
        company=claim.recipient.company,
        amount=amount,
        currency=plan.fee_cap_currency,
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
    audit_created(actor=actor, instance=credit, company_id=credit.company_id)
    return credit


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
        amount = _approved_amount(claim, approved_amount, notes=notes)
        before = snapshot(claim)
        claim.approved_amount, claim.decision_notes = amount, notes
        _decide(
            claim,
            actor=actor,
            before=before,
            state=ClaimState.APPROVED,
            fields=["approved_amount", "decision_notes"],
            now=now,
        )
        credit = _credit_for(claim, amount, actor=actor)
        company = claim.recipient.company
        _close_check_task(claim, actor, "approved")
        notify(
            users=[company.owner, claim.submitted_by],
            kind="compensation.approved",
            title=deferred(
                gettext_lazy("Fee claim approved: %(amount)s credit for %(company)s"),
                amount=Money(amount, credit.currency),
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
        claim.decision_notes = reason
        _decide(
            claim,
            actor=actor,
            before=before,
            state=ClaimState.REJECTED,
            fields=["decision_notes"],
            now=now,
        )
        company = claim.recipient.company
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
    require_use_credits(actor)
    now = now or timezone.now()
    reference = (reference or "").strip()
    if not reference:
        raise _field_error("reference", _("Name the order or invoice it is used on."), "reference")
    if len(reference) > 140:
        raise _field_error("reference", _("Enter at most 140 characters."), "long")
    with transaction.atomic():
        credit = locked(Credit.objects.all(), credit.pk)
        if credit.used_at is not None:
            raise ValidationError(_("This credit has already been used."), code="used")
        before = snapshot(credit)
        credit.used_at, credit.used_reference = now, reference
        advance(credit, actor=actor, before=before, now=now, fields=["used_at", "used_reference"])
    return credit

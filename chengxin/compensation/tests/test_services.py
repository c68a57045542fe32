"""Fee claims through the services: every validation rule, who may submit and decide,
the credit an approval makes, and the alarm when a voucher names an account not ours."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from chengxin.accounts.models import Role
from chengxin.audit.models import AuditEntry
from chengxin.banking.models import State
from chengxin.banking.services import UNKNOWN_ACCOUNT_KIND
from chengxin.campaigns.models import PlanState
from chengxin.compensation import services
from chengxin.compensation.models import ClaimState, Credit, FeeClaim
from chengxin.compensation.tests.conftest import (
    FRAUD_IBAN,
    NEW_IBAN,
    OLD_IBAN,
    claim_data,
    make_plan,
    make_recipient,
    today,
    voucher_pdf,
    voucher_png,
)
from chengxin.notifications.models import Notification
from chengxin.testing import make_company, make_user
from chengxin.testing.banking import make_account
from chengxin.todos.models import Todo
from chengxin.todos.services import todo_create


def submit(recipient, content, *, actor=None, **overrides):
    return services.fee_claim_submit(
        recipient=recipient, voucher_content=content, actor=actor, **claim_data(**overrides)
    )


def error_codes(excinfo) -> dict:
    exc = excinfo.value
    if hasattr(exc, "error_dict"):
        return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}
    return {"__all__": [e.code for e in exc.error_list]}


# --- Submitting --------------------------------------------------------------------------


def test_the_buyer_submits_a_claim_and_finance_gets_the_task(
    recipient, pdf_voucher, owner, finance, django_capture_on_commit_callbacks
):
    busy = make_user(Role.FINANCE, username="busy.finance")
    todo_create(assignee=busy, kind="other", title="Something else")
    with django_capture_on_commit_callbacks(execute=True):
        claim = submit(recipient, pdf_voucher, ip="203.0.113.9")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SUBMITTED
    assert claim.submitted_by is None and claim.submitted_ip == "203.0.113.9"
    assert claim.voucher_content_type == "application/pdf"
    assert bytes(claim.voucher) == pdf_voucher
    assert len(claim.voucher_sha256) == 64
    assert claim.voucher_name == "MT103 PI-2026-118.pdf"
    assert not claim.is_flagged
    todo = Todo.objects.get(kind=services.TODO_KIND)
    assert todo.assignee == finance  # the finance user with fewer open tasks
    assert todo.related_id == str(claim.pk) and todo.company == recipient.company
    assert Notification.objects.filter(user=owner, kind="compensation.submitted").exists()
    assert AuditEntry.objects.filter(object_type="feeclaim", object_id=str(claim.pk)).exists()


def test_a_claim_recorded_by_finance_is_checked_by_someone_else(recipient, finance, manager):
    submit(recipient, voucher_pdf(reference="F1"), actor=finance)
    assert Todo.objects.get(kind=services.TODO_KIND).assignee == manager
    second = make_user(Role.FINANCE, username="second.finance")
    submit(recipient, voucher_pdf(reference="F2"), actor=finance)
    assert Todo.objects.filter(kind=services.TODO_KIND).last().assignee == second


def test_without_finance_a_manager_checks_the_claim(recipient, pdf_voucher, manager):
    submit(recipient, pdf_voucher)
    assert Todo.objects.get(kind=services.TODO_KIND).assignee == manager


def test_a_deactivated_finance_user_gets_no_task(recipient, pdf_voucher, manager):
    make_user(Role.FINANCE, username="gone", is_active=False)
    submit(recipient, pdf_voucher)
    assert Todo.objects.get(kind=services.TODO_KIND).assignee == manager


@pytest.mark.parametrize(
    "change",
    [
        {"fee_offer_until": None},
        {"fee_cap": None},
        {"fee_cap_currency": ""},
        {"state": PlanState.DRAFT},
        {"state": PlanState.CANCELLED},
    ],
)
def test_no_offer_no_claim(manager, old_account, new_account, company, pdf_voucher, change):
    plan = make_plan(actor=manager, old_account=old_account, new_account=new_account, **change)
    recipient = make_recipient(plan=plan, company=company).recipient
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, pdf_voucher)
    assert error_codes(excinfo) == {"__all__": ["no_offer"]}
    assert "offers no fee compensation" in excinfo.value.messages[0]


def test_a_completed_plan_still_honours_its_offer(
    manager, old_account, new_account, company, pdf_voucher
):
    plan = make_plan(
        actor=manager, old_account=old_account, new_account=new_account,
        state=PlanState.COMPLETED,
    )  # fmt: skip
    assert submit(make_recipient(plan=plan, company=company).recipient, pdf_voucher).pk


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (-31, "Only payments made from"),  # before the launch (launched 30 days ago)
        (31, "cannot be in the future"),
    ],
)
def test_the_payment_date_must_be_in_the_offer(recipient, pdf_voucher, days, message):
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, pdf_voucher, paid_on=today() + datetime.timedelta(days=days))
    assert message in excinfo.value.message_dict["paid_on"][0]


def test_a_payment_after_the_offer_ended_is_not_compensated(recipient, pdf_voucher):
    plan = recipient.plan
    plan.fee_offer_until = today() - datetime.timedelta(days=5)
    plan.save()
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, pdf_voucher, paid_on=today() - datetime.timedelta(days=4))
    assert str(plan.fee_offer_until) in excinfo.value.message_dict["paid_on"][0]
    # The day before the offer ends still counts.
    assert submit(recipient, pdf_voucher, paid_on=plan.fee_offer_until).pk


def test_the_offer_starts_at_the_launch_when_that_is_before_the_change(recipient, pdf_voucher):
    # parallel_from is 20 days ago, the launch 30 days ago: a payment 25 days ago counts.
    assert submit(recipient, pdf_voucher, paid_on=today() - datetime.timedelta(days=25)).pk


def test_tomorrow_is_accepted_for_buyers_east_of_utc(recipient, pdf_voucher):
    assert submit(recipient, pdf_voucher, paid_on=today() + datetime.timedelta(days=1)).pk


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("payment_amount", Decimal("0"), "greater than zero"),
        ("payment_amount", Decimal("-5"), "greater than zero"),
        ("fee_amount", Decimal("12.345"), "two decimal places"),
        ("fee_amount", Decimal("NaN"), "greater than zero"),
        ("fee_amount", "twelve", "such as 1250.00"),
        ("fee_amount", Decimal("1e12"), "too large"),
        ("payment_amount", Decimal("1e40"), "too large"),
        ("fee_amount", Decimal("13000"), "cannot be larger than the payment"),
        ("payment_currency", "EURO", "ISO 4217"),
        ("fee_currency", "XYZ", "ISO 4217"),
        ("payment_reference", "R" * 141, "140 characters"),
    ],
)
def test_bad_amounts_and_currencies_are_refused(recipient, pdf_voucher, field, value, message):
    overrides = {field: value}
    if field == "fee_amount" and value == Decimal("13000"):
        overrides["fee_currency"] = "EUR"
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, pdf_voucher, **overrides)
    assert message in excinfo.value.message_dict[field][0]
    assert not FeeClaim.objects.exists()


def test_currencies_are_normalised_and_trailing_zeros_accepted(recipient, pdf_voucher):
    claim = submit(
        recipient, pdf_voucher, payment_currency="eur", fee_currency=" usd ",
        fee_amount=Decimal("28.000"),
    )  # fmt: skip
    assert (claim.payment_currency, claim.fee_currency) == ("EUR", "USD")
    assert claim.fee_amount == Decimal("28.00")


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03 a Windows program renamed to voucher.pdf",
        b"<html><body>Payment confirmation</body></html>",
        b"%PDF-1.4\n\x00\x00 not really a PDF",
    ],
)
def test_a_file_disguised_as_a_pdf_is_refused(recipient, content):
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, content, voucher_name="voucher.pdf")
    assert error_codes(excinfo) == {"voucher": ["voucher_type"]}
    assert "PDF, PNG or JPEG" in excinfo.value.message_dict["voucher"][0]


def test_field_and_voucher_errors_are_reported_together(recipient):
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, b"MZ program", fee_amount=Decimal("0"))
    assert set(excinfo.value.message_dict) == {"fee_amount", "voucher"}


def test_an_image_is_stored_as_what_it_is_not_what_it_claims(recipient):
    claim = submit(recipient, voucher_png(), voucher_name="photo.pdf",
                   voucher_content_type="application/pdf")  # fmt: skip
    assert claim.voucher_content_type == "image/png"
    assert claim.voucher_name == "photo.png"


def test_an_empty_or_too_large_voucher_is_refused(recipient, settings):
    settings.CHENGXIN_VOUCHER_MAX_MB = 1
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, b"")
    assert error_codes(excinfo) == {"voucher": ["voucher_empty"]}
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, big)
    assert error_codes(excinfo) == {"voucher": ["voucher_too_large"]}
    assert "larger than 1 MB" in excinfo.value.message_dict["voucher"][0]


def test_the_same_voucher_twice_for_one_buyer_is_a_duplicate(
    recipient, pdf_voucher, manager, old_account, new_account, company
):
    submit(recipient, pdf_voucher)
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, pdf_voucher, payment_reference="another")
    assert error_codes(excinfo) == {"voucher": ["duplicate"]}
    # Also through another campaign to the same buyer.
    other_plan = make_plan(
        actor=manager, old_account=old_account, new_account=new_account,
        parallel_from=today() - datetime.timedelta(days=10),
    )  # fmt: skip
    other = make_recipient(plan=other_plan, company=company).recipient
    with pytest.raises(ValidationError):
        submit(other, pdf_voucher)
    # Another buyer may send a file with the same bytes (their own claim).
    stranger = make_company(actor=manager, name="Other Buyer Ltd")
    assert submit(make_recipient(plan=recipient.plan, company=stranger).recipient, pdf_voucher)


def test_a_rejected_voucher_may_be_sent_again(recipient, pdf_voucher, finance):
    claim = submit(recipient, pdf_voucher)
    services.fee_claim_reject(actor=finance, claim=claim, reason="The fee is missing")
    assert submit(recipient, pdf_voucher).pk != claim.pk


def test_the_public_link_is_limited_per_day(recipient, settings, owner):
    settings.CHENGXIN_FEE_CLAIMS_PER_DAY = 2
    submit(recipient, voucher_pdf(reference="A1"))
    submit(recipient, voucher_pdf(reference="A2"))
    with pytest.raises(ValidationError) as excinfo:
        submit(recipient, voucher_pdf(reference="A3"))
    assert error_codes(excinfo) == {"__all__": ["rate_limited"]}
    # A day later, or through the rep, it goes through.
    later = timezone.now() + datetime.timedelta(days=1, minutes=1)
    assert submit(recipient, voucher_pdf(reference="A3"), now=later).pk
    assert submit(recipient, voucher_pdf(reference="A4"), actor=owner).pk


def test_who_may_record_a_claim_for_the_buyer(recipient, owner, colleague, finance, manager):
    with pytest.raises(PermissionDenied):
        submit(recipient, voucher_pdf(reference="C"), actor=colleague)
    for actor, ref in ((owner, "O"), (finance, "F"), (manager, "M")):
        assert submit(recipient, voucher_pdf(reference=ref), actor=actor).submitted_by == actor


# --- A voucher naming an account that is not ours --------------------------------------


def test_a_voucher_paying_a_foreign_iban_flags_the_claim_and_alerts(
    recipient, owner, finance, django_capture_on_commit_callbacks
):
    other_finance = make_user(Role.FINANCE, username="finance2")
    with django_capture_on_commit_callbacks(execute=True):
        claim = submit(recipient, voucher_pdf(iban=FRAUD_IBAN))
    assert claim.voucher_foreign_accounts == ["GB29 ···· 6819"]
    alerts = Notification.objects.filter(kind="compensation.foreign_account")
    assert {n.user for n in alerts} == {owner, finance, other_finance}
    assert "not ours" in alerts.first().body
    todo = Todo.objects.get(kind=services.TODO_KIND)
    assert "may have been defrauded" in todo.body


def test_the_banking_check_raises_a_task_for_the_unknown_account(recipient, owner):
    submit(recipient, voucher_pdf(iban=FRAUD_IBAN))
    task = Todo.objects.get(kind=UNKNOWN_ACCOUNT_KIND)
    assert task.company == recipient.company and "6819" in task.body + task.title


def test_a_voucher_paying_our_new_account_raises_no_banking_task(recipient, pdf_voucher):
    submit(recipient, pdf_voucher)
    assert not Todo.objects.filter(kind=UNKNOWN_ACCOUNT_KIND).exists()


def test_our_old_and_new_accounts_are_not_foreign(recipient, old_account):
    old_account.state = State.RETIRED
    old_account.save()
    text_both = voucher_pdf(iban=NEW_IBAN, note=f"Previously paid to {OLD_IBAN}")
    assert submit(recipient, text_both).voucher_foreign_accounts == []


def test_the_buyers_own_account_beside_ours_is_no_alarm(recipient):
    # An MT103 copy names the remitter's account (:50K:) as well as ours (:59:).
    voucher = voucher_pdf(iban=NEW_IBAN, note="Ordering account NL91 ABNA 0417 1643 00")
    assert submit(recipient, voucher).voucher_foreign_accounts == []


def test_a_voucher_naming_no_account_of_ours_names_every_account_it_shows(recipient):
    voucher = voucher_pdf(iban=FRAUD_IBAN, note="Ordering account NL91 ABNA 0417 1643 00")
    claim = submit(recipient, voucher)
    assert claim.voucher_foreign_accounts == ["GB29 ···· 6819", "NL91 ···· 4300"]


def test_an_unapproved_account_of_ours_is_still_foreign(recipient, manager):
    make_account(proposed_by=manager, iban="CH9300762011623852957", state=State.PROPOSED)
    claim = submit(recipient, voucher_pdf(iban="CH9300762011623852957"))
    assert claim.voucher_foreign_accounts == ["CH93 ···· 2957"]


# --- Deciding ----------------------------------------------------------------------------


def test_finance_approves_within_the_cap_and_the_buyer_gets_a_credit(
    claim, finance, owner, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as excinfo:
        services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("40"))
    assert "USD\xa035.00" in excinfo.value.message_dict["approved_amount"][0]
    with pytest.raises(ValidationError) as excinfo:  # more than the USD 28.00 claimed
        services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("30"))
    assert "28.00" in excinfo.value.message_dict["approved_amount"][0]
    assert not Credit.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        credit = services.fee_claim_approve(
            actor=finance, claim=claim, approved_amount=Decimal("28.00"), notes="MT103 checked"
        )
    claim.refresh_from_db()
    assert claim.state == ClaimState.APPROVED and claim.decided_by == finance
    assert claim.approved_amount == Decimal("28.00")
    assert (credit.company, credit.amount, credit.currency) == (
        claim.recipient.company, Decimal("28.00"), "USD",
    )  # fmt: skip
    assert credit.fee_claim == claim and "EUR\xa012,500.00" in credit.reason
    assert "PI-2026-118" in credit.reason
    assert Todo.objects.get(kind=services.TODO_KIND).done_at is not None
    assert Notification.objects.filter(user=owner, kind="compensation.approved").exists()
    assert AuditEntry.objects.filter(object_type="credit", object_id=str(credit.pk)).exists()


def test_a_fee_in_another_currency_is_capped_by_the_cap_only(recipient, finance):
    claim = submit(recipient, voucher_pdf(), fee_currency="EUR", fee_amount=Decimal("30"))
    credit = services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("33"))
    assert (credit.amount, credit.currency) == (Decimal("33.00"), "USD")


@pytest.mark.parametrize("role_user", ["owner", "colleague", "manager", "admin_user"])
def test_only_finance_decides(request, claim, role_user):
    actor = request.getfixturevalue(role_user)
    with pytest.raises(PermissionDenied):
        services.fee_claim_approve(actor=actor, claim=claim, approved_amount=Decimal("20"))
    with pytest.raises(PermissionDenied):
        services.fee_claim_reject(actor=actor, claim=claim, reason="no")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SUBMITTED


def test_finance_cannot_approve_a_claim_they_recorded(recipient, finance):
    claim = submit(recipient, voucher_pdf(), actor=finance)
    with pytest.raises(PermissionDenied):
        services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("20"))
    other = make_user(Role.FINANCE, username="second.finance")
    assert services.fee_claim_approve(actor=other, claim=claim, approved_amount=Decimal("20"))


def test_a_claim_is_decided_once(claim, finance):
    services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("20"))
    with pytest.raises(ValidationError) as excinfo:
        services.fee_claim_reject(actor=finance, claim=claim, reason="changed my mind")
    assert error_codes(excinfo) == {"__all__": ["wrong_step"]}
    assert Credit.objects.count() == 1


def test_a_flagged_claim_needs_notes_to_be_approved(recipient, finance):
    claim = submit(recipient, voucher_pdf(iban=FRAUD_IBAN))
    with pytest.raises(ValidationError) as excinfo:
        services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("20"))
    assert "notes" in excinfo.value.message_dict
    services.fee_claim_approve(
        actor=finance, claim=claim, approved_amount=Decimal("20"),
        notes="The GB account is the intermediary bank's; called the buyer on file.",
    )  # fmt: skip


def test_finance_rejects_with_a_reason_and_the_owner_is_told(
    claim, finance, owner, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as excinfo:
        services.fee_claim_reject(actor=finance, claim=claim, reason="  ")
    assert "reason" in excinfo.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        services.fee_claim_reject(actor=finance, claim=claim, reason="Paid to the old account")
    claim.refresh_from_db()
    assert claim.state == ClaimState.REJECTED
    assert claim.decision_notes == "Paid to the old account"
    note = Notification.objects.get(user=owner, kind="compensation.rejected")
    assert note.body == "Paid to the old account"
    assert not Credit.objects.exists()
    assert Todo.objects.get(kind=services.TODO_KIND).outcome == "rejected"


# --- Using a credit ----------------------------------------------------------------------


def test_finance_or_a_manager_uses_a_credit_once(claim, finance, manager, owner):
    credit = services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("20"))
    with pytest.raises(PermissionDenied):
        services.credit_use(actor=owner, credit=credit, reference="PI-2026-130")
    with pytest.raises(ValidationError):
        services.credit_use(actor=manager, credit=credit, reference=" ")
    services.credit_use(actor=manager, credit=credit, reference="PI-2026-130")
    credit.refresh_from_db()
    assert credit.used_reference == "PI-2026-130" and credit.used_at is not None
    with pytest.raises(ValidationError) as excinfo:
        services.credit_use(actor=finance, credit=credit, reference="PI-2026-131")
    assert error_codes(excinfo) == {"__all__": ["used"]}

"""The life cycle under four eyes: propose → verify out of band → approve → active →
retired, every step audited; the wrong step, the wrong person, a channel from the
message, all refused."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from chengxin.audit.models import AuditEntry
from chengxin.banking import selectors, services
from chengxin.banking.decrypted import account_number
from chengxin.banking.models import BankAccount, ReceivedPayment, Side, State, StepKind
from chengxin.core import bank_numbers as numbers
from chengxin.notifications.models import Notification
from chengxin.parties.models import Channel
from chengxin.testing.banking import IBAN_DE, IBAN_GB, IBAN_NL

pytestmark = pytest.mark.django_db


def propose_ours(actor, iban=IBAN_DE, **fields):
    return services.bank_account_propose(
        actor=actor, side=Side.OURS, purpose="receiving", holder_name="Chengxin Trading",
        iban=iban, currency="EUR", **fields,
    )  # fmt: skip


def verify_ours(actor, account, outcome="confirmed"):
    return services.bank_account_verify(
        actor=actor, account=account, method="bank_letter", outcome=outcome,
        notes="SWIFT confirmation letter from Commerzbank, ref 2026-118",
    )  # fmt: skip


def test_the_whole_life_cycle(finance, manager, second_finance):
    account = propose_ours(finance)
    assert selectors.receiving_account_for("EUR") is None
    verify_ours(finance, account)  # the proposer may verify
    account.refresh_from_db()
    assert account.state == State.VERIFIED
    assert selectors.receiving_account_for("EUR") is None
    assert selectors.account_lookup_ours(IBAN_DE) is None
    services.bank_account_approve(actor=manager, account=account, second_factor_passed=True)
    account.refresh_from_db()
    assert account.state == State.ACTIVE and account.active_since is not None
    assert selectors.receiving_account_for("EUR") == account
    assert selectors.account_lookup_ours(IBAN_DE) == account
    services.bank_account_retire(actor=second_finance, account=account, reason="Lower fees")
    account.refresh_from_db()
    assert account.state == State.RETIRED and account.retire_reason == "Lower fees"
    assert selectors.receiving_account_for("EUR") is None
    assert selectors.account_lookup_ours(IBAN_DE) == account
    kinds = list(account.steps.values_list("kind", flat=True))
    assert kinds == [StepKind.PROPOSED, StepKind.VERIFIED, StepKind.APPROVED, StepKind.RETIRED]
    # Every step audited, and the trail never holds the number itself.
    entries = AuditEntry.objects.filter(object_type="bankaccountstep")
    assert entries.count() == 4
    account_entries = AuditEntry.objects.filter(object_type="bankaccount")
    assert account_entries.count() == 4
    assert not any(IBAN_DE in str(e.after) for e in account_entries)


def test_a_step_cannot_be_skipped_or_repeated(finance, manager):
    account = propose_ours(finance)
    with pytest.raises(ValidationError, match="not possible now"):
        services.bank_account_approve(actor=manager, account=account, second_factor_passed=True)
    with pytest.raises(ValidationError, match="not possible now"):
        services.bank_account_retire(actor=manager, account=account, reason="x")
    verify_ours(finance, account)
    with pytest.raises(ValidationError, match="not possible now"):
        verify_ours(finance, account)


def test_four_eyes_the_proposer_and_the_verifier_cannot_approve(finance, manager, second_finance):
    account = propose_ours(finance)
    verify_ours(manager, account)
    for user in (finance, manager):
        with pytest.raises(PermissionDenied):
            services.bank_account_approve(actor=user, account=account, second_factor_passed=True)
    assert BankAccount.objects.get(pk=account.pk).state == State.VERIFIED
    services.bank_account_approve(actor=second_finance, account=account, second_factor_passed=True)


def test_approval_needs_the_second_factor_and_the_right_role(finance, manager, admin_user, owner):
    account = propose_ours(finance)
    verify_ours(finance, account)
    with pytest.raises(PermissionDenied, match="second factor"):
        services.bank_account_approve(actor=manager, account=account, second_factor_passed=False)
    for user in (admin_user, owner):
        with pytest.raises((PermissionDenied, BankAccount.DoesNotExist)):
            services.bank_account_approve(actor=user, account=account, second_factor_passed=True)
    assert BankAccount.objects.get(pk=account.pk).state == State.VERIFIED


def test_the_database_refuses_an_approver_who_proposed_or_verified(finance, manager):
    account = propose_ours(finance)
    verify_ours(manager, account)
    for user in (finance, manager):
        with pytest.raises(IntegrityError), transaction.atomic():
            BankAccount.objects.filter(pk=account.pk).update(
                approved_by=user, approved_at=timezone.now(), state=State.ACTIVE
            )


def test_denied_is_a_fraud_attempt(
    finance, manager, company, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        account = services.bank_account_propose(
            actor=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
            holder_name="Müller Maschinenbau GmbH", iban=IBAN_NL, currency="EUR",
        )  # fmt: skip
        phone = Channel.objects.get(contact__company=company, kind="phone")
        services.bank_account_verify(
            actor=owner, account=account, method="call_on_file", outcome="denied",
            channel=phone, notes="Anna says they never changed banks.",
        )  # fmt: skip
    account.refresh_from_db()
    assert account.state == State.REJECTED
    step = account.steps.get(kind=StepKind.VERIFICATION_FAILED)
    assert step.details["fraud_attempt"] is True
    told = set(Notification.objects.filter(kind=services.FRAUD_KIND).values_list("user", flat=True))
    assert told == {manager.pk, owner.pk}


def test_counterparty_verification_channel_rules(owner, company, manager, ingest):
    from chengxin.testing.mail import make_raw

    message = ingest(
        make_raw(
            subject="Our new bank account",
            text=f"Dear Li Na,\nour bank details have changed. New IBAN: {IBAN_GB}\n"
            "Please call me on +49 30 901820 or on +44 20 7946 0958 to confirm.\nAnna",
        )
    ).message
    assert message.company_id == company.pk
    account = services.bank_account_propose(
        actor=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        holder_name="Müller Maschinenbau GmbH", iban=IBAN_GB, currency="GBP",
        source_message=message,
    )  # fmt: skip
    contact = company.contacts.get()
    on_file_phone = Channel.objects.get(contact=contact, kind="phone")
    email = Channel.objects.get(contact=contact, kind="email")
    added_later = Channel.objects.create(contact=contact, kind="whatsapp", value="+442079460958")
    allowed = set(services.verification_channels(account))
    # The phone on file appears in the message (copied into it): refused too.
    assert on_file_phone not in allowed
    assert added_later not in allowed
    # The sender's address is the message's own: refused.
    assert email not in allowed
    for channel in (on_file_phone, added_later, email):
        with pytest.raises(ValidationError) as excinfo:
            services.bank_account_verify(
                actor=owner, account=account, method="call_on_file", outcome="confirmed",
                channel=channel,
            )  # fmt: skip
        assert "channel" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        services.bank_account_verify(
            actor=owner, account=account, method="bank_letter", outcome="confirmed",
            channel=on_file_phone,
        )  # fmt: skip
    assert "method" in excinfo.value.message_dict


def test_a_channel_on_file_before_the_proposal_verifies(owner, company, manager, colleague):
    account = services.bank_account_propose(
        actor=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        holder_name="Müller Maschinenbau GmbH", iban=IBAN_NL, currency="EUR",
    )  # fmt: skip
    phone = Channel.objects.get(contact__company=company, kind="phone")
    with pytest.raises(BankAccount.DoesNotExist):
        services.bank_account_verify(actor=colleague, account=account, method="call_on_file",
                                     outcome="confirmed", channel=phone)  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        services.bank_account_verify(actor=owner, account=account, method="call_on_file",
                                     outcome="confirmed")  # fmt: skip
    assert "channel" in excinfo.value.message_dict
    services.bank_account_verify(actor=owner, account=account, method="call_on_file",
                                 outcome="confirmed", channel=phone, notes="Anna confirmed")  # fmt: skip
    account.refresh_from_db()
    assert account.state == State.VERIFIED and account.verification_channel == phone
    services.bank_account_approve(actor=manager, account=account, second_factor_passed=True)
    assert IBAN_NL in selectors.bank_details_on_file(company.pk).ibans


def test_our_verification_needs_a_description(finance):
    account = propose_ours(finance)
    with pytest.raises(ValidationError) as excinfo:
        services.bank_account_verify(actor=finance, account=account, method="bank_portal",
                                     outcome="confirmed", notes="  ")  # fmt: skip
    assert "notes" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        services.bank_account_verify(actor=finance, account=account, method="message_on_file",
                                     outcome="confirmed", notes="x")  # fmt: skip
    assert "method" in excinfo.value.message_dict


def test_reject_and_replace(finance, manager, owner):
    old = propose_ours(finance)
    verify_ours(finance, old)
    services.bank_account_approve(actor=manager, account=old, second_factor_passed=True)
    with pytest.raises(ValidationError):
        services.bank_account_reject(actor=manager, account=old, reason="no")
    new = propose_ours(finance, iban=IBAN_NL, replaces=old)
    assert new.replaces == old
    with pytest.raises(ValidationError):
        services.bank_account_reject(actor=finance, account=new, reason=" ")
    services.bank_account_reject(actor=finance, account=new, reason="Typo in the holder")
    new.refresh_from_db()
    assert new.state == State.REJECTED
    with pytest.raises(ValidationError) as excinfo:
        propose_ours(finance, iban=IBAN_GB, replaces=new)
    assert "replaces" in excinfo.value.message_dict
    with pytest.raises(PermissionDenied):
        services.bank_account_retire(actor=owner, account=old, reason="x")


def test_label_edit_never_touches_the_number(finance, manager):
    account = propose_ours(finance)
    services.bank_account_label_update(actor=manager, account=account, label="EUR main",
                                       notes="For European buyers")  # fmt: skip
    account.refresh_from_db()
    assert account.label == "EUR main" and account.number_digest == numbers.digest(IBAN_DE)


def test_payment_record(finance, manager, owner, company):
    account = propose_ours(finance)
    verify_ours(finance, account)
    with pytest.raises(ValidationError) as excinfo:
        services.payment_record(actor=finance, account=account, company=company,
                                amount="100", currency="EUR", received_on=timezone.localdate())  # fmt: skip
    assert "account" in excinfo.value.message_dict
    services.bank_account_approve(actor=manager, account=account, second_factor_passed=True)
    for amount, currency in (("0", "EUR"), ("-5", "EUR"), ("1.234", "EUR"), ("abc", "EUR"),
                             ("10", "XXQ")):  # fmt: skip
        with pytest.raises(ValidationError):
            services.payment_record(actor=finance, account=account, company=company,
                                    amount=amount, currency=currency,
                                    received_on=timezone.localdate())  # fmt: skip
    with pytest.raises(ValidationError):
        services.payment_record(
            actor=finance, account=account, company=company, amount="10", currency="EUR",
            received_on=timezone.localdate() + datetime.timedelta(days=5),
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.payment_record(actor=owner, account=account, company=company, amount="10",
                                currency="EUR", received_on=timezone.localdate())  # fmt: skip
    payment = services.payment_record(
        actor=finance, account=account, company=company, amount="12500.50", currency="eur",
        received_on=timezone.localdate(), reference="PI-2026-044",
    )  # fmt: skip
    assert payment.amount == Decimal("12500.50") and payment.currency == "EUR"
    assert ReceivedPayment.objects.count() == 1


def test_rehash_after_a_key_rotation(finance, manager, settings):
    account = propose_ours(finance)
    settings.CHENGXIN_ENCRYPTION_OLD_KEYS = [
        settings.CHENGXIN_ENCRYPTION_KEY or settings.SECRET_KEY
    ]
    settings.CHENGXIN_ENCRYPTION_KEY = "a brand new key after the rotation"
    verify_ours(finance, account)
    services.bank_account_approve(actor=manager, account=account, second_factor_passed=True)
    assert selectors.account_lookup_ours(IBAN_DE) is None  # old digest, new key
    call_command("bank_accounts_rehash")
    assert selectors.account_lookup_ours(IBAN_DE) == account
    settings.CHENGXIN_ENCRYPTION_OLD_KEYS = []
    account.refresh_from_db()
    assert account_number(account) == IBAN_DE

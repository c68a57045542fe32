from decimal import Decimal

import pytest
from django.utils import timezone

from chengxin.banking import selectors
from chengxin.banking.models import ReceivedPayment, Side, State
from chengxin.testing.banking import IBAN_DE, IBAN_FR, IBAN_GB, IBAN_NL, make_account

pytestmark = pytest.mark.django_db


def test_only_active_accounts_receive(finance):
    active = make_account(proposed_by=finance, iban=IBAN_DE, currency="EUR")
    for state in (State.PROPOSED, State.VERIFIED, State.REJECTED, State.RETIRED):
        make_account(proposed_by=finance, iban=IBAN_FR, currency="EUR", state=state)
    assert list(selectors.our_receiving_accounts()) == [active]
    assert selectors.receiving_account_for("eur") == active
    assert selectors.receiving_account_for("USD") is None


def test_receiving_account_for_takes_the_newest(finance):
    make_account(proposed_by=finance, iban=IBAN_DE, currency="EUR")
    newer = make_account(proposed_by=finance, iban=IBAN_NL, currency="EUR")
    newer.active_since = timezone.now() + timezone.timedelta(minutes=1)
    newer.save(update_fields=["active_since"])
    assert selectors.receiving_account_for("EUR") == newer


def test_lookup_finds_active_and_retired_never_unapproved(finance, company):
    active = make_account(proposed_by=finance, iban=IBAN_DE)
    retired = make_account(proposed_by=finance, iban=IBAN_GB, state=State.RETIRED)
    make_account(proposed_by=finance, iban=IBAN_FR, state=State.VERIFIED)
    make_account(proposed_by=finance, side=Side.COUNTERPARTY, company=company, iban=IBAN_NL)
    assert selectors.account_lookup_ours("de89 3704 0044 0532 0130 00") == active
    # The domestic account number alone, with or without leading zeros.
    assert selectors.account_lookup_ours("0532013000") == active
    assert selectors.account_lookup_ours("532013000") == active
    assert selectors.account_lookup_ours(IBAN_GB) == retired
    assert selectors.account_lookup_ours(IBAN_FR) is None  # verified, not approved
    assert selectors.account_lookup_ours(IBAN_NL) is None  # a counterparty's
    assert selectors.account_lookup_ours("") is None


def test_bank_details_on_file(finance, company, manager):
    make_account(proposed_by=finance, iban=IBAN_DE, bic="COBADEFFXXX")
    make_account(proposed_by=finance, iban=IBAN_GB, state=State.RETIRED)
    make_account(proposed_by=finance, iban=IBAN_FR, state=State.PROPOSED)
    make_account(
        proposed_by=manager,
        side=Side.COUNTERPARTY,
        company=company,
        account_number="123456789012",
        routing_code="021000021",
        state=State.VERIFIED,
        bic="CHASUS33",
    )
    details = selectors.bank_details_on_file(company.pk)
    assert details.ibans == {IBAN_DE, IBAN_GB}
    assert details.bics == {"COBADEFF", "CHASUS33"}
    # The domestic numbers inside our IBANs count as on file, with and without zeros.
    assert details.account_numbers == {
        "0532013000", "532013000", "89370400440532013000",
        "31926819", "2960161331926819", "123456789012",
    }  # fmt: skip
    # Another company: only ours.
    assert "123456789012" not in selectors.bank_details_on_file(None).account_numbers


def test_number_display_per_role(finance, manager, admin_user, owner):
    account = make_account(proposed_by=finance, iban=IBAN_DE)
    full = "DE89 3704 0044 0532 0130 00"
    assert selectors.account_number_display(finance, account) == full
    assert selectors.account_number_display(manager, account) == full
    assert selectors.account_number_display(admin_user, account) == full
    assert selectors.account_number_display(owner, account) == "···· 3000"


def test_visible_accounts(finance, owner, colleague, company):
    ours = make_account(proposed_by=finance, iban=IBAN_DE)
    theirs = make_account(
        proposed_by=finance, side=Side.COUNTERPARTY, company=company, iban=IBAN_NL
    )
    assert set(selectors.visible_accounts(owner)) == {ours, theirs}
    assert set(selectors.visible_accounts(colleague)) == {ours}
    assert set(selectors.visible_accounts(finance)) == {ours, theirs}
    ReceivedPayment.objects.create(
        account=ours,
        company=company,
        amount=Decimal("1200.00"),
        currency="EUR",
        received_on=timezone.localdate(),
        recorded_by=finance,
    )
    assert selectors.visible_payments(owner).count() == 1
    assert selectors.visible_payments(colleague).count() == 0

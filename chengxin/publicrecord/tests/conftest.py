"""Our accounts for the public record's tests: an active one (since 1 March 2025), a
retired one (its predecessor), a counterparty's, and one of ours still proposed.
Accounts are made directly (the banking services' four-eyes steps have their own tests)."""

from __future__ import annotations

import datetime

import pytest

from chengxin.accounts.models import Role
from chengxin.banking.models import Purpose, Side, State
from chengxin.testing import make_user
from chengxin.testing.banking import make_account

ACTIVE_IBAN = "DE89370400440532013000"
ACTIVE_DOMESTIC = "532013000"
RETIRED_IBAN = "GB82WEST12345698765432"
PROPOSED_IBAN = "AT611904300234573201"
COUNTERPARTY_IBAN = "CH9300762011623852957"
UNKNOWN_IBAN = "NL91ABNA0417164300"
OTHER_UNKNOWN_IBAN = "DE75512108001245126199"

ACTIVE_SINCE = datetime.datetime(2025, 3, 1, 2, 0, tzinfo=datetime.UTC)
RETIRED_AT = datetime.datetime(2025, 5, 31, 9, 0, tzinfo=datetime.UTC)
PHONE = "+86 571 8765 4321"
COMPANY = "Hangzhou Chengxin Valves Co., Ltd."


@pytest.fixture(autouse=True)
def _settings(english, settings):
    """The tests read the answers in English (the pages' default is Chinese); our
    company's name and phone are fixed."""
    settings.CHENGXIN_COMPANY_NAME = COMPANY
    settings.CHENGXIN_COMPANY_PHONE = PHONE
    settings.CHENGXIN_PUBLIC_VERIFY_LIMIT = 10
    settings.CHENGXIN_PUBLIC_VERIFY_WINDOW_MINUTES = 60
    settings.CHENGXIN_TRUSTED_PROXY_COUNT = 0


# Every account here: in our company's name, proposed ten days before ACTIVE_SINCE.
OURS = {"holder_name": COMPANY, "at": ACTIVE_SINCE - datetime.timedelta(days=10)}


@pytest.fixture
def approver(db):
    return make_user(Role.MANAGER, username="approver")


@pytest.fixture
def active_account(finance, approver):
    return make_account(
        **OURS,
        iban=ACTIVE_IBAN,
        proposed_by=finance,
        approved_by=approver,
        bank_name="Deutsche Bank AG",
        bic="DEUTDEFF",
        active_since=ACTIVE_SINCE,
    )


@pytest.fixture
def retired_account(finance, approver):
    return make_account(
        **OURS,
        iban=RETIRED_IBAN,
        proposed_by=finance,
        approved_by=approver,
        state=State.RETIRED,
        bank_name="NatWest",
        bic="NWBKGB2L",
        currency="USD",
        active_since=datetime.datetime(2019, 6, 1, tzinfo=datetime.UTC),
        retired_at=RETIRED_AT,
    )


@pytest.fixture
def proposed_account(finance):
    return make_account(
        **OURS,
        iban=PROPOSED_IBAN,
        proposed_by=finance,
        state=State.PROPOSED,
        bank_name="Raiffeisen Proposed Bank",
        bic="RZOOAT2L",
    )


@pytest.fixture
def counterparty_account(finance, approver, company):
    """A buyer's own (active) account for refunds: not ours."""
    return make_account(
        **OURS,
        iban=COUNTERPARTY_IBAN,
        proposed_by=finance,
        approved_by=approver,
        side=Side.COUNTERPARTY,
        purpose=Purpose.REFUND,
        company=company,
        bank_name="UBS Switzerland AG",
        bic="UBSWCHZH80A",
        active_since=ACTIVE_SINCE,
    )


@pytest.fixture
def accounts(active_account, retired_account, proposed_account, counterparty_account):
    return {
        "active": active_account,
        "retired": retired_account,
        "proposed": proposed_account,
        "counterparty": counterparty_account,
    }

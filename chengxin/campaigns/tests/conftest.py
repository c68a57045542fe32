"""Campaign test helpers: our receiving accounts (made directly, as four eyes would have
left them), buyers in four time zones, payments into the old account, a draft plan, and
the loopback SMTP server and WhatsApp Cloud API of the outbox's tests."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from chengxin.accounts.models import Role
from chengxin.banking.models import BankAccount, Purpose, ReceivedPayment, Side, State
from chengxin.campaigns.models import Audience
from chengxin.campaigns.services import PlanInput, plan_create
from chengxin.core import bank_numbers as numbers
from chengxin.core.crypto import encrypt
from chengxin.outbox.tests.conftest import CloudApi, SmtpServer, free_port
from chengxin.parties.models import Channel, Grade
from chengxin.testing import make_company, make_user

UTC = datetime.UTC
# "Today" of the tests: Monday 2 November 2026, 10:00 in Shanghai.
NOW = datetime.datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
TODAY = NOW.date()
OLD_IBAN = "DE89370400440532013000"
NEW_IBAN = "GB33BUKB20201555555555"


def make_account(
    *,
    actor,
    iban: str = "",
    number: str = "",
    state: str = State.ACTIVE,
    currency: str = "USD",
    side: str = Side.OURS,
    purpose: str = Purpose.RECEIVING,
    bank_name: str = "Bank of China, Shenzhen Branch",
    bic: str = "BKCHCNBJ45A",
    company=None,
    **fields,
) -> BankAccount:
    value = iban or number
    now = NOW - datetime.timedelta(days=40)
    approver = make_user(Role.MANAGER) if state == State.ACTIVE else None
    return BankAccount.objects.create(
        side=side,
        company=company,
        purpose=purpose,
        holder_name=fields.pop("holder_name", "Shenzhen Chengxin Electronics Co., Ltd."),
        bank_name=bank_name,
        bank_address=fields.pop("bank_address", "2 Fuhua Road, Futian, Shenzhen"),
        bic=bic,
        iban_encrypted=encrypt(iban) if iban else "",
        number_encrypted=encrypt(number) if number else "",
        number_digest=numbers.digest(value),
        number_last4=numbers.last4(value),
        currency=currency,
        state=state,
        state_changed_at=now,
        proposed_by=actor,
        proposed_at=now,
        verified_by=actor if state in (State.ACTIVE, State.VERIFIED) else None,
        verified_at=now if state in (State.ACTIVE, State.VERIFIED) else None,
        approved_by=approver,
        approved_at=now if approver else None,
        active_since=now if approver else None,
        **fields,
    )


@pytest.fixture
def old_account(finance):
    return make_account(
        actor=finance, iban=OLD_IBAN, bank_name="Deutsche Bank Berlin", bic="DEUTDEBBXXX"
    )


@pytest.fixture
def new_account(finance):
    return make_account(
        actor=finance,
        iban=NEW_IBAN,
        bank_name="Barclays Bank UK",
        bic="BUKBGB22XXX",
        bank_address="1 Churchill Place, London E14 5HP",
        intermediary_bic="CHASUS33XXX",
        intermediary_account_encrypted=encrypt("400-123456"),
    )


def buyer(owner, *, name, country, tz, grade=Grade.B, language="en", email=None, **kw):
    """An active buyer owned by ``owner``, its contact in zone ``tz`` (``email=False``:
    no email on file)."""
    company = make_company(
        actor=owner,
        owner=owner,
        name=name,
        country=country,
        email=email,
        status="active",
        grade=grade,
        document_language=language,
        **kw,
    )
    contact = company.contacts.get()
    contact.time_zone = tz
    contact.save(update_fields=["time_zone"])
    return company


def pay(company, account, day, recorded_by, amount="12500.00"):
    return ReceivedPayment.objects.create(
        account=account,
        company=company,
        amount=Decimal(amount),
        currency=account.currency,
        received_on=day,
        recorded_by=recorded_by,
    )


@pytest.fixture
def buyers(owner):
    """Four active buyers: Berlin (grade A), New York, Dubai (WhatsApp), Sydney (Chinese)."""
    berlin = buyer(owner, name="Müller Maschinenbau GmbH", country="DE", tz="Europe/Berlin",
                   grade=Grade.A, email="anna.schmidt@mueller-maschinen.de")  # fmt: skip
    new_york = buyer(owner, name="Hudson Trading LLC", country="US", tz="America/New_York",
                     phone="+1 212 555 0142", email="jim@hudson-trading.com")  # fmt: skip
    dubai = buyer(owner, name="Gulf Lights FZE", country="AE", tz="Asia/Dubai",
                  phone="+971 4 555 0100", email="omar@gulflights.ae")  # fmt: skip
    Channel.objects.create(
        contact=dubai.contacts.get(), kind="whatsapp", value="+971501234567", is_primary=True
    )
    sydney = buyer(owner, name="Harbour Imports Pty Ltd", country="AU", tz="Australia/Sydney",
                   language="zh-hans", phone="+61 2 5550 1234",
                   email="wei@harbourimports.com.au")  # fmt: skip
    return {"berlin": berlin, "new_york": new_york, "dubai": dubai, "sydney": sydney}


def plan_input(old, new, **overrides) -> PlanInput:
    values = {
        "old_account": old,
        "new_account": new,
        "reason": "Lower fees for USD receipts and faster settlement.",
        "decided_on": datetime.date(2026, 10, 20),
        "parallel_from": datetime.date(2026, 12, 7),
        "old_closes_on": datetime.date(2027, 1, 31),
        "audience": Audience.ALL_ACTIVE,
    }
    values.update(overrides)
    return PlanInput(**values)


@pytest.fixture
def plan(finance, old_account, new_account):
    return plan_create(actor=finance, data=plan_input(old_account, new_account), today=TODAY)


@pytest.fixture
def smtp(settings):
    """A running loopback SMTP server the outbox sends to."""
    server = SmtpServer(free_port())
    settings.CHENGXIN_SMTP_HOST = "127.0.0.1"
    settings.CHENGXIN_SMTP_PORT = server.port
    settings.CHENGXIN_SMTP_STARTTLS = False
    settings.CHENGXIN_SMTP_SSL = False
    settings.CHENGXIN_SMTP_USER = ""
    server.start()
    yield server
    server.stop()


@pytest.fixture
def cloud_api(settings):
    """A running loopback WhatsApp Cloud API; WhatsApp is configured to use it."""
    api = CloudApi()
    api.start()
    settings.CHENGXIN_WHATSAPP_API_BASE = api.base
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = "106540352242922"
    settings.CHENGXIN_WHATSAPP_TOKEN = "EAAG-test-token"  # noqa: S105
    settings.CHENGXIN_WHATSAPP_TEMPLATE = ""
    settings.CHENGXIN_WHATSAPP_TIMEOUT = 5
    yield api
    api.stop()


@pytest.fixture
def no_whatsapp(settings):
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = ""
    settings.CHENGXIN_WHATSAPP_TOKEN = ""

"""Campaign test helpers: our old and new receiving accounts (made directly, as four eyes
would have left them), buyers in four time zones, a draft plan. "Today" of the tests, the
accounts' factory and the plan's input are in ``chengxin.testing.campaigns``; the loopback
SMTP server (``smtp``) and WhatsApp Cloud API (``whatsapp_api``) are shared fixtures."""

from __future__ import annotations

import pytest

from chengxin.campaigns.services import plan_create
from chengxin.campaigns.services.launch import plan_launch
from chengxin.core.crypto import encrypt
from chengxin.parties.models import Channel, Grade
from chengxin.testing import make_company
from chengxin.testing.campaigns import NEW_IBAN, NOW, OLD_IBAN, TODAY, our_account, plan_input


@pytest.fixture
def old_account(finance):
    return our_account(
        actor=finance, iban=OLD_IBAN, bank_name="Deutsche Bank Berlin", bic="DEUTDEBBXXX"
    )


@pytest.fixture
def new_account(finance):
    return our_account(
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


@pytest.fixture
def plan(finance, old_account, new_account):
    return plan_create(actor=finance, data=plan_input(old_account, new_account), today=TODAY)


@pytest.fixture
def launched(finance, plan, buyers, no_whatsapp):
    """The plan launched at NOW to the four buyers (no WhatsApp set up)."""
    return plan_launch(actor=finance, plan=plan, now=NOW)

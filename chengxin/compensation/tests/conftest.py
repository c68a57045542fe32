"""Fixtures for fee compensation: our old and new receiving accounts, a launched change
plan that offers to pay intermediary fees, the buyer as its recipient (with the personal
token), and real vouchers (PDFs rendered by WeasyPrint, a real PNG).

Plans, recipients and accounts are made with the ORM: their services are not what is
tested here."""

from __future__ import annotations

import datetime
import functools
import struct
import zlib
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from chengxin.campaigns.models import ChangePlan, PlanState, Recipient
from chengxin.campaigns.tokens import new_token
from chengxin.testing.banking import make_account

OLD_IBAN = "FR1420041010050500013M02606"
NEW_IBAN = "DE89370400440532013000"
FRAUD_IBAN = "GB29NWBK60161331926819"


@pytest.fixture(autouse=True)
def _in_english(english):
    """The tests read the messages in English (the pages' default is Chinese)."""


HOLDER = "Ningbo Chengxin Export Co., Ltd."


def today() -> datetime.date:
    return timezone.now().date()


@pytest.fixture
def old_account(manager):
    return make_account(
        proposed_by=manager,
        iban=OLD_IBAN,
        holder_name=HOLDER,
        bank_name="BNP Paribas",
        bic="BNPAFRPPXXX",
    )


@pytest.fixture
def new_account(manager):
    return make_account(
        proposed_by=manager,
        iban=NEW_IBAN,
        holder_name=HOLDER,
        bank_name="Commerzbank AG",
        bic="COBADEFFXXX",
    )


def make_plan(*, actor, old_account, new_account, **fields) -> ChangePlan:
    values = {
        "reason": "Lower fees for euro payments",
        "decided_on": today() - datetime.timedelta(days=60),
        "parallel_from": today() - datetime.timedelta(days=20),
        "old_closes_on": today() + datetime.timedelta(days=40),
        "state": PlanState.LAUNCHED,
        "launched_by": actor,
        "launched_at": timezone.now() - datetime.timedelta(days=30),
        "fee_offer_until": today() + datetime.timedelta(days=30),
        "fee_cap": Decimal("35.00"),
        "fee_cap_currency": "USD",
        **fields,
    }
    return ChangePlan.objects.create(
        old_account=old_account, new_account=new_account, created_by=actor, **values
    )


@pytest.fixture
def plan(manager, old_account, new_account):
    return make_plan(actor=manager, old_account=old_account, new_account=new_account)


@dataclass
class Link:
    recipient: Recipient
    token: str


def make_recipient(*, plan, company, language: str = "en") -> Link:
    token = new_token()
    recipient = Recipient.objects.create(
        plan=plan,
        company=company,
        contact=company.contacts.first(),
        language=language,
        token_digest=token.digest,
        token_encrypted=token.encrypted,
    )
    return Link(recipient=recipient, token=token.token)


@pytest.fixture
def link(plan, company) -> Link:
    return make_recipient(plan=plan, company=company)


@pytest.fixture
def recipient(link) -> Recipient:
    return link.recipient


@functools.cache
def voucher_pdf(*, iban: str = NEW_IBAN, amount: str = "12,500.00", reference: str = "PI-2026-118",
                note: str = "") -> bytes:  # fmt: skip
    """A remittance advice (MT103-like) as a real PDF with a text layer."""
    from weasyprint import HTML

    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    html = f"""<html><body style="font-family: sans-serif">
      <h1>Payment confirmation</h1>
      <p>:20: Transaction reference {reference}</p>
      <p>:32A: Value date, currency, amount EUR {amount}</p>
      <p>:50K: Ordering customer Müller Maschinenbau GmbH</p>
      <p>:59: Beneficiary IBAN {grouped}</p>
      <p>Beneficiary Ningbo Chengxin Export Co., Ltd.</p>
      <p>:71A: Charges OUR. Intermediary fee USD 28.00</p>
      <p>{note}</p>
    </body></html>"""
    return HTML(string=html).write_pdf()


def voucher_png(width: int = 4, height: int = 3) -> bytes:
    """A real (tiny) PNG image: a photo of the voucher, as a buyer would send from a phone."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="session")
def pdf_voucher() -> bytes:
    return voucher_pdf()


def claim_data(**overrides) -> dict:
    values = {
        "paid_on": today() - datetime.timedelta(days=3),
        "payment_amount": Decimal("12500.00"),
        "payment_currency": "EUR",
        "fee_amount": Decimal("28.00"),
        "fee_currency": "USD",
        "payment_reference": "PI-2026-118",
        "voucher_name": "MT103 PI-2026-118.pdf",
        "voucher_content_type": "application/pdf",
    }
    values.update(overrides)
    return values


@pytest.fixture
def claim(recipient, pdf_voucher):
    """The buyer's claim through their personal link, with a PDF voucher."""
    from chengxin.compensation.services import fee_claim_submit

    return fee_claim_submit(recipient=recipient, voucher_content=pdf_voucher, **claim_data())

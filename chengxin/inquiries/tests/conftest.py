"""Fixtures for inquiries: a buyer owned by ``owner`` with one contact, a message from
that contact, and moments in the company's zone (Asia/Shanghai)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest

from chengxin.mail.models import Source
from chengxin.mail.services.ingest import message_ingest
from chengxin.testing import make_company, speak_english
from chengxin.testing.mail import make_raw

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
BUYER_EMAIL = "anna.schmidt@mueller-maschinen.de"


def sh(*args) -> datetime.datetime:
    """A moment on the company's clock."""
    return datetime.datetime(*args, tzinfo=SHANGHAI)


@pytest.fixture(autouse=True)
def _in_english(english, settings):
    """Messages in English; the company's calendar as the settings give it by default."""
    settings.CHENGXIN_COMPANY_COUNTRY = "CN"
    settings.CHENGXIN_COMPANY_TIME_ZONE = "Asia/Shanghai"
    settings.CHENGXIN_WORKING_HOURS = "09:00-12:00,13:30-18:00"
    settings.CHENGXIN_INQUIRY_FIRST_RESPONSE_HOURS = 4
    settings.CHENGXIN_INQUIRY_FULL_ANSWER_HOURS = 24
    settings.CHENGXIN_INQUIRY_REMIND_MINUTES = 60


@pytest.fixture
def company(owner):
    speak_english(owner)
    return make_company(actor=owner, owner=owner, name="Müller Maschinen GmbH", email=BUYER_EMAIL)


@pytest.fixture
def contact(company):
    return company.contacts.get()


@pytest.fixture
def make_message(company):
    def _make(subject="Inquiry: 2000 pcs LED panels", text=None, **kwargs):
        raw = make_raw(
            sender=f"Anna Schmidt <{BUYER_EMAIL}>",
            subject=subject,
            text=text
            or "Dear Li Na,\n\nplease send us your best price and MOQ for 2000 pcs.\n\nAnna",
            **kwargs,
        )
        message = message_ingest(raw=raw, source=Source.COMMAND).message
        if message.company_id is None:  # linking is the inbound pipeline's work
            message.company = company
            message.contact = company.contacts.get()
            message.save(update_fields=["company", "contact"])
        return message

    return _make

"""The buyer's postal address on the documents, and a quotation addressed to the quote's
contact person: named above the address and, by default, sent to their verified address."""

from __future__ import annotations

import datetime

import pytest

from chengxin.documents import services
from chengxin.documents.tests.conftest import NOW, line
from chengxin.orders import services as order_services
from chengxin.parties.services.channels import ChannelInput
from chengxin.parties.services.contacts import contact_create
from chengxin.testing import mark_channels_verified

pytestmark = pytest.mark.django_db

ADDRESS = "Alt-Moabit 91\n10559 Berlin"
JONAS = "jonas.weber@mueller-maschinen.de"


@pytest.fixture
def addressed(company):
    company.address = ADDRESS
    company.save(update_fields=["address"])
    return company


@pytest.fixture
def jonas(owner, addressed):
    """A second contact of the customer, his address verified; alphabetically after Anna,
    so not the customer's first recipient."""
    person = contact_create(
        actor=owner, company=addressed, name="Jonas Weber",
        channels=[ChannelInput("email", JONAS)],
    )  # fmt: skip
    mark_channels_verified(addressed)
    return person


def _quote(owner, company, contact=None):
    return order_services.quote_create(
        actor=owner, company=company, currency="EUR", incoterm="CIF", named_place="Hamburg",
        valid_until=datetime.date(2026, 12, 31), lines=[line(price="13.10")],
        contact_id=contact.pk if contact else None, now=NOW,
    )  # fmt: skip


def test_the_proformas_page_carries_the_buyers_address(owner, addressed, order):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    assert draft.spec["buyer"]["address"] == ADDRESS
    html = services.document_html(draft)
    assert "Alt-Moabit 91<br>10559 Berlin" in html
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    assert "Alt-Moabit 91<br>10559 Berlin" in services.document_html(issued)


def test_a_quotation_names_its_contact_above_the_address(owner, addressed, jonas, accounts):
    quote = _quote(owner, addressed, jonas)
    draft = services.document_draft(actor=owner, kind="quotation", quote=quote, now=NOW)
    assert draft.spec["buyer"]["address"] == "Attn: Jonas Weber\n" + ADDRESS
    assert "Attn: Jonas Weber<br>Alt-Moabit 91" in services.document_html(draft)


def test_a_quotation_without_a_contact_has_no_attention_line(owner, addressed, accounts):
    draft = services.document_draft(
        actor=owner, kind="quotation", quote=_quote(owner, addressed), now=NOW
    )
    assert draft.spec["buyer"]["address"] == ADDRESS


def test_the_quotation_goes_to_its_contacts_verified_address(owner, addressed, jonas, accounts):
    quote = _quote(owner, addressed, jonas)
    draft = services.document_draft(actor=owner, kind="quotation", quote=quote, now=NOW)
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    assert [r.email for r in services.document_recipients(issued)][0] == JONAS
    sent = services.document_send(actor=owner, document=issued, now=NOW)
    assert sent.sent_to == JONAS
    assert sent.message.contact_id == jonas.pk


def test_without_a_contact_the_customers_first_address(owner, addressed, jonas, accounts):
    draft = services.document_draft(
        actor=owner, kind="quotation", quote=_quote(owner, addressed), now=NOW
    )
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    sent = services.document_send(actor=owner, document=issued, now=NOW)
    assert sent.sent_to == "anna.schmidt@mueller-maschinen.de"


def test_a_contact_without_a_verified_address_falls_back(owner, addressed, accounts):
    unverified = contact_create(
        actor=owner, company=addressed, name="Aaron Neu",
        channels=[ChannelInput("email", "aaron@mueller-maschinen.de")],
    )  # fmt: skip
    quote = _quote(owner, addressed, unverified)
    draft = services.document_draft(actor=owner, kind="quotation", quote=quote, now=NOW)
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    sent = services.document_send(actor=owner, document=issued, now=NOW)
    assert sent.sent_to == "anna.schmidt@mueller-maschinen.de"

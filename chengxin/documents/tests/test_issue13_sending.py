"""Sending a document through the real outbox to a loopback SMTP server: queued for the
buyer's working hours, a short letter in the buyer's language with the link that checks
our account, the PDF attached byte for byte as kept; only to a verified address."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError

from chengxin.documents import services
from chengxin.documents.models import DocumentState
from chengxin.documents.tests.conftest import USD_NUMBER
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.services import outbox_send_due
from chengxin.parties.models import Channel

pytestmark = pytest.mark.django_db

ADDRESS = "anna.schmidt@mueller-maschinen.de"
# Monday 7 December 2026, 06:00 UTC: 07:00 in Berlin, before Anna's working day.
EARLY = datetime.datetime(2026, 12, 7, 6, 0, tzinfo=datetime.UTC)
BERLIN_NINE = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def german_buyer(company, contact):
    company.document_language = "de"
    company.save(update_fields=["document_language"])
    contact.time_zone = "Europe/Berlin"
    contact.save(update_fields=["time_zone"])
    return company


def _issued(owner, order, **kwargs):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=EARLY, **kwargs)
    return services.document_issue(actor=owner, document=draft, now=EARLY)


def test_the_proforma_reaches_the_buyer_in_her_working_hours(owner, german_buyer, order, smtp):
    document = services.document_send(actor=owner, document=_issued(owner, order), now=EARLY)
    message = document.message
    assert document.state == DocumentState.SENT
    assert (document.sent_at, document.sent_to) == (EARLY, ADDRESS)
    assert message.status == Status.WAITING_FOR_WINDOW
    assert message.not_before == BERLIN_NINE
    assert (message.purpose, message.related_type) == ("documents.document", "documents.document")
    assert message.related_id == str(document.pk)

    outbox_send_due(now=EARLY + datetime.timedelta(minutes=30))
    assert smtp.inbox.messages == []
    outbox_send_due(now=BERLIN_NINE)
    [(recipients, mail)] = smtp.inbox.messages
    assert recipients == [ADDRESS]
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert document.number in mail["Subject"]
    body = mail.get_body(preferencelist=("plain",)).get_content()
    # the letter in German (the words the buyer catalogue already has), the link that
    # opens the public check with our account filled in, the fingerprint
    assert body.startswith("Guten Tag Anna Schmidt,")
    assert "Mit freundlichen Grüßen" in body
    assert f"https://crm.chengxin.example/trust/accounts/check/?number={USD_NUMBER}&lang=de" in body
    assert document.sha256 in body
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == f"{document.number}.pdf"
    assert attachment.get_content_type() == "application/pdf"
    content = attachment.get_content()
    assert content == bytes(document.pdf)
    assert hashlib.sha256(content).hexdigest() == document.sha256


def test_only_a_verified_address_of_the_customer(owner, order, contact):
    issued = _issued(owner, order)
    with pytest.raises(ValidationError) as elsewhere:
        services.document_send(actor=owner, document=issued, to="attacker@example.net", now=EARLY)
    assert elsewhere.value.message_dict["to"] == [
        "Send it only to one of the customer's verified email addresses."
    ]
    Channel.objects.filter(contact=contact).update(verified_at=None)
    with pytest.raises(ValidationError) as nowhere:
        services.document_send(actor=owner, document=issued, now=EARLY)
    assert "no verified email address" in nowhere.value.message_dict["to"][0]
    issued.refresh_from_db()
    assert issued.state == DocumentState.ISSUED
    assert not OutboundMessage.objects.exists()


def test_a_stored_pdf_that_no_longer_matches_its_hash_is_not_sent(owner, order):
    issued = _issued(owner, order)
    type(issued).objects.filter(pk=issued.pk).update(pdf=bytes(issued.pdf) + b"\n%tampered")
    with pytest.raises(ValidationError, match="does not match its fingerprint"):
        services.document_send(actor=owner, document=issued, now=EARLY)
    assert not OutboundMessage.objects.exists()


def test_a_draft_is_not_sent(owner, order):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=EARLY)
    with pytest.raises(ValidationError):
        services.document_send(actor=owner, document=draft, now=EARLY)
    assert not OutboundMessage.objects.exists()

"""Storing messages: once, linked to the right customer, threaded, never lost."""

from __future__ import annotations

import datetime

import pytest

from chengxin.guard.models import Assessment
from chengxin.mail.models import Attachment, LinkReason, Message, Thread
from chengxin.mail.services.ingest import message_ingest
from chengxin.parties.services.domains import company_domain_add
from chengxin.testing import make_company, shared_data
from chengxin.testing.mail import make_raw


def test_a_message_from_a_known_contact_is_linked_to_contact_and_company(ingest, company):
    raw = make_raw()
    result = ingest(raw)
    message = result.message
    assert result.created
    assert message.raw.read() == raw
    assert message.contact == company.contacts.get()
    assert message.company == company
    assert message.link_reason == LinkReason.CONTACT
    assert message.from_name == "Anna Schmidt"
    assert message.from_key == "anna.schmidt@mueller-maschinen.de"
    assert message.subject == "Order 4711: delivery schedule"
    assert "delivery schedule for order 4711" in message.text_body
    assert message.sent_at == datetime.datetime(
        2025, 3, 4, 9, 30, message.sent_at.second, tzinfo=datetime.UTC
    )


def test_a_colleague_of_the_contact_is_linked_to_the_company_by_domain(ingest, company):
    message = ingest(make_raw(sender="Jonas Weber <jonas.weber@mueller-maschinen.de>")).message
    assert message.company == company
    assert message.contact is None
    assert message.link_reason == LinkReason.DOMAIN


def test_a_subdomain_of_a_known_domain_is_linked_too(ingest, company):
    message = ingest(make_raw(sender="noreply@mail.mueller-maschinen.de")).message
    assert message.company == company


def test_a_stranger_is_linked_to_nobody(ingest, company):
    message = ingest(make_raw(sender="someone@unrelated-example.org")).message
    assert message.company is None and message.contact is None


def test_a_free_mail_address_does_not_link_by_domain(ingest, owner, company):
    make_company(actor=owner, name="Gmail User Ltd", email="buyer.one@gmail.com")
    message = ingest(make_raw(sender="another.person@gmail.com")).message
    assert message.company is None


def test_the_same_bytes_are_stored_once(ingest, company):
    raw = make_raw()
    first = ingest(raw)
    second = ingest(raw)
    assert first.created and not second.created
    assert second.message.pk == first.message.pk
    assert Message.objects.count() == 1


def test_the_same_message_id_from_another_delivery_is_stored_once(ingest, company):
    raw = make_raw(message_id="<order-4711@mueller-maschinen.de>")
    ingest(raw)
    redelivered = b"Received: from mx2.example.net by mx.chengxin-export.cn\r\n" + raw
    assert not ingest(redelivered).created
    assert Message.objects.count() == 1


def test_a_forged_copy_reusing_a_message_id_is_stored_separately(ingest, company):
    """A fraudster quoting a real Message-ID must not make his own message vanish."""
    ingest(make_raw(message_id="<order-4711@mueller-maschinen.de>"))
    forged = make_raw(
        message_id="<order-4711@mueller-maschinen.de>",
        text="Please pay the balance to our new account.",
    )
    assert ingest(forged).created
    assert Message.objects.filter(message_id="order-4711@mueller-maschinen.de").count() == 2


def test_replies_join_the_conversation_by_headers(ingest, company):
    first = ingest(make_raw(message_id="<a1@mueller-maschinen.de>")).message
    reply = ingest(
        make_raw(
            sender="Li Na <li.na@chengxin-export.cn>",
            to="anna.schmidt@mueller-maschinen.de",
            subject="Re: Order 4711: delivery schedule",
            message_id="<b2@chengxin-export.cn>",
            in_reply_to="<a1@mueller-maschinen.de>",
            references="<a1@mueller-maschinen.de>",
        )
    ).message
    assert reply.thread_id == first.thread_id
    # Our own reply concerns the customer of the conversation.
    assert reply.company == company and reply.link_reason == LinkReason.THREAD


def test_a_reply_that_arrives_before_its_parent_still_joins_it(ingest, company):
    reply = ingest(
        make_raw(
            subject="Re: Samples",
            message_id="<r@x.example>",
            in_reply_to="<parent@mueller-maschinen.de>",
        )
    ).message
    parent = ingest(make_raw(subject="Samples", message_id="<parent@mueller-maschinen.de>")).message
    assert parent.thread_id == reply.thread_id


def test_without_headers_the_subject_and_participants_join_a_conversation(ingest, company):
    first = ingest(make_raw(subject="Quotation for CNC parts")).message
    second = ingest(make_raw(subject="AW: Quotation for CNC parts")).message
    other_buyer = ingest(
        make_raw(sender="buyer@another-buyer.example", subject="Re: Quotation for CNC parts")
    ).message
    assert second.thread_id == first.thread_id
    # The same subject from someone else, both written to us, is another conversation.
    assert other_buyer.thread_id != first.thread_id
    assert Thread.objects.count() == 2


def test_attachments_are_stored_with_size_and_checksum(ingest, company):
    pdf = b"%PDF-1.4 delivery schedule"
    message = ingest(make_raw(attachments=[("schedule.pdf", "application/pdf", pdf)])).message
    attachment = Attachment.objects.get(message=message)
    assert attachment.filename == "schedule.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(pdf)
    assert attachment.file.read() == pdf


def test_an_attachment_name_cannot_escape_the_folder(ingest, company):
    message = ingest(make_raw(attachments=[("../../etc/passwd", "text/plain", b"x")])).message
    attachment = message.attachments.get()
    assert "/" not in attachment.filename and ".." not in attachment.filename.split("_")


def test_html_is_sanitised_on_storage(ingest, company):
    message = ingest(
        make_raw(
            html='<p>Hello</p><script>alert("x")</script>'
            '<img src="https://tracker.example/open.gif?id=42" alt="logo">'
            '<a href="https://mueller-maschinen.de/offer">offer</a>'
        )
    ).message
    assert "<script" not in message.html_body and "alert" not in message.html_body
    assert "tracker.example" not in message.html_body
    assert message.blocked_images == 1
    assert 'rel="noopener noreferrer"' in message.html_body


def test_broken_mime_is_stored_raw_with_a_parse_error(ingest, company):
    raw = (
        b"From: anna.schmidt@mueller-maschinen.de\r\n"
        b"To: li.na@chengxin-export.cn\r\n"
        b"Subject: broken\r\n"
        b"Message-ID: <broken@mueller-maschinen.de>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="declared"\r\n\r\n'
        b"--actually-used\r\nContent-Type: text/plain\r\n\r\nthe text\r\n--actually-used--\r\n"
    )
    message = ingest(raw).message
    assert message.raw.read() == raw
    assert "boundary" in message.parse_error
    assert "the text" in message.text_body
    assert message.company == company


def test_a_multipart_without_any_boundary_is_kept_as_a_file(ingest, company):
    raw = (
        b"From: anna.schmidt@mueller-maschinen.de\r\nSubject: no parts\r\n"
        b"Content-Type: multipart/mixed\r\n\r\njust text, no boundary at all\r\n"
    )
    message = ingest(raw).message
    assert message.parse_error
    assert message.raw.read() == raw


def test_a_wrong_charset_is_decoded_by_guessing_and_reported(ingest, company):
    raw = (
        "From: anna.schmidt@mueller-maschinen.de\r\nSubject: Gr\u00fc\u00dfe\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\nGr\u00fc\u00dfe aus M\u00fcnchen\r\n"
    ).encode("utf-8")
    message = ingest(raw).message
    assert "Grüße aus München" in message.text_body
    assert "us-ascii" in message.parse_error


def test_an_unknown_charset_is_reported(ingest, company):
    raw = (
        b"From: anna.schmidt@mueller-maschinen.de\r\nSubject: x\r\n"
        b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\nhello\r\n"
    )
    message = ingest(raw).message
    assert message.text_body.strip() == "hello"
    assert "x-no-such-charset" in message.parse_error


def test_a_huge_message_is_stored_raw_with_its_headers_only(ingest, company, settings):
    settings.CHENGXIN_MAIL_MAX_PARSE_MB = 25
    body = b"A" * (30 * 1_000_000)
    raw = (
        b"From: Anna Schmidt <anna.schmidt@mueller-maschinen.de>\r\n"
        b"Subject: 30 MB of scans\r\nMessage-ID: <huge@mueller-maschinen.de>\r\n\r\n" + body
    )
    result = ingest(raw)
    message = result.message
    assert result.created
    assert message.raw_size == len(raw)
    assert message.raw.size == len(raw)
    assert "30.0 MB" in message.parse_error and "only its headers" in message.parse_error
    assert message.subject == "30 MB of scans"
    assert message.company == company
    assert Assessment.objects.filter(message=message).exists()


def test_the_bad_message_from_the_authheaders_suite_is_stored(ingest, company):
    raw = shared_data("email_auth", "authheaders_test_bad_message.eml").read_bytes()
    result = ingest(raw)
    assert result.created
    assert result.message.raw.read() == raw
    assert Assessment.objects.filter(message=result.message).exists()


def test_garbage_is_stored_too(ingest, db):
    raw = b"\x00\xff\xfe not a message at all \x80\x81"
    message = ingest(raw).message
    assert message.raw.read() == raw
    assert message.from_address == ""


def test_a_message_that_names_no_sender_at_all(ingest, db):
    message = ingest(b"Subject: nothing else\r\n\r\nbody\r\n").message
    assert message.subject == "nothing else" and message.from_key == ""


def test_a_message_of_a_merged_company_shows_on_the_surviving_one(ingest, owner, manager, company):
    from chengxin.parties.services.merge import company_merge

    other = make_company(
        actor=owner, name="Mueller Machines (duplicate)", email="info@mueller-old.de"
    )
    company_merge(actor=manager, keep=company, other=other)
    message = ingest(make_raw(sender="sales@mueller-old.de")).message
    assert message.company == company


def test_a_domain_shared_by_two_companies_links_to_neither(ingest, owner, company):
    twin = make_company(actor=owner, name="Müller Service GmbH", email=False)
    company_domain_add(actor=owner, company=twin, domain="mueller-maschinen.de")
    message = ingest(make_raw(sender="unknown.person@mueller-maschinen.de")).message
    assert message.company is None


@pytest.mark.django_db
def test_ingest_without_the_after_commit_step_leaves_it_for_the_sweep(company):
    from chengxin.inbound.pipeline import messages_process_pending

    message = message_ingest(raw=make_raw(), source="command").message
    assert not Assessment.objects.filter(message=message).exists()
    assert messages_process_pending() == 1
    assert Assessment.objects.get(message=message).level == "low"


def test_nul_characters_do_not_stop_storage(ingest, company):
    """PostgreSQL refuses NUL in text; the raw bytes keep them, the text shows a mark."""
    raw = (
        b"From: Anna\x00 Schmidt <anna.schmidt@mueller-maschinen.de>\r\n"
        b"Subject: order\x00 4711\r\nMessage-ID: <nul\x00@mueller-maschinen.de>\r\n"
        b"In-Reply-To: <parent\x00@x>\r\n\r\nline one\x00line two\r\n"
    )
    message = ingest(raw).message
    assert message.raw.read() == raw
    assert message.subject == "order\ufffd 4711"
    assert "line one\ufffdline two" in message.text_body
    assert message.company == company


def test_the_same_subject_years_apart_is_another_conversation(ingest, company):
    old = ingest(
        make_raw(subject="Price list", date=datetime.datetime(2019, 5, 2, tzinfo=datetime.UTC))
    ).message
    new = ingest(
        make_raw(subject="Price list", date=datetime.datetime(2025, 5, 2, tzinfo=datetime.UTC))
    ).message
    older_import = ingest(
        make_raw(subject="Price list", date=datetime.datetime(2019, 5, 20, tzinfo=datetime.UTC))
    ).message
    assert new.thread_id != old.thread_id
    assert older_import.thread_id == old.thread_id


def test_an_address_written_as_the_senders_name_is_not_the_sender(ingest, owner, company):
    """``anna.schmidt@mueller-maschinen.de <x@elsewhere>`` comes from elsewhere."""
    message = ingest(
        make_raw(sender="anna.schmidt@mueller-maschinen.de <billing@elsewhere.example>")
    ).message
    assert message.from_address == "billing@elsewhere.example"
    assert message.from_name == "anna.schmidt@mueller-maschinen.de"
    assert message.contact is None


def test_several_senders_and_quoted_commas(ingest, company):
    message = ingest(make_raw(sender='"Schmidt, Anna" <anna.schmidt@mueller-maschinen.de>')).message
    assert (message.from_name, message.from_address) == (
        "Schmidt, Anna",
        "anna.schmidt@mueller-maschinen.de",
    )
    assert message.contact is not None


def test_a_bug_while_reading_a_message_still_stores_it(ingest, company, monkeypatch):
    def broken(*args, **kwargs):
        raise LookupError("simulated bug")

    monkeypatch.setattr("chengxin.mail.services.ingest.thread_for", broken)
    raw = make_raw(subject="kept anyway")
    message = ingest(raw).message
    assert message.raw.read() == raw
    assert "LookupError: simulated bug" in message.parse_error
    assert Assessment.objects.filter(message=message).exists()

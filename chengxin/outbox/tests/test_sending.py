import datetime

import pytest

from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.selectors import outbox_sent_to_since
from chengxin.outbox.services import outbox_enqueue, outbox_send_due

UTC = datetime.UTC
T0 = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ANNA = "anna.schmidt@mueller-maschinen.de"


def _write(owner, company, **kw):
    contact = company.contacts.get()
    return outbox_enqueue(
        actor=owner,
        to=kw.pop("to", ANNA),
        subject=kw.pop("subject", "Please confirm your new address"),
        body_text=kw.pop("body_text", "Dear Anna, please confirm."),
        contact=contact,
        company=company,
        now=kw.pop("now", T0),
        **kw,
    )


@pytest.mark.django_db
def test_message_is_delivered_to_a_real_smtp_server(owner, company, smtp_server):
    smtp_server.start()
    message = _write(
        owner, company, attachments=[("PI-2026-001.pdf", b"%PDF-1.4 test", "application/pdf")]
    )
    assert message.status == Status.QUEUED

    assert outbox_send_due(now=T0) == {"sent": 1}

    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.sent_at == T0
    assert message.attempts == 1
    [(rcpts, received)] = smtp_server.inbox.messages
    assert rcpts == [ANNA]
    assert received["Subject"] == "Please confirm your new address"
    assert received["Message-ID"] == message.message_id
    assert received.get_body(("plain",)).get_content().strip() == "Dear Anna, please confirm."
    [attachment] = list(received.iter_attachments())
    assert attachment.get_filename() == "PI-2026-001.pdf"
    assert attachment.get_content() == b"%PDF-1.4 test"
    assert list(outbox_sent_to_since(value=ANNA.upper(), since=T0)) == [message]
    # A second run finds nothing more to do: sent once.
    assert outbox_send_due(now=T0 + datetime.timedelta(minutes=5)) == {}
    assert len(smtp_server.inbox.messages) == 1


@pytest.mark.django_db
def test_server_down_message_waits_then_goes_out_exactly_once(owner, company, smtp_server):
    message = _write(owner, company)

    # Server down: connection refused, twice.
    assert outbox_send_due(now=T0) == {"queued": 1}
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.attempts == 1
    assert message.next_attempt_at == T0 + datetime.timedelta(minutes=1)
    assert message.last_error

    # Not due again before its backoff has passed.
    assert outbox_send_due(now=T0 + datetime.timedelta(seconds=30)) == {}
    assert outbox_send_due(now=T0 + datetime.timedelta(minutes=1)) == {"queued": 1}
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.next_attempt_at == T0 + datetime.timedelta(minutes=3)

    # The server comes back on the same port.
    smtp_server.start()
    later = T0 + datetime.timedelta(minutes=3)
    assert outbox_send_due(now=later) == {"sent": 1}
    assert outbox_send_due(now=later + datetime.timedelta(minutes=10)) == {}
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 3
    assert len(smtp_server.inbox.messages) == 1
    assert smtp_server.inbox.messages[0][1]["Message-ID"] == message.message_id


@pytest.mark.django_db
def test_unknown_recipient_is_a_bounce_and_not_retried(owner, company, smtp_server):
    smtp_server.inbox.refuse["nobody@mueller-maschinen.de"] = "550 5.1.1 No such user"
    smtp_server.start()
    message = _write(owner, company, to="nobody@mueller-maschinen.de")
    assert outbox_send_due(now=T0) == {"bounced": 1}
    message.refresh_from_db()
    assert message.status == Status.BOUNCED
    assert "550" in message.last_error
    assert outbox_send_due(now=T0 + datetime.timedelta(hours=1)) == {}
    assert OutboundMessage.objects.get().attempts == 1


@pytest.mark.django_db
def test_greylisting_4xx_is_retried(owner, company, smtp_server):
    smtp_server.inbox.refuse[ANNA] = "451 4.7.1 Greylisted, try again later"
    smtp_server.start()
    message = _write(owner, company)
    assert outbox_send_due(now=T0) == {"queued": 1}
    del smtp_server.inbox.refuse[ANNA]
    assert outbox_send_due(now=T0 + datetime.timedelta(minutes=1)) == {"sent": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len(smtp_server.inbox.messages) == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.django_db
def test_relay_login_and_a_wrong_password_keeps_the_message_waiting(
    owner, company, smtp_server, settings
):
    smtp_server.start(login=("chengxin", "Relay-Pass-1"))
    settings.CHENGXIN_SMTP_USER = "chengxin"
    settings.CHENGXIN_SMTP_PASSWORD = "wrong"  # noqa: S105
    message = _write(owner, company)
    assert outbox_send_due(now=T0) == {"queued": 1}
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert "535" in message.last_error
    assert smtp_server.inbox.messages == []

    settings.CHENGXIN_SMTP_PASSWORD = "Relay-Pass-1"  # noqa: S105
    assert outbox_send_due(now=T0 + datetime.timedelta(minutes=1)) == {"sent": 1}
    assert len(smtp_server.inbox.messages) == 1

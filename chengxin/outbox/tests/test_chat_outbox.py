"""WhatsApp messages through the outbox: written, scheduled, carried to a real
HTTP server on loopback playing the Cloud API, retried, refused, reported."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from chengxin.notifications.models import Notification
from chengxin.outbox.chat import LocalChatTransport
from chengxin.outbox.models import Kind, OutboundMessage, Status
from chengxin.outbox.services import (
    chat_channel_configured,
    outbox_enqueue,
    outbox_send_due,
    outbox_send_now,
)
from chengxin.outbox.transport import LocalTransport, PermanentFailure, TemporaryFailure
from chengxin.testing.servers import Reply, cloud_error

UTC = datetime.UTC
T0 = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # Tuesday, 11:00 in Berlin
MINUTE = datetime.timedelta(minutes=1)
ANNA = "+491701234567"
REMINDER = (
    "Reminder: from tomorrow our new bank account applies. Please check the details here:\n"
    "https://crm.example.com/n/7f3a"
)


def _whatsapp(owner, company, **kw):
    return outbox_enqueue(
        actor=owner,
        kind=kw.pop("kind", "whatsapp"),
        to=kw.pop("to", ANNA),
        body_text=kw.pop("body_text", REMINDER),
        contact=kw.pop("contact", company.contacts.get()),
        company=company,
        now=kw.pop("now", T0),
        **kw,
    )


# --- Configuration ---------------------------------------------------------------


def test_whatsapp_is_configured_by_phone_number_id_and_token(settings):
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = "106540352242922"
    settings.CHENGXIN_WHATSAPP_TOKEN = ""
    assert not chat_channel_configured("whatsapp")
    settings.CHENGXIN_WHATSAPP_TOKEN = "EAAG-token"  # noqa: S105
    assert chat_channel_configured("whatsapp")
    assert chat_channel_configured(Kind.WHATSAPP)
    settings.CHENGXIN_WHATSAPP_PHONE_NUMBER_ID = ""
    assert not chat_channel_configured("whatsapp")


def test_sms_wechat_and_email_are_not_configured_chat_channels(whatsapp_configured):
    assert chat_channel_configured("whatsapp")
    assert not chat_channel_configured("sms")
    assert not chat_channel_configured("wechat")
    assert not chat_channel_configured("email")
    assert not chat_channel_configured("telegram")


# --- Writing ----------------------------------------------------------------------


@pytest.mark.django_db
def test_whatsapp_message_is_written_with_e164_number_and_a_label(
    owner, company, whatsapp_configured
):
    message = _whatsapp(owner, company, to="0170 123 4567")  # national, read as German
    assert message.kind == Kind.WHATSAPP
    assert message.to_address == ANNA
    # No subject: the first line, shortened, labels it in the outbox.
    assert message.subject.startswith("Reminder: from tomorrow our new bank account applies.")
    assert len(message.subject) <= 80
    assert "https://" not in message.subject
    assert message.body_text == REMINDER
    assert message.status == Status.QUEUED
    assert message.not_before == T0
    labelled = _whatsapp(owner, company, subject="Bank account reminder")
    assert labelled.subject == "Bank account reminder"


@pytest.mark.django_db
def test_whatsapp_message_needs_a_real_number_and_a_text(owner, company, whatsapp_configured):
    with pytest.raises(ValidationError) as refused:
        _whatsapp(owner, company, to="+49 12")
    assert "to" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _whatsapp(owner, company, to="anna@example.com")
    assert "to" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _whatsapp(owner, company, body_text="  \n ")
    assert "body_text" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _whatsapp(owner, company, body_text="x" * 4097)
    assert "body_text" in refused.value.message_dict
    with pytest.raises(ValidationError):
        _whatsapp(owner, company, attachments=[("a.pdf", b"%PDF", "application/pdf")])
    assert not OutboundMessage.objects.exists()


@pytest.mark.django_db
def test_unconfigured_channels_are_refused_with_a_clear_message(
    owner, company, settings, whatsapp_configured
):
    settings.LANGUAGE_CODE = "en"
    for kind in ("sms", "wechat"):
        with pytest.raises(ValidationError) as refused:
            _whatsapp(owner, company, kind=kind)
        assert refused.value.code == "channel_not_configured"
    settings.CHENGXIN_WHATSAPP_TOKEN = ""
    with pytest.raises(ValidationError) as refused:
        _whatsapp(owner, company)
    assert refused.value.code == "channel_not_configured"
    assert "WhatsApp messages cannot be sent" in refused.value.messages[0]
    assert not OutboundMessage.objects.exists()


@pytest.mark.django_db
def test_whatsapp_still_needs_the_right_to_write_to_the_customer(
    colleague, company, whatsapp_configured
):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _whatsapp(colleague, company)


# --- Sending through the loopback Cloud API ---------------------------------------------


@pytest.mark.django_db
def test_text_message_is_delivered_and_the_wamid_kept(owner, company, whatsapp_api):
    message = _whatsapp(owner, company)
    assert outbox_send_due(now=T0) == {"sent": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.sent_at == T0
    assert message.attempts == 1
    assert message.provider_message_id == "wamid.TEST1"
    [request] = whatsapp_api.requests
    assert request.path == "/v21.0/106540352242922/messages"
    assert request.authorization == "Bearer EAAG-test-token"
    assert request.body["type"] == "text"
    assert request.body["to"] == ANNA
    assert request.body["text"] == {"preview_url": True, "body": REMINDER}
    # Sent once: nothing more to do later.
    assert outbox_send_due(now=T0 + datetime.timedelta(hours=1)) == {}
    assert len(whatsapp_api.requests) == 1


@pytest.mark.django_db
def test_configured_template_carries_the_text_or_the_given_parameters(
    owner, company, whatsapp_api, settings
):
    settings.CHENGXIN_WHATSAPP_TEMPLATE = "bank_account_reminder"
    settings.CHENGXIN_WHATSAPP_TEMPLATE_LANGUAGE = "de"
    _whatsapp(owner, company)
    _whatsapp(
        owner,
        company,
        chat_parameters=["Müller Maschinen GmbH", "https://crm.example.com/n/7f3a"],
        now=T0 + MINUTE,
    )
    assert outbox_send_due(now=T0 + MINUTE) == {"sent": 2}
    first, second = (r.body for r in whatsapp_api.requests)
    assert first["type"] == second["type"] == "template"
    assert first["template"] == {
        "name": "bank_account_reminder",
        "language": {"code": "de"},
        "components": [
            {
                "type": "body",
                "parameters": [{"type": "text", "text": " ".join(REMINDER.split())}],
            }
        ],
    }
    assert second["template"]["components"][0]["parameters"] == [
        {"type": "text", "text": "Müller Maschinen GmbH"},
        {"type": "text", "text": "https://crm.example.com/n/7f3a"},
    ]


@pytest.mark.django_db
def test_throttled_and_server_errors_are_retried_with_backoff(owner, company, whatsapp_api):
    whatsapp_api.replies += [
        cloud_error(429, 130429, "(#130429) Rate limit hit"),
        Reply(500, b"Internal Server Error"),
    ]
    message = _whatsapp(owner, company)

    assert outbox_send_due(now=T0) == {"queued": 1}
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.attempts == 1
    assert message.next_attempt_at == T0 + MINUTE
    assert "130429" in message.last_error

    assert outbox_send_due(now=T0 + MINUTE / 2) == {}
    assert outbox_send_due(now=T0 + MINUTE) == {"queued": 1}
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.next_attempt_at == T0 + 3 * MINUTE
    assert "HTTP 500" in message.last_error

    assert outbox_send_due(now=T0 + 3 * MINUTE) == {"sent": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 3
    assert message.last_error == ""
    assert message.provider_message_id == "wamid.TEST3"
    assert len(whatsapp_api.requests) == 3


@pytest.mark.django_db
def test_a_slow_api_is_a_temporary_failure(owner, company, whatsapp_api, settings):
    settings.CHENGXIN_WHATSAPP_TIMEOUT = 0.3
    whatsapp_api.replies.append(Reply(200, b'{"messages":[{"id":"wamid.LATE"}]}', delay=1.5))
    message = _whatsapp(owner, company)
    assert outbox_send_due(now=T0) == {"queued": 1}
    message.refresh_from_db()
    assert "did not answer in time" in message.last_error
    assert message.provider_message_id == ""


@pytest.mark.django_db
def test_not_a_whatsapp_user_bounces_and_both_people_are_told(
    owner, manager, company, whatsapp_api, django_capture_on_commit_callbacks
):
    whatsapp_api.replies.append(
        cloud_error(
            400,
            131026,
            "(#131026) Message Undeliverable.",
            "Message Undeliverable: the number is not a WhatsApp user.",
        )
    )
    message = _whatsapp(manager, company)
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_send_due(now=T0) == {"bounced": 1}
    message.refresh_from_db()
    assert message.status == Status.BOUNCED
    assert message.bounced_at == T0
    assert "131026" in message.last_error
    assert outbox_send_due(now=T0 + datetime.timedelta(days=1)) == {}
    assert len(whatsapp_api.requests) == 1
    told = Notification.objects.filter(kind="outbox.failed").order_by("user__username")
    assert [n.user for n in told] == [manager, owner]
    assert all(ANNA in n.title for n in told)
    assert all("131026" in n.body for n in told)
    assert told[0].link == f"/outbox/{message.pk}/"


@pytest.mark.django_db
def test_a_refused_token_fails_the_message_and_tells_the_writer(
    owner, company, whatsapp_api, django_capture_on_commit_callbacks
):
    whatsapp_api.replies.append(
        cloud_error(401, 190, "Error validating access token: Session has expired")
    )
    message = _whatsapp(owner, company)
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox_send_due(now=T0) == {"failed_permanently": 1}
    message.refresh_from_db()
    assert message.status == Status.FAILED_PERMANENTLY
    assert "CHENGXIN_WHATSAPP_TOKEN" in message.last_error
    assert Notification.objects.filter(kind="outbox.failed", user=owner).exists()

    # Once the token is fixed, a person sends it again: it goes.
    outbox_send_now(actor=owner, message=message, now=T0 + MINUTE)
    assert outbox_send_due(now=T0 + MINUTE) == {"sent": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 2


@pytest.mark.django_db
def test_a_channel_switched_off_after_writing_fails_the_message(
    owner, company, whatsapp_configured, settings
):
    message = _whatsapp(owner, company)
    settings.CHENGXIN_WHATSAPP_TOKEN = ""
    assert outbox_send_due(now=T0) == {"failed_permanently": 1}
    message.refresh_from_db()
    assert "No whatsapp channel is configured" in message.last_error


# --- Working hours -------------------------------------------------------------------


@pytest.mark.django_db
def test_whatsapp_message_waits_for_the_recipients_working_hours(
    owner, company, berlin_contact, whatsapp_api
):
    night = datetime.datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 02:00 in Berlin
    message = _whatsapp(owner, company, contact=berlin_contact, in_working_hours=True, now=night)
    opens = datetime.datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
    assert message.status == Status.WAITING_FOR_WINDOW
    assert message.not_before == message.next_attempt_at == opens

    assert outbox_send_due(now=opens - MINUTE) == {}
    assert whatsapp_api.requests == []
    assert outbox_send_due(now=opens) == {"sent": 1}
    assert len(whatsapp_api.requests) == 1


@pytest.mark.django_db
def test_a_retry_that_falls_after_hours_waits_for_the_next_morning(
    owner, company, berlin_contact, whatsapp_configured
):
    evening = datetime.datetime(2026, 11, 24, 16, 59, tzinfo=UTC)  # 17:59 in Berlin
    message = _whatsapp(owner, company, contact=berlin_contact, in_working_hours=True, now=evening)
    chat = LocalChatTransport()
    chat.failure = TemporaryFailure("WhatsApp error 130429 (HTTP 429): Rate limit hit")
    assert outbox_send_due(now=evening, chat_transport=chat) == {"queued": 1}
    message.refresh_from_db()
    # 18:00 Berlin closes the window: Wednesday 09:00 Berlin.
    assert message.next_attempt_at == datetime.datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


# --- Email and chat side by side ---------------------------------------------------


@pytest.mark.django_db
def test_each_kind_goes_through_its_own_transport(owner, company, whatsapp_configured):
    email = outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Our new bank account",
        body_text="Dear Anna, ...",
        company=company,
        now=T0,
    )
    chat_message = _whatsapp(owner, company)
    mail, chat = LocalTransport(), LocalChatTransport()
    assert outbox_send_due(now=T0, transport=mail, chat_transport=chat) == {"sent": 2}
    assert [m["To"] for m in mail.sent] == ["anna.schmidt@mueller-maschinen.de"]
    assert chat.sent == [(ANNA, REMINDER, None)]
    email.refresh_from_db()
    chat_message.refresh_from_db()
    assert email.provider_message_id == ""
    assert chat_message.provider_message_id == "local.1"


@pytest.mark.django_db
def test_permanent_chat_failure_from_a_local_transport(owner, company, whatsapp_configured):
    message = _whatsapp(owner, company)
    chat = LocalChatTransport()
    chat.failure = PermanentFailure("WhatsApp error 131047 (HTTP 400)", recipient_refused=True)
    assert outbox_send_due(now=T0, chat_transport=chat) == {"bounced": 1}
    message.refresh_from_db()
    assert message.status == Status.BOUNCED

"""The WhatsApp Cloud API transport against a real HTTP server on loopback."""

import socket

import pytest

from chengxin.outbox.chat import (
    ChatTemplate,
    LocalChatTransport,
    WhatsAppCloudTransport,
    WhatsAppSettings,
    template_for,
)
from chengxin.outbox.transport import PermanentFailure, TemporaryFailure
from chengxin.testing.servers import (
    PHONE_NUMBER_ID,
    WHATSAPP_TOKEN,
    CloudApi,
    Reply,
    cloud_error,
)

ANNA = "+491701234567"
TEXT = "Reminder: our bank account changes tomorrow. Details: https://crm.example.com/n/7f3a"


@pytest.fixture
def api():
    server = CloudApi()
    server.start()
    yield server
    server.stop()


def _transport(api: CloudApi, *, timeout: float = 5.0) -> WhatsAppCloudTransport:
    return WhatsAppCloudTransport(
        WhatsAppSettings(
            api_base=api.base,
            phone_number_id=PHONE_NUMBER_ID,
            token=WHATSAPP_TOKEN,
            timeout=timeout,
        )
    )


def test_text_message_request_and_the_wamid_answered(api):
    assert _transport(api).send(ANNA, TEXT) == "wamid.TEST1"
    [request] = api.requests
    assert request.path == f"/v21.0/{PHONE_NUMBER_ID}/messages"
    assert request.authorization == f"Bearer {WHATSAPP_TOKEN}"
    assert request.content_type == "application/json"
    assert request.body == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": ANNA,
        "type": "text",
        "text": {"preview_url": True, "body": TEXT},
    }


def test_template_message_request(api):
    template = template_for(
        "bank_account_reminder", "zh_CN", ["Müller Maschinen GmbH", "line one\n\tline   two"]
    )
    assert _transport(api).send(ANNA, TEXT, template=template) == "wamid.TEST1"
    assert api.requests[0].body == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": ANNA,
        "type": "template",
        "template": {
            "name": "bank_account_reminder",
            "language": {"code": "zh_CN"},
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {"type": "text", "text": "Müller Maschinen GmbH"},
                        # The Cloud API refuses new lines and tabs in parameters.
                        {"type": "text", "text": "line one line two"},
                    ],
                }
            ],
        },
    }


def test_template_without_parameters_has_no_components(api):
    _transport(api).send(ANNA, TEXT, template=ChatTemplate("hello_world", "en_US"))
    assert api.requests[0].body["template"] == {
        "name": "hello_world",
        "language": {"code": "en_US"},
    }


def test_not_a_whatsapp_user_is_the_recipients_refusal(api):
    api.replies.append(
        cloud_error(
            400,
            131026,
            "(#131026) Message Undeliverable.",
            "Message Undeliverable: the number is not a WhatsApp user.",
        )
    )
    with pytest.raises(PermanentFailure) as refused:
        _transport(api).send(ANNA, TEXT)
    assert refused.value.recipient_refused
    assert "131026" in str(refused.value)
    assert "HTTP 400" in str(refused.value)
    assert "not a WhatsApp user" in str(refused.value)


def test_re_engagement_required_is_the_recipients_refusal(api):
    api.replies.append(cloud_error(400, 131047, "(#131047) Re-engagement message"))
    with pytest.raises(PermanentFailure) as refused:
        _transport(api).send(ANNA, TEXT)
    assert refused.value.recipient_refused


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (100, "(#100) Invalid parameter"),
        (132001, "(#132001) Template name does not exist in the translation"),
        (131051, "(#131051) Unsupported message type"),
    ],
)
def test_bad_request_and_template_errors_are_permanent_not_bounces(api, code, message):
    api.replies.append(cloud_error(400, code, message))
    with pytest.raises(PermanentFailure) as refused:
        _transport(api).send(ANNA, TEXT)
    assert not refused.value.recipient_refused
    assert str(code) in str(refused.value)


@pytest.mark.parametrize(
    "reply",
    [
        cloud_error(429, 130429, "(#130429) Rate limit hit", "Cloud API message throughput"),
        cloud_error(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate"),
        cloud_error(400, 80007, "(#80007) Rate limit issues"),
        cloud_error(400, 4, "(#4) Application request limit reached"),
        cloud_error(400, 131048, "(#131048) Spam rate limit hit"),
        cloud_error(500, 131000, "(#131000) Something went wrong"),
        Reply(500, b"Internal Server Error"),
        Reply(502, b"<html><body>Bad Gateway</body></html>"),
        Reply(503, b""),
    ],
)
def test_throttling_and_server_errors_are_temporary(api, reply):
    api.replies.append(reply)
    with pytest.raises(TemporaryFailure):
        _transport(api).send(ANNA, TEXT)


@pytest.mark.parametrize(
    "reply",
    [
        cloud_error(401, 190, "Error validating access token: Session has expired"),
        Reply(401, b"Unauthorized"),
        cloud_error(403, 10, "(#10) Application does not have permission for this action"),
    ],
)
def test_a_refused_token_is_a_permanent_configuration_failure(api, reply):
    api.replies.append(reply)
    with pytest.raises(PermanentFailure) as refused:
        _transport(api).send(ANNA, TEXT)
    assert not refused.value.recipient_refused
    assert "CHENGXIN_WHATSAPP_TOKEN" in str(refused.value)


def test_a_slow_answer_is_a_timeout_and_temporary(api):
    api.replies.append(Reply(200, b'{"messages":[{"id":"wamid.LATE"}]}', delay=1.5))
    with pytest.raises(TemporaryFailure, match="did not answer in time"):
        _transport(api, timeout=0.3).send(ANNA, TEXT)


def test_malformed_success_answer_is_not_retried(api):
    api.replies.append(Reply(200, b"<html>not json"))
    with pytest.raises(PermanentFailure, match="may have been delivered") as refused:
        _transport(api).send(ANNA, TEXT)
    assert not refused.value.recipient_refused


def test_success_without_a_message_id_is_not_retried(api):
    api.replies.append(Reply(200, b'{"messaging_product":"whatsapp","messages":[]}'))
    with pytest.raises(PermanentFailure, match="not with a message id"):
        _transport(api).send(ANNA, TEXT)


def test_malformed_error_answer_follows_the_http_status(api):
    api.replies.append(Reply(400, b'{"error": "bad"}'))
    with pytest.raises(PermanentFailure):
        _transport(api).send(ANNA, TEXT)
    api.replies.append(Reply(504, b"{not json"))
    with pytest.raises(TemporaryFailure):
        _transport(api).send(ANNA, TEXT)


def test_nobody_listening_is_temporary():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    transport = WhatsAppCloudTransport(
        WhatsAppSettings(
            api_base=f"http://127.0.0.1:{port}/v21.0", phone_number_id="1", token="t", timeout=2
        )
    )
    with pytest.raises(TemporaryFailure, match="could not be reached"):
        transport.send(ANNA, TEXT)


def test_only_http_urls_are_accepted():
    with pytest.raises(ValueError, match="http"):
        WhatsAppCloudTransport(
            WhatsAppSettings(api_base="file:///etc/passwd", phone_number_id="1", token="t")
        )


def test_settings_do_not_show_the_token():
    assert "secret" not in repr(
        WhatsAppSettings(api_base="https://x", phone_number_id="1", token="secret")  # noqa: S106
    )


def test_local_chat_transport_records_and_fails_on_demand():
    transport = LocalChatTransport()
    assert transport.send(ANNA, "Hello") == "local.1"
    assert transport.sent == [(ANNA, "Hello", None)]
    transport.failure = TemporaryFailure("down")
    with pytest.raises(TemporaryFailure):
        transport.send(ANNA, "Again")
    assert len(transport.sent) == 1

"""The outbox pages and API with WhatsApp messages in them."""

import datetime

import pytest
from django.urls import reverse

from chengxin.outbox.chat import LocalChatTransport
from chengxin.outbox.services import outbox_enqueue, outbox_send_due
from chengxin.testing import API, api_client

UTC = datetime.UTC
T0 = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ANNA = "+491701234567"


@pytest.fixture
def chat_message(owner, company, whatsapp_configured):
    message = outbox_enqueue(
        actor=owner,
        kind="whatsapp",
        to=ANNA,
        subject="Bank account reminder",
        body_text="Reminder: our bank account changes tomorrow. https://crm.example.com/n/7f3a",
        contact=company.contacts.get(),
        now=T0,
    )
    outbox_send_due(now=T0, chat_transport=LocalChatTransport())
    message.refresh_from_db()
    return message


@pytest.mark.django_db
def test_owner_sees_the_whatsapp_message_in_the_list_and_its_page(client_for, owner, chat_message):
    client = client_for(owner)
    listed = client.get(reverse("outbox:outbox_list"))
    assert listed.status_code == 200
    assert "Bank account reminder" in listed.text
    assert '<td data-testid="kind">WhatsApp</td>' in listed.text
    assert ANNA in listed.text

    page = client.get(reverse("outbox:message_detail", args=[chat_message.pk]))
    assert page.status_code == 200
    assert '<dd data-testid="kind">WhatsApp</dd>' in page.text
    assert ANNA in page.text
    assert "https://crm.example.com/n/7f3a" in page.text
    assert '<code data-testid="provider-message-id">local.1</code>' in page.text
    # The internal Message-ID means nothing for a chat message: not shown.
    assert chat_message.message_id.replace("<", "&lt;").replace(">", "&gt;") not in page.text


@pytest.mark.django_db
def test_whatsapp_message_page_permissions(client, client_for, colleague, chat_message):
    url = reverse("outbox:message_detail", args=[chat_message.pk])
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login") + "?next=")
    assert client_for(colleague).get(url).status_code == 404
    assert client_for(colleague).post(url).status_code == 405


@pytest.mark.django_db
def test_api_shows_kind_number_and_provider_id(owner, colleague, chat_message):
    detail = api_client(owner).get(f"{API}/outbox/{chat_message.pk}").json()
    assert detail["kind"] == "whatsapp"
    assert detail["to_address"] == ANNA
    assert detail["subject"] == "Bank account reminder"
    assert detail["status"] == "sent"
    assert detail["provider_message_id"] == "local.1"
    listed = api_client(owner).get(f"{API}/outbox?status=sent").json()
    assert [item["kind"] for item in listed["items"]] == ["whatsapp"]
    assert api_client(colleague).get(f"{API}/outbox/{chat_message.pk}").status_code == 404

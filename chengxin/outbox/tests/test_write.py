import datetime

import pytest
from django.urls import reverse

from chengxin.outbox.models import OutboundMessage, Status

UTC = datetime.UTC


def _url(company):
    return reverse("outbox:message_write", args=[company.contacts.get().pk])


FORM = {
    "to": "anna.schmidt@mueller-maschinen.de",
    "subject": "Samples dispatched",
    "body_text": "Dear Anna, the samples left today by DHL.",
    "in_working_hours": "on",
    "date_in_recipient_zone": "on",
}


@pytest.mark.django_db
def test_owner_writes_a_message_that_waits_for_working_hours(client_for, owner, company):
    client = client_for(owner)
    page = client.get(reverse("parties:company_detail", args=[company.pk]))
    assert _url(company) in page.text
    form = client.get(_url(company))
    assert form.status_code == 200
    assert 'value="anna.schmidt@mueller-maschinen.de"' in form.text

    response = client.post(_url(company), FORM)
    message = OutboundMessage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("outbox:message_detail", args=[message.pk])
    assert message.subject == "Samples dispatched"
    assert message.created_by == owner
    assert message.in_working_hours is True
    assert message.date_in_recipient_zone is True
    assert message.status in (Status.QUEUED, Status.WAITING_FOR_WINDOW)


@pytest.mark.django_db
def test_only_the_contacts_own_addresses_can_be_chosen(client_for, owner, company):
    response = client_for(owner).post(_url(company), {**FORM, "to": "attacker@example.com"})
    assert response.status_code == 200
    assert not OutboundMessage.objects.exists()


@pytest.mark.django_db
def test_write_page_permissions(client, client_for, colleague, finance, outsider, owner, company):
    url = _url(company)
    assert client_for(colleague).get(url).status_code == 404
    assert client_for(colleague).post(url, FORM).status_code == 404
    assert client_for(finance).get(url).status_code == 403
    assert client_for(finance).post(url, FORM).status_code == 403
    client.logout()
    for c in (client, client_for(outsider)):
        response = c.post(url, FORM)
        assert response.status_code == 302
        assert "/accounts/login" in response["Location"]
    assert client_for(owner).delete(url).status_code == 405
    assert not OutboundMessage.objects.exists()


@pytest.mark.django_db
def test_company_page_shows_the_contacts_own_clock(client_for, owner, company, monkeypatch):
    from chengxin.outbox.templatetags import outbox_tags

    # 08:30 UTC on a Tuesday in winter is 09:30 in Berlin.
    monkeypatch.setattr(
        outbox_tags, "current_time", lambda: datetime.datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    )
    owner.language = "en"
    owner.save(update_fields=["language"])
    response = client_for(owner).get(reverse("parties:company_detail", args=[company.pk]))
    section = response.text[response.text.index('data-testid="contact-hours"') :]
    assert "Tue 09:30" in section


@pytest.mark.django_db
def test_the_address_choices_say_which_are_foreign_or_unverified(client_for, owner, company):
    from django.utils import translation

    from chengxin.parties.services.channels import ChannelInput
    from chengxin.parties.services.contacts import contact_create

    jonas = contact_create(
        actor=owner, company=company, name="Jonas Weber",
        channels=[ChannelInput("email", "jonas@mueller-maschinen.de"),
                  ChannelInput("email", "jonas.weber@gmail.com")],
    )  # fmt: skip
    with translation.override("en"):
        owner.language = "en"
        owner.save(update_fields=["language"])
        form = client_for(owner).get(reverse("outbox:message_write", args=[jonas.pk])).text
    assert ">jonas@mueller-maschinen.de (unverified)<" in form
    assert ">jonas.weber@gmail.com (not the customer&#x27;s domain, unverified)<" in form

import datetime

import pytest
from django.urls import reverse

from chengxin.outbox.models import ContactWindow, Status
from chengxin.outbox.services import outbox_enqueue

UTC = datetime.UTC


def _url(company):
    return reverse("outbox:contact_window_edit", args=[company.contacts.get().pk])


@pytest.mark.django_db
def test_owner_sets_a_contacts_hours_and_messages_follow_them(client_for, owner, company):
    client = client_for(owner)
    page = client.get(reverse("parties:company_detail", args=[company.pk]))
    assert _url(company) in page.text
    assert client.get(_url(company)).status_code == 200

    response = client.post(
        _url(company), {"start": "07:30", "end": "12:00", "working_days": ["0", "1", "2", "3"]}
    )
    assert response.status_code == 302
    window = ContactWindow.objects.get(contact=company.contacts.get())
    assert (window.start, window.end, window.working_days) == (
        datetime.time(7, 30),
        datetime.time(12, 0),
        [0, 1, 2, 3],
    )
    # Friday 27 November 2026, 10:00 UTC: not a working day for this contact now.
    message = outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Weekly production report",
        body_text="...",
        contact=company.contacts.get(),
        in_working_hours=True,
        now=datetime.datetime(2026, 11, 27, 10, 0, tzinfo=UTC),
    )
    assert message.status == Status.WAITING_FOR_WINDOW
    # Monday 07:30 in Berlin (the contact's zone, from the customer's country).
    assert company.contacts.get().time_zone == "Europe/Berlin"
    assert message.next_attempt_at == datetime.datetime(2026, 11, 30, 6, 30, tzinfo=UTC)


@pytest.mark.django_db
def test_window_must_end_after_it_starts(client_for, owner, company):
    response = client_for(owner).post(
        _url(company), {"start": "18:00", "end": "09:00", "working_days": ["0"]}
    )
    assert response.status_code == 200
    assert not ContactWindow.objects.exists()


@pytest.mark.django_db
def test_window_page_permissions(client, client_for, colleague, finance, outsider, owner, company):
    url = _url(company)
    assert client_for(colleague).get(url).status_code == 404
    assert client_for(finance).get(url).status_code == 403
    assert (
        client_for(finance)
        .post(url, {"start": "08:00", "end": "09:00", "working_days": ["0"]})
        .status_code
        == 403
    )
    client.logout()
    for user in (None, outsider):
        c = client_for(user) if user else client
        response = c.get(url)
        assert response.status_code == 302
        assert "/accounts/login" in response["Location"]
    assert client_for(owner).put(url).status_code == 405
    assert not ContactWindow.objects.exists()

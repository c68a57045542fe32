"""The pages: who may open what, wrong methods, and that a step cannot be skipped or
repeated from the page either."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chengxin.changes.models import ChangeRequest, State
from chengxin.changes.services import applying, confirmation, notice, opening, verification
from chengxin.changes.tests.conftest import NEW_EMAIL, deliver_confirmation
from chengxin.outbox.models import OutboundMessage
from chengxin.parties.models import Channel
from chengxin.parties.services.channels import ChannelInput
from chengxin.parties.services.contacts import contact_create
from chengxin.testing import login


def _pages(change):
    return {
        "list": reverse("changes:change_list"),
        "detail": reverse("changes:change_detail", args=[change.pk]),
        "open": reverse("changes:open_for_contact", args=[change.contact.pk]),
    }


@pytest.mark.parametrize("page", ["list", "detail", "open"])
def test_the_owner_sees_each_page(client_for, owner, change, page):
    response = client_for(owner).get(_pages(change)[page])
    assert response.status_code == 200
    if page != "open":
        assert NEW_EMAIL in response.content.decode()


@pytest.mark.parametrize("page", ["detail", "open"])
def test_a_colleague_without_rights_gets_404(client_for, colleague, change, page):
    assert client_for(colleague).get(_pages(change)[page]).status_code == 404


def test_a_colleague_does_not_see_the_request_in_the_list(client_for, colleague, change):
    body = client_for(colleague).get(_pages(change)["list"]).content.decode()
    assert NEW_EMAIL not in body


def test_finance_sees_the_request_but_may_not_open_one(client_for, finance, change):
    client = client_for(finance)
    assert client.get(_pages(change)["detail"]).status_code == 200
    assert client.get(_pages(change)["open"]).status_code == 403
    response = client.post(
        reverse("changes:change_confirm", args=[change.pk]), {"subject": "x", "body": NEW_EMAIL}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("page", ["list", "detail", "open"])
def test_anonymous_and_deactivated_users_are_sent_to_login(client, outsider, change, page):
    url = _pages(change)[page]
    assert reverse("accounts:login") in client.get(url)["Location"]
    login(client, outsider)
    assert reverse("accounts:login") in client.get(url)["Location"]


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("change_detail", "post"),
        ("change_list", "post"),
        ("change_confirm", "get"),
        ("change_verify", "get"),
        ("change_approve", "get"),
        ("change_apply", "get"),
        ("change_notice", "get"),
        ("change_close", "get"),
    ],
)
def test_a_wrong_method_gets_405(client_for, owner, change, name, method):
    args = [] if name == "change_list" else [change.pk]
    response = getattr(client_for(owner), method)(reverse(f"changes:{name}", args=args))
    assert response.status_code == 405


def test_opening_by_hand_from_the_contact(client_for, owner, company):
    contact = company.contacts.get()
    client = client_for(owner)
    page = client.get(reverse("parties:company_detail", args=[company.pk])).content.decode()
    assert reverse("changes:open_for_contact", args=[contact.pk]) in page
    response = client.post(
        reverse("changes:open_for_contact", args=[contact.pk]),
        {"contact": contact.pk, "kind": "phone", "new_value": "+49 30 1234567"},
    )
    assert response.status_code == 302
    change = contact.change_requests.get()
    assert (change.kind, change.old_value, change.new_value) == (
        "phone",
        "+4930901820",
        "+49301234567",
    )
    response = client.post(
        reverse("changes:open_for_contact", args=[contact.pk]),
        {"contact": contact.pk, "kind": "phone", "new_value": "+49 30 7654321"},
    )
    assert response.status_code == 422
    assert "already open" in response.content.decode()


def test_a_step_cannot_be_skipped_or_repeated_on_the_pages(client_for, owner, change):
    client = client_for(owner)
    phone = Channel.objects.get(contact=change.contact, kind="phone")
    # Skipping to apply or verify: refused, nothing changes.
    response = client.post(reverse("changes:change_apply", args=[change.pk]), follow=True)
    assert "not possible now" in response.content.decode()
    response = client.post(
        reverse("changes:change_verify", args=[change.pk]),
        {"channel": phone.pk, "outcome": "confirmed"},
        follow=True,
    )
    assert "not possible now" in response.content.decode()
    change.refresh_from_db()
    assert change.state == State.OPENED
    # The confirmation, twice: one message only.
    letter = {"subject": "New address", "body": f"Is {NEW_EMAIL} right?"}
    client.post(reverse("changes:change_confirm", args=[change.pk]), letter)
    response = client.post(reverse("changes:change_confirm", args=[change.pk]), letter, follow=True)
    assert "already written" in response.content.decode()
    assert OutboundMessage.objects.filter(purpose="change_confirm").count() == 1
    # The page shows the form of the current step only.
    page = client.get(reverse("changes:change_detail", args=[change.pk])).content.decode()
    assert reverse("changes:change_verify", args=[change.pk]) in page
    assert reverse("changes:change_confirm", args=[change.pk]) not in page
    assert reverse("changes:change_apply", args=[change.pk]) not in page


def test_the_page_refuses_a_channel_added_after_the_request(client_for, owner, change):
    from chengxin.changes.tests.conftest import add_colleague

    confirmation.change_confirm_send(actor=owner, request=change)
    colleague = add_colleague(owner, change.contact.company, ("phone", "+49 151 23456789"))
    added = colleague.channels.get()
    response = client_for(owner).post(
        reverse("changes:change_verify", args=[change.pk]),
        {"channel": added.pk, "outcome": "confirmed"},
    )
    assert response.status_code == 422
    assert "on file (verified) before this" in response.content.decode()
    # Not offered in the first place.
    page = (
        client_for(owner).get(reverse("changes:change_detail", args=[change.pk])).content.decode()
    )
    assert f'value="{added.pk}"' not in page
    change.refresh_from_db()
    assert change.state == State.CONFIRM_SENT


def test_the_list_puts_overdue_requests_first_with_counts(client_for, owner, change, company):
    import datetime

    from chengxin.changes.models import ChangeRequest
    from chengxin.testing import make_company

    other = make_company(
        actor=owner, owner=owner, name="Lyon Textiles SA", email="achat@lyon-textiles.fr"
    )
    later = opening.change_open(
        actor=owner, contact=other.contacts.get(), kind="email", new_value="achats@lyon-textiles.fr"
    )
    ChangeRequest.objects.filter(pk=change.pk).update(
        state_changed_at=change.state_changed_at - datetime.timedelta(days=3)
    )
    confirmation.change_confirm_send(actor=owner, request=later)
    client = client_for(owner)
    page = client.get(reverse("changes:change_list")).content.decode()
    assert page.index(NEW_EMAIL) < page.index("achats@lyon-textiles.fr")
    assert '<strong data-testid="count-overdue">1</strong>' in page
    assert 'data-testid="count-opened"><strong>1</strong>' in page
    assert 'data-testid="count-confirm_sent"><strong>1</strong>' in page


def test_the_verify_step_shows_the_messages_guard_signals(ingest, client_for, owner, company):
    from chengxin.changes.models import ChangeRequest
    from chengxin.testing.mail import make_raw

    message = ingest(
        make_raw(
            text="Dear Li Na,\n\nmy email address has changed, please reply to this new address.\n\nAnna",
            reply_to=NEW_EMAIL,
        )
    ).message
    change = ChangeRequest.objects.get(source_message=message)
    confirmation.change_confirm_send(actor=owner, request=change)
    page = (
        client_for(owner).get(reverse("changes:change_detail", args=[change.pk])).content.decode()
    )
    assert 'data-testid="signals"' in page
    from django.utils.html import escape
    from django.utils.translation import override

    from chengxin.guard.sentences import sentences

    with override("en"):
        expected = sentences(change.assessment)
    assert len(expected) == 2  # the content signal and the Reply-To that differs
    for sentence in expected:
        assert escape(sentence) in page
    assert reverse("mail:message_detail", args=[message.pk]) in page


def test_the_list_page_does_not_query_per_request(
    client_for, owner, change, django_assert_max_num_queries
):
    from chengxin.testing import make_company

    for n in range(5):
        other = make_company(actor=owner, owner=owner, email=f"buyer{n}@lyon{n}.fr")
        opening.change_open(
            actor=owner, contact=other.contacts.get(), kind="email", new_value=f"new{n}@lyon{n}.fr"
        )
    client = client_for(owner)
    client.get(reverse("changes:change_list"))  # warm the session
    with django_assert_max_num_queries(8):
        page = client.get(reverse("changes:change_list")).content.decode()
    assert page.count('data-testid="change-row"') == 6


def test_on_the_page_the_verifier_cannot_approve(ingest, client_for, owner, manager, company):
    from chengxin.accounts.models import Role
    from chengxin.changes.models import ChangeRequest
    from chengxin.testing import make_user
    from chengxin.testing.mail import make_raw

    message = ingest(
        make_raw(
            sender="Anna Schmidt <anna.schmidt@mueIler-maschinen.de>",
            text=f"Dear Li Na,\n\nmy email address has changed, please write to {NEW_EMAIL}.\n\nAnna",
        )
    ).message
    ChangeRequest.objects.all().delete()
    change = opening.change_open(
        actor=owner,
        contact=company.contacts.get(),
        kind="email",
        new_value=NEW_EMAIL,
        source_message=message,
    )
    assert change.needs_approval
    confirmation.change_confirm_send(actor=owner, request=change)
    phone = Channel.objects.get(contact=change.contact, kind="phone")
    client = client_for(manager)
    client.post(
        reverse("changes:change_verify", args=[change.pk]),
        {"channel": phone.pk, "outcome": "confirmed"},
    )
    page = client.get(reverse("changes:change_detail", args=[change.pk])).content.decode()
    assert reverse("changes:change_approve", args=[change.pk]) in page
    assert reverse("changes:change_apply", args=[change.pk]) not in page
    response = client.post(reverse("changes:change_approve", args=[change.pk]), {"notes": "ok"})
    assert response.status_code == 403
    change.refresh_from_db()
    assert change.state == State.VERIFIED and change.approved_by is None
    second = client_for(make_user(Role.MANAGER, username="manager2"))
    second.post(reverse("changes:change_approve", args=[change.pk]), {"notes": "ok"})
    change.refresh_from_db()
    assert change.state == State.APPROVED


def test_the_review_runs_from_the_schedule(owner, change):
    import datetime

    from chengxin.changes.tasks import changes_review_open_due_task
    from chengxin.core.schedules import SCHEDULES

    assert "chengxin.changes.tasks.changes_review_open_due_task" in [s.task for s in SCHEDULES]
    phone = Channel.objects.get(contact=change.contact, kind="phone")
    confirmation.change_confirm_send(actor=owner, request=change)
    deliver_confirmation(change)
    verification.change_verify(actor=owner, request=change, channel=phone, outcome="confirmed")
    applying.change_apply(actor=owner, request=change)
    notice.change_notice_send(actor=owner, request=change)
    assert changes_review_open_due_task.call() == 0  # not a week yet
    from chengxin.changes.models import ChangeRequest

    change.refresh_from_db()
    ChangeRequest.objects.filter(pk=change.pk).update(
        review_due_at=change.opened_at - datetime.timedelta(minutes=1)
    )
    assert changes_review_open_due_task.call() == 1
    change.refresh_from_db()
    assert change.state == State.REVIEW_DUE


@pytest.mark.parametrize(
    ("zone", "label"),
    [("Asia/Shanghai", "Asia/Shanghai, UTC+08:00"), ("America/New_York", "America/New_York")],
)
def test_the_verification_time_is_entered_in_the_users_own_zone(
    client_for, owner, change, zone, label
):
    """09:30 typed by a rep in Shanghai is 01:30 UTC; in New York it is 14:30 or 13:30 UTC."""
    import datetime
    import zoneinfo

    from django.utils import timezone

    owner.time_zone = zone
    owner.save(update_fields=["time_zone"])
    # The request was opened three days ago, the phone was on file before it.
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    type(change).objects.filter(pk=change.pk).update(opened_at=three_days_ago)
    Channel.objects.filter(contact=change.contact).update(
        created_at=three_days_ago - datetime.timedelta(days=1),
        verified_at=three_days_ago - datetime.timedelta(days=1),
    )
    change.refresh_from_db()
    confirmation.change_confirm_send(actor=owner, request=change)
    client = client_for(owner)
    page = client.get(reverse("changes:change_detail", args=[change.pk])).content.decode()
    assert "UTC, empty" not in page
    assert f"Your time zone: {label}" in page
    yesterday = timezone.localdate(timezone=zoneinfo.ZoneInfo(zone)) - datetime.timedelta(days=1)
    phone = Channel.objects.get(contact=change.contact, kind="phone")
    response = client.post(
        reverse("changes:change_verify", args=[change.pk]),
        {
            "channel": phone.pk,
            "outcome": "confirmed",
            "checked_at": f"{yesterday.isoformat()}T09:30",
        },
    )
    assert response.status_code == 302
    change.refresh_from_db()
    expected = datetime.datetime.combine(
        yesterday, datetime.time(9, 30), tzinfo=zoneinfo.ZoneInfo(zone)
    )
    assert change.verified_at == expected
    if zone == "Asia/Shanghai":
        utc_hour = 1
    else:
        utc_hour = 14 if expected.dst() == datetime.timedelta(0) else 13
    assert change.verified_at.astimezone(datetime.UTC).time() == datetime.time(utc_hour, 30)


def test_the_channel_buttons_of_a_customer_page_open_a_change_request(client_for, owner, company):
    """ "+ Add channel" and "make primary" (on the customer's page) open a change request
    and write nothing."""
    client = client_for(owner)
    contact = company.contacts.get()
    response = client.post(
        reverse("changes:channel_add", args=[contact.pk]),
        {"kind": "whatsapp", "value": "+49 151 23456789", "primary": "on"},
    )
    change = ChangeRequest.objects.get(contact=contact, kind="whatsapp")
    assert response.status_code == 302
    assert response["Location"] == reverse("changes:change_detail", args=[change.pk])
    assert (change.action, change.new_value, change.state) == ("add", "+4915123456789", "opened")
    assert not Channel.objects.filter(kind="whatsapp").exists()
    # A second email, entered with a new colleague, then "make primary" on it.
    jonas = contact_create(
        actor=owner, company=company, name="Jonas Weber",
        channels=[ChannelInput("email", "jonas@mueller-maschinen.de"),
                  ChannelInput("email", "jonas.weber@gmail.com")],
    )  # fmt: skip
    gmail = jonas.channels.get(value="jonas.weber@gmail.com")
    response = client.post(reverse("changes:channel_make_primary", args=[gmail.pk]))
    promote = ChangeRequest.objects.get(contact=jonas, kind="email")
    assert response.status_code == 302 and promote.action == "make_primary"
    gmail.refresh_from_db()
    assert not gmail.is_primary


def test_add_channel_shows_a_bad_value_on_its_field(client_for, owner, company):
    contact = company.contacts.get()
    response = client_for(owner).post(
        reverse("changes:channel_add", args=[contact.pk]), {"kind": "phone", "value": "12"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors.get("value")
    assert not Channel.objects.filter(contact=contact, value="12").exists()

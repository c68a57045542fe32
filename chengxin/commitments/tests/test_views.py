"""The pages: what a rep sees and does; who may; query counts."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from chengxin.commitments import services
from chengxin.commitments.models import (
    DelayWarning,
    Milestone,
    MilestoneState,
    ProductionUpdate,
    WarningState,
)
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import make_company

from .conftest import NOW, make_order, picture

D = datetime.date
pytestmark = pytest.mark.usefixtures("english")


def promise(actor, order, **kwargs):
    kwargs.setdefault("kind", "shipped")
    kwargs.setdefault("promised_on", D(2027, 4, 30))
    return services.milestone_create(actor=actor, order=order, now=NOW, **kwargs)


def at_risk(actor, order):
    milestone = promise(actor, order)
    services.milestone_forecast(
        actor=actor, milestone=milestone, forecast_on=D(2027, 5, 20), now=NOW
    )
    return milestone, DelayWarning.objects.get(milestone=milestone)


def test_a_rep_records_a_promise_and_moves_its_date(client_for, owner, order, contact):
    client = client_for(owner)
    url = reverse("commitments:milestone_new", args=[order.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"kind": "ready", "promised_on": "2027-04-30", "promised_to": contact.pk}
    )
    milestone = Milestone.objects.get()
    assert response.status_code == 302
    assert (milestone.promised_by, milestone.promised_to, milestone.state) == (
        owner,
        contact,
        "open",
    )
    page = client.get(reverse("commitments:milestone_detail", args=[milestone.pk]))
    assert "2027-04-30" in page.text and "Li Na" in page.text
    response = client.post(
        reverse("commitments:milestone_forecast", args=[milestone.pk]),
        {"forecast_on": "2027-05-12", "note": "Moulds late", "next": "/evil.example.com"},
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.state == MilestoneState.AT_RISK
    page = client.get(reverse("commitments:milestone_detail", args=[milestone.pk]))
    assert "Moulds late" in page.text and "At risk" in page.text


def test_bad_input_is_shown_and_nothing_written(client_for, owner, order):
    client = client_for(owner)
    url = reverse("commitments:milestone_new", args=[order.pk])
    response = client.post(url, {"kind": "other", "promised_on": "2099-01-01", "label": ""})
    assert response.status_code == 422
    assert "Name the promise" in response.text and "three years after today" in response.text
    response = client.post(url, {"kind": "nonsense", "promised_on": "not a date"})
    assert response.status_code == 422
    assert Milestone.objects.count() == 0
    milestone = promise(owner, order)
    response = client.post(
        reverse("commitments:milestone_done", args=[milestone.pk]), {"done_on": "2030-01-01"}
    )
    assert response.status_code == 422 and "cannot be in the future" in response.text


def test_the_draft_page_edits_and_sends_the_warning(client_for, owner, order):
    milestone, warning = at_risk(owner, order)
    client = client_for(owner)
    url = reverse("commitments:warning_detail", args=[warning.pk])
    page = client.get(url)
    assert page.status_code == 200 and "2027-04-16" in page.text
    client.post(url, {"action": "redraft", "alternative": "part_shipment"})
    warning.refresh_from_db()
    assert warning.alternative == "part_shipment" and "bereits fertigen Teil" in warning.body
    channel = services.sendable_channels(order).get()
    response = client.post(url, {"action": "send", "alternative": "part_shipment", "channel": channel.pk,
                                 "subject": "Ihr Auftrag", "body": "Sehr geehrte Frau Schmidt, ..."})  # fmt: skip
    assert response.status_code == 302
    warning.refresh_from_db()
    milestone.refresh_from_db()
    assert warning.state == WarningState.SENT and milestone.warned_at is not None
    assert OutboundMessage.objects.get().subject == "Ihr Auftrag"
    page = client.get(reverse("commitments:milestone_detail", args=[milestone.pk]))
    days = milestone.warned_days_ahead
    assert f"buyer warned {milestone.warned_at:%Y-%m-%d}, {days} days ahead" in page.text
    # Empty letter: refused on the form, nothing queued.
    _, second = at_risk(owner, order)
    response = client.post(reverse("commitments:warning_detail", args=[second.pk]),
                           {"alternative": "new_date", "channel": channel.pk, "subject": "", "body": ""})  # fmt: skip
    assert response.status_code == 422 and OutboundMessage.objects.count() == 1


def test_a_production_update_with_photos_and_a_fake_one(client_for, owner, order):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(owner)
    url = reverse("commitments:update_new", args=[order.pk])
    assert client.get(url).status_code == 200
    channel = services.sendable_channels(order).get()
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not a picture", content_type="image/jpeg")
    response = client.post(url, {"text": "Painting done", "photos": [fake], "channel": channel.pk})
    assert response.status_code == 422 and "photo.jpg is not a photo" in response.text
    assert ProductionUpdate.objects.count() == 0
    real = SimpleUploadedFile("paint.png", picture("PNG"), content_type="image/png")
    response = client.post(url, {"text": "Painting done", "photos": [real], "channel": channel.pk})
    update = ProductionUpdate.objects.get()
    assert response.status_code == 302 and update.sent_at is not None
    photo = update.photos.get()
    shown = client.get(reverse("commitments:photo", args=[photo.pk]))
    assert shown["Content-Type"] == "image/png" and shown["X-Content-Type-Options"] == "nosniff"
    assert client.get(reverse("commitments:update_detail", args=[update.pk])).status_code == 200


def test_the_attention_page_lists_promises_at_risk_per_owner(
    client_for, owner, colleague, order, django_assert_max_num_queries
):
    at_risk(owner, order)
    for n in range(3):
        other = make_order(owner, make_company(actor=owner, name=f"Buyer {n} Ltd"))
        at_risk(owner, other)
    client = client_for(owner)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("commitments:attention"))
    assert page.status_code == 200
    assert page.text.count('data-testid="milestone-row"') == 4
    assert order.number in page.text and "Warn by 2027-04-16" in page.text
    # A colleague sees none of the owner's customers' promises.
    page = client_for(colleague).get(reverse("commitments:attention"))
    assert 'data-testid="milestone-row"' not in page.text


def test_the_order_section_shows_promises_and_updates(owner, order, django_assert_max_num_queries):
    at_risk(owner, order)
    promise(owner, order, kind="other", label="Quality report")
    services.production_update_record(
        actor=owner, order=order, text="Cast", photo_files=[("a.jpg", picture())], now=NOW
    )
    request = RequestFactory().get(f"/orders/{order.pk}/")
    request.user = owner
    template = Template('{% include "commitments/order_section_include.html" %}')
    with django_assert_max_num_queries(8):
        html = template.render(Context({"order": order, "request": request}))
    assert html.count('data-testid="milestone-row"') == 2
    assert "Quality report" in html and "Warn by 2027-04-16" in html and "1 photo" in html
    assert 'data-testid="add-milestone"' in html


URLS = [
    ("get", "commitments:milestone_detail", "milestone"),
    ("post", "commitments:milestone_forecast", "milestone"),
    ("post", "commitments:milestone_done", "milestone"),
    ("get", "commitments:milestone_new", "order"),
    ("post", "commitments:order_check", "order"),
    ("get", "commitments:update_new", "order"),
    ("get", "commitments:warning_detail", "warning"),
    ("post", "commitments:warning_dismiss", "warning"),
    ("get", "commitments:update_detail", "update"),
    ("post", "commitments:update_send", "update"),
    ("get", "commitments:photo", "photo"),
]


@pytest.fixture
def records(owner, order):
    milestone, warning = at_risk(owner, order)
    update = services.production_update_record(
        actor=owner, order=order, text="Cast", photo_files=[("a.jpg", picture())], now=NOW
    )
    return {"milestone": milestone.pk, "order": order.pk, "warning": warning.pk,
            "update": update.pk, "photo": update.photos.get().pk}  # fmt: skip


@pytest.mark.parametrize("method,name,record", URLS)
def test_who_may_open_each_page(
    client, client_for, owner, colleague, outsider, finance, records, method, name, record
):
    url = reverse(name, args=[records[record]])
    anonymous = getattr(client, method)(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert getattr(client_for(colleague), method)(url).status_code == 404
    assert getattr(client_for(outsider), method)(url).status_code in (302, 404)
    wrong = "post" if method == "get" else "get"
    if name not in (
        "commitments:warning_detail",
        "commitments:milestone_new",
        "commitments:update_new",
    ):
        assert getattr(client_for(owner), wrong)(url).status_code == 405
    if method == "get":
        assert client_for(owner).get(url).status_code == 200
        # Finance sees everything and changes no promise.
        expected = 403 if name.endswith("_new") else 200
        assert client_for(finance).get(url).status_code == expected
    else:
        assert (
            client_for(finance).post(url, {"reason": "x", "done_on": "2027-03-01"}).status_code
            == 403
        )

"""The inquiry pages: who sees and does what, deadlines in the viewer's zone, the message
button, the customer's section, the calendar page, and the list's query count."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from chengxin.catalog.models import Product
from chengxin.inquiries import services
from chengxin.inquiries.models import CalendarDay, Inquiry, State
from chengxin.inquiries.tests.conftest import sh
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import login, make_company, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def inquiry(owner, company):
    # Friday 6 March 2026 17:00 in Shanghai: first response due Monday 12:00 Shanghai.
    return services.inquiry_create(
        actor=owner, company=company, subject="LED panels 600x600", text="Please quote.",
        contact=company.contacts.get(), received_at=sh(2026, 3, 6, 17), now=sh(2026, 3, 6, 17),
    )  # fmt: skip


def _pages(inquiry):
    return {
        "list": reverse("inquiries:inquiry_list"),
        "detail": reverse("inquiries:inquiry_detail", args=[inquiry.pk]),
        "new": reverse("inquiries:inquiry_create") + f"?company={inquiry.company_id}",
        "calendar": reverse("inquiries:calendar"),
    }


def test_the_urls(inquiry):
    assert _pages(inquiry)["list"] == "/inquiries/"
    assert _pages(inquiry)["detail"] == f"/inquiries/{inquiry.pk}/"


@pytest.mark.parametrize("page", ["list", "detail", "new", "calendar"])
def test_anonymous_and_deactivated_users_are_sent_to_login(client, outsider, inquiry, page):
    url = _pages(inquiry)[page]
    assert reverse("accounts:login") in client.get(url)["Location"]
    login(client, outsider)
    assert reverse("accounts:login") in client.get(url)["Location"]


@pytest.mark.parametrize("who", ["owner", "manager", "finance"])
@pytest.mark.parametrize("page", ["list", "detail", "calendar"])
def test_the_owner_managers_and_finance_see_the_pages(request, client_for, inquiry, who, page):
    client = client_for(request.getfixturevalue(who))
    response = client.get(_pages(inquiry)[page])
    assert response.status_code == 200
    if page != "calendar":
        assert "LED panels 600x600" in response.content.decode()


def test_a_colleague_does_not_see_it_anywhere(client_for, colleague, inquiry):
    client = client_for(colleague)
    assert "LED panels" not in client.get("/inquiries/?owner=all").content.decode()
    assert client.get(_pages(inquiry)["detail"]).status_code == 404
    assert client.get(_pages(inquiry)["new"]).status_code == 404
    url = reverse("inquiries:inquiry_reply", args=[inquiry.pk])
    assert client.post(url, {"body_text": "x"}).status_code == 404


def test_finance_reads_but_does_not_reply(client_for, finance, inquiry):
    client = client_for(finance)
    body = client.get(_pages(inquiry)["detail"]).content.decode()
    assert 'data-testid="reply-form"' not in body
    url = reverse("inquiries:inquiry_reply", args=[inquiry.pk])
    assert client.post(url, {"body_text": "x"}).status_code == 403
    assert not OutboundMessage.objects.exists()


@pytest.mark.parametrize("page", ["list", "detail"])
def test_wrong_method(client_for, owner, inquiry, page):
    assert client_for(owner).post(_pages(inquiry)[page]).status_code == 405
    reply = reverse("inquiries:inquiry_reply", args=[inquiry.pk])
    assert client_for(owner).get(reply).status_code == 405


def test_a_user_in_berlin_sees_the_deadline_in_berlin_time(client_for, owner, inquiry):
    owner.time_zone = "Europe/Berlin"
    owner.save(update_fields=["time_zone"])
    body = client_for(owner).get(_pages(inquiry)["detail"]).content.decode()
    # Monday 9 March 2026 12:00 in Shanghai is 05:00 in Berlin (CET).
    assert "2026-03-09 05:00 CET" in body
    assert "Asia/Shanghai" in body  # the calendar's zone is named


def test_a_reply_from_the_page_goes_to_the_outbox_and_stops_the_clock(client_for, owner, inquiry):
    client = client_for(owner)
    url = reverse("inquiries:inquiry_reply", args=[inquiry.pk])
    response = client.post(url, {"to": "", "subject": "", "body_text": "Prices tomorrow."})
    assert response.status_code == 302
    message = OutboundMessage.objects.get()
    assert (message.related_type, message.related_id) == ("inquiry", str(inquiry.pk))
    inquiry.refresh_from_db()
    assert inquiry.first_responded_at is not None and inquiry.first_response_via == "reply"
    body = client.get(_pages(inquiry)["detail"]).content.decode()
    assert "Reply sent from Chengxin" in body


def test_an_empty_reply_is_shown_on_the_form(client_for, owner, inquiry):
    url = reverse("inquiries:inquiry_reply", args=[inquiry.pk])
    response = client_for(owner).post(url, {"body_text": "  "})
    assert response.status_code == 422
    assert not OutboundMessage.objects.exists()


def test_the_full_answer_form_requires_all_four(client_for, owner, inquiry):
    url = reverse("inquiries:inquiry_answer", args=[inquiry.pk])
    client = client_for(owner)
    response = client.post(url, {"moq": "500 pcs", "lead_time": "25 days", "price": ""})
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    response = client.post(
        url,
        {"moq": "500 pcs", "lead_time": "25 days", "price": "USD 12.40 FOB",
         "payment_methods": "T/T"},
    )  # fmt: skip
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.state == State.ANSWERED


def test_logging_a_call_from_the_page(client_for, owner, inquiry):
    url = reverse("inquiries:inquiry_call", args=[inquiry.pk])
    response = client_for(owner).post(url, {"summary": "Called Anna"})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.first_response_via == "call"


def test_recording_by_hand_from_the_customer_page(client_for, owner, company):
    product = Product.objects.create(sku="LED-600", name="LED panel 600x600")
    client = client_for(owner)
    url = reverse("inquiries:inquiry_create") + f"?company={company.pk}"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"subject": "Panels for a school", "products": [product.pk], "quantity": "2x40HQ"}
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert list(inquiry.products.all()) == [product]
    body = client.get(response["Location"]).content.decode()
    assert "LED-600" in body and "2x40HQ" in body
    # Without a customer: the page asks for one.
    assert (
        "Müller Maschinen GmbH" in client.get(reverse("inquiries:inquiry_create")).content.decode()
    )


def test_a_long_subject_is_refused_with_a_message(client_for, owner, company):
    url = reverse("inquiries:inquiry_create") + f"?company={company.pk}"
    response = client_for(owner).post(url, {"subject": "x" * 400})
    assert response.status_code == 422
    assert not Inquiry.objects.exists()


def test_the_button_on_the_message_page(client_for, owner, make_message, rf):
    from django.template import Context, Template

    message = make_message()
    request = rf.get("/")
    request.user = owner
    html = Template("{% load inquiries_tags %}{% inquiry_button message %}").render(
        Context({"message": message, "request": request})
    )
    assert 'data-testid="inquiry-button"' in html
    response = client_for(owner).post(reverse("inquiries:from_message", args=[message.pk]))
    assert response.status_code == 302
    inquiry = Inquiry.objects.get(message=message)
    assert inquiry.received_at == message.received_at
    html = Template("{% load inquiries_tags %}{% inquiry_button message %}").render(
        Context({"message": message, "request": request})
    )
    assert 'data-testid="inquiry-link"' in html


def test_a_colleague_cannot_make_an_inquiry_of_a_message_they_do_not_see(
    client_for, colleague, make_message
):
    message = make_message()
    response = client_for(colleague).post(reverse("inquiries:from_message", args=[message.pk]))
    assert response.status_code == 404
    assert not Inquiry.objects.exists()


def test_the_customer_section_shows_inquiries_and_response_times(owner, company, inquiry, rf):
    from django.template import Context, Template

    services.inquiry_reply(actor=owner, inquiry=inquiry, body_text="x", now=sh(2026, 3, 9, 10))
    request = rf.get("/")
    request.user = owner
    html = Template("{% load inquiries_tags %}{% company_inquiries_section company %}").render(
        Context({"company": company, "request": request})
    )
    assert "LED panels 600x600" in html
    assert 'data-testid="response-times"' in html
    assert "2 h" in html  # the median first response in working hours


def test_proposed_inquiries_are_accepted_or_dismissed_on_the_page(client_for, owner, make_message):
    from django.utils import timezone

    proposed = services.inquiry_propose_from_message(message=make_message(), now=timezone.now())
    client = client_for(owner)
    assert "Proposed: accept or dismiss" in client.get("/inquiries/").content.decode()
    client.post(reverse("inquiries:inquiry_accept", args=[proposed.pk]))
    proposed.refresh_from_db()
    assert proposed.state == State.OPEN


def test_managers_add_and_remove_company_days(client_for, owner, manager):
    url = reverse("inquiries:calendar")
    data = {"date": "2026-03-09", "is_working": "off", "name": "Factory anniversary"}
    assert client_for(owner).post(url, data).status_code == 403
    client = client_for(manager)
    assert client.post(url, data).status_code == 302
    day = CalendarDay.objects.get()
    assert not day.is_working and day.date == datetime.date(2026, 3, 9)
    assert "Factory anniversary" in client.get(url).content.decode()
    remove = reverse("inquiries:calendar_day_remove", args=[day.pk])
    assert client.post(remove).status_code == 302
    assert not CalendarDay.objects.exists()
    assert (
        client.post(url, {"date": "2026-03-09", "is_working": "off", "name": ""}).status_code == 422
    )


def test_the_list_page_reads_in_a_fixed_number_of_queries(
    client_for, owner, manager, django_assert_max_num_queries
):
    for n in range(12):
        company = make_company(actor=manager, owner=owner, name=f"Buyer {n} Ltd")
        services.inquiry_create(actor=owner, company=company, subject=f"Inquiry {n}")
    rep = make_user(username="rep2")
    other = make_company(actor=manager, owner=rep, name="Other buyer")
    services.inquiry_create(actor=rep, company=other, subject="Not mine")
    client = client_for(owner)
    client.get("/inquiries/")  # warm the session
    with django_assert_max_num_queries(14):
        body = client.get("/inquiries/").content.decode()
    assert body.count('data-testid="inquiry-row"') == 12
    assert "Not mine" not in body
    manager_client = client_for(manager)
    with django_assert_max_num_queries(14):
        body = manager_client.get("/inquiries/").content.decode()
    assert body.count('data-testid="inquiry-row"') == 13
    body = manager_client.get(f"/inquiries/?owner={rep.pk}").content.decode()
    assert body.count('data-testid="inquiry-row"') == 1


def test_the_stock_badge_is_shown_when_the_catalogue_has_one(owner, rf):
    from django.template import Context, Template

    from chengxin.inquiries.templatetags import inquiries_tags

    product = Product.objects.create(sku="LED-600", name="LED panel")
    html = Template("{% load inquiries_tags %}{% product_stock product %}").render(
        Context({"product": product})
    )
    if inquiries_tags._stock_tag_available():
        assert html.strip()
    else:
        assert html == ""


def test_a_broken_calendar_setting_is_reported_at_start(settings):
    from chengxin.inquiries.checks import inquiries_calendar_check

    assert inquiries_calendar_check(None) == []
    settings.CHENGXIN_WORKING_HOURS = "9 to 5"
    errors = inquiries_calendar_check(None)
    assert errors and "not a span like 09:00-12:00" in errors[0].msg

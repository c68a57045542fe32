"""A rep turns a quote into an order and changes a line; finance records a payment and
reverses it: the totals, the amounts due and the open balance follow on the page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chengxin.orders.models import Order, Payment
from chengxin.testing import speak_english

pytestmark = pytest.mark.browser


def test_quote_to_order_a_line_changed_a_payment_recorded_and_reversed(
    signed_in_page, owner, finance, company
):
    speak_english(owner, finance)
    contact = company.contacts.get()
    page = signed_in_page(owner)
    page.goto(f"/orders/quotes/new/?company={company.pk}")
    page.get_by_label("Currency (ISO 4217)").fill("USD")
    page.get_by_label("Incoterm 2020").select_option("FOB")
    page.get_by_label("Named place").fill("Ningbo")
    page.get_by_label("Valid until").fill(
        (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    )
    page.get_by_label("Contact person").select_option(str(contact.pk))
    page.locator("[name=lines-0-description]").fill("LED panel")
    page.locator("[name=lines-0-quantity]").fill("100")
    page.locator("[name=lines-0-unit_price]").fill("10")
    # A second line without saving: the row comes from the server (htmx).
    page.get_by_test_id("add-line").click()
    expect(page.locator("[name=lines-1-description]")).to_be_visible()
    expect(page.locator("#id_lines-TOTAL_FORMS")).to_have_value("2")
    page.locator("[name=lines-1-description]").fill("Driver")
    page.locator("[name=lines-1-quantity]").fill("100")
    page.locator("[name=lines-1-unit_price]").fill("5")
    page.get_by_role("button", name="Save the quote").click()
    expect(page.get_by_test_id("contact")).to_contain_text(contact.name)
    page.get_by_test_id("send").click()
    page.get_by_test_id("accept").click()
    expect(page.get_by_test_id("total")).to_contain_text("1,500.00")
    order = Order.objects.get()
    assert order.line_count == 2

    # The buyer wants 120 panels instead of 100.
    page.get_by_test_id("edit-lines").click()
    page.locator("[name=lines-0-quantity]").fill("120")
    page.get_by_role("button", name="Save the lines").click()
    expect(page.get_by_test_id("total")).to_contain_text("1,700.00")
    expect(page.get_by_test_id("open")).to_contain_text("1,700.00")
    expect(page.get_by_test_id("due-line").first).to_contain_text("510.00")  # 30 % deposit

    # Finance records the deposit, then finds it was booked on the wrong order.
    money = signed_in_page(finance)
    money.goto(f"/orders/{order.pk}/")
    record = money.get_by_test_id("record-payment")
    record.locator("summary").click()
    record.get_by_label("Amount").fill("510")
    record.get_by_label("Reference").fill("TT 0412")
    record.get_by_role("button", name="Record").click()
    expect(money.get_by_test_id("paid")).to_contain_text("510.00")
    expect(money.get_by_test_id("open")).to_contain_text("1,190.00")
    reverse = money.get_by_test_id("reverse-payment")
    reverse.locator("summary").click()
    reverse.get_by_label("Why it is reversed").fill("Booked on the wrong order")
    reverse.get_by_role("button", name="Reverse this payment").click()
    expect(money.get_by_test_id("payment-state")).to_contain_text("Booked on the wrong order")
    expect(money.get_by_test_id("paid")).to_contain_text("0.00")
    expect(money.get_by_test_id("open")).to_contain_text("1,700.00")
    payment = Payment.objects.get()
    assert payment.is_reversed and payment.reversed_by == finance

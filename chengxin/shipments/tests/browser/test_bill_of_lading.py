"""A rep records a shipment with its bill of lading date: the order's balance falls due
48 hours after it; a corrected B/L date moves the balance due, on the order's page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chengxin.notifications.models import Notification
from chengxin.shipments.models import Shipment
from chengxin.testing import speak_english

pytestmark = pytest.mark.browser


def test_a_bill_of_lading_date_starts_the_balance_clock_and_moves_it(signed_in_page, owner, order):
    speak_english(owner)
    # The owner's wall clock: what they type and what the pages show.
    day = timezone.localdate() - datetime.timedelta(days=5)
    issued = f"{day.isoformat()}T10:00"
    page = signed_in_page(owner)
    page.goto(f"/orders/{order.pk}/")
    expect(page.get_by_test_id("due-at").nth(1)).to_contain_text("when the trigger happens")

    page.goto(f"/shipments/new/{order.pk}/")
    page.get_by_label("Bill of lading number").fill("NGB2612345")
    page.get_by_label("Bill of lading issued").fill(issued)
    page.get_by_role("button", name="Plan the shipment").click()
    expect(page.get_by_test_id("bl")).to_contain_text(f"{day.isoformat()} 10:00")
    shipment = Shipment.objects.get(order=order)

    page.goto(f"/orders/{order.pk}/")
    due = (day + datetime.timedelta(days=2)).isoformat()
    expect(page.get_by_test_id("due-at").nth(1)).to_have_text(f"{due} 10:00")
    expect(page.get_by_test_id("state")).to_have_text("Shipped")

    # The B/L was in fact issued a day later: the balance moves with it.
    page.goto(f"/shipments/{shipment.pk}/edit/")
    later = day + datetime.timedelta(days=1)
    page.get_by_label("Bill of lading issued").fill(f"{later.isoformat()}T10:00")
    page.get_by_role("button", name="Save").click()
    page.goto(f"/orders/{order.pk}/")
    moved = (later + datetime.timedelta(days=2)).isoformat()
    expect(page.get_by_test_id("due-at").nth(1)).to_have_text(f"{moved} 10:00")
    expect(page.get_by_test_id("step-due_moved")).to_contain_text(
        "Balance the rest 48 hours after the bill of lading is issued (shipment S1)"
    )
    assert Notification.objects.filter(user=owner, kind="orders.due_moved").exists()

"""A rep meets a promise at risk: the list of promises at risk, the drafted letter in
the buyer's language, another alternative, and sending it."""

import datetime
import os

import pytest
from playwright.sync_api import expect

from chengxin.commitments import services
from chengxin.commitments.models import WarningState
from chengxin.testing import speak_english

from ..conftest import NOW

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("CHENGXIN_SCREENSHOTS", "")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_rep_warns_the_buyer_with_an_alternative(signed_in_page, owner, order):
    speak_english(owner)
    milestone = services.milestone_create(
        actor=owner, order=order, kind="shipped", promised_on=datetime.date(2027, 4, 30), now=NOW
    )
    services.milestone_forecast(
        actor=owner, milestone=milestone, forecast_on=datetime.date(2027, 5, 20),
        note="Vessel rolled over", now=NOW,
    )  # fmt: skip
    page = signed_in_page(owner)
    page.goto("/commitments/")
    expect(page.get_by_test_id("milestone-row")).to_contain_text(order.number)
    _shot(page, "attention")
    page.get_by_test_id("draft-link").click()
    expect(page.get_by_test_id("language")).to_have_text("de")
    page.get_by_label("Alternative offered").first.select_option("air_freight")
    page.get_by_role("button", name="Draft again").click()
    body = page.locator("textarea[name=body]")
    expect(body).to_contain_text("Luftfracht")  # the buyer reads German
    _shot(page, "warning")
    page.get_by_role("button", name="Send in the buyer's working hours").click()
    expect(page.get_by_test_id("warned")).to_be_visible()
    _shot(page, "milestone")
    warning = milestone.warnings.get()
    assert warning.state == WarningState.SENT and warning.alternative == "air_freight"

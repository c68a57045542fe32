"""After the change, a buyer with an open order gets that order's proforma data with the
new account in the payment instructions; one without, or with an order in another
currency, gets none."""

from __future__ import annotations

import datetime
from decimal import Decimal

from chengxin.campaigns import notice
from chengxin.campaigns.models import Recipient
from chengxin.campaigns.services.launch import plan_launch
from chengxin.orders.services import LineIn, order_create
from chengxin.testing.campaigns import NOW


def _order(owner, company, currency="USD", quantity="400", price="12.50"):
    return order_create(
        actor=owner,
        company=company,
        currency=currency,
        incoterm="FOB",
        named_place="Ningbo",
        lines=[
            LineIn(
                description="LED panel light 600x600 40W",
                quantity=Decimal(quantity),
                unit_price=Decimal(price),
            )
        ],
        order_date=datetime.date(2026, 11, 20),
        terms={
            "lines": [
                {"kind": "deposit", "percent": "30"},
                {"kind": "balance", "trigger": "before_shipment"},
            ]
        },  # fmt: skip
        now=NOW,
    )


def test_the_open_order_and_what_is_still_due_go_with_the_new_account(
    english, owner, finance, plan, buyers, no_whatsapp
):
    order = _order(owner, buyers["berlin"])
    _order(owner, buyers["new_york"], currency="EUR")  # paid into an account not changing
    plan_launch(actor=finance, plan=plan, now=NOW)
    berlin = Recipient.objects.get(company=buyers["berlin"])
    letter = notice.post_change_letter(berlin, "token")
    assert f"Your order {order.number}: proforma invoice with the new account" in letter.text
    assert "FOB Ningbo" in letter.text
    # money as format_money writes it: a no-break space after the code
    assert "400 pcs = USD\u00a05,000.00" in letter.text
    assert "Deposit 30 % on order: USD\u00a01,500.00 (due 20 November 2026)" in letter.text
    assert "Please pay these amounts into the new account above." in letter.text
    assert order.number in letter.html
    new_york = Recipient.objects.get(company=buyers["new_york"])
    assert "Your order" not in notice.post_change_letter(new_york, "token").text


def test_a_german_buyer_reads_the_amounts_in_german(owner, finance, plan, buyers, no_whatsapp):
    order = _order(owner, buyers["berlin"])
    plan_launch(actor=finance, plan=plan, now=NOW)
    berlin = Recipient.objects.get(company=buyers["berlin"])
    berlin.language = "de"
    letter = notice.post_change_letter(berlin, "token")
    assert order.number in letter.text
    assert "5.000,00" in letter.text

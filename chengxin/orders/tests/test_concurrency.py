"""Two requests at once against the same order (through the API, each on its own
database connection): two payments that together exceed what is owed, a line edit racing
a shipment, two orders taking the same money received. Exactly one of each pair passes,
and what is stored never breaks the rule the other was refused by.

On PostgreSQL each request has its own connection and the services' row locks decide.
SQLite lets one writer in at a time (IMMEDIATE transactions: the second waits for the
first to commit); the test database lives in memory, where connections of several
threads refuse each other instead of waiting, so there the threads share the one
connection and take turns, in whichever order they arrive, as writers do on a file.
"""

from __future__ import annotations

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Sum

from chengxin.banking.models import State
from chengxin.orders.models import OrderLine, Payment
from chengxin.orders.tests.conftest import NOW
from chengxin.shipments.models import Shipment
from chengxin.testing import Api
from chengxin.testing.banking import IBAN_DE, make_account, pay

D = Decimal
pytestmark = pytest.mark.django_db(transaction=True)


def at_once(*calls) -> list:
    """Run ``calls`` in threads released together; their results in the order given."""
    start = threading.Barrier(len(calls))
    results: list = [None] * len(calls)
    sqlite = connection.vendor == "sqlite"
    shared = connections[DEFAULT_DB_ALIAS]
    one_writer = threading.Lock()

    def call(index: int):
        if not sqlite:
            return calls[index]()
        connections[DEFAULT_DB_ALIAS] = shared
        with one_writer:
            return calls[index]()

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = call(index)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            results[index] = exc
        finally:
            if not sqlite:
                connection.close()

    if sqlite:
        shared.inc_thread_sharing()
    try:
        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        if sqlite:
            shared.dec_thread_sharing()
    return results


def statuses(responses) -> list[int]:
    for response in responses:
        assert not isinstance(response, BaseException), response
    return sorted(response.status_code for response in responses)


def test_two_payments_that_together_exceed_what_is_owed(finance, make_order):
    order = make_order()  # 1500 USD
    apis = [Api(finance), Api(finance)]
    body = {"amount": "1000", "currency": "USD", "received_on": "2026-03-02"}
    responses = at_once(
        *[lambda api=api: api.post(f"/orders/{order.pk}/payments", body) for api in apis]
    )
    assert statuses(responses) == [201, 422]
    refused = next(r for r in responses if r.status_code == 422).json()
    assert "still owed" in str(refused)
    order.refresh_from_db()
    assert order.paid == D("1000.000") and order.open_balance == D("500.000")
    assert Payment.objects.filter(order=order).count() == 1


def test_a_line_edit_racing_a_shipment(owner, make_order):
    order = make_order()
    panel, driver = order.lines.all()
    edit = {
        "lines": [
            {"id": panel.pk, "description": "LED panel", "quantity": "40", "unit_price": "10"},
            {"id": driver.pk, "description": "Driver", "quantity": "100", "unit_price": "5"},
        ]
    }
    shipment = {
        "order_id": order.pk,
        "mode": "sea",
        "lines": [{"order_line_id": panel.pk, "quantity": "60"}],
    }
    editor, shipper = Api(owner), Api(owner)
    responses = at_once(
        lambda: editor.put(f"/orders/{order.pk}/lines", edit),
        lambda: shipper.post("/shipments", shipment),
    )
    assert statuses(responses) in ([200, 422], [201, 422])
    panel.refresh_from_db()
    # Whichever came first, the other was refused: never more shipped than ordered.
    assert panel.shipped_quantity <= panel.quantity
    if responses[0].status_code == 200:
        assert panel.quantity == D("40") and not Shipment.objects.filter(order=order).exists()
    else:
        assert panel.quantity == D("100") and panel.shipped_quantity == D("60")
        assert "already shipped" in str(responses[0].json())
    assert OrderLine.objects.filter(order=order).count() == 2


def test_two_orders_take_the_same_money_received(finance, manager, company, make_order):
    account = make_account(proposed_by=manager, iban=IBAN_DE, currency="USD", state=State.ACTIVE)
    received = pay(company, account, datetime.date(2026, 3, 2), finance, amount="2000.00")
    first, second = make_order(), make_order()
    apis = [Api(finance), Api(finance)]
    body = {"amount": "1500", "currency": "USD", "received_payment_id": received.pk}
    responses = at_once(
        lambda: apis[0].post(f"/orders/{first.pk}/payments", body),
        lambda: apis[1].post(f"/orders/{second.pk}/payments", body),
    )
    assert statuses(responses) == [201, 422]
    matched = Payment.objects.filter(received_payment=received).aggregate(s=Sum("amount"))["s"]
    assert matched == D("1500.000") <= received.amount
    refused = next(r for r in responses if r.status_code == 422).json()
    assert "not yet matched" in str(refused)


def test_a_reversal_racing_a_second_reversal(finance, second_finance, make_order):
    order = make_order()
    from chengxin.orders import services

    payment = services.payment_record(
        actor=finance, order=order, amount="450", currency="USD",
        received_on=datetime.date(2026, 3, 2), now=NOW,
    )  # fmt: skip
    apis = [Api(finance), Api(second_finance)]
    path = f"/orders/{order.pk}/payments/{payment.pk}/reverse"
    responses = at_once(*[lambda api=api: api.post(path, {"reason": "twice"}) for api in apis])
    assert statuses(responses) == [200, 422]
    order.refresh_from_db()
    assert order.paid == 0 and order.steps.filter(kind="payment_reversed").count() == 1

"""Correcting an order after it is made: its lines (until shipped), payments reversed,
cost lines corrected, payments matched to the money that arrived (banking), the quote's
contact person, and the owner told of a moved due date in their own language."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from chengxin.audit.models import AuditEntry
from chengxin.banking.models import State
from chengxin.notifications.models import Notification
from chengxin.orders import selectors, services
from chengxin.orders.models import (
    Order,
    OrderLine,
    OrderShipment,
    OrderState,
    Payment,
    Quote,
)
from chengxin.orders.terms import Balance, Deposit, PaymentTerms, Trigger
from chengxin.orders.tests.conftest import NOW, line
from chengxin.parties.models import Contact, ContactStatus
from chengxin.testing import make_company
from chengxin.testing.banking import IBAN_DE, make_account, pay

D = Decimal
BL_TERMS = PaymentTerms((Deposit(percent=D(30)), Balance(trigger=Trigger.BL_HOURS, hours=48)))


def edit(order, *rows):
    """LineIn rows for ``order_lines_update``: (line or None, description, qty, price)."""
    return [
        services.LineIn(
            description=description, quantity=D(quantity), unit_price=D(price),
            line_id=existing.pk if existing is not None else None,
        )
        for existing, description, quantity, price in rows
    ]  # fmt: skip


def ship(actor, order, quantities, reference="S1", bl=None):
    return services.order_shipment_record(
        actor=actor, order=order, reference=reference, lines=quantities,
        shipped_at=bl, bl_issued_at=bl, now=NOW,
    )  # fmt: skip


def said(exc) -> str:
    return " ".join(exc.value.messages)


def audit_count():
    return AuditEntry.objects.count()


# --- lines ---------------------------------------------------------------------------


def test_lines_change_and_the_total_schedule_and_balance_follow(owner, make_order):
    order = make_order()  # 100 x 10 + 100 x 5 = 1500; 30 % deposit, balance before shipment
    panel, driver = order.lines.all()
    services.order_lines_update(
        actor=owner, order=order,
        lines=edit(order, (panel, "LED panel 60x60", "120", "9.5"), (None, "Cable", "10", "2")),
        now=NOW,
    )  # fmt: skip
    order.refresh_from_db()
    # 120 x 9.5 = 1140, the driver removed, the cable added: 1160.
    assert order.total == D("1160.000") and order.open_balance == D("1160.000")
    assert order.line_count == 2
    assert [(x.description, x.quantity, x.position) for x in order.lines.all()] == [
        ("LED panel 60x60", D("120.000"), 1),
        ("Cable", D("10.000"), 2),
    ]
    assert list(order.schedule.values_list("amount", flat=True)) == [D("348.000"), D("812.000")]
    assert not OrderLine.objects.filter(pk=driver.pk).exists()
    step = order.steps.get(kind="lines_changed")
    assert step.details == {
        "total_before": "1500.000", "total_after": "1160.00",
        "changed": 1, "added": 1, "removed": 1,
    }  # fmt: skip
    changed = AuditEntry.objects.get(
        object_type="orderline", object_id=str(panel.pk), action="update"
    )
    assert D(changed.before["quantity"]) == 100 and D(changed.after["quantity"]) == 120
    assert D(changed.before["unit_price"]) == 10 and D(changed.after["unit_price"]) == D("9.5")
    removed = AuditEntry.objects.get(
        object_type="orderline", object_id=str(driver.pk), action="delete"
    )
    assert removed.before["description"] == "Driver" and removed.after is None


def test_a_line_keeps_what_is_shipped_and_nothing_is_written_when_refused(owner, make_order):
    order = make_order(terms=BL_TERMS)
    panel, driver = order.lines.all()
    ship(owner, order, {panel.pk: D("60"), driver.pk: D("0")})
    order.refresh_from_db()
    assert order.state == OrderState.PARTLY_SHIPPED
    other = make_order()
    before = audit_count()
    with pytest.raises(ValidationError) as below:
        services.order_lines_update(
            actor=owner, order=order,
            lines=edit(order, (panel, "LED panel", "59", "10"), (driver, "Driver", "100", "5")),
            now=NOW,
        )  # fmt: skip
    assert "59 is below the 60 pcs already shipped" in " ".join(below.value.messages)
    with pytest.raises(ValidationError) as gone:
        services.order_lines_update(
            actor=owner, order=order, lines=edit(order, (driver, "Driver", "100", "5")), now=NOW
        )
    assert "60 pcs are already shipped, so the line stays" in " ".join(gone.value.messages)
    with pytest.raises(ValidationError) as foreign:
        services.order_lines_update(
            actor=owner, order=order,
            lines=edit(order, (panel, "LED panel", "60", "10"), (other.lines.first(), "X", "1", "1")),
            now=NOW,
        )  # fmt: skip
    assert "not a line of order" in " ".join(foreign.value.messages)
    assert audit_count() == before
    order.refresh_from_db()
    assert order.total == D("1500.000")
    assert [x.quantity for x in order.lines.all()] == [D("100.000"), D("100.000")]


def test_price_change_on_a_partly_shipped_line_revalues_the_shipment(owner, make_order):
    order = make_order(terms=BL_TERMS)
    panel, driver = order.lines.all()
    bl = datetime.datetime(2026, 4, 1, 10, 0, tzinfo=datetime.UTC)
    ship(owner, order, {panel.pk: D("50")}, bl=bl)
    services.order_lines_update(
        actor=owner, order=order,
        lines=edit(order, (panel, "LED panel", "100", "12"), (driver, "Driver", "100", "5")),
        now=NOW,
    )  # fmt: skip
    order.refresh_from_db()
    assert order.total == D("1700.000")
    assert OrderShipment.objects.get(order=order).value == D("600.000")  # 50 x 12
    rows = list(order.schedule.values_list("amount", "due_at"))
    # Deposit 510; balance 1190 split by value shipped: 600/1700 of it due B/L + 48 h.
    assert rows[0][0] == D("510.000")
    assert rows[1] == (D("420.000"), bl + datetime.timedelta(hours=48))
    assert sum(r[0] for r in rows) == order.total


def test_reducing_to_what_is_shipped_makes_the_order_shipped(owner, make_order):
    order = make_order(terms=BL_TERMS)
    panel, driver = order.lines.all()
    ship(owner, order, {panel.pk: D("100"), driver.pk: D("40")})
    services.order_lines_update(
        actor=owner, order=order,
        lines=edit(order, (panel, "LED panel", "100", "10"), (driver, "Driver", "40", "5")),
        now=NOW,
    )  # fmt: skip
    order.refresh_from_db()
    assert order.state == OrderState.SHIPPED and order.total == D("1200.000")
    # Shipped now: the lines no longer change.
    with pytest.raises(ValidationError, match="its lines no longer change"):
        services.order_lines_update(
            actor=owner, order=order, lines=edit(order, (panel, "LED panel", "100", "10")),
            now=NOW,
        )  # fmt: skip


def test_lines_not_below_what_is_paid_and_only_by_who_may_edit(
    owner, colleague, finance, make_order
):
    order = make_order()
    services.payment_record(
        actor=finance, order=order, amount="1000", currency="USD",
        received_on=datetime.date(2026, 3, 2), now=NOW,
    )  # fmt: skip
    panel, driver = order.lines.all()
    with pytest.raises(ValidationError) as exc:
        services.order_lines_update(
            actor=owner, order=order, lines=edit(order, (panel, "LED panel", "90", "10")),
            now=NOW,
        )  # fmt: skip
    assert "is below the USD\xa01,000.00 already paid" in said(exc)
    with pytest.raises(PermissionDenied):
        services.order_lines_update(
            actor=finance, order=order, lines=edit(order, (panel, "LED panel", "200", "10")),
            now=NOW,
        )  # fmt: skip
    with pytest.raises(Order.DoesNotExist):
        services.order_lines_update(
            actor=colleague, order=order, lines=edit(order, (panel, "LED panel", "200", "10")),
            now=NOW,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="Add at least one line"):
        services.order_lines_update(actor=owner, order=order, lines=[], now=NOW)
    order.refresh_from_db()
    assert order.total == D("1500.000") and not order.steps.filter(kind="lines_changed").exists()


# --- payments ------------------------------------------------------------------------


def test_a_payment_is_reversed_never_deleted(owner, finance, make_order):
    order = make_order()
    payment = services.payment_record(
        actor=finance, order=order, amount="450", currency="USD",
        received_on=datetime.date(2026, 3, 2), reference="TT 1", now=NOW,
    )  # fmt: skip
    order.refresh_from_db()
    assert order.paid == D("450.000") and order.open_balance == D("1050.000")
    with pytest.raises(PermissionDenied):
        services.payment_reverse(actor=owner, payment=payment, reason="typo", now=NOW)
    with pytest.raises(ValidationError) as no_reason:
        services.payment_reverse(actor=finance, payment=payment, reason="  ", now=NOW)
    assert "reason" in no_reason.value.message_dict
    later = NOW + datetime.timedelta(hours=1)
    services.payment_reverse(
        actor=finance, payment=payment, reason="Booked on the wrong order", now=later
    )
    payment.refresh_from_db()
    order.refresh_from_db()
    assert payment.is_reversed and payment.reversed_by == finance
    assert payment.reversal_reason == "Booked on the wrong order"
    assert order.paid == 0 and order.open_balance == D("1500.000")
    assert sum(order.schedule.values_list("paid", flat=True)) == 0
    assert Payment.objects.filter(pk=payment.pk).exists()
    entry = AuditEntry.objects.filter(object_type="payment", object_id=str(payment.pk)).last()
    assert entry.before["reversed_at"] is None and entry.after["reversal_reason"]
    assert order.steps.get(kind="payment_reversed").notes == "Booked on the wrong order"
    with pytest.raises(ValidationError, match="already reversed"):
        services.payment_reverse(actor=finance, payment=payment, reason="again", now=later)
    # Revenue at the payment date's rate no longer counts it.
    assert list(order.payments.counted()) == []


def test_more_than_is_owed_is_refused(finance, make_order):
    order = make_order()
    services.payment_record(
        actor=finance, order=order, amount="1000", currency="USD",
        received_on=datetime.date(2026, 3, 2), now=NOW,
    )  # fmt: skip
    before = audit_count()
    with pytest.raises(ValidationError) as exc:
        services.payment_record(
            actor=finance, order=order, amount="500.01", currency="USD",
            received_on=datetime.date(2026, 3, 2), now=NOW,
        )  # fmt: skip
    assert exc.value.message_dict["amount"] == [
        f"USD\xa0500.01 is more than the USD\xa0500.00 still owed on order {order.number}."
    ]
    assert audit_count() == before and order.payments.count() == 1


# --- costs ---------------------------------------------------------------------------


def test_cost_lines_are_corrected_and_removed_with_audit(owner, colleague, finance, make_order):
    order = make_order()
    cost = services.cost_add(
        actor=owner, order=order, label="Freight", amount="1200", currency="CNY",
        incurred_on=datetime.date(2026, 3, 5), now=NOW,
    )  # fmt: skip
    services.cost_update(
        actor=finance, cost=cost, label="Sea freight", amount="1250.50", currency="cny",
        incurred_on=datetime.date(2026, 3, 6), now=NOW,
    )  # fmt: skip
    cost.refresh_from_db()
    assert (cost.label, cost.amount, cost.currency) == ("Sea freight", D("1250.500"), "CNY")
    entry = AuditEntry.objects.filter(object_type="costline", action="update").get()
    assert D(entry.before["amount"]) == D("1200") and D(entry.after["amount"]) == D("1250.5")
    with pytest.raises(ValidationError) as bad:
        services.cost_update(
            actor=owner, cost=cost, label="", amount="-1", currency="XXQ",
            incurred_on=datetime.date(2026, 3, 6), now=NOW,
        )  # fmt: skip
    assert "label" in bad.value.message_dict
    with pytest.raises(Order.DoesNotExist):  # a colleague does not see the order
        services.cost_remove(actor=colleague, cost=cost, now=NOW)
    services.cost_remove(actor=owner, cost=cost, now=NOW)
    assert not order.costs.exists()
    gone = AuditEntry.objects.filter(object_type="costline", action="delete").get()
    assert gone.before["label"] == "Sea freight"


# --- reconciliation ------------------------------------------------------------------


@pytest.fixture
def our_usd_account(manager):
    return make_account(proposed_by=manager, iban=IBAN_DE, currency="USD", state=State.ACTIVE)


def test_one_receipt_is_split_over_two_orders_never_beyond_it(
    finance, company, make_order, our_usd_account
):
    first, second = make_order(), make_order()
    received = pay(company, our_usd_account, datetime.date(2026, 3, 2), finance, amount="2000.00")
    assert list(selectors.receipts_to_match(first)) == [received]
    services.payment_record(
        actor=finance, order=first, amount="1500", currency="USD", received_payment=received,
        now=NOW,
    )  # fmt: skip
    left = selectors.receipts_to_match(second).get()
    assert left.matched == D("1500") and left.left == D("500")
    payment = services.payment_record(
        actor=finance, order=second, amount="500", currency="USD", received_payment=received,
        now=NOW,
    )  # fmt: skip
    assert payment.received_on == datetime.date(2026, 3, 2)
    assert not selectors.receipts_to_match(second).exists()
    third = make_order()
    with pytest.raises(ValidationError) as exc:
        services.payment_record(
            actor=finance, order=third, amount="1", currency="USD", received_payment=received,
            now=NOW,
        )  # fmt: skip
    assert "Only USD\xa00.00 of the USD\xa02,000.00 received on 2026-03-02" in said(exc)
    figures = selectors.order_reconciliation(second)
    assert (figures.owed, figures.recorded, figures.matched, figures.unmatched) == (
        D("1500.000"), D("500.000"), D("500.000"), D("0"),
    )  # fmt: skip
    # A reversed payment frees its part of the receipt.
    services.payment_reverse(actor=finance, payment=payment, reason="wrong order", now=NOW)
    assert selectors.receipts_to_match(third).get().left == D("500")


def test_a_receipt_of_another_buyer_or_currency_is_refused(
    owner, finance, manager, company, make_order, our_usd_account
):
    order = make_order()
    other = make_company(actor=owner, owner=owner, name="Other Buyer GmbH")
    theirs = pay(other, our_usd_account, datetime.date(2026, 3, 2), finance, amount="100.00")
    eur = make_account(proposed_by=manager, iban="GB29NWBK60161331926819", currency="EUR")
    in_euros = pay(company, eur, datetime.date(2026, 3, 2), finance, amount="100.00")
    before = audit_count()
    with pytest.raises(ValidationError, match="paid by another customer"):
        services.payment_record(
            actor=finance, order=order, amount="100", currency="USD", received_payment=theirs,
            now=NOW,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="arrived in EUR"):
        services.payment_record(
            actor=finance, order=order, amount="100", currency="USD", received_payment=in_euros,
            now=NOW,
        )  # fmt: skip
    assert audit_count() == before and not order.payments.exists()


def test_a_recorded_payment_is_matched_once(finance, company, make_order, our_usd_account):
    order = make_order()
    payment = services.payment_record(
        actor=finance, order=order, amount="450", currency="USD",
        received_on=datetime.date(2026, 3, 2), now=NOW,
    )  # fmt: skip
    small = pay(company, our_usd_account, datetime.date(2026, 3, 2), finance, amount="400.00")
    with pytest.raises(ValidationError) as exc:
        services.payment_match(actor=finance, payment=payment, received_payment=small, now=NOW)
    assert "Only USD\xa0400.00 of the USD\xa0400.00" in said(exc)
    received = pay(company, our_usd_account, datetime.date(2026, 3, 2), finance, amount="450.00")
    services.payment_match(actor=finance, payment=payment, received_payment=received, now=NOW)
    payment.refresh_from_db()
    assert payment.received_payment == received
    assert order.steps.filter(kind="payment_matched").exists()
    with pytest.raises(ValidationError, match="already matched"):
        services.payment_match(actor=finance, payment=payment, received_payment=small, now=NOW)


# --- the due date moved, in the owner's language -------------------------------------


def test_the_owner_reads_which_line_moved_in_their_own_language(
    owner, finance, make_order, django_capture_on_commit_callbacks
):
    owner.language = "zh-hans"
    owner.save(update_fields=["language"])
    order = make_order(terms=BL_TERMS)
    panel, _driver = order.lines.all()
    bl = datetime.datetime(2026, 4, 1, 10, 0, tzinfo=datetime.UTC)
    ship(owner, order, {panel.pk: D("100")}, bl=bl)
    with django_capture_on_commit_callbacks(execute=True):
        ship(owner, order, {panel.pk: D("100")}, bl=bl + datetime.timedelta(days=2))
    note = Notification.objects.get(user=owner, kind="orders.due_moved")
    with translation.override("zh-hans"):
        body = note.display_body
    assert "尾款 全部余款，提单签发后 48 小时（出运 S1）：原为" in body
    with translation.override("en"):
        english = note.display_body
    assert "Balance the rest 48 hours after the bill of lading is issued (shipment S1)" in english


# --- a quote's contact person --------------------------------------------------------


def test_a_quote_names_a_contact_of_its_own_company(owner, company, make_quote):
    contact = Contact.objects.create(company=company, name="Anna Weber", title="Buyer")
    quote = make_quote(contact_id=contact.pk)
    assert quote.contact == contact
    other = make_company(actor=owner, owner=owner, name="Other Buyer GmbH")
    stranger = Contact.objects.create(company=other, name="Max Roth")
    left = Contact.objects.create(company=company, name="Old Buyer", status=ContactStatus.LEFT)
    count = Quote.objects.count()
    with pytest.raises(ValidationError) as exc:
        make_quote(contact_id=stranger.pk)
    assert exc.value.message_dict["contact"] == [
        f"This person is not a contact of {company.legal_name}."
    ]
    with pytest.raises(ValidationError, match="has left"):
        make_quote(contact_id=left.pk)
    assert Quote.objects.count() == count
    services.quote_update(
        actor=owner, quote=quote, currency="EUR", incoterm="CIF", named_place="Hamburg",
        valid_until=datetime.date(2026, 4, 1), lines=[line(price="12.5")], contact_id=None,
        now=NOW,
    )  # fmt: skip
    quote.refresh_from_db()
    assert quote.contact is None


def test_the_timeline_names_a_moved_line_in_the_readers_language(db):
    from chengxin.orders.templatetags.orders_tags import due_moved_name

    move = {
        "what": "Balance 70 % 48 hours after the bill of lading is issued",
        "kind": "balance", "trigger": "bl_hours", "args": {"hours": 48, "percent": "70"},
        "shipment": "",
    }  # fmt: skip
    with translation.override("zh-hans"):
        assert due_moved_name(move) == "尾款 70 %，提单签发后 48 小时"
        # A step written before the line's values were kept: its English description.
        assert due_moved_name({"what": "Deposit 30 % on order"}) == "Deposit 30 % on order"

"""Quotes to orders, payments, default terms, permissions and profit."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengxin.audit.models import AuditEntry
from chengxin.orders import selectors, services
from chengxin.orders.models import Order, OrderState, PaymentMethod, Quote, QuoteState, RateRule
from chengxin.orders.terms import Balance, Deposit, Instalments, PaymentTerms, Trigger
from chengxin.orders.tests.conftest import NOW, line
from chengxin.testing import make_company

D = Decimal


def test_payment_methods_seeded(db):
    assert set(PaymentMethod.objects.values_list("kind", flat=True)) >= {
        "tt",
        "lc_sight",
        "paypal",
        "local",
    }


def test_quote_becomes_an_order_carrying_everything(owner, make_quote):
    quote = make_quote(payment_methods=PaymentMethod.objects.filter(kind="tt"))
    assert quote.number == "Q2026-00001" and quote.state == QuoteState.DRAFT
    services.quote_send(actor=owner, quote=quote, now=NOW)
    order = services.quote_accept(actor=owner, quote=quote, now=NOW)
    quote.refresh_from_db()
    assert quote.state == QuoteState.ACCEPTED
    assert (order.currency, order.incoterm, order.named_place) == ("EUR", "CIF", "Hamburg")
    assert order.terms == quote.terms and order.total == D("1250.000")
    assert [(x.description, x.quantity) for x in order.lines.all()] == [("LED panel", D("100.000"))]
    assert list(order.payment_methods.values_list("kind", flat=True)) == ["tt"]
    assert order.steps.filter(kind="from_quote").exists()
    assert order.number.startswith("SO2026-")
    # Accepting again is refused: the quote moved on.
    with pytest.raises(ValidationError, match="not possible"):
        services.quote_accept(actor=owner, quote=quote, now=NOW)


def test_numbers_never_reused(owner, make_quote):
    first = make_quote()
    first.lines.all().delete()
    first.delete()
    assert make_quote().number == "Q2026-00002"


def test_a_draft_is_not_accepted_and_an_expired_quote_is_not_sent(owner, make_quote):
    quote = make_quote()
    with pytest.raises(ValidationError):
        services.quote_accept(actor=owner, quote=quote, now=NOW)
    later = NOW + datetime.timedelta(days=60)
    with pytest.raises(ValidationError, match="validity"):
        services.quote_send(actor=owner, quote=quote, now=later)
    services.quote_send(actor=owner, quote=quote, now=NOW)
    assert services.quotes_expire(now=later) == 1
    quote.refresh_from_db()
    assert quote.state == QuoteState.EXPIRED


@pytest.mark.parametrize(
    ("field", "kwargs", "message"),
    [
        ("named_place", {"named_place": ""}, "Name the place"),
        ("incoterm", {"incoterm": "FOT"}, "Incoterms 2020"),
        ("currency", {"currency": "XYZ"}, ""),
        ("lines", {"lines": []}, "at least one line"),
        ("lines", {"lines": [line(quantity="-1")]}, "above"),
        ("terms", {"terms": {"lines": [{"kind": "deposit", "percent": "50"}]}}, "add up to 100"),
    ],
)
def test_bad_input_refused_and_nothing_written(owner, company, field, kwargs, message):
    args = {"actor": owner, "company": company, "currency": "USD", "incoterm": "FOB",
            "named_place": "Ningbo", "lines": [line()], "now": NOW, **kwargs}  # fmt: skip
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.order_create(**args)
    assert field in exc.value.message_dict
    assert message in " ".join(exc.value.message_dict[field])
    assert not Order.objects.exists() and AuditEntry.objects.count() == before


def test_default_terms_new_and_long_standing_buyer(owner, company, make_order, settings):
    settings.CHENGXIN_REGULAR_BUYER_ORDERS = 1
    first = make_order()
    assert PaymentTerms.from_dict(first.terms).lines == (
        Deposit(percent=D(30)), Balance(trigger=Trigger.BEFORE_SHIPMENT),
    )  # fmt: skip
    Order.objects.filter(pk=first.pk).update(state=OrderState.COMPLETED)
    second = make_order()
    lines = PaymentTerms.from_dict(second.terms).lines
    assert lines[0] == Deposit(percent=D(10)) and lines[1].trigger == Trigger.BL_HOURS


def test_payments_allocated_oldest_first_and_balances(owner, finance, company, make_order):
    order = make_order(
        terms=PaymentTerms((Deposit(percent=D(30)), Balance(trigger=Trigger.NET_DAYS, days=30)))
    )
    assert (order.open_balance, order.next_due_at.date()) == (
        D("1500.000"),
        datetime.date(2026, 3, 1),
    )
    with pytest.raises(PermissionDenied):
        services.payment_record(actor=owner, order=order, amount="100", currency="USD",
                                received_on=datetime.date(2026, 3, 2), now=NOW)  # fmt: skip
    with pytest.raises(ValidationError, match="in USD"):
        services.payment_record(actor=finance, order=order, amount="100", currency="EUR",
                                received_on=datetime.date(2026, 3, 2), now=NOW)  # fmt: skip
    services.payment_record(actor=finance, order=order, amount="600", currency="USD",
                            received_on=datetime.date(2026, 3, 2), reference="TT1", now=NOW)  # fmt: skip
    order.refresh_from_db()
    rows = list(order.schedule.values_list("amount", "paid"))
    assert rows == [(D("450.000"), D("450.000")), (D("1050.000"), D("150.000"))]
    assert order.paid == D("600.000") and order.open_balance == D("900.000")
    assert order.next_due_at.date() == datetime.date(2026, 3, 31)
    assert selectors.buyer_balances(company)[0].open_balance == D("900.000")
    assert list(selectors.buyer_open_orders(company)) == [order]


def test_instalments_and_lc_on_an_order(owner, make_order):
    order = make_order(terms=PaymentTerms((Instalments(count=3, every_days=30),)))
    assert [r.amount for r in order.schedule.all()] == [D("500.000")] * 3
    lc = make_order(terms=PaymentTerms((Balance(trigger=Trigger.LC_SIGHT, days=10),)))
    bl = datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    services.order_shipment_record(
        actor=owner, order=lc, reference="S1", lines={x.pk: x.quantity for x in lc.lines.all()},
        bl_issued_at=bl, shipped_at=bl, now=NOW,
    )  # fmt: skip
    lc.refresh_from_db()
    assert lc.state == OrderState.SHIPPED
    assert [(r.amount, r.due_at) for r in lc.schedule.all()] == [
        (D("1500.000"), bl + datetime.timedelta(days=10))
    ]


def test_terms_change_moves_the_schedule_and_is_audited(owner, make_order):
    order = make_order()
    services.order_terms_update(
        actor=owner, order=order, terms={"lines": [{"kind": "balance", "trigger": "net_days", "days": 60}]},
        now=NOW,
    )  # fmt: skip
    order.refresh_from_db()
    assert order.next_due_at == datetime.datetime(2026, 4, 30, tzinfo=datetime.UTC)
    assert order.steps.filter(kind="terms_changed").exists()


def test_permissions(owner, colleague, manager, finance, company, make_order, make_quote):
    order = make_order()
    assert selectors.visible_orders(colleague).count() == 0
    assert selectors.visible_orders(finance).count() == 1
    with pytest.raises(PermissionDenied):
        services.order_advance(actor=finance, order=order, step="production", now=NOW)
    with pytest.raises(Order.DoesNotExist):
        services.order_advance(actor=colleague, order=order, step="production", now=NOW)
    company.shared_with.add(colleague)
    services.order_advance(actor=colleague, order=order, step="production", now=NOW)
    with pytest.raises(PermissionDenied):
        make_quote(actor=finance)
    services.order_advance(actor=manager, order=order, step="cancelled", now=NOW)
    order.refresh_from_db()
    assert order.state == OrderState.CANCELLED and order.open_balance == 0


@pytest.fixture
def usd_rates(finance):
    """USD→CNY entered by finance: 7.0 from March, 7.2 from April."""
    from chengxin.fx.services import rate_record

    rate_record(actor=finance, currency="USD", day=datetime.date(2026, 3, 1), rate="7.0")
    rate_record(actor=finance, currency="USD", day=datetime.date(2026, 4, 1), rate="7.2")


def test_profit_at_each_rule(owner, finance, make_order, usd_rates, settings):
    settings.CHENGXIN_BASE_CURRENCY = "CNY"
    order = make_order()  # USD 1,500 on 2026-03-01
    services.cost_add(actor=finance, order=order, label="Goods", amount="7000", currency="CNY",
                      incurred_on=datetime.date(2026, 3, 5), now=NOW)  # fmt: skip
    services.cost_add(actor=owner, order=order, label="Freight", amount="100", currency="USD",
                      incurred_on=datetime.date(2026, 4, 5), now=NOW)  # fmt: skip
    today = datetime.date(2026, 4, 20)
    profit = selectors.order_profit(order, today=today)
    assert profit.revenue_base == D("10500.00")  # 1500 x 7.0 (order date)
    assert profit.costs_base == D("7720.00")  # 7000 + 100 x 7.2
    assert profit.profit_base == D("2780.00")
    services.payment_record(actor=finance, order=order, amount="1000", currency="USD",
                            received_on=datetime.date(2026, 4, 10),
                            now=NOW + datetime.timedelta(days=50))  # fmt: skip
    Order.objects.filter(pk=order.pk).update(rate_rule=RateRule.PAYMENT_DATE)
    order.refresh_from_db()
    assert selectors.order_profit(order, today=today).revenue_base == D("10800.00")  # all at 7.2
    Order.objects.filter(pk=order.pk).update(
        rate_rule=RateRule.LOCKED, locked_rate=D("6.9"), locked_until=datetime.date(2026, 4, 15)
    )
    order.refresh_from_db()
    # Paid 1000 before the lock ends: 6900; 500 open after the lock ended: 3600.
    assert selectors.order_profit(order, today=today).revenue_base == D("10500.00")
    assert selectors.order_profit(order, today=datetime.date(2026, 4, 12)).revenue_base == D(
        "10350.000"
    )


def test_profit_without_a_rate_says_why(owner, make_order, usd_rates, settings):
    settings.CHENGXIN_BASE_CURRENCY = "CNY"
    order = make_order(currency="XOF")
    profit = selectors.order_profit(order, today=datetime.date(2026, 3, 2))
    assert profit.profit_base is None
    assert "no exchange rate from XOF to CNY" in profit.problems[0]


def test_proforma_data(owner, make_order):
    order = make_order()
    data = selectors.proforma_data(order)
    assert data["incoterm_text"] == "FOB Ningbo" and data["total"] == D("1500.000")
    assert [x["amount"] for x in data["schedule"]] == [D("450.000"), D("1050.000")]
    assert data["account"] is None  # no approved receiving account in USD
    assert data["terms"][0].startswith("Deposit 30 %")


def test_a_quote_sent_for_an_inquiry_stops_its_full_answer_clock(
    owner, company, colleague, make_quote
):
    from chengxin.inquiries.services import inquiry_create

    inquiry = inquiry_create(
        actor=owner, company=company, subject="500 LED panels", received_at=NOW, now=NOW
    )
    other = make_company(actor=colleague, name="Other Buyer Ltd", email="a@other-buyer.example")
    with pytest.raises(ValidationError, match="No inquiry"):
        services.quote_create(
            actor=colleague, company=other, currency="USD", incoterm="FOB", named_place="Ningbo",
            valid_until=datetime.date(2026, 4, 1), lines=[line()], inquiry_id=inquiry.pk, now=NOW,
        )  # fmt: skip
    quote = make_quote(inquiry_id=inquiry.pk)
    sent = NOW + datetime.timedelta(hours=3)
    services.quote_send(actor=owner, quote=quote, now=sent)
    inquiry.refresh_from_db()
    assert inquiry.full_answered_at == sent and inquiry.full_answer_via == "quote"


def test_the_daily_task_expires_quotes(owner, make_quote):
    from chengxin.orders.tasks import quotes_expire_task

    quote = make_quote()
    services.quote_send(actor=owner, quote=quote, now=NOW)
    Quote.objects.filter(pk=quote.pk).update(valid_until=datetime.date(2020, 1, 1))
    assert quotes_expire_task.call() == {"expired": 1}

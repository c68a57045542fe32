"""Payment terms as data: every kind of line, partial shipments, rounding."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengxin.orders.terms import (
    Balance,
    Deposit,
    Events,
    Instalments,
    PaymentTerms,
    ShipmentEvent,
    TermsError,
    Trigger,
    default_terms,
    schedule,
)

ORDER = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
BL = datetime.datetime(2026, 4, 10, 9, 30, tzinfo=datetime.UTC)
D = Decimal


def amounts(lines):
    return [(line.amount, line.due_at) for line in lines]


def test_deposit_and_balance_before_shipment_with_nothing_shipped():
    terms = PaymentTerms((Deposit(percent=D(30)), Balance(trigger=Trigger.BEFORE_SHIPMENT)))
    lines = schedule(terms, D("10000"), "USD", Events(ORDER))
    assert amounts(lines) == [(D("3000.00"), ORDER), (D("7000.00"), None)]
    assert lines[1].description == "Balance before shipment"


def test_deposit_n_days_after_order_and_fixed_amount():
    terms = PaymentTerms(
        (Deposit(amount=D("500"), days=7), Balance(trigger=Trigger.NET_DAYS, days=30))
    )
    lines = schedule(terms, D("2000"), "EUR", Events(ORDER))
    assert amounts(lines) == [
        (D("500.00"), ORDER + datetime.timedelta(days=7)),
        (D("1500.00"), ORDER + datetime.timedelta(days=30)),
    ]


def test_balance_48_hours_after_the_bl():
    terms = PaymentTerms((Deposit(percent=D(10)), Balance(trigger=Trigger.BL_HOURS, hours=48)))
    shipped = ShipmentEvent(share=D(1), reference="S1", shipped_at=BL, bl_issued_at=BL)
    lines = schedule(terms, D("1000"), "USD", Events(ORDER, (shipped,)))
    assert amounts(lines) == [
        (D("100.00"), ORDER),
        (D("900.00"), BL + datetime.timedelta(hours=48)),
    ]


def test_bl_not_issued_yet_is_due_when_it_is():
    terms = PaymentTerms((Balance(trigger=Trigger.BL_HOURS, hours=48),))
    shipped = ShipmentEvent(share=D(1), reference="S1", shipped_at=BL)
    lines = schedule(terms, D("1000"), "USD", Events(ORDER, (shipped,)))
    assert amounts(lines) == [(D("1000.00"), None)]


def test_against_a_copy_of_the_bl():
    copy = BL + datetime.timedelta(days=2)
    terms = PaymentTerms((Deposit(percent=D(30)), Balance(trigger=Trigger.BL_COPY)))
    event = ShipmentEvent(share=D(1), bl_issued_at=BL, bl_copy_sent_at=copy)
    lines = schedule(terms, D("1000"), "USD", Events(ORDER, (event,)))
    assert amounts(lines)[1] == (D("700.00"), copy)


def test_lc_at_sight_due_when_documents_are_presented():
    terms = PaymentTerms((Balance(trigger=Trigger.LC_SIGHT, days=5),))
    event = ShipmentEvent(share=D(1), bl_issued_at=BL)
    lines = schedule(terms, D("1000"), "USD", Events(ORDER, (event,)))
    assert amounts(lines) == [(D("1000.00"), BL + datetime.timedelta(days=5))]
    assert "L/C at sight" in lines[0].description
    default = schedule(PaymentTerms((Balance(trigger=Trigger.LC_SIGHT),)), D(1), "USD",
                       Events(ORDER, (event,)))  # fmt: skip
    assert default[0].due_at == BL + datetime.timedelta(days=21)


def test_days_after_delivery():
    delivered = BL + datetime.timedelta(days=30)
    terms = PaymentTerms((Balance(trigger=Trigger.AFTER_DELIVERY, days=15),))
    event = ShipmentEvent(share=D(1), bl_issued_at=BL, delivered_at=delivered)
    lines = schedule(terms, D("1000"), "USD", Events(ORDER, (event,)))
    assert amounts(lines) == [(D("1000.00"), delivered + datetime.timedelta(days=15))]


def test_instalments_equal_parts_last_takes_the_remainder():
    terms = PaymentTerms((Instalments(count=3, every_days=30),))
    lines = schedule(terms, D("100"), "USD", Events(ORDER))
    assert amounts(lines) == [
        (D("33.33"), ORDER + datetime.timedelta(days=30)),
        (D("33.33"), ORDER + datetime.timedelta(days=60)),
        (D("33.34"), ORDER + datetime.timedelta(days=90)),
    ]


def test_partial_shipments_split_the_balance_by_value_shipped():
    terms = PaymentTerms((Deposit(percent=D(30)), Balance(trigger=Trigger.BL_HOURS, hours=48)))
    first = ShipmentEvent(share=D("0.4"), reference="S1", bl_issued_at=BL)
    second = ShipmentEvent(share=D("0.35"), reference="S2")
    lines = schedule(terms, D("10000"), "USD", Events(ORDER, (first, second)))
    assert amounts(lines) == [
        (D("3000.00"), ORDER),
        (D("2800.00"), BL + datetime.timedelta(hours=48)),
        (D("2450.00"), None),
        (D("1750.00"), None),
    ]
    assert [line.shipment for line in lines] == ["", "S1", "S2", ""]
    assert "not yet shipped" in lines[3].description


def test_currency_without_minor_units_and_with_three():
    terms = PaymentTerms((Deposit(percent=D("33.3")), Balance()))
    assert [x.amount for x in schedule(terms, D("1001"), "JPY", Events(ORDER))] == [D(333), D(668)]
    assert [x.amount for x in schedule(terms, D("1"), "KWD", Events(ORDER))] == [
        D("0.333"), D("0.667"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        (PaymentTerms(()), "at least one line"),
        (PaymentTerms((Deposit(percent=D(30)), Deposit(percent=D(30)))), "add up to 100"),
        (PaymentTerms((Deposit(percent=D(80)), Deposit(percent=D(30)))), "more than 100"),
        (PaymentTerms((Deposit(), Balance())), "Only one line"),
        (PaymentTerms((Deposit(percent=D(30), amount=D(5)), Balance())), "not both"),
        (PaymentTerms((Deposit(percent=D(-1)), Balance())), "above 0"),
        (PaymentTerms((Balance(trigger="moon"),)), "“moon” is not a trigger"),
        (PaymentTerms((Instalments(count=0),)), "instalments"),
    ],
)
def test_bad_terms_refused_with_the_reason(terms, message):
    with pytest.raises(TermsError, match=message):
        terms.validate()


def test_round_trip_and_bad_dicts():
    terms = PaymentTerms((Deposit(percent=D(30), days=3), Balance(trigger=Trigger.BL_HOURS, hours=48),
                          Instalments(amount=D(5), count=2, every_days=10)))  # fmt: skip
    assert PaymentTerms.from_dict(terms.to_dict()) == terms
    for bad in ({"lines": "x"}, {"lines": [{"kind": "gift"}]}, {"lines": [{"kind": "deposit", "percent": "abc"}]},
                {"lines": [{"kind": "deposit", "days": "x"}]}, ["x"]):  # fmt: skip
        with pytest.raises(TermsError):
            PaymentTerms.from_dict(bad)


def test_default_terms_new_and_regular_buyer():
    new = default_terms(regular=False, new_percent=30, regular_percent=10)
    assert new == PaymentTerms((Deposit(percent=D(30)), Balance(trigger=Trigger.BEFORE_SHIPMENT)))
    regular = default_terms(regular=True, new_percent=30, regular_percent=10)
    assert regular.lines[0] == Deposit(percent=D(10))
    assert regular.lines[1].trigger == Trigger.BL_HOURS and regular.lines[1].hours == 48


share = st.decimals(min_value=0, max_value=1, places=3)
line = st.one_of(
    st.builds(Deposit, percent=st.decimals(min_value="0.01", max_value=100, places=2),
              days=st.integers(0, 60)),
    st.builds(Deposit, amount=st.decimals(min_value="0.01", max_value=10**6, places=2)),
    st.builds(Balance, trigger=st.sampled_from(Trigger.ALL), days=st.integers(0, 90),
              hours=st.integers(0, 96)),
    st.builds(Instalments, count=st.integers(1, 12), every_days=st.integers(1, 90),
              percent=st.one_of(st.none(), st.decimals(min_value=1, max_value=50, places=0))),
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=200)
@given(
    lines=st.lists(line, min_size=1, max_size=5),
    total=st.decimals(min_value=0, max_value=10**9, places=3),
    currency=st.sampled_from(["USD", "JPY", "KWD", "EUR"]),
    shares=st.lists(share, max_size=4),
)
def test_sum_equals_total_and_never_negative(lines, total, currency, shares):
    # Make the terms valid: the last line takes the rest.
    last = lines[-1]
    rest = type(last)(**{**last.__dict__, "percent": None, "amount": None})
    terms = PaymentTerms((*[x for x in lines[:-1] if not x.is_rest], rest))
    try:
        terms.validate()
    except TermsError:
        return
    events = Events(ORDER, tuple(ShipmentEvent(share=s, bl_issued_at=BL) for s in shares))
    due = schedule(terms, total, currency, events)
    from chengxin.orders.terms import quantize

    assert sum((x.amount for x in due), Decimal(0)) == quantize(total, currency)
    assert all(x.amount >= 0 for x in due)


def test_descriptions_in_the_readers_language(db):
    from django.utils import translation

    from chengxin.orders.texts import due_text, terms_text

    terms = PaymentTerms((Deposit(percent=D(30)), Balance(trigger=Trigger.BL_HOURS, hours=48)))
    with translation.override("en"):
        assert terms_text(terms) == [
            "Deposit 30 % on order", "Balance the rest 48 hours after the bill of lading is issued",
        ]  # fmt: skip
        lines = schedule(
            terms, D(100), "USD", Events(ORDER, (ShipmentEvent(share=D("0.5"), reference="S1"),))
        )
        texts = [due_text(x.kind, x.trigger, x.args, shipment=x.shipment) for x in lines]
        assert texts[1].endswith("(shipment S1)") and texts[2].endswith("(goods not yet shipped)")


def test_a_refusal_names_its_line_and_reads_in_the_users_language():
    terms = PaymentTerms((Deposit(percent=D(30)), Balance(trigger="moon")))
    with pytest.raises(TermsError) as refused:
        terms.validate()
    assert str(refused.value) == "Line 2: “moon” is not a trigger of a balance."
    chinese = {
        "Line %(line)s: %(problem)s": "第 %(line)s 行：%(problem)s",
        "“%(trigger)s” is not a trigger of a balance.": "“%(trigger)s”不是尾款的触发条件。",
    }
    assert refused.value.render(chinese.__getitem__) == "第 2 行：“moon”不是尾款的触发条件。"

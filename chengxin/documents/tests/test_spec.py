"""DocumentSpec: what it accepts, what it refuses and how it says so."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengxin.documents.spec import DocumentSpec, DocumentSpecError
from chengxin.documents.tests.documents import (
    JAPAN_REGISTRATION,
    KINDS,
    document,
    example,
    gulf_document,
    japan_document,
)


def errors_of(data) -> dict[str, str]:
    with pytest.raises(DocumentSpecError) as caught:
        DocumentSpec.from_dict(data)
    with translation.override("en"):
        return {error.field: error.text() for error in caught.value.errors}


def test_the_example_reads_and_round_trips():
    spec = DocumentSpec.from_dict(example())
    assert spec.kind == "proforma"
    assert spec.issue_date == date(2026, 12, 7)
    assert spec.total == Decimal("12150.00")
    assert spec.lines[0].amount == Decimal("9700.00")
    assert spec.buyer.vat_number == "DE136695976"
    assert spec.account is not None and spec.account.swift == "BKCHCNBJ92A"
    assert DocumentSpec.from_dict(spec.to_dict()) == spec
    # to_dict is JSON as it is (money as strings, dates in ISO form).
    assert DocumentSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_reads_and_round_trips(kind):
    spec = DocumentSpec.from_dict(document(kind, "fr"))
    assert spec.kind == kind
    assert DocumentSpec.from_dict(spec.to_dict()) == spec


def test_an_amount_left_out_is_computed_and_a_wrong_one_is_refused():
    data = example()
    del data["lines"][0]["amount"]
    assert DocumentSpec.from_dict(data).lines[0].amount == Decimal("9700.00")
    data["lines"][0]["amount"] = "9700.01"
    assert errors_of(data)["lines[0].amount"] == (
        "The amount should be quantity × unit price = 9700.00."
    )


def test_money_keeps_the_currencys_minor_units():
    data = example()
    data["currency"] = "JPY"
    data["lines"][0].update(unit_price="4850", amount="970000.5")
    assert errors_of(data)["lines[0].amount"] == "At most 0 decimal places."
    data = example()
    data["currency"] = "KWD"
    data.pop("schedule")
    data["lines"][0].update(unit_price="1.125", amount="225.000")
    spec = DocumentSpec.from_dict(data)
    assert spec.lines[0].amount == Decimal("225.000")
    # A unit price may have up to four decimals more than the currency.
    data = example()
    data.pop("schedule")
    data["lines"][0].update(unit_price="0.1255", amount=None)
    assert DocumentSpec.from_dict(data).lines[0].amount == Decimal("25.10")


def test_floats_are_read_by_their_shortest_form_not_their_binary_value():
    data = example()
    data["lines"][0].update(unit_price=48.5, amount=9700.0, quantity=200)
    assert DocumentSpec.from_dict(data).lines[0].unit_price == Decimal("48.5")


@pytest.mark.parametrize(
    ("country", "number", "stored"),
    [
        ("DE", "DE136695976", "DE136695976"),
        ("DE", "136695976", "DE136695976"),  # the prefix is added
        ("FR", "FR 40 303 265 045", "FR40303265045"),
        ("NL", "NL004495445B01", "NL004495445B01"),
        ("GR", "EL094259216", "EL094259216"),  # Greece's numbers start with EL
    ],
)
def test_a_right_eu_vat_number_is_accepted(country, number, stored):
    data = example()
    data["buyer"].update(country=country, vat_number=number)
    assert DocumentSpec.from_dict(data).buyer.vat_number == stored


@pytest.mark.parametrize(
    ("country", "number", "message"),
    [
        ("DE", "DE136695977", "“DE136695977” is not a valid VAT number for DE."),
        ("DE", "DE12345", "“DE12345” is not a valid VAT number for DE."),
        ("FR", "DE136695976", "A VAT number of FR starts with FR."),
        ("GR", "GR094259216", "A VAT number of GR starts with EL."),
        ("IT", "IT00000000000", "“IT00000000000” is not a valid VAT number for IT."),
    ],
)
def test_a_wrong_eu_vat_number_is_refused(country, number, message):
    data = example()
    data["buyer"].update(country=country, vat_number=number)
    assert errors_of(data)["buyer.vat_number"] == message


def test_reverse_charge_needs_an_eu_buyer_with_a_vat_number_and_no_tax():
    data = example()
    data["tax"] = {"reverse_charge": True}
    assert DocumentSpec.from_dict(data).tax.reverse_charge
    data["buyer"]["vat_number"] = ""
    assert errors_of(data)["buyer.vat_number"] == "The reverse charge needs the buyer's VAT number."
    data = example()
    data["tax"] = {"reverse_charge": True}
    data["buyer"].update(country="US", vat_number="")
    assert errors_of(data)["tax.reverse_charge"] == "The reverse charge applies to EU buyers only."


def test_gulf_buyers_get_hs_code_and_origin_on_every_line():
    assert DocumentSpec.from_dict(gulf_document()).shows_hs_and_origin
    data = gulf_document()
    data["lines"][1]["hs_code"] = ""
    data["lines"][0]["origin_country"] = ""
    errors = errors_of(data)
    assert errors["lines[1].hs_code"] == "Buyers in SA need the HS code on every line."
    assert errors["lines[0].origin_country"] == (
        "Buyers in SA need the country of origin on every line."
    )


def test_japan_tax_is_computed_once_per_rate():
    spec = DocumentSpec.from_dict(japan_document())
    assert spec.is_japan_qualified_invoice
    standard, reduced = spec.rate_totals
    # 3 × 333 at 10%: 99.9 → 100 once (per line it would be 3 × 33 = 99).
    assert (standard.rate, standard.reduced, standard.taxable, standard.tax) == (
        Decimal(10), False, Decimal(999), Decimal(100),
    )  # fmt: skip
    # 2 × 333 at 8%: 53.28 → 53.
    assert (reduced.rate, reduced.reduced, reduced.taxable, reduced.tax) == (
        Decimal(8), True, Decimal(666), Decimal(53),
    )  # fmt: skip
    assert spec.total == Decimal(1818)


def test_japan_registration_number_is_checked_and_needed_where_tax_is_charged():
    data = japan_document()
    data["tax"]["japan_registration_number"] = "T5835678256247"  # wrong check digit
    assert errors_of(data)["tax.japan_registration_number"] == (
        "A Japanese registration number is T and 13 digits with a valid check digit."
    )
    data["tax"]["japan_registration_number"] = JAPAN_REGISTRATION[1:]  # without the T
    assert "tax.japan_registration_number" in errors_of(data)
    data["tax"]["japan_registration_number"] = ""
    assert errors_of(data)["tax.japan_registration_number"] == (
        "A document charging Japanese consumption tax needs our registration number."
    )
    data = japan_document()
    data["lines"][0]["tax_rate"] = "8"  # 8% without the reduced-rate mark
    assert errors_of(data)["lines[0].tax_rate"] == (
        "Japanese consumption tax is 10%, or 8% for reduced-rate items."
    )
    export = DocumentSpec.from_dict(japan_document(taxed=False))
    assert export.is_japan_export_without_tax and not export.is_japan_qualified_invoice


def test_the_schedule_must_add_up_to_the_total():
    data = example()
    data["schedule"][1]["amount"] = "8505.01"
    assert errors_of(data)["schedule"] == (
        "The schedule adds up to 12150.01 but the document's total is 12150.00."
    )


def test_a_proforma_needs_the_account_and_the_account_is_checked():
    data = example()
    data["account"] = None
    assert errors_of(data)["account"] == "A proforma invoice needs the receiving account."
    data = example()
    data["account"].update(swift="BKCHCN", iban="DE00123", verify_url="javascript:alert(1)")
    errors = errors_of(data)
    assert errors["account.swift"] == "This SWIFT/BIC code is not valid (8 or 11 characters)."
    assert errors["account.iban"] == "This IBAN is not valid (check digits or length)."
    assert errors["account.verify_url"] == "Expected a web address starting with https://."


def test_every_problem_is_reported_at_once_with_its_field():
    data = example()
    data["kind"] = "invoice"
    data["language"] = "xx"
    data["currency"] = "USX"
    data["issue_date"] = "2026-02-30"
    data["lines"][0]["quantity"] = "-1"
    data["lines"][1]["colour"] = "red"
    data["buyer"]["country"] = "XX"
    errors = errors_of(data)
    assert errors["kind"].startswith("Expected one of: quotation, proforma")
    assert errors["language"].startswith("Expected one of the buyer languages: zh-hans, en")
    assert errors["currency"] == "“USX” is not an ISO 4217 currency code."
    assert errors["issue_date"] == "Expected a date as YYYY-MM-DD."
    assert errors["lines[0].quantity"] == "Must be greater than zero."
    assert errors["lines[1].colour"].startswith("Unknown field. Known fields here: position")
    assert errors["buyer.country"] == "“XX” is not an ISO 3166 country code (e.g. DE, JP)."


def test_bidi_overrides_and_control_characters_are_refused():
    data = example()
    data["account"]["holder"] = "Ningbo Chengxin \u202eLtd"
    data["lines"][0]["description"] = "pump\x00"
    errors = errors_of(data)
    assert errors["account.holder"] == "The text contains control or bidi override characters."
    assert errors["lines[0].description"] == (
        "The text contains control or bidi override characters."
    )


def test_messages_are_translated():
    data = example()
    data["lines"][0]["quantity"] = "abc"
    with pytest.raises(DocumentSpecError) as caught:
        DocumentSpec.from_dict(data)
    with translation.override("en"):
        assert str(caught.value) == "lines[0].quantity: “abc” is not a number."
    with translation.override("zh-hans"):
        chinese = str(caught.value)
    assert chinese.startswith("lines[0].quantity: ")
    assert "abc" in chinese and "is not a number" not in chinese


@pytest.mark.parametrize("value", [None, 1, "x", [], [1, 2], b"bytes", {"kind": {}}])
def test_anything_that_is_not_a_document_gives_a_clear_error(value):
    with pytest.raises(DocumentSpecError) as caught:
        DocumentSpec.from_dict(value)
    assert caught.value.errors


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
_FIELDS = list(example().keys())
_LINE_FIELDS = list(example()["lines"][0].keys())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_json)
def test_fuzz_random_json_never_raises_anything_else(value):
    try:
        DocumentSpec.from_dict(value)
    except DocumentSpecError as error:
        assert all(item.text() for item in error.errors)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(_FIELDS),
    line_field=st.sampled_from(_LINE_FIELDS),
    value=_json,
    line_value=_json,
)
def test_fuzz_a_valid_document_with_one_field_broken(field, line_field, value, line_value):
    data = example()
    data[field] = value
    lines = data.get("lines")
    if isinstance(lines, list) and lines and isinstance(lines[0], dict):
        lines[0][line_field] = line_value
    try:
        spec = DocumentSpec.from_dict(data)
    except DocumentSpecError as error:
        assert all(item.text() for item in error.errors)
    else:
        assert DocumentSpec.from_dict(spec.to_dict()) == spec


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=300))
def test_fuzz_random_bytes_through_json(raw):
    try:
        data = json.loads(raw.decode("utf-8", "replace"), parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError):
        return
    try:
        DocumentSpec.from_dict(data)
    except DocumentSpecError:
        pass

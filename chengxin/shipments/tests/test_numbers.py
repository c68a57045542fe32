"""Container, bill of lading, air waybill and courier numbers, checked without a database.

Every "valid" number below is a real, published one, with where it was published:

* ISO 6346 - python-stdnum's tests (arthurdejong/python-stdnum, tests/test_iso6346.doctest):
  CSQU3054383 (also the example of ISO 6346 itself), TCNU7200794, TOLU4734787,
  GYOU4047990; Contargo's container validator test
  (Contargo/contargo-types, ContainerNumberValidatorTest.java): "MSKU 180651-0";
  the README of KenethSabando/CodigoContenedor: MSCU7512387; the README of
  langerheiko/Calc-ILU-check-digit: "ZEPU 003725 5".
* Couriers - the valid/invalid test numbers of jkeen/tracking_number_data
  (couriers/ups.json, fedex.json, dhl.json, s10.json).
"""

import pytest

from chengxin.shipments import numbers
from chengxin.shipments.numbers import InvalidNumber

REAL_CONTAINERS = [
    "CSQU3054383",
    "TCNU7200794",
    "TOLU4734787",
    "GYOU4047990",  # the sum is 10 mod 11: the check digit is written 0
    "MSKU 180651-0",
    "MSCU7512387",
    "ZEPU 003725 5",
]


@pytest.mark.parametrize("number", REAL_CONTAINERS)
def test_real_container_numbers_pass(number):
    assert numbers.container_number(number) == numbers.normalise(number)


def test_a_remainder_of_ten_is_written_as_zero():
    assert numbers.container_check_digit("GYOU404799") == 0
    assert numbers.container_number("gyou 404799 0") == "GYOU4047990"
    with pytest.raises(InvalidNumber):
        numbers.container_number("GYOU4047991")


def test_the_letter_values_skip_the_multiples_of_eleven():
    values = numbers._LETTER_VALUES
    assert (values["A"], values["B"], values["K"], values["L"], values["U"], values["V"]) == (
        10, 12, 21, 23, 32, 34,
    )  # fmt: skip
    assert values["Z"] == 38
    assert not any(v % 11 == 0 for v in values.values())


@pytest.mark.parametrize("number", [n for n in REAL_CONTAINERS if not n.endswith("0")])
def test_every_one_character_slip_in_a_real_number_is_caught(number):
    """A single mistyped digit (any position, any other digit) breaks the check whenever
    the check digit is not 0 (see the next test for 0)."""
    good = numbers.normalise(number)
    for position in range(4, 10):
        for digit in "0123456789":
            if digit == good[position]:
                continue
            corrupted = good[:position] + digit + good[position + 1 :]
            with pytest.raises(InvalidNumber) as caught:
                numbers.container_number(corrupted)
            assert caught.value.code == "container_check_digit"


def test_a_check_digit_of_zero_misses_the_slips_that_turn_ten_into_zero():
    """ISO 6346's known weakness: remainders 0 and 10 are both written 0, so a slip that
    moves the sum between them passes. Exactly those slips pass, no others."""
    good = "GYOU4047990"
    for position in range(4, 10):
        for digit in "0123456789":
            if digit == good[position]:
                continue
            corrupted = good[:position] + digit + good[position + 1 :]
            total = sum(
                (numbers._LETTER_VALUES[c] if c.isalpha() else int(c)) * 2**i
                for i, c in enumerate(corrupted[:10])
            )
            passes = numbers.container_check_digit(corrupted[:10]) == 0
            assert passes == (total % 11 in (0, 10))


@pytest.mark.parametrize("number", REAL_CONTAINERS)
def test_two_swapped_serial_digits_are_caught(number):
    good = numbers.normalise(number)
    for position in range(4, 9):
        a, b = good[position], good[position + 1]
        if a == b:
            continue
        swapped = good[:position] + b + a + good[position + 2 :]
        with pytest.raises(InvalidNumber):
            numbers.container_number(swapped)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("CSQU3054384", "container_check_digit"),
        ("CSQU305438", "container_format"),
        ("CSQU3054Z83", "container_format"),
        ("CSQX3054383", "container_category"),
        ("", "empty"),
        ("C" * 40, "too_long"),
    ],
)
def test_malformed_container_numbers_say_why(value, code):
    with pytest.raises(InvalidNumber) as caught:
        numbers.container_number(value)
    assert caught.value.code == code


def test_the_check_digit_message_names_the_expected_digit():
    with pytest.raises(InvalidNumber) as caught:
        numbers.container_number("CSQU3054384")
    assert caught.value.params == {"expected": 3, "given": "4"}


def test_full_width_and_separators_are_folded():
    assert numbers.container_number("ＣＳＱＵ　３０５４３８－３") == "CSQU3054383"


def test_stdnum_agrees_on_every_serial_of_an_owner():
    """Cross-check against python-stdnum's independent implementation."""
    from stdnum import iso6346

    for serial in range(0, 1_000_000, 7919):
        first_ten = f"MSKU{serial:06d}"
        assert str(numbers.container_check_digit(first_ten)) == iso6346.calc_check_digit(first_ten)


# --- Bills of lading ---------------------------------------------------------------------


def test_the_thirteen_major_carriers_are_known_by_their_scac():
    assert set(numbers.OCEAN_CARRIERS) == {
        "MAEU", "MSCU", "COSU", "CMDU", "HLCU", "ONEY", "EGLV", "YMLU", "HDMU", "ZIMU",
        "OOLU", "PABV", "WHLC",
    }  # fmt: skip
    assert all(c.source for c in numbers.OCEAN_CARRIERS.values())


def test_a_bl_with_its_carriers_prefix_is_recognised():
    bl = numbers.bl_number("cosu 6301234560", carrier="COSU")
    assert (bl.number, bl.carrier.name, bl.note) == ("COSU6301234560", "COSCO Shipping", "")
    assert numbers.bl_number("MEDUA1234567", carrier="MSCU").carrier.code == "MSCU"


def test_a_bl_naming_another_carrier_is_refused():
    with pytest.raises(InvalidNumber) as caught:
        numbers.bl_number("MAEU123456789", carrier="HLCU")
    assert caught.value.code == "bl_other_carrier"
    assert caught.value.params["named"] == "Maersk"


def test_a_bl_without_a_prefix_is_accepted_with_a_note():
    bl = numbers.bl_number("254789631", carrier="MAEU")
    assert bl.note == "bl_no_prefix" and bl.carrier.code == "MAEU"


def test_a_bl_of_an_unknown_carrier_is_only_checked_for_shape():
    assert numbers.bl_number("SHA1234567", carrier="").carrier is None
    with pytest.raises(InvalidNumber):
        numbers.bl_number("AB-1", carrier="")
    with pytest.raises(InvalidNumber):
        numbers.bl_number("COSU<script>", carrier="")


# --- Air waybills and couriers -----------------------------------------------------------


def test_air_waybill_check_digit():
    assert numbers.air_waybill("160-1234567 5") == "16012345675"  # 1234567 mod 7 = 5
    with pytest.raises(InvalidNumber):
        numbers.air_waybill("16012345676")


VALID = {
    "UPS": ["1Z5R89390357567127", "1Z879E930346834440", "1Z410E7W0392751591",
            "1Z8V92A70367203024"],
    "FEDEX": ["986578788855", "477179081230", "799531274483", "790535312317",
              "974367662710", "0414 4176 0228 964", "5682 8361 0012 000",
              "5682 8361 0012 734"],
    "DHL": ["3318810025", "8487135506", "1099255990", "3821724944", "3318810036",
            "3318810014"],
    "EMS": ["RB123456785GB", "RB123456785US", "RB123456785CF"],
}  # fmt: skip
INVALID = {
    "UPS": ["2Z5R89390357567127", "1A5R89390357567127", "1Z1111111111111111"],
    "FEDEX": ["996578788855", "5682 8361 0012 732"],
    "DHL": ["3318810010", "3318810034", "3318810011"],
    "EMS": ["RB123456786US"],
}


@pytest.mark.parametrize(("courier", "number"), [(c, n) for c, ns in VALID.items() for n in ns])
def test_published_courier_numbers_pass(courier, number):
    assert numbers.tracking_number(number, courier=courier) == numbers.normalise(number)


@pytest.mark.parametrize(("courier", "number"), [(c, n) for c, ns in INVALID.items() for n in ns])
def test_published_bad_courier_numbers_fail(courier, number):
    with pytest.raises(InvalidNumber):
        numbers.tracking_number(number, courier=courier)


def test_s10_country_must_exist_when_the_list_is_given():
    with pytest.raises(InvalidNumber) as caught:
        numbers.tracking_number("RB123456785XX", courier="EMS", countries=frozenset({"GB"}))
    assert caught.value.code == "s10_country"


def test_s10_check_digit_special_cases():
    # remainder 1 -> 11 - 1 = 10 -> 0; remainder 0 -> 11 -> 5
    serial_rem_1 = next(f"{n:08d}" for n in range(10**6) if _s10_sum(f"{n:08d}") % 11 == 1)
    serial_rem_0 = next(f"{n:08d}" for n in range(10**6) if _s10_sum(f"{n:08d}") % 11 == 0)
    assert numbers.s10_check_digit(serial_rem_1) == 0
    assert numbers.s10_check_digit(serial_rem_0) == 5


def _s10_sum(serial):
    return sum(int(c) * w for c, w in zip(serial, numbers.S10_WEIGHTS, strict=True))


def test_an_unlisted_courier_is_not_checked():
    assert numbers.tracking_number("anything-123", courier="SF") == "ANYTHING123"


def test_couriers_matching_a_number():
    assert numbers.couriers_matching("1Z5R89390357567127") == ["UPS"]
    assert numbers.couriers_matching("RB123456785GB") == ["EMS"]

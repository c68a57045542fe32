"""Bank details as people type them: IBANs of several countries, BICs and the bank
registry, local numbers with their routing codes, currencies."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengxin.banking.models import Side, State
from chengxin.banking.services import bank_account_propose, proposal_warnings
from chengxin.core import bank_numbers as numbers
from chengxin.testing.banking import IBAN_CH, IBAN_DE, IBAN_ES, IBAN_FR, IBAN_GB, IBAN_NL

pytestmark = pytest.mark.django_db


def _ours(actor, **fields):
    fields.setdefault("purpose", "receiving")
    fields.setdefault("holder_name", "Ningbo Chengxin Trading Co., Ltd.")
    fields.setdefault("currency", "EUR")
    return bank_account_propose(actor=actor, side=Side.OURS, **fields)


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


@pytest.mark.parametrize(
    ("iban", "country"),
    [
        (IBAN_DE, "DE"),
        (IBAN_GB, "GB"),
        (IBAN_FR, "FR"),
        (IBAN_NL, "NL"),
        (IBAN_CH, "CH"),
        (IBAN_ES, "ES"),
    ],  # fmt: skip
)
def test_real_ibans_are_accepted_spaced_or_not(finance, iban, country):
    spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)).lower()
    account = _ours(finance, iban=spaced, bank_name="Some Bank")
    assert account.state == State.PROPOSED
    assert account.bank_country == country
    assert account.number_last4 == iban[-4:]
    assert account.iban_encrypted and iban not in account.iban_encrypted
    assert account.number_digest == numbers.digest(iban)


def test_a_wrong_checksum_or_length_is_refused(finance):
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban="DE89370400440532013001", bank_name="X")
    assert "checksum" in " ".join(_errors(excinfo)["iban"]).lower()
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban="DE8937040044053201300", bank_name="X")
    assert "length" in " ".join(_errors(excinfo)["iban"]).lower()


def test_the_bank_and_bic_come_from_the_registry(finance):
    account = _ours(finance, iban=IBAN_DE)
    assert account.bank_name == "Commerzbank"
    assert account.bic == "COBADEFFXXX"
    assert proposal_warnings(account) == []


def test_a_bank_name_that_differs_from_the_registry_warns(finance):
    account = _ours(finance, iban=IBAN_DE, bic="COBADEFF", bank_name="Deutsche Bank")
    assert account.bank_name == "Deutsche Bank"  # the typed name is kept, with a warning
    assert "Commerzbank" in proposal_warnings(account)[0]
    matching = _ours(finance, iban=IBAN_NL, bank_name="ABN AMRO Bank N.V.")
    assert proposal_warnings(matching) == []


def test_bic_and_country_must_agree(finance):
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban=IBAN_DE, bic="NWBKGB2L", bank_name="NatWest")
    assert "bic" in _errors(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban=IBAN_DE, bank_country="FR", bank_name="Commerzbank")
    assert "bank_country" in _errors(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban=IBAN_DE, bic="COBADEFF1", bank_name="Commerzbank")
    assert "bic" in _errors(excinfo)


def test_exactly_one_of_iban_or_local_number(finance):
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, bank_name="X")
    assert "iban" in _errors(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban=IBAN_DE, account_number="12345678", bank_name="X")
    assert "iban" in _errors(excinfo)


@pytest.mark.parametrize(
    ("country", "bic", "number", "good", "bad"),
    [
        ("US", "CHASUS33", "000123456789", "021000021", "021000022"),
        ("GB", "", "31926819", "60-16-13", "6016"),
        ("AU", "", "123456789", "062-000", "06200"),
        ("CA", "", "1234567", "00011-001", "0001"),
        ("IN", "", "00000012345678", "SBIN0000058", "SBIN1000058"),
        ("CN", "", "6222021001001234567", "102100099996", "10210009999"),
    ],
)
def test_local_numbers_need_their_routing_code(finance, country, bic, number, good, bad):
    common = {"account_number": number, "bic": bic, "bank_country": country,
              "bank_name": "Local Bank", "currency": "USD"}  # fmt: skip
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, **common)
    assert "routing_code" in _errors(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, routing_code=bad, **common)
    assert "routing_code" in _errors(excinfo)
    account = _ours(finance, routing_code=good, **common)
    assert account.routing_code == numbers.normalise(good)
    assert account.bank_country == country
    assert account.iban_encrypted == "" and account.number_encrypted


def test_the_aba_check_digit(finance):
    assert numbers.aba_checksum_ok("021000021")  # JPMorgan Chase
    assert numbers.aba_checksum_ok("011000015")  # Federal Reserve Bank of Boston
    assert not numbers.aba_checksum_ok("021000022")


def test_a_local_number_needs_a_country(finance):
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, account_number="12345678", bank_name="X")
    assert "bank_country" in _errors(excinfo)
    # A country without a rule of ours takes the number without a code.
    account = _ours(finance, account_number="12345678", bank_country="AE", bank_name="Emirates NBD",
                    currency="AED")  # fmt: skip
    assert account.routing_code == ""


def test_currency_and_intermediary_bic(finance):
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban=IBAN_DE, currency="EUX")
    assert "currency" in _errors(excinfo)
    with pytest.raises(ValidationError) as excinfo:
        _ours(finance, iban=IBAN_DE, intermediary_bic="NOTABIC")
    assert "intermediary_bic" in _errors(excinfo)
    account = _ours(finance, iban=IBAN_DE, currency="usd", intermediary_bic="CHASUS33XXX",
                    intermediary_account="001-1-234567")  # fmt: skip
    assert account.currency == "USD" and account.intermediary_bic == "CHASUS33XXX"


def test_duplicates_are_refused_while_the_first_is_open_or_active(finance, company, owner):
    first = _ours(finance, iban=IBAN_DE)
    with pytest.raises(ValidationError, match="already on file"):
        _ours(finance, iban=IBAN_DE.lower())
    # The same number for a counterparty is another account.
    theirs = bank_account_propose(
        actor=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        holder_name="Müller Maschinenbau GmbH", iban=IBAN_DE, currency="EUR",
    )  # fmt: skip
    assert theirs.company == company
    first.state = State.REJECTED
    first.save(update_fields=["state"])
    assert _ours(finance, iban=IBAN_DE).pk != first.pk


def test_who_may_propose(owner, colleague, finance, manager, admin_user, company):
    for user in (owner, colleague):
        with pytest.raises(PermissionDenied):
            _ours(user, iban=IBAN_DE)
    for user, iban in ((manager, IBAN_DE), (admin_user, IBAN_GB)):
        assert _ours(user, iban=iban).proposed_by == user
    theirs = {"side": Side.COUNTERPARTY, "company": company, "purpose": "refund",
              "holder_name": "Müller", "currency": "EUR"}  # fmt: skip
    with pytest.raises(PermissionDenied):
        bank_account_propose(actor=colleague, iban=IBAN_NL, **theirs)
    assert bank_account_propose(actor=owner, iban=IBAN_NL, **theirs).company == company
    assert bank_account_propose(actor=finance, iban=IBAN_FR, **theirs).company == company
    with pytest.raises(ValidationError):
        bank_account_propose(actor=owner, iban=IBAN_CH, **{**theirs, "purpose": "receiving"})

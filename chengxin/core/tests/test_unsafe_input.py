"""Input no column can hold is refused where it enters, never a server error: integers
beyond 64 bits in any integer parameter, NUL characters and lone surrogates in any text,
through the API (422 naming the field) and through the pages (400 saying why). On
PostgreSQL a NUL reaching the database is an error; on SQLite it was stored."""

from __future__ import annotations

import json

import pytest

from chengxin.accounts.models import Role
from chengxin.core.text_input import NUL, SURROGATE, text_problem, unsafe_texts
from chengxin.parties.models import Company, Contact
from chengxin.testing import Api, make_user

HUGE = str(2**64)

# Every integer a query string takes, with 2^64 in it.
HUGE_QUERIES = [
    ("/companies", {"offset": HUGE}, "offset"),
    ("/companies", {"limit": HUGE}, "limit"),
    ("/outbox", {"offset": HUGE}, "offset"),
    ("/tasks", {"offset": HUGE}, "offset"),
    ("/fee-claims", {"offset": HUGE}, "offset"),
    ("/bank-accounts", {"company_id": HUGE}, "company_id"),
    ("/companies/{company}/history", {"limit": HUGE}, "limit"),
]

# Every kind of path id, with 2^64 in it.
HUGE_PATHS = [
    ("get", "/companies/" + HUGE),
    ("get", "/contacts/" + HUGE),
    ("get", "/channels/" + HUGE),
    ("get", "/changes/" + HUGE),
    ("get", "/outbox/" + HUGE),
    ("get", "/fee-claims/" + HUGE),
    ("get", "/bank-accounts/" + HUGE),
    ("get", "/campaigns/plans/" + HUGE),
    ("post", "/tasks/" + HUGE + "/complete"),
]


@pytest.mark.parametrize(("path", "params", "field"), HUGE_QUERIES)
def test_a_huge_integer_in_a_query_is_422_naming_it(manager, company, path, params, field):
    response = Api(manager).get(path.format(company=company.pk), params)
    assert response.status_code == 422, response.content
    assert field in response.json()["errors"]


@pytest.mark.parametrize(("method", "path"), HUGE_PATHS)
def test_a_huge_path_id_is_422(manager, method, path):
    response = Api(manager).call(method, path, {} if method == "post" else None)
    assert response.status_code == 422, response.content


def test_a_huge_owner_filter_finds_nobody(owner, manager, company):
    api = Api(manager)
    response = api.get("/companies", {"owner": HUGE})
    assert response.status_code == 422
    assert "owner" in response.json()["errors"]
    response = api.get("/companies", {"owner": "999999999999999999"})
    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert api.get("/companies", {"owner": str(owner.pk)}).json()["count"] == 1


def test_a_huge_id_in_a_body_is_422_naming_it(manager, company):
    response = Api(manager).post(f"/companies/{company.pk}/assign", {"owner_id": 2**64})
    assert response.status_code == 422
    assert "owner_id" in response.json()["errors"]
    response = Api(manager).post(
        "/payments-received",
        {
            "account_id": 2**63,
            "company_id": company.pk,
            "amount": "1.00",
            "currency": "USD",
            "received_on": "2026-01-05",
        },
    )
    assert response.status_code == 422
    assert "account_id" in response.json()["errors"]


def test_nul_in_a_search_term_is_422(owner, company):
    response = Api(owner).get("/companies", {"q": "Müller\x00"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"q": ["Text may not contain the NUL character (U+0000)."]}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("Anna\\u0000Schmidt", "Text may not contain the NUL character (U+0000)."),
        ("Anna\\ud800Schmidt", "lone surrogate"),
    ],
)
def test_nul_or_lone_surrogate_in_a_json_string_is_422_and_nothing_changes(
    owner, company, raw, message
):
    contact = company.contacts.get()
    body = '{"name": "%s"}' % raw  # noqa: UP031 - the escape must reach the server as typed
    response = Api(owner).client.patch(
        f"/api/v1/contacts/{contact.pk}", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert message in response.json()["errors"]["name"][0]
    contact.refresh_from_db()
    assert contact.name == "Anna Schmidt"


def test_unsafe_text_deep_in_a_body_is_named_by_its_path(owner):
    body = {
        "legal_name": "Osaka Kikai KK",
        "country": "JP",
        "contacts": [{"name": "Taro", "channels": [{"kind": "email", "value": "t@x.jp\x00"}]}],
    }
    response = Api(owner).client.post(
        "/api/v1/companies", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["contacts.0.channels.0.value"]
    assert not Company.objects.filter(legal_name="Osaka Kikai KK").exists()


def test_unsafe_text_in_the_public_api_is_422(db):
    response = Api(None).post("/public/account-checks", {"number": "DE89\x00"})
    assert response.status_code == 422
    assert "number" in response.json()["errors"]


def test_nul_in_a_page_search_is_a_400_page_saying_why(client_for, owner, company):
    response = client_for(owner).get("/companies/", {"q": "Müller\x00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_nul_in_a_page_form_is_refused_and_nothing_is_stored(client_for, owner, company):
    contact = company.contacts.get()
    response = client_for(owner).post(
        f"/companies/contacts/{contact.pk}/edit/", {"name": "Anna\x00", "language": "de"}
    )
    assert response.status_code == 400
    assert Contact.objects.get(pk=contact.pk).name == "Anna Schmidt"


def test_text_problems():
    assert text_problem("Müller 😀") is None
    assert text_problem("a\x00") == NUL
    assert text_problem("\udfff") == SURROGATE
    found = list(unsafe_texts({"a": ["ok", {"b\x00": 1}], "c": "\ud800"}))
    assert found == [("a.1.b\\x00", NUL), ("c", SURROGATE)]


def test_a_sales_rep_sees_the_same_refusals(db):
    rep = make_user(Role.SALES)
    assert Api(rep).get("/companies", {"offset": HUGE}).status_code == 422


def test_a_body_that_is_not_json_is_422(owner, company):
    contact = company.contacts.get()
    response = Api(owner).client.patch(
        f"/api/v1/contacts/{contact.pk}", b"\x15)w\xff\xfe", content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"__all__": ["The request body is not valid JSON."]}


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_an_address_no_route_matches_is_a_json_404(owner, method):
    response = Api(owner).call(method, "/companies/-5", {} if method == "patch" else None)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1e30", "Enter a number of at most 18 digits."),
        ("99999999999999999999", "Enter a number of at most 18 digits."),
        ("0.001", "Enter a number with at most 2 decimal places."),
        ("NaN", "Enter a number."),
    ],
)
def test_an_amount_beyond_its_column_is_422(manager, finance, company, amount, message):
    """PostgreSQL refused such amounts (numeric overflow) and the service's rounding of
    one with too many digits raised: both were 500s."""
    from chengxin.testing.campaigns import OLD_IBAN, our_account

    account = our_account(actor=finance, iban=OLD_IBAN)
    response = Api(manager).post(
        "/payments-received",
        {
            "account_id": account.pk,
            "company_id": company.pk,
            "amount": amount,
            "currency": "EUR",
            "received_on": "2026-11-01",
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"amount": [message]}


def test_the_payment_service_refuses_an_amount_too_large_to_store(manager, finance, company):
    import datetime

    from django.core.exceptions import ValidationError

    from chengxin.banking.services import payment_record
    from chengxin.testing.campaigns import OLD_IBAN, our_account

    account = our_account(actor=finance, iban=OLD_IBAN)
    for amount in ("1e30", "12345678901234567.5"):
        with pytest.raises(ValidationError) as refused:
            payment_record(
                actor=manager,
                account=account,
                company=company,
                amount=amount,
                currency="EUR",
                received_on=datetime.date(2026, 11, 1),
            )
        assert "amount" in refused.value.message_dict


@pytest.mark.parametrize("value", ["abc", "²", HUGE, "-1"])
def test_an_id_that_is_no_number_in_a_page_form_is_404(client_for, manager, company, value):
    client = client_for(manager)
    assert client.post(f"/companies/{company.pk}/assign/", {"owner": value}).status_code == 404
    assert client.post(f"/companies/{company.pk}/merge/", {"other": value}).status_code == 404

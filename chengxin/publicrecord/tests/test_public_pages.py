"""The public record's pages (no login): what they show and never show, the check
through the page and the JSON endpoint, languages, proofs, methods."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from chengxin.campaigns.models import ChangePlan, PlanState
from chengxin.publicrecord.models import Answer, ProofDocument, VerificationAttempt
from chengxin.publicrecord.tests.conftest import (
    ACTIVE_IBAN,
    COMPANY,
    COUNTERPARTY_IBAN,
    OTHER_UNKNOWN_IBAN,
    PHONE,
    PROPOSED_IBAN,
    RETIRED_IBAN,
    UNKNOWN_IBAN,
)
from chengxin.testing import login

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
RECORD = "/trust/accounts/"
CHECK = "/trust/accounts/check/"
API_CHECK = "/api/v1/public/account-checks"


def _groups(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _no_full_numbers(body: str, *ibans: str) -> None:
    flat = re.sub(r"\s", "", body)
    for iban in ibans:
        assert iban not in flat
        assert iban[4:-4] not in flat


@pytest.fixture
def plan(accounts, finance):
    return ChangePlan.objects.create(
        old_account=accounts["retired"],
        new_account=accounts["active"],
        reason="Lower fees for our buyers in the euro area",
        decided_on=datetime.date(2025, 1, 15),
        parallel_from=datetime.date(2025, 3, 1),
        old_closes_on=datetime.date(2025, 5, 31),
        state=PlanState.COMPLETED,
        created_by=finance,
    )


@pytest.fixture
def draft_plan(accounts, finance):
    """A draft to the proposed account: never public."""
    return ChangePlan.objects.create(
        old_account=accounts["active"],
        new_account=accounts["proposed"],
        reason="Secret draft reason",
        decided_on=datetime.date(2026, 10, 1),
        parallel_from=datetime.date(2026, 12, 1),
        old_closes_on=datetime.date(2027, 1, 31),
        created_by=finance,
    )


def test_the_urls():
    assert reverse("publicrecord:record") == RECORD
    assert reverse("publicrecord:verify") == CHECK


def test_the_public_page_shows_our_accounts_masked(client, accounts, plan, draft_plan):
    response = client.get(RECORD)
    assert response.status_code == 200
    body = response.content.decode()
    assert COMPANY in body and PHONE in body
    current = re.findall(r'data-testid="current-account"', body)
    assert len(current) == 1
    for fact in ("Deutsche Bank AG", "DEUTDEFF", "EUR", "···· 3000", "active since 2025-03-01"):
        assert fact in body
    # History: dates, reason, the old and the new account side by side.
    assert "Lower fees for our buyers in the euro area" in body
    for day in ("2025-01-15", "2025-03-01", "2025-05-31"):
        assert day in body
    assert "NatWest" in body and "···· 5432" in body and "retired on 2025-05-31" in body
    _no_full_numbers(body, ACTIVE_IBAN, RETIRED_IBAN, PROPOSED_IBAN, COUNTERPARTY_IBAN)
    # No account ids anywhere.
    assert f"/{accounts['active'].pk}/" not in body


def test_unapproved_and_counterparty_accounts_never_appear(client, accounts, draft_plan, finance):
    ProofDocument.objects.create(
        account=accounts["proposed"],
        title="Proof of the proposed account",
        filename="p.png",
        content_type="image/png",
        content=PNG,
        size=len(PNG),
        sha256="x",
        uploaded_by=finance,
    )
    body = client.get(RECORD).content.decode()
    for hidden in (
        "Raiffeisen Proposed Bank", "RZOOAT2L", "···· 3201", "UBS Switzerland AG", "···· 2957",
        "Secret draft reason", "Proof of the proposed account",
    ):  # fmt: skip
        assert hidden not in body
    proof = ProofDocument.objects.get()
    assert client.get(reverse("publicrecord:proof_download", args=[proof.pk])).status_code == 404


def test_no_account_at_all(client, db):
    body = client.get(RECORD).content.decode()
    assert "No account is listed at the moment. Call us before paying." in body


@pytest.mark.parametrize(
    ("header", "lang", "words"),
    [("en", "en", ("Language", "Switch")), ("zh-hans", "zh-hans", ("语言", "切换"))],
)
def test_the_page_speaks_the_visitor_language(accounts, header, lang, words):
    client = Client(headers={"Accept-Language": header})
    body = client.get(RECORD).content.decode()
    assert f'<html lang="{lang}" dir="ltr">' in body
    for word in words:
        assert word in body
    client.post(CHECK, {"number": ACTIVE_IBAN})
    assert VerificationAttempt.objects.get().language == lang


def test_the_language_switch_works_without_login(accounts):
    client = Client(headers={"Accept-Language": "en"})
    # The buyer languages are offered, each named in itself; the choice is a plain link.
    body = client.get(RECORD).content.decode()
    assert 'name="lang"' in body and ">Français</option>" in body
    assert (
        '<html lang="zh-hans" dir="ltr">' in client.get(RECORD + "?lang=zh-hans").content.decode()
    )
    assert '<html lang="ar" dir="rtl">' in client.get(RECORD + "?lang=ar").content.decode()
    # The interface's own switch (a cookie) is still heard.
    client.post(reverse("accounts:set_language"), {"language": "zh-hans", "next": RECORD})
    assert '<html lang="zh-hans" dir="ltr">' in client.get(RECORD).content.decode()


def test_the_check_through_the_page(client, accounts):
    response = client.post(CHECK, {"number": "de89 3704 0044 0532 0130 00"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-answer="active"' in body
    assert f"···· 3000 is an active account of {COMPANY} since 2025-03-01." in body
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    _no_full_numbers(body, ACTIVE_IBAN)
    # The typed number is not put back into the form.
    assert "de89 3704" not in body
    # The language switch comes back to the record, not to the check (POST only).
    assert f'<form method="get" action="{RECORD}"' in body

    body = client.post(CHECK, {"number": _groups(UNKNOWN_IBAN)}).content.decode()
    assert f"···· 4300 is not an account of {COMPANY} — call {PHONE} before paying." in body
    body = client.post(CHECK, {"number": RETIRED_IBAN.lower()}).content.decode()
    assert "retired on 2025-05-31 — do not pay into it." in body
    body = client.post(CHECK, {"number": "hello"}).content.decode()
    assert 'data-answer="invalid"' in body


def _comparable(body: str) -> str:
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    return re.sub(r"···· [0-9A-Z]{4}", "···· ####", body)


def test_no_enumeration_two_unknown_numbers_look_the_same(client, accounts):
    first = client.post(CHECK, {"number": UNKNOWN_IBAN})
    second = client.post(CHECK, {"number": OTHER_UNKNOWN_IBAN})
    assert first.status_code == second.status_code == 200
    assert first.content != second.content  # the echoed last four differ
    assert _comparable(first.content.decode()) == _comparable(second.content.decode())
    assert sorted(first.headers) == sorted(second.headers)


def test_no_enumeration_through_the_api(accounts):
    client = Client(headers={"Accept-Language": "en"})
    first = client.post(API_CHECK, {"number": UNKNOWN_IBAN}, content_type="application/json")
    second = client.post(API_CHECK, {"number": "hello"}, content_type="application/json")
    assert first.status_code == second.status_code == 200
    assert set(first.json()) == set(second.json())
    assert first.json()["answer"] == "unknown" and second.json()["answer"] == "invalid"
    assert "id" not in first.json()


def test_the_eleventh_check_is_refused_with_429_another_address_is_not(client, accounts):
    for _ in range(10):
        assert client.post(CHECK, {"number": UNKNOWN_IBAN}).status_code == 200
    response = client.post(CHECK, {"number": ACTIVE_IBAN})
    assert response.status_code == 429
    assert f"Too many checks from your address: try again later, or call {PHONE}." in (
        response.content.decode()
    )
    # The JSON endpoint shares the limit.
    api = client.post(API_CHECK, {"number": ACTIVE_IBAN}, content_type="application/json")
    assert api.status_code == 429 and api.json()["answer"] == "limited"
    other = client.post(CHECK, {"number": ACTIVE_IBAN}, REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 200
    assert VerificationAttempt.objects.filter(answer=Answer.LIMITED).count() == 2


def test_a_forged_forwarded_for_does_not_escape_the_limit(client, accounts, settings):
    settings.CHENGXIN_PUBLIC_VERIFY_LIMIT = 2
    for n in range(2):
        client.post(CHECK, {"number": UNKNOWN_IBAN}, HTTP_X_FORWARDED_FOR=f"1.2.3.{n}")
    response = client.post(CHECK, {"number": UNKNOWN_IBAN}, HTTP_X_FORWARDED_FOR="1.2.3.9")
    assert response.status_code == 429
    assert set(VerificationAttempt.objects.values_list("ip", flat=True)) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, accounts, settings):
    settings.CHENGXIN_TRUSTED_PROXY_COUNT = 1
    client.post(CHECK, {"number": ACTIVE_IBAN}, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.50")
    assert VerificationAttempt.objects.get().ip == "203.0.113.50"


def test_the_check_needs_csrf(accounts):
    client = Client(enforce_csrf_checks=True)
    assert client.post(CHECK, {"number": ACTIVE_IBAN}).status_code == 403
    assert not VerificationAttempt.objects.exists()


def test_the_json_check_answers_in_the_request_language(accounts):
    client = Client(headers={"Accept-Language": "en"})
    response = client.post(
        API_CHECK, {"number": "de89 3704 0044 0532 0130 00"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {
        "answer": "active",
        "message": f"···· 3000 is an active account of {COMPANY} since 2025-03-01.",
        "last4": "3000",
        "company": COMPANY,
        "phone": PHONE,
        "active_since": "2025-03-01",
        "retired_on": None,
    }
    zh = Client(headers={"Accept-Language": "zh-hans"})
    zh.post(API_CHECK, {"number": ACTIVE_IBAN}, content_type="application/json")
    assert VerificationAttempt.objects.order_by("-id").first().language == "zh-hans"


def test_the_json_check_needs_no_token_and_rejects_bad_bodies(accounts):
    client = Client(headers={"Accept-Language": "en"})
    assert client.post(API_CHECK, {}, content_type="application/json").status_code == 422
    too_long = {"number": "1" * 101}
    assert client.post(API_CHECK, too_long, content_type="application/json").status_code == 422
    assert client.get(API_CHECK).status_code == 405


def test_public_proofs_download_as_attachments(client, accounts, finance):
    proof = ProofDocument.objects.create(
        account=accounts["active"],
        title="SWIFT confirmation, Deutsche Bank",
        filename="swift-confirmation.png",
        content_type="image/png",
        content=PNG,
        size=len(PNG),
        sha256="x",
        uploaded_by=finance,
    )
    hidden = ProofDocument.objects.create(
        account=accounts["active"],
        title="Internal letter",
        filename="internal.png",
        content_type="image/png",
        content=PNG,
        size=len(PNG),
        sha256="x",
        is_public=False,
        uploaded_by=finance,
    )
    body = client.get(RECORD).content.decode()
    assert "SWIFT confirmation, Deutsche Bank" in body
    assert "Internal letter" not in body
    response = client.get(reverse("publicrecord:proof_download", args=[proof.pk]))
    assert response.status_code == 200
    assert response.content == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="swift-confirmation.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get(reverse("publicrecord:proof_download", args=[hidden.pk])).status_code == 404


@pytest.mark.parametrize(
    ("method", "url"),
    [("post", RECORD), ("delete", CHECK), ("put", CHECK), ("post", "/trust/accounts/proofs/1/")],
)
def test_wrong_methods_are_refused(client, db, method, url):
    assert getattr(client, method)(url).status_code == 405


def test_a_documents_link_opens_the_check_with_its_number_filled_in(client, accounts):
    """The link a proforma prints: the form holds the number, nothing is checked or
    logged until the buyer presses Check."""
    response = client.get(CHECK, {"number": ACTIVE_IBAN, "lang": "ja"})
    assert response.status_code == 200
    assert response["Content-Language"] == "ja"
    assert f'value="{ACTIVE_IBAN}"' in response.content.decode()
    assert 'data-testid="result"' not in response.content.decode()
    assert VerificationAttempt.objects.count() == 0
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("number", ["9" * 101, "DE89\u202e0370400", ""])
def test_a_link_with_a_number_no_one_could_type_fills_in_nothing(client, accounts, number):
    response = client.get(CHECK, {"number": number})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="number"' in body
    assert 'name="number" value=' not in body


def test_signed_in_users_see_the_same_public_page(client, owner, accounts):
    login(client, owner)
    assert client.get(RECORD).status_code == 200
    assert client.post(CHECK, {"number": ACTIVE_IBAN}).status_code == 200


def test_the_public_page_takes_three_queries(
    client, accounts, plan, finance, django_assert_num_queries
):
    for n in range(5):
        ProofDocument.objects.create(
            account=accounts["active"], title=f"Proof {n}", filename=f"p{n}.png",
            content_type="image/png", content=PNG, size=len(PNG), sha256="x",
            uploaded_by=finance,
        )  # fmt: skip
    # Our current accounts, the history of changes, the public proofs.
    with django_assert_num_queries(3):
        client.get(RECORD)


def test_the_public_check_is_documented_without_a_token():
    schema = Client().get("/api/v1/openapi.json").json()
    operation = schema["paths"][API_CHECK]["post"]
    assert "security" not in operation
    assert operation["summary"] and operation["description"]
    assert set(operation["responses"]) == {"200", "422", "429"}

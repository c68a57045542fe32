"""The pages: the buyer's public claim form (no login, by the personal token) and the
staff pages, for every kind of visitor, with wrong methods and real uploads."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from chengxin.compensation import services
from chengxin.compensation.models import ClaimState, Credit, FeeClaim
from chengxin.compensation.tests.conftest import (
    FRAUD_IBAN,
    claim_data,
    make_plan,
    make_recipient,
    today,
    voucher_pdf,
)
from chengxin.testing import login

pytestmark = pytest.mark.django_db


def form_data(content: bytes, name: str = "MT103.pdf", content_type="application/pdf", **extra):
    data = {
        "paid_on": (today() - datetime.timedelta(days=3)).isoformat(),
        "payment_amount": "12500.00",
        "payment_currency": "EUR",
        "fee_amount": "28.00",
        "fee_currency": "USD",
        "payment_reference": "PI-2026-118",
        "voucher": SimpleUploadedFile(name, content, content_type=content_type),
    }
    data.update(extra)
    return data


# --- The buyer's public form -------------------------------------------------------------


def test_the_buyer_sees_the_offer_without_logging_in(client, link):
    response = client.get(reverse("compensation:claim_submit", args=[link.token]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "up to USD\xa035.00 per payment" in body
    assert (today() + datetime.timedelta(days=30)).isoformat() in body
    assert "···· 3000" in body and "Commerzbank AG" in body
    assert 'enctype="multipart/form-data"' in body
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_buyer_uploads_a_voucher_and_is_thanked(client, link, finance):
    url = reverse("compensation:claim_submit", args=[link.token])
    response = client.post(url, form_data(voucher_pdf(reference="PUBLIC-1")))
    assert response.status_code == 302
    thanks = reverse("compensation:claim_thanks", args=[link.token])
    assert response["Location"] == f"{thanks}?lang=en"
    claim = FeeClaim.objects.get()
    assert claim.recipient == link.recipient and claim.submitted_by is None
    assert claim.submitted_ip == "127.0.0.1"
    assert claim.fee_amount == Decimal("28.00") and claim.voucher_name == "MT103.pdf"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "your claim has been received" in thanks.content.decode()
    assert "Received: being checked" in thanks.content.decode()


def test_the_buyer_sees_their_own_claims_and_their_outcome(
    client, link, claim, finance, plan, manager
):
    services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("25"))
    url = reverse("compensation:claim_submit", args=[link.token])
    body = client.get(url).content.decode()
    assert "Credited: USD\xa025.00 on your next order" in body
    # Another buyer's link shows none of them.
    from chengxin.testing import make_company

    other = make_recipient(plan=plan, company=make_company(actor=manager, name="Other Ltd"))
    other_body = client.get(reverse("compensation:claim_submit", args=[other.token]))
    assert 'data-testid="your-claims"' not in other_body.content.decode()


def test_a_disguised_file_is_refused_on_the_page(client, link):
    url = reverse("compensation:claim_submit", args=[link.token])
    response = client.post(url, form_data(b"MZ\x90\x00 program", name="voucher.pdf"))
    assert response.status_code == 422
    assert "Upload the voucher as a PDF, PNG or JPEG file." in response.content.decode()
    assert not FeeClaim.objects.exists()


def test_a_date_outside_the_offer_is_shown_on_its_field(client, link):
    url = reverse("compensation:claim_submit", args=[link.token])
    old = (today() - datetime.timedelta(days=90)).isoformat()
    response = client.post(url, form_data(voucher_pdf(), paid_on=old))
    assert response.status_code == 422
    assert "Only payments made from" in response.content.decode()


@pytest.mark.parametrize(
    "token", ["unknown-token-that-is-long-enough-0123456789abcd", "x" * 200, "a"]
)
def test_unknown_and_malformed_tokens_get_the_same_404(client, link, token):
    for name in ("compensation:claim_submit", "compensation:claim_thanks"):
        response = client.get(reverse(name, args=[token]))
        assert response.status_code == 404
    assert client.post(reverse("compensation:claim_submit", args=[token])).status_code == 404


def test_no_offer_no_form(client, manager, old_account, new_account, company):
    plan = make_plan(
        actor=manager, old_account=old_account, new_account=new_account, fee_offer_until=None
    )
    token = make_recipient(plan=plan, company=company).token
    url = reverse("compensation:claim_submit", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    assert "offers no fee compensation" in response.content.decode()
    assert 'enctype="multipart/form-data"' not in response.content.decode()
    assert client.post(url, form_data(voucher_pdf())).status_code == 422
    assert not FeeClaim.objects.exists()


def test_the_public_form_needs_the_csrf_token(link):
    client = Client(enforce_csrf_checks=True)
    url = reverse("compensation:claim_submit", args=[link.token])
    assert client.post(url, form_data(voucher_pdf())).status_code == 403
    assert not FeeClaim.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_the_public_form_refuses_other_methods(client, link, method):
    url = reverse("compensation:claim_submit", args=[link.token])
    assert getattr(client, method)(url).status_code == 405
    thanks = reverse("compensation:claim_thanks", args=[link.token])
    assert client.post(thanks).status_code == 405


def test_the_page_speaks_the_buyers_language_until_they_switch(plan, company, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    token = make_recipient(plan=plan, company=company, language="en").token
    url = reverse("compensation:claim_submit", args=[token])
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    assert '<html lang="en"' in client.get(url).content.decode()
    client.post(reverse("accounts:set_language"), {"language": "zh-hans", "next": url})
    assert '<html lang="zh-hans"' in client.get(url).content.decode()


# --- Staff pages -------------------------------------------------------------------------


def _pages(claim):
    return {
        "list": reverse("compensation:claim_list"),
        "detail": reverse("compensation:claim_detail", args=[claim.pk]),
        "voucher": reverse("compensation:claim_voucher", args=[claim.pk]),
        "record": reverse("compensation:claim_record", args=[claim.recipient.company_id]),
    }


@pytest.mark.parametrize("page", ["list", "detail", "voucher", "record"])
def test_anonymous_and_deactivated_users_are_sent_to_login(client, outsider, claim, page):
    url = _pages(claim)[page]
    assert reverse("accounts:login") in client.get(url)["Location"]
    login(client, outsider)
    assert reverse("accounts:login") in client.get(url)["Location"]


@pytest.mark.parametrize("who", ["owner", "finance", "manager"])
@pytest.mark.parametrize("page", ["list", "detail", "record"])
def test_the_owner_finance_and_managers_see_each_page(request, client_for, claim, who, page):
    response = client_for(request.getfixturevalue(who)).get(_pages(claim)[page])
    assert response.status_code == 200
    if page != "record":
        assert "USD\xa028.00" in response.content.decode()


@pytest.mark.parametrize("page", ["detail", "voucher", "record"])
def test_a_colleague_without_rights_gets_404(client_for, colleague, claim, page):
    assert client_for(colleague).get(_pages(claim)[page]).status_code == 404


def test_a_colleague_does_not_see_the_claim_in_the_list(client_for, colleague, claim):
    body = client_for(colleague).get(_pages(claim)["list"]).content.decode()
    assert "USD\xa028.00" not in body and "No fee claim." in body


def test_the_list_filters_by_state(client_for, finance, claim):
    client = client_for(finance)
    url = _pages(claim)["list"]
    assert "USD\xa028.00" in client.get(url, {"state": "submitted"}).content.decode()
    assert "USD\xa028.00" not in client.get(url, {"state": "approved"}).content.decode()


def test_the_list_reads_a_fixed_number_of_queries(
    client_for, finance, recipient, django_assert_max_num_queries
):
    for n in range(6):
        services.fee_claim_submit(
            recipient=recipient, voucher_content=voucher_pdf(reference=f"Q{n}"), **claim_data()
        )
    client = client_for(finance)
    client.get(reverse("compensation:claim_list"))  # warm the session
    with django_assert_max_num_queries(12):
        response = client.get(reverse("compensation:claim_list"))
    assert response.content.decode().count('data-testid="claim-row"') == 6


def test_the_voucher_is_always_a_download(client_for, owner, claim, pdf_voucher):
    response = client_for(owner).get(_pages(claim)["voucher"])
    assert response.status_code == 200
    assert response.content == pdf_voucher
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "MT103" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("claim_list", "post"),
        ("claim_detail", "post"),
        ("claim_voucher", "post"),
        ("claim_approve", "get"),
        ("claim_reject", "get"),
        ("credit_use", "get"),
        ("claim_record", "put"),
    ],
)
def test_a_wrong_method_gets_405(client_for, finance, claim, name, method):
    args = {
        "claim_list": [],
        "claim_record": [claim.recipient.company_id],
        "credit_use": [1],
    }.get(name, [claim.pk])
    response = getattr(client_for(finance), method)(reverse(f"compensation:{name}", args=args))
    assert response.status_code == 405


def test_finance_sees_the_decision_forms_and_others_do_not(client_for, finance, manager, claim):
    url = _pages(claim)["detail"]
    assert 'data-testid="approve-form"' in client_for(finance).get(url).content.decode()
    assert 'data-testid="approve-form"' not in client_for(manager).get(url).content.decode()


def test_finance_approves_on_the_page_capped(client_for, finance, claim):
    client = client_for(finance)
    url = reverse("compensation:claim_approve", args=[claim.pk])
    too_much = client.post(url, {"approved_amount": "50.00"})
    assert too_much.status_code == 422
    assert "the plan&#x27;s cap" in too_much.content.decode()
    response = client.post(url, {"approved_amount": "28.00", "notes": "MT103 checked"})
    assert response.status_code == 302
    credit = Credit.objects.get()
    assert (credit.amount, credit.currency, credit.company) == (
        Decimal("28.00"), "USD", claim.recipient.company,
    )  # fmt: skip
    detail = client.get(response["Location"]).content.decode()
    assert "USD\xa028.00" in detail and 'data-testid="approve-form"' not in detail


@pytest.mark.parametrize("who", ["owner", "manager", "colleague"])
def test_others_cannot_approve_or_reject_on_the_page(request, client_for, claim, who):
    client = client_for(request.getfixturevalue(who))
    approve = client.post(
        reverse("compensation:claim_approve", args=[claim.pk]), {"approved_amount": "20"}
    )
    reject = client.post(reverse("compensation:claim_reject", args=[claim.pk]), {"reason": "x"})
    expected = 404 if who == "colleague" else 403
    assert (approve.status_code, reject.status_code) == (expected, expected)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SUBMITTED and not Credit.objects.exists()


def test_finance_cannot_approve_their_own_recorded_claim_on_the_page(
    client_for, finance, recipient
):
    claim = services.fee_claim_submit(
        recipient=recipient, voucher_content=voucher_pdf(), actor=finance, **claim_data()
    )
    client = client_for(finance)
    detail = client.get(reverse("compensation:claim_detail", args=[claim.pk])).content.decode()
    assert "someone else in finance decides it" in detail
    response = client.post(
        reverse("compensation:claim_approve", args=[claim.pk]), {"approved_amount": "20"}
    )
    assert response.status_code == 403
    assert not Credit.objects.exists()


def test_finance_rejects_with_a_reason_on_the_page(client_for, finance, claim):
    client = client_for(finance)
    url = reverse("compensation:claim_reject", args=[claim.pk])
    assert client.post(url, {"reason": ""}).status_code == 422
    assert client.post(url, {"reason": "The fee was not charged"}).status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.REJECTED
    assert claim.decision_notes == "The fee was not charged"


def test_a_flagged_claim_is_shown_as_possible_fraud(client_for, finance, recipient):
    claim = services.fee_claim_submit(
        recipient=recipient, voucher_content=voucher_pdf(iban=FRAUD_IBAN), **claim_data()
    )
    client = client_for(finance)
    detail = client.get(reverse("compensation:claim_detail", args=[claim.pk])).content.decode()
    assert "not ours (GB29 ···· 6819)" in detail
    assert 'data-testid="flag"' in client.get(reverse("compensation:claim_list")).content.decode()


def test_the_rep_records_a_claim_for_the_buyer(client_for, owner, recipient):
    client = client_for(owner)
    url = reverse("compensation:claim_record", args=[recipient.company_id])
    page = client.get(url, {"recipient": recipient.pk})
    assert page.status_code == 200 and 'data-testid="record-form"' in page.content.decode()
    response = client.post(
        url, {"recipient": recipient.pk, **form_data(voucher_pdf(reference="REP-1"))}
    )
    assert response.status_code == 302
    claim = FeeClaim.objects.get()
    assert response["Location"] == reverse("compensation:claim_detail", args=[claim.pk])
    assert claim.submitted_by == owner and claim.recipient == recipient


def test_the_rep_form_without_an_offer(client_for, owner, company):
    response = client_for(owner).get(reverse("compensation:claim_record", args=[company.pk]))
    assert response.status_code == 200
    assert "offers fee compensation now" in response.content.decode()


def test_a_sales_colleague_who_may_see_but_not_edit_gets_403(client_for, manager, link):
    # A pool customer: every rep may see it, none may change it until claimed.
    company = link.recipient.company
    company.owner = None
    company.save(update_fields=["owner"])
    from chengxin.accounts.models import Role
    from chengxin.testing import make_user

    rep = make_user(Role.SALES, username="pool.rep")
    url = reverse("compensation:claim_record", args=[company.pk])
    assert client_for(rep).get(url).status_code == 403


# --- Credits on the customer's page ------------------------------------------------------


@pytest.fixture
def credit(claim, finance):
    return services.fee_claim_approve(actor=finance, claim=claim, approved_amount=Decimal("25"))


def test_the_company_page_lists_credits_and_offers_to_record(client_for, owner, credit):
    company_url = reverse("parties:company_detail", args=[credit.company_id])
    body = client_for(owner).get(company_url).content.decode()
    assert 'data-testid="company-compensation"' in body
    assert "USD\xa025.00" in body and 'data-testid="record-claim"' in body
    assert 'data-testid="use-credit"' not in body  # sales do not use credits


def test_finance_marks_a_credit_used_from_the_company_page(client_for, finance, owner, credit):
    company_url = reverse("parties:company_detail", args=[credit.company_id])
    client = client_for(finance)
    assert 'data-testid="use-credit"' in client.get(company_url).content.decode()
    url = reverse("compensation:credit_use", args=[credit.pk])
    response = client.post(url, {"reference": "PI-2026-130", "next": company_url})
    assert response.status_code == 302 and response["Location"] == company_url
    credit.refresh_from_db()
    assert credit.used_reference == "PI-2026-130"
    assert "used on PI-2026-130" in client.get(company_url).content.decode()


def test_sales_cannot_use_a_credit_and_strangers_get_404(client_for, owner, colleague, credit):
    url = reverse("compensation:credit_use", args=[credit.pk])
    assert client_for(owner).post(url, {"reference": "X"}).status_code == 403
    assert client_for(colleague).post(url, {"reference": "X"}).status_code == 404
    credit.refresh_from_db()
    assert credit.used_at is None


def test_the_nav_shows_fee_claims_to_finance_and_managers_only(client_for, owner, finance):
    link = f'href="{reverse("compensation:claim_list")}"'
    home = reverse("parties:company_list")
    assert link in client_for(finance).get(home).content.decode()
    assert link not in client_for(owner).get(home).content.decode()

"""The pages: who may open what, wrong methods, masking per role, four eyes and two-factor
on the page too."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chengxin.banking import services
from chengxin.banking.models import BankAccount, Side, State
from chengxin.parties.models import Channel
from chengxin.testing import login, make_user
from chengxin.testing.banking import IBAN_DE, IBAN_GB, IBAN_NL, make_account

pytestmark = pytest.mark.django_db
FULL_DE = "DE89 3704 0044 0532 0130 00"


@pytest.fixture
def ours(finance):
    return make_account(proposed_by=finance, iban=IBAN_DE, bank_name="Commerzbank")


@pytest.fixture
def theirs(owner, company):
    return make_account(
        proposed_by=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        iban=IBAN_NL, state=State.PROPOSED, bank_name="ABN AMRO",
    )  # fmt: skip


def _pages(ours, theirs, company):
    return {
        "list": reverse("banking:account_list"),
        "ours": reverse("banking:account_detail", args=[ours.pk]),
        "theirs": reverse("banking:account_detail", args=[theirs.pk]),
        "propose_for_company": reverse("banking:propose_for_company", args=[company.pk]),
        "payments": reverse("banking:payment_list"),
    }


@pytest.mark.parametrize("page", ["list", "ours", "theirs", "propose_for_company", "payments"])
def test_the_owner_sees_each_page(client_for, owner, ours, theirs, company, page):
    response = client_for(owner).get(_pages(ours, theirs, company)[page])
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["theirs", "propose_for_company"])
def test_a_colleague_without_rights_gets_404(client_for, colleague, ours, theirs, company, page):
    assert client_for(colleague).get(_pages(ours, theirs, company)[page]).status_code == 404


def test_a_colleague_sees_our_accounts_masked_but_not_the_customers(
    client_for, colleague, ours, theirs, company
):
    body = client_for(colleague).get(reverse("banking:account_list")).content.decode()
    assert "···· 3000" in body and FULL_DE not in body
    assert "···· 4300" not in body  # the customer's account
    detail = client_for(colleague).get(reverse("banking:account_detail", args=[ours.pk]))
    assert "···· 3000" in detail.content.decode() and FULL_DE not in detail.content.decode()


@pytest.mark.parametrize("role_fixture", ["finance", "manager", "admin_user"])
def test_finance_managers_and_admins_see_the_full_number(
    request, client_for, ours, theirs, role_fixture
):
    user = request.getfixturevalue(role_fixture)
    for url in (reverse("banking:account_list"), reverse("banking:account_detail", args=[ours.pk])):
        assert FULL_DE in client_for(user).get(url).content.decode()


@pytest.mark.parametrize("page", ["list", "ours", "propose_for_company", "payments"])
def test_anonymous_and_deactivated_users_are_sent_to_login(
    client, outsider, ours, theirs, company, page
):
    url = _pages(ours, theirs, company)[page]
    assert reverse("accounts:login") in client.get(url)["Location"]
    login(client, outsider)
    assert reverse("accounts:login") in client.get(url)["Location"]


@pytest.mark.parametrize(
    ("name", "method"),
    [("account_list", "post"), ("approval_list", "post"), ("payment_list", "post"),
     ("account_verify", "get"), ("account_approve", "get"), ("account_reject", "get"),
     ("account_retire", "get"), ("account_label", "get"), ("propose_ours", "put")],
)  # fmt: skip
def test_a_wrong_method_gets_405(client_for, manager, ours, name, method):
    args = [ours.pk] if name.startswith("account_") and name != "account_list" else []
    response = getattr(client_for(manager), method)(reverse(f"banking:{name}", args=args))
    assert response.status_code == 405


def test_sales_may_not_propose_our_accounts_nor_record_payments(client_for, owner):
    client = client_for(owner)
    assert client.get(reverse("banking:propose_ours")).status_code == 403
    assert client.get(reverse("banking:payment_record")).status_code == 403
    assert client.get(reverse("banking:approval_list")).status_code == 403


def test_propose_verify_approve_on_the_pages(client_for, finance, manager, settings):
    client = client_for(finance)
    response = client.post(
        reverse("banking:propose_ours"),
        {"purpose": "receiving", "holder_name": "Chengxin Trading", "iban": IBAN_GB.lower(),
         "currency": "GBP", "bank_name": "Barclays"},
    )  # fmt: skip
    account = BankAccount.objects.get()
    assert response.status_code == 302 and account.state == State.PROPOSED
    detail = client.get(response["Location"]).content.decode()
    # The typed bank differs from the registry's: kept, with a warning.
    assert "Barclays" in detail and "NATIONAL WESTMINSTER" in detail
    assert 'data-testid="verify"' in detail and 'data-testid="approve"' not in detail
    response = client.post(
        reverse("banking:account_verify", args=[account.pk]),
        {"method": "bank_letter", "outcome": "confirmed", "notes": "Bank letter ref 77"},
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.state == State.VERIFIED
    # The proposer/verifier is not offered the approval, and is refused if he tries.
    detail = client.get(reverse("banking:account_detail", args=[account.pk])).content.decode()
    assert 'data-testid="approve"' not in detail
    assert client.post(reverse("banking:account_approve", args=[account.pk])).status_code == 403
    assert BankAccount.objects.get().state == State.VERIFIED
    awaiting = client_for(manager).get(reverse("banking:approval_list")).content.decode()
    assert "awaiting-row" in awaiting
    response = client_for(manager).post(reverse("banking:account_approve", args=[account.pk]))
    assert response.status_code == 302
    assert BankAccount.objects.get().state == State.ACTIVE


def test_a_bad_iban_comes_back_with_the_reason(client_for, finance):
    response = client_for(finance).post(
        reverse("banking:propose_ours"),
        {"purpose": "receiving", "holder_name": "Chengxin", "iban": "DE89370400440532013001",
         "currency": "EUR"},
    )  # fmt: skip
    assert response.status_code == 422
    assert "checksum" in response.content.decode().lower()
    assert not BankAccount.objects.exists()


def test_approval_on_the_page_needs_a_verified_session(client, finance, manager):
    account = services.bank_account_propose(
        actor=finance, side=Side.OURS, purpose="receiving", holder_name="Chengxin",
        iban=IBAN_GB, currency="GBP",
    )  # fmt: skip
    services.bank_account_verify(actor=finance, account=account, method="bank_portal",
                                 outcome="confirmed", notes="Seen in the portal")  # fmt: skip
    client.force_login(manager)  # signed in, but no second factor in this session
    response = client.post(reverse("banking:account_approve", args=[account.pk]))
    assert response.status_code == 302
    assert "two-factor" in response["Location"] or "2fa" in response["Location"].lower()
    assert BankAccount.objects.get().state == State.VERIFIED


def test_the_verifier_cannot_approve_on_the_page(client_for, owner, company, finance):
    account = services.bank_account_propose(
        actor=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        holder_name="Müller", iban=IBAN_NL, currency="EUR",
    )  # fmt: skip
    phone = Channel.objects.get(contact__company=company, kind="phone")
    response = client_for(finance).post(
        reverse("banking:account_verify", args=[account.pk]),
        {"method": "call_on_file", "outcome": "confirmed", "channel": phone.pk, "notes": "ok"},
    )
    assert response.status_code == 302
    assert (
        client_for(finance).post(reverse("banking:account_approve", args=[account.pk])).status_code
        == 403
    )
    assert BankAccount.objects.get().state == State.VERIFIED


def test_the_page_refuses_a_channel_added_after_the_proposal(client_for, owner, theirs, company):
    contact = company.contacts.get()
    later = Channel.objects.create(contact=contact, kind="phone", value="+4930999999")
    response = client_for(owner).post(
        reverse("banking:account_verify", args=[theirs.pk]),
        {"method": "call_on_file", "outcome": "confirmed", "channel": later.pk},
    )
    assert response.status_code == 422
    assert "before this account was proposed" in response.content.decode().replace("\n", " ")
    assert BankAccount.objects.get(pk=theirs.pk).state == State.PROPOSED


def test_retire_and_reject_on_the_pages(client_for, manager, owner, ours, theirs):
    client = client_for(manager)
    assert (
        client.post(
            reverse("banking:account_retire", args=[ours.pk]), {"retire-reason": ""}
        ).status_code
        == 422
    )
    client.post(reverse("banking:account_retire", args=[ours.pk]), {"retire-reason": "Bank closed"})
    assert BankAccount.objects.get(pk=ours.pk).state == State.RETIRED
    assert (
        client_for(owner)
        .post(reverse("banking:account_reject", args=[theirs.pk]), {"reject-reason": "Typo"})
        .status_code
        == 302
    )
    assert BankAccount.objects.get(pk=theirs.pk).state == State.REJECTED
    # A wrong step from the page: a message, no change.
    response = client_for(manager).post(
        reverse("banking:account_retire", args=[ours.pk]), {"retire-reason": "again"}
    )
    assert response.status_code == 302


def test_the_company_page_shows_its_accounts(client_for, owner, colleague, theirs, company):
    body = client_for(owner).get(reverse("parties:company_detail", args=[company.pk])).content
    body = body.decode()
    assert 'data-testid="company-bank-accounts"' in body and "···· 4300" in body
    assert reverse("banking:propose_for_company", args=[company.pk]) in body


def test_proposing_for_a_company_on_the_page(client_for, owner, colleague, company):
    url = reverse("banking:propose_for_company", args=[company.pk])
    shared = make_user("sales", username="sales_viewer")
    assert client_for(shared).get(url).status_code == 404
    response = client_for(owner).post(
        url, {"purpose": "commission", "holder_name": "Anna Schmidt", "iban": IBAN_NL,
              "currency": "EUR"},
    )  # fmt: skip
    assert response.status_code == 302
    assert BankAccount.objects.get().company == company


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        body = client.get(url).content.decode()
    return len(queries), body


def test_payments_list_and_record(client_for, finance, owner, ours, company):
    client = client_for(finance)
    response = client.post(
        reverse("banking:payment_record"),
        {"account": ours.pk, "company": company.pk, "amount": "1500.00", "currency": "EUR",
         "received_on": "2026-11-20", "reference": "PI-044"},
    )  # fmt: skip
    assert response.status_code == 302
    viewer = client_for(owner)
    one, body = _queries(viewer, reverse("banking:payment_list"))
    assert "PI-044" in body and "EUR\xa01,500.00" in body
    for _ in range(3):
        services.payment_record(actor=finance, account=ours, company=company, amount="10",
                                currency="EUR", received_on=datetime.date(2026, 11, 21))  # fmt: skip
    four, body = _queries(viewer, reverse("banking:payment_list"))
    assert body.count('data-testid="payment-row"') == 4
    assert four == one  # no query per row
    client = client_for(finance)
    response = client.post(
        reverse("banking:payment_record"),
        {"account": ours.pk, "company": company.pk, "amount": "-1", "currency": "EUR",
         "received_on": "2026-11-20"},
    )  # fmt: skip
    assert response.status_code == 422


def test_the_list_filters_and_has_no_n_plus_one(client_for, manager, finance, company, owner):
    make_account(proposed_by=finance, iban=IBAN_DE)
    client = client_for(manager)
    one, _body = _queries(client, reverse("banking:account_list"))
    make_account(proposed_by=finance, iban=IBAN_GB)
    for n in range(4):
        make_account(proposed_by=owner, side=Side.COUNTERPARTY, company=company,
                     purpose="refund", account_number=f"1234567{n}", state=State.PROPOSED)  # fmt: skip
    six, body = _queries(client, reverse("banking:account_list"))
    assert body.count('data-testid="account-row"') == 6
    assert six == one
    body = client.get(reverse("banking:account_list") + "?state=proposed").content.decode()
    assert body.count('data-testid="account-row"') == 4


def test_label_and_notes_on_the_page(client_for, manager, owner, ours):
    url = reverse("banking:account_label", args=[ours.pk])
    assert client_for(owner).post(url, {"label-label": "x"}).status_code == 403
    response = client_for(manager).post(url, {"label-label": "EUR main", "label-notes": "Europe"})
    assert response.status_code == 302
    ours.refresh_from_db()
    assert (ours.label, ours.notes, ours.state) == ("EUR main", "Europe", State.ACTIVE)


def test_the_pages_render_in_chinese(client_for, manager, ours, theirs, company, settings):
    from django.utils import translation

    settings.LANGUAGE_CODE = "zh-hans"
    client = client_for(manager)
    with translation.override("zh-hans"):
        for url in (
            reverse("banking:account_list"),
            reverse("banking:account_detail", args=[theirs.pk]),
            reverse("banking:approval_list"),
            reverse("banking:propose_ours"),
            reverse("banking:payment_record"),
        ):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
            assert response.status_code == 200
            assert 'lang="zh-hans"' in response.content.decode()


FULL_NL = "NL91 ABNA 0417 1643 00"


def test_the_verifier_sees_the_full_number_and_that_is_audited(
    client_for, owner, colleague, company, theirs
):
    """The rep who must read the IBAN back to the buyer by phone sees all of it, grouped
    in fours, on the verification step only; each showing is in the audit trail."""
    from chengxin.audit.models import AuditEntry

    BankAccount.objects.filter(pk=theirs.pk).update(bic="ABNANL2A", routing_code="")
    client = client_for(owner)
    detail = reverse("banking:account_detail", args=[theirs.pk])
    body = client.get(detail).content.decode()
    assert FULL_NL in body
    assert 'data-testid="read-back"' in body and "ABNANL2A" in body
    entry = AuditEntry.objects.get(
        object_type="bankaccount", object_id=str(theirs.pk), after__shown_for="verification"
    )
    assert entry.object_label == "bank account number shown to Li Na for verification"
    assert entry.actor == owner and entry.company_id == company.pk
    # Elsewhere the rep still sees the last four digits only.
    company_page = client.get(reverse("parties:company_detail", args=[company.pk])).content
    assert "···· 4300" in company_page.decode() and FULL_NL not in company_page.decode()
    listing = client.get(reverse("banking:account_list")).content.decode()
    assert FULL_NL not in listing
    # Once verified, the step is over: masked again, and no further entry.
    phone = Channel.objects.get(contact__company=company, kind="phone")
    client.post(
        reverse("banking:account_verify", args=[theirs.pk]),
        {"method": "call_on_file", "outcome": "confirmed", "channel": phone.pk, "notes": "ok"},
    )
    assert BankAccount.objects.get(pk=theirs.pk).state == State.VERIFIED
    shown_before = AuditEntry.objects.filter(after__shown_for="verification").count()
    body = client.get(detail).content.decode()
    assert FULL_NL not in body and "···· 4300" in body
    assert AuditEntry.objects.filter(after__shown_for="verification").count() == shown_before


def test_a_rep_who_may_not_verify_sees_no_full_number(client_for, owner, finance, company):
    """A proposed account of ours: sales may not verify it, so it stays masked for them."""
    ours = make_account(proposed_by=finance, iban=IBAN_NL, state=State.PROPOSED)
    body = client_for(owner).get(reverse("banking:account_detail", args=[ours.pk])).content
    assert FULL_NL not in body.decode() and "···· 4300" in body.decode()
    with pytest.raises(PermissionDenied):
        services.bank_account_number_show_for_verification(actor=owner, account=ours)

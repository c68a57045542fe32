"""A customer's postal address: checked by the service (lines tidied, too long or a NUL
refused with a message), entered and shown on the pages, read and written over the API,
audited, and kept when a duplicate is merged."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from chengxin.audit.models import AuditEntry
from chengxin.parties.models import ADDRESS_LIMIT, Company
from chengxin.parties.services.companies import CompanyInput, company_update
from chengxin.parties.services.merge import company_merge
from chengxin.testing import Api, make_company

ADDRESS = "Alt-Moabit 91\n10559 Berlin"


def _input(company: Company, **changes) -> CompanyInput:
    fields = {
        "legal_name": company.legal_name,
        "country": company.country,
        "currency": company.currency,
        "document_language": company.document_language,
        "grade": company.grade,
        "status": company.status,
        **changes,
    }
    return CompanyInput(**fields)


def test_created_with_an_address_its_lines_tidied(owner):
    company = make_company(actor=owner, address="\r\n  Alt-Moabit 91  \r\n10559 Berlin\r\n\n")
    company.refresh_from_db()
    assert company.address == ADDRESS


def test_update_sets_the_address_and_audits_it(owner, company):
    company_update(actor=owner, company=company, data=_input(company, address=ADDRESS))
    company.refresh_from_db()
    assert company.address == ADDRESS
    entry = AuditEntry.objects.filter(object_type="company", action="update").last()
    assert entry.before["address"] == "" and entry.after["address"] == ADDRESS


def test_too_long_address_is_refused_with_the_limit(english, owner, company):
    with pytest.raises(ValidationError) as exc:
        company_update(
            actor=owner, company=company, data=_input(company, address="x" * (ADDRESS_LIMIT + 1))
        )
    assert exc.value.message_dict["address"] == [
        f"Enter at most {ADDRESS_LIMIT} characters (this has {ADDRESS_LIMIT + 1})."
    ]
    company.refresh_from_db()
    assert company.address == ""


def test_address_at_the_limit_is_kept_whole(owner, company):
    text = "\n".join(["y" * 99] * 5)  # 5 × 99 + 4 line ends = 499
    company_update(actor=owner, company=company, data=_input(company, address=text + "z"))
    company.refresh_from_db()
    assert len(company.address) == ADDRESS_LIMIT


def test_nul_in_the_address_is_refused(english, owner, company):
    with pytest.raises(ValidationError) as exc:
        company_update(actor=owner, company=company, data=_input(company, address="Alt\x00Moabit"))
    assert exc.value.message_dict["address"] == ["Text may not contain the NUL character (U+0000)."]


def test_page_edits_and_shows_the_address(client_for, english, owner, company):
    client = client_for(owner)
    client.post(reverse("accounts:set_language"), {"language": "en"})
    edit = reverse("parties:company_edit", args=[company.pk])
    form = client.get(edit).content.decode()
    assert 'name="address"' in form and "Postal address" in form
    data = {
        "legal_name": company.legal_name,
        "country": "DE",
        "currency": "EUR",
        "document_language": "de",
        "grade": "B",
        "status": "prospect",
        "address": "Alt-Moabit 91\r\n10559 Berlin",
    }
    response = client.post(edit, data)
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.address == ADDRESS
    page = client.get(reverse("parties:company_detail", args=[company.pk])).content.decode()
    assert "Alt-Moabit 91<br>10559 Berlin" in page
    refused = client.post(edit, {**data, "address": "x" * (ADDRESS_LIMIT + 1)})
    assert refused.status_code == 200
    assert f"at most {ADDRESS_LIMIT} characters" in refused.content.decode()
    company.refresh_from_db()
    assert company.address == ADDRESS


def test_api_creates_reads_and_changes_the_address(owner):
    client = Api(owner)
    created = client.post(
        "/companies",
        {
            "legal_name": "Nordlicht GmbH",
            "country": "DE",
            "address": "Hafenstraße 3\n20457 Hamburg",
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["address"] == "Hafenstraße 3\n20457 Hamburg"
    changed = client.patch(f"/companies/{body['id']}", {"address": ADDRESS})
    assert changed.status_code == 200 and changed.json()["address"] == ADDRESS
    kept = client.patch(f"/companies/{body['id']}", {"grade": "A"})
    assert kept.json()["address"] == ADDRESS
    too_long = client.patch(f"/companies/{body['id']}", {"address": "x" * (ADDRESS_LIMIT + 1)})
    assert too_long.status_code == 422
    assert too_long.json()["errors"] == {
        "address": [f"Enter at most {ADDRESS_LIMIT} characters (this has {ADDRESS_LIMIT + 1})."]
    }
    assert Company.objects.get(pk=body["id"]).address == ADDRESS


def test_merge_keeps_the_kept_address_and_fills_a_missing_one(manager, owner, company):
    other = make_company(actor=owner, name="Mueller Maschinenbau", address=ADDRESS)
    company_merge(actor=manager, keep=company, other=other)
    company.refresh_from_db()
    assert company.address == ADDRESS  # the kept record had none: the duplicate's comes over
    entry = AuditEntry.objects.filter(object_id=str(company.pk), action="merge").get()
    assert entry.before["address"] == "" and entry.after["address"] == ADDRESS

    third = make_company(actor=owner, name="Müller MB", address="Postfach 12\n10001 Berlin")
    company_merge(actor=manager, keep=company, other=third)
    company.refresh_from_db()
    assert company.address == ADDRESS  # the kept record's own address wins

"""Deleting a customer that records still need is a clear refusal (409 / a message), not a
server error; a change of a contact racing the deletion of its company ends cleanly."""

from __future__ import annotations

import datetime
import threading
import time

import pytest
from django.db import connection, transaction

from chengxin.audit.models import AuditEntry
from chengxin.campaigns.models import Recipient
from chengxin.campaigns.services import plan_create
from chengxin.parties.models import Company, Contact
from chengxin.parties.services.companies import company_delete
from chengxin.parties.services.contacts import contact_update
from chengxin.testing import Api
from chengxin.testing.banking import pay
from chengxin.testing.campaigns import OLD_IBAN, our_account, plan_input

pytestmark = pytest.mark.usefixtures("english")

NEW_IBAN = "GB33BUKB20201555555555"


@pytest.fixture
def paid_company(company, finance):
    account = our_account(actor=finance, iban=OLD_IBAN)
    pay(company, account, datetime.date(2026, 10, 1), finance)
    pay(company, account, datetime.date(2026, 10, 9), finance)
    return company


def test_api_refuses_to_delete_a_company_with_payments_with_409(manager, paid_company):
    audit_count = AuditEntry.objects.count()
    response = Api(manager).delete(f"/companies/{paid_company.pk}")
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert "cannot be deleted" in detail
    assert "2 payments received" in detail
    assert Company.objects.filter(pk=paid_company.pk).exists()
    assert paid_company.contacts.exists()
    assert AuditEntry.objects.count() == audit_count  # no "deleted" entry for what stayed


def test_api_refuses_to_delete_a_company_with_campaign_recipients(manager, finance, company):
    old = our_account(actor=finance, iban=OLD_IBAN)
    new = our_account(actor=finance, iban=NEW_IBAN, bank_name="Barclays", bic="BUKBGB22XXX")
    plan = plan_create(actor=finance, data=plan_input(old, new), today=datetime.date(2026, 11, 2))
    Recipient.objects.create(
        plan=plan, company=company, language="en", token_digest="d" * 64, token_encrypted="x"
    )
    response = Api(manager).delete(f"/companies/{company.pk}")
    assert response.status_code == 409
    assert "1 campaign recipient" in response.json()["detail"]
    assert Company.objects.filter(pk=company.pk).exists()


def test_the_409_is_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    answers = schema["paths"]["/api/v1/companies/{company_id}"]["delete"]["responses"]
    assert "409" in answers


def test_page_refuses_to_delete_a_company_with_payments_with_a_message(
    client_for, manager, paid_company
):
    response = client_for(manager).post(f"/companies/{paid_company.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/companies/{paid_company.pk}/"
    assert "cannot be deleted" in response.content.decode()
    assert Company.objects.filter(pk=paid_company.pk).exists()


def test_a_company_without_such_records_is_still_deleted(manager, company):
    assert Api(manager).delete(f"/companies/{company.pk}").status_code == 204
    assert not Company.objects.filter(pk=company.pk).exists()


def test_a_contact_changed_after_its_company_was_deleted_is_404(owner, manager, company):
    contact = company.contacts.get()  # loaded before the deletion, as a racing request has it
    company_delete(actor=manager, company=Company.objects.get(pk=company.pk))
    with pytest.raises(Contact.DoesNotExist):
        contact_update(
            actor=owner,
            contact=contact,
            name="Anna Schmidt-Weber",
            title="",
            language="de",
            time_zone="Europe/Berlin",
            notes="",
            status="active",
        )
    assert not Contact.objects.filter(pk=contact.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_patch_of_a_contact_racing_the_deletion_of_its_company(owner, manager, company):
    """The deletion holds its transaction open while the PATCH arrives; the PATCH waits for
    it and then answers 404. Before, it answered 500 (the update found no row and tried to
    insert one under a company that no longer existed)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer at a time through (IMMEDIATE transactions)")
    contact = company.contacts.get()
    api = Api(owner)
    deleted = threading.Event()
    statuses: list[int] = []
    errors: list[BaseException] = []

    def delete() -> None:
        try:
            with transaction.atomic():
                company_delete(actor=manager, company=Company.objects.get(pk=company.pk))
                deleted.set()
                time.sleep(1.0)  # the PATCH is now waiting for our locks
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)
            deleted.set()
        finally:
            connection.close()

    def patch() -> None:
        try:
            deleted.wait(10)
            response = api.patch(f"/contacts/{contact.pk}", {"title": "Head of purchasing"})
            statuses.append(response.status_code)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=delete), threading.Thread(target=patch)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert statuses == [404]
    assert not Contact.objects.filter(pk=contact.pk).exists()

"""Only our active, approved receiving account ever appears on a document: an account
only verified, proposed, retired, for refunds, a counterparty's, or in another currency
never does, whichever door is tried: the service, the page, the API, a spec that names
another account, an account retired between draft and issue or between issue and send,
and a retirement at the same moment as the sending."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from chengxin.audit.models import AuditEntry
from chengxin.banking.services.approve import bank_account_retire
from chengxin.documents import services
from chengxin.documents.models import Document, DocumentState
from chengxin.documents.tests.conftest import (
    NOW,
    USD_NUMBER,
    USD_PENDING_NUMBER,
    two_writers_possible,
)
from chengxin.outbox.models import OutboundMessage
from chengxin.testing import Api, login

NOT_PRINTABLE = ("verified", "proposed", "retired", "refund", "eur")


def _flat(spec: dict) -> str:
    return str(spec).replace(" ", "")


@pytest.mark.django_db
@pytest.mark.parametrize("which", NOT_PRINTABLE)
def test_the_service_refuses_any_other_account(owner, order, accounts, which):
    with pytest.raises(ValidationError) as refused:
        services.document_draft(
            actor=owner, kind="proforma", order=order, account_id=accounts[which].pk, now=NOW
        )
    assert services.refusal_code(refused.value) == services.ACCOUNT_REFUSED
    assert "only our active, approved receiving account" in refused.value.messages[0]
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_counterpartys_account_is_refused(owner, order, accounts, counterparty_account):
    with pytest.raises(ValidationError):
        services.document_draft(
            actor=owner, kind="proforma", order=order, account_id=counterparty_account.pk,
            now=NOW,
        )  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("which", NOT_PRINTABLE)
def test_the_api_refuses_any_other_account(owner, order, accounts, which):
    response = Api(owner).post(
        f"/orders/{order.pk}/documents", {"kind": "proforma", "account_id": accounts[which].pk}
    )
    assert response.status_code == 422
    assert "account" in response.json()["errors"]
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_the_api_takes_no_spec_and_prints_the_active_account(owner, order, accounts):
    """A body that brings its own spec or account details is refused: what is printed
    is built from our records only."""
    api = Api(owner)
    forged = {
        "kind": "proforma",
        "spec": {"account": {"account_number": USD_PENDING_NUMBER}},
    }
    assert api.post(f"/orders/{order.pk}/documents", forged).status_code == 422
    created = api.post(f"/orders/{order.pk}/documents", {"kind": "proforma"})
    assert created.status_code == 201
    assert created.json()["account_id"] == accounts["usd"].pk
    assert created.json()["spec"]["account"]["account_number"] == USD_NUMBER


@pytest.mark.django_db
def test_the_page_door_prints_the_active_account_only(client, owner, order, accounts):
    login(client, owner)
    response = client.post(
        f"/documents/orders/{order.pk}/new/",
        {"kind": "proforma", "language": "en", "account": accounts["verified"].pk},
    )
    document = Document.objects.get()
    assert response.status_code == 302
    assert document.account == accounts["usd"]
    page = client.get(f"/documents/{document.pk}/page/").content.decode()
    flat = page.replace(" ", "")
    assert USD_NUMBER in flat
    for which in ("verified", "proposed", "retired", "refund"):
        assert accounts[which].bank_name not in page
    assert USD_PENDING_NUMBER not in flat


@pytest.mark.django_db
def test_a_spec_naming_another_account_is_never_rendered_or_sent(owner, order, accounts):
    """The stored spec changed behind the services' back (another account's number in
    it): issuing builds it again from our records; sending refuses it."""
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    Document.objects.filter(pk=draft.pk).update(
        spec={
            **draft.spec,
            "account": {**draft.spec["account"], "account_number": USD_PENDING_NUMBER},
        }
    )
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    assert issued.spec["account"]["account_number"] == USD_NUMBER
    assert USD_PENDING_NUMBER not in _flat(issued.spec)
    tampered = {
        **issued.spec,
        "account": {**issued.spec["account"], "account_number": USD_PENDING_NUMBER},
    }
    Document.objects.filter(pk=issued.pk).update(spec=tampered)
    with pytest.raises(ValidationError) as refused:
        services.document_send(actor=owner, document=issued, now=NOW)
    assert services.refusal_code(refused.value) == services.ACCOUNT_REFUSED
    assert not OutboundMessage.objects.exists()
    # another account's id slipped in is refused too
    Document.objects.filter(pk=issued.pk).update(spec=issued.spec, account=accounts["verified"])
    with pytest.raises(ValidationError):
        services.document_send(actor=owner, document=issued, now=NOW)
    assert not OutboundMessage.objects.exists()


@pytest.mark.django_db
def test_an_account_retired_between_draft_and_issue(owner, manager, order, accounts):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    bank_account_retire(actor=manager, account=accounts["usd"], reason="Bank closed it", now=NOW)
    with pytest.raises(ValidationError) as refused:
        services.document_issue(actor=owner, document=draft, now=NOW)
    assert "no longer our active, approved receiving account" in refused.value.messages[0]
    draft.refresh_from_db()
    assert (draft.state, draft.number) == (DocumentState.DRAFT, "")
    # drafted again, it carries no account at all: there is none left in USD
    with pytest.raises(ValidationError) as none_left:
        services.document_redraft(actor=owner, document=draft, now=NOW)
    assert "no active, approved receiving account in USD" in none_left.value.messages[0]


@pytest.mark.django_db
def test_an_account_retired_between_issue_and_send(owner, manager, order, accounts):
    issued = services.document_issue(
        actor=owner,
        document=services.document_draft(actor=owner, kind="proforma", order=order, now=NOW),
        now=NOW,
    )
    bank_account_retire(actor=manager, account=accounts["usd"], reason="Bank closed it", now=NOW)
    with pytest.raises(ValidationError) as refused:
        services.document_send(actor=owner, document=issued, now=NOW)
    assert "it is not sent" in refused.value.messages[0]
    issued.refresh_from_db()
    assert issued.state == DocumentState.ISSUED
    assert not OutboundMessage.objects.exists()


def _at_once(*calls) -> list:
    start = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = calls[index]()
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test reads
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", range(3))
def test_a_retirement_at_the_same_moment_as_the_sending(owner, manager, order, accounts, attempt):
    """Whichever comes first, a document never goes out with an account retired before
    it was queued: either it was sent while the account was active, or it is refused."""
    two_writers_possible()
    issued = services.document_issue(
        actor=owner,
        document=services.document_draft(actor=owner, kind="proforma", order=order, now=NOW),
        now=NOW,
    )
    later = NOW + datetime.timedelta(minutes=1)
    sent, retired = _at_once(
        lambda: services.document_send(actor=owner, document=issued, now=later),
        lambda: bank_account_retire(
            actor=manager, account=accounts["usd"], reason="Closed", now=later
        ),
    )
    assert not isinstance(retired, Exception), retired
    issued.refresh_from_db()
    accounts["usd"].refresh_from_db()
    assert accounts["usd"].state == "retired"
    if isinstance(sent, Exception):
        assert (
            isinstance(sent, ValidationError)
            and services.refusal_code(sent) == services.ACCOUNT_REFUSED
        )
        assert issued.state == DocumentState.ISSUED
        assert not OutboundMessage.objects.exists()
    else:
        assert issued.state == DocumentState.SENT
        # the letter was queued while the account was active: its retirement came after
        # (the audit chain's sequence is the order in which the two were written)
        sent_at = AuditEntry.objects.get(
            object_type="outboundmessage", object_id=str(issued.message_id)
        ).seq
        retired_at = (
            AuditEntry.objects.filter(
                object_type="bankaccount", object_id=str(accounts["usd"].pk), action="update"
            )
            .get()
            .seq
        )
        assert sent_at < retired_at

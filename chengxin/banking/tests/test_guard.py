"""The guard hook: a message or document naming bank details not on file for its sender
raises a signal and a task; details on file raise nothing."""

import pytest

from chengxin.banking import services
from chengxin.banking.models import Side, State
from chengxin.guard.models import Assessment
from chengxin.guard.sentences import sentences as guard_sentences
from chengxin.inbound.pipeline import message_process
from chengxin.testing import shared_data
from chengxin.testing.banking import IBAN_DE, IBAN_GB, make_account
from chengxin.testing.mail import make_raw
from chengxin.todos.models import Todo

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_file(company, owner):
    """The customer's refund account, verified and approved."""
    return make_account(
        proposed_by=owner,
        side=Side.COUNTERPARTY,
        company=company,
        purpose="refund",
        iban=IBAN_DE,
        bic="COBADEFFXXX",
        holder_name="Müller Maschinenbau GmbH",
    )


def _codes(message):
    return {s["code"] for s in Assessment.objects.get(message=message).signals}


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<html><body><pre>{text}</pre></body></html>").write_pdf()


def test_a_known_customer_naming_an_iban_not_on_file(ingest, company, owner, on_file):
    text = f"Dear Li Na,\nplease pay invoice 4711 to IBAN {IBAN_GB}.\nAnna"
    message = ingest(make_raw(subject="Invoice 4711", text=text)).message
    assert message.company == company
    assert "new_bank_account" in _codes(message)
    todo = Todo.objects.get(kind=services.UNKNOWN_ACCOUNT_KIND)
    assert todo.assignee == owner and todo.company == company
    assert todo.link == f"/mail/{message.pk}/"
    assert "GB29 ···· 6819" in todo.body and IBAN_GB not in todo.body
    # Assessing again makes no second task.
    message_process(message=message)
    assert Todo.objects.filter(kind=services.UNKNOWN_ACCOUNT_KIND).count() == 1


def test_the_iban_on_file_raises_nothing(ingest, company, on_file):
    text = "Dear Li Na,\nplease refund to our account IBAN DE89 3704 0044 0532 0130 00.\nAnna"
    message = ingest(make_raw(subject="Refund", text=text)).message
    assert not _codes(message) & services.GUARD_BANK_SIGNALS
    assert not Todo.objects.exists()


def test_our_own_account_quoted_back_is_on_file(ingest, company, finance):
    make_account(proposed_by=finance, iban=IBAN_GB)  # ours, active
    text = f"Dear Li Na,\nwe paid into your account {IBAN_GB} today.\nAnna"
    message = ingest(make_raw(subject="Payment", text=text)).message
    assert not _codes(message) & services.GUARD_BANK_SIGNALS
    assert not Todo.objects.exists()


def test_an_unapproved_account_is_not_on_file(ingest, company, owner):
    make_account(
        proposed_by=owner, side=Side.COUNTERPARTY, company=company, purpose="refund",
        iban=IBAN_GB, state=State.PROPOSED,
    )  # fmt: skip
    message = ingest(make_raw(subject="Refund", text=f"Refund to IBAN {IBAN_GB}, thanks")).message
    assert _codes(message) & services.GUARD_BANK_SIGNALS
    assert Todo.objects.filter(kind=services.UNKNOWN_ACCOUNT_KIND).count() == 1


def test_a_pdf_attachment_with_a_new_iban_raises_a_task(ingest, company, owner, on_file):
    pdf = _pdf(f"PROFORMA INVOICE PI-2026-044\nBeneficiary: Mueller GmbH\nIBAN: {IBAN_GB}\n")
    message = ingest(
        make_raw(
            subject="Invoice attached",
            text="Dear Li Na,\nplease find our invoice attached.\nAnna",
            attachments=[("invoice.pdf", "application/pdf", pdf)],
        )
    ).message
    # The text names nothing; the attachment raises the signal, marked with its name.
    signal = next(
        s for s in Assessment.objects.get(message=message).signals
        if s["code"] == "new_bank_account"
    )  # fmt: skip
    assert signal["params"]["attachment"] == "invoice.pdf"
    assert signal["params"]["kind"] == "iban" and "GB29" in signal["params"]["account"]
    assert signal["weight"] > 0
    sentences = guard_sentences(Assessment.objects.get(message=message))
    assert any("not among the bank details on file" in line for line in sentences)
    todo = Todo.objects.get(kind=services.UNKNOWN_ACCOUNT_KIND)
    assert todo.assignee == owner and "GB29 ···· 6819" in todo.body
    assert todo.related_type == "mail.message" and todo.related_id == str(message.pk)


def test_a_pdf_with_the_iban_on_file_raises_nothing(ingest, company, on_file):
    pdf = _pdf(f"PROFORMA INVOICE\nIBAN: {IBAN_DE}\nSWIFT: COBADEFFXXX\n")
    message = ingest(
        make_raw(text="Invoice attached.", attachments=[("pi.pdf", "application/pdf", pdf)])
    ).message
    assert not _codes(message) & services.GUARD_BANK_SIGNALS
    assert not Todo.objects.exists()


def test_a_broken_pdf_does_not_break_ingestion(ingest, company, on_file):
    broken = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf" * 3
    message = ingest(
        make_raw(text="See attached.", attachments=[("x.pdf", "application/pdf", broken)])
    ).message
    assert Assessment.objects.filter(message=message).exists()
    assert message.attachments.count() == 1
    assert not Todo.objects.exists()
    assert services.document_text(filename="x.pdf", content=broken, content_type="") == ""


def test_without_any_owner_a_manager_gets_the_task(ingest, manager, owner, company, on_file):
    company.owner = None
    company.save(update_fields=["owner"])
    ingest(make_raw(subject="Pay", text=f"Please pay to IBAN {IBAN_GB}."))
    assert Todo.objects.get(kind=services.UNKNOWN_ACCOUNT_KIND).assignee == manager


def test_document_check_accounts_with_a_real_bank_statement(company, owner, on_file):
    path = shared_data("bank_statements", "oca_test-camt053.xml")
    content = path.read_bytes()
    found = services.document_check_accounts(
        company=company, filename=path.name, content=content, content_type="application/xml"
    )
    ibans = {a.value for a in found if a.kind == "iban"}
    assert "NL69ABNA0522123643" in ibans
    assert all(not a.on_file for a in found if a.kind == "iban")
    todo = Todo.objects.get(kind=services.UNKNOWN_ACCOUNT_KIND)
    assert todo.assignee == owner and "NL69 ···· 3643" in todo.body
    assert todo.related_type == "banking.document"
    # The same document again: no second task.
    services.document_check_accounts(
        company=company, filename=path.name, content=content, content_type="application/xml"
    )
    assert Todo.objects.count() == 1


def test_document_check_accounts_text_and_csv(company, owner, on_file):
    csv = f"date,amount,beneficiary iban\n2026-11-20,1200.00,{IBAN_DE}\n".encode()
    found = services.document_check_accounts(
        company=company, filename="voucher.csv", content=csv, content_type="text/csv"
    )
    assert [(a.value, a.on_file) for a in found] == [(IBAN_DE, True)]
    assert not Todo.objects.exists()
    text = f"TT copy\nBeneficiary account: {IBAN_GB}\nSWIFT BIC: NWBKGB2L\n".encode("gb18030")
    found = services.document_check_accounts(
        company=company, filename="tt.txt", content=text, content_type="text/plain", actor=owner
    )
    assert {(a.kind, a.on_file) for a in found} == {("iban", False), ("bic", False)}
    body = Todo.objects.get().body
    assert "GB29 ···· 6819" in body and "NWBKGB2L" in body
    # Not a document we read: nothing found, nothing raised.
    assert (
        services.document_check_accounts(
            company=company,
            filename="photo.jpg",
            content=b"\xff\xd8\xff",
            content_type="image/jpeg",
        )
        == []
    )

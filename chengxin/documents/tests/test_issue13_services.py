"""Issue 13, the database side: a document is drafted from an order or a quote, in the
buyer's language (changeable per document), issued with its number, PDF and hash, and
once sent it is kept unchanged. Bad input gets a clear message and writes nothing."""

from __future__ import annotations

import datetime
import hashlib
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pdfminer.high_level import extract_text

from chengxin.audit.models import AuditEntry
from chengxin.documents import services
from chengxin.documents.models import Document, DocumentSeries, DocumentState
from chengxin.documents.tests.conftest import NOW, USD_NUMBER, line
from chengxin.orders import services as order_services
from chengxin.workflow.services import WRONG_STEP

pytestmark = pytest.mark.django_db


def _text(document: Document) -> str:
    return extract_text(io.BytesIO(bytes(document.pdf)))


def _proforma(owner, order, **kwargs):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW, **kwargs)
    return services.document_issue(actor=owner, document=draft, now=NOW)


def test_a_proforma_is_drafted_in_the_buyers_language_with_the_active_account(
    owner, order, accounts
):
    order.company.document_language = "de"
    order.company.save(update_fields=["document_language"])
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    assert draft.state == DocumentState.DRAFT
    assert draft.number == ""
    assert draft.language == "de"
    assert draft.account == accounts["usd"]
    spec = draft.spec
    assert spec["number"] == services.DRAFT_NUMBER
    assert spec["buyer"]["name"] == "Müller Maschinenbau GmbH"
    assert spec["currency"] == "USD"
    assert (spec["incoterm"], spec["named_place"]) == ("FOB", "Ningbo")
    # the catalogue's German name, its HS code and origin; the amounts as the order has them
    assert spec["lines"][0]["description"] == "LED-Panel 600x600 40W"
    assert (spec["lines"][0]["hs_code"], spec["lines"][0]["origin_country"]) == ("940542", "CN")
    assert [row["amount"] for row in spec["lines"]] == ["5000", "500"]
    assert [row["amount"] for row in spec["schedule"]] == ["1650", "3850"]
    assert spec["account"]["account_number"] == USD_NUMBER
    assert spec["account"]["swift"] == "BKCHCNBJ92A"
    # the registry does not name the intermediary: its BIC stands for it, once
    assert (spec["account"]["intermediary_bank"], spec["account"]["intermediary_swift"]) == (
        "BKCHUS33",
        "",
    )
    assert spec["account"]["verify_url"] == (
        f"https://crm.chengxin.example/trust/accounts/check/?number={USD_NUMBER}&lang=de"
    )
    assert draft.steps.get().kind == "drafted"
    assert AuditEntry.objects.filter(object_id=str(draft.pk)).exists()


def test_issuing_numbers_renders_and_hashes_the_proforma(owner, order):
    document = _proforma(owner, order)
    assert document.state == DocumentState.ISSUED
    assert document.number == "PI-2026-00001"
    assert bytes(document.pdf).startswith(b"%PDF-")
    assert document.sha256 == hashlib.sha256(bytes(document.pdf)).hexdigest()
    assert document.pdf_size == len(bytes(document.pdf))
    assert (document.issued_by, document.issued_at) == (owner, NOW)
    text = _text(document)
    assert "PI-2026-00001" in text
    assert USD_NUMBER in text.replace(" ", "")
    assert "Müller Maschinenbau GmbH" in text
    assert [s.kind for s in document.steps.all()] == ["drafted", "issued"]


def test_numbers_run_per_kind_and_year_and_a_failed_issue_takes_none(owner, order, accounts):
    first = _proforma(owner, order)
    second = _proforma(owner, order)
    confirmation = services.document_issue(
        actor=owner,
        document=services.document_draft(
            actor=owner, kind="order_confirmation", order=order, now=NOW
        ),
        now=NOW,
    )
    next_year = services.document_issue(
        actor=owner,
        document=services.document_draft(actor=owner, kind="proforma", order=order, now=NOW),
        now=datetime.datetime(2027, 1, 4, 9, 0, tzinfo=datetime.UTC),
    )
    assert [first.number, second.number] == ["PI-2026-00001", "PI-2026-00002"]
    assert confirmation.number == "OC-2026-00001"
    assert next_year.number == "PI-2027-00001"
    # A draft whose account was retired meanwhile is refused: its number is not taken.
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    accounts["usd"].state = "retired"
    accounts["usd"].save(update_fields=["state"])
    with pytest.raises(ValidationError):
        services.document_issue(actor=owner, document=draft, now=NOW)
    assert DocumentSeries.objects.get(kind="proforma", year=2026).last == 2


def test_the_language_changes_per_document_while_a_draft(owner, order):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    assert draft.language == "en"
    draft = services.document_redraft(actor=owner, document=draft, language="ja", now=NOW)
    assert draft.language == "ja"
    assert draft.spec["language"] == "ja"
    assert draft.spec["account"]["verify_url"].endswith("&lang=ja")
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    assert issued.spec["language"] == "ja"
    with pytest.raises(ValidationError) as refused:
        services.document_redraft(actor=owner, document=issued, language="ar", now=NOW)
    assert refused.value.code == WRONG_STEP


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"kind": "invoice"}, "kind", "Choose one of: Proforma invoice"),
        ({"kind": "quotation"}, "kind", "Choose one of: Proforma invoice"),
        ({"language": "xx"}, "language", "Choose one of the buyer languages"),
        ({"language": "zh-hant"}, "language", "Choose one of the buyer languages"),
        ({"shipment_id": 999}, "shipment", "Only a commercial invoice or a packing list"),
    ],
)
def test_bad_input_gets_a_clear_message_and_writes_nothing(owner, order, kwargs, field, message):
    args = {"kind": "proforma", **kwargs}
    with pytest.raises(ValidationError) as refused:
        services.document_draft(actor=owner, order=order, now=NOW, **args)
    assert message in " ".join(refused.value.message_dict[field])
    assert not Document.objects.exists()


def test_a_document_the_engine_refuses_says_why_and_writes_nothing(
    owner, make_order, company, accounts
):
    """A Gulf buyer's customs need the HS code on every line: a line without a product
    has none, so the proforma cannot be made."""
    company.country = "AE"
    company.save(update_fields=["country"])
    order = make_order(lines=[line("Spare parts kit", "10", "30")])
    with pytest.raises(ValidationError) as refused:
        services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    assert "HS code" in " ".join(refused.value.messages)
    assert not Document.objects.exists()
    assert not DocumentSeries.objects.exists()


def test_no_active_account_in_the_currency_means_nothing_is_issued(owner, make_order, accounts):
    order = make_order(currency="GBP")
    with pytest.raises(ValidationError) as refused:
        services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    assert (
        "no active, approved receiving account in GBP" in refused.value.message_dict["account"][0]
    )


def test_a_packing_list_carries_the_catalogues_packing_and_no_account(owner, order):
    draft = services.document_draft(actor=owner, kind="packing_list", order=order, now=NOW)
    assert draft.account is None
    assert draft.spec["account"] is None
    first = draft.spec["lines"][0]["packing"]
    # 400 pcs, 4 a carton: 100 cartons; 2.1 / 2.6 kg each
    assert first == {
        "net_kg": "840", "gross_kg": "1040", "packages": 100, "package_type": "",
        "dimensions": "62 × 62 × 40 cm", "marks": order.number,
    }  # fmt: skip
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    assert issued.number == "PL-2026-00001"
    assert "840" in _text(issued)


def test_a_commercial_invoice_of_one_shipment(owner, order):
    from chengxin.shipments.models import Container, Shipment, ShipmentLine

    order_line = order.lines.get(position=1)
    shipment = Shipment.objects.create(
        order=order, reference="S1", created_by=owner, created_at=NOW, bl_number="COSU1234567"
    )
    ShipmentLine.objects.create(shipment=shipment, order_line=order_line, quantity=Decimal("100"))
    Container.objects.create(shipment=shipment, number="MSCU1234565", seal="SL778899")
    draft = services.document_draft(
        actor=owner, kind="commercial_invoice", order=order, shipment_id=shipment.pk, now=NOW
    )
    assert draft.shipment == shipment
    assert [(row["quantity"], row["amount"]) for row in draft.spec["lines"]] == [("100", "1250")]
    assert "MSCU 123456 5 / SL778899" in draft.spec["shipping_marks"]
    assert draft.spec["schedule"] == []
    other = order_services.order_create(
        actor=owner, company=order.company, currency="USD", incoterm="FOB", named_place="Ningbo",
        lines=[line()], now=NOW,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.document_draft(
            actor=owner, kind="packing_list", order=other, shipment_id=shipment.pk, now=NOW
        )
    assert refused.value.message_dict["shipment"] == ["This order has no such shipment."]


def test_a_quotation_of_a_quote(owner, company, accounts):
    quote = order_services.quote_create(
        actor=owner, company=company, currency="EUR", incoterm="CIF", named_place="Hamburg",
        valid_until=datetime.date(2026, 12, 31), lines=[line(price="13.10")], now=NOW,
    )  # fmt: skip
    draft = services.document_draft(actor=owner, kind="quotation", quote=quote, now=NOW)
    assert draft.account == accounts["eur"]
    assert draft.spec["valid_until"] == "2026-12-31"
    assert draft.spec["account"]["iban"] == "DE89370400440532013000"
    issued = services.document_issue(actor=owner, document=draft, now=NOW)
    assert issued.number == "QT-2026-00001"
    quote.valid_until = datetime.date(2026, 12, 1)
    quote.save(update_fields=["valid_until"])
    with pytest.raises(ValidationError, match="valid until 2026-12-01"):
        services.document_draft(actor=owner, kind="quotation", quote=quote, now=NOW)


def test_a_colleague_without_rights_and_finance(owner, colleague, finance, order):
    with pytest.raises(PermissionDenied):
        services.document_draft(actor=colleague, kind="proforma", order=order, now=NOW)
    # finance issues invoices, but does not write to buyers
    document = services.document_issue(
        actor=finance,
        document=services.document_draft(
            actor=finance, kind="commercial_invoice", order=order, now=NOW
        ),
        now=NOW,
    )
    with pytest.raises(PermissionDenied):
        services.document_send(actor=finance, document=document, now=NOW)
    with pytest.raises(Document.DoesNotExist):
        services.document_issue(actor=colleague, document=document, now=NOW)


def test_nothing_is_issued_for_a_cancelled_order(owner, order):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    order_services.order_advance(actor=owner, order=order, step="cancelled", notes="", now=NOW)
    order.refresh_from_db()
    with pytest.raises(ValidationError, match="This order is cancelled"):
        services.document_issue(actor=owner, document=draft, now=NOW)
    with pytest.raises(ValidationError, match="This order is cancelled"):
        services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)


def test_a_draft_is_discarded_an_issued_document_is_kept(owner, order):
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    services.document_discard(actor=owner, document=draft, now=NOW)
    assert not Document.objects.filter(pk=draft.pk).exists()
    issued = _proforma(owner, order)
    with pytest.raises(ValidationError) as refused:
        services.document_discard(actor=owner, document=issued, now=NOW)
    assert refused.value.code == WRONG_STEP


def test_the_sent_version_is_kept_unchanged(owner, order, accounts):
    """Once sent, no service changes it: not its language, its number, its PDF, its
    hash; it is not issued, sent or discarded again."""
    document = services.document_send(actor=owner, document=_proforma(owner, order), now=NOW)
    assert document.state == DocumentState.SENT
    kept = (document.number, bytes(document.pdf), document.sha256, document.spec)
    later = NOW + datetime.timedelta(days=3)
    attempts = [
        lambda: services.document_redraft(actor=owner, document=document, language="fr", now=later),
        lambda: services.document_issue(actor=owner, document=document, now=later),
        lambda: services.document_send(actor=owner, document=document, now=later),
        lambda: services.document_discard(actor=owner, document=document, now=later),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.code == WRONG_STEP
    document.refresh_from_db()
    assert (document.number, bytes(document.pdf), document.sha256, document.spec) == kept
    assert document.state == DocumentState.SENT
    # a change of the order afterwards does not touch the sent document either
    order_services.order_terms_update(
        actor=owner, order=order, terms={"lines": [{"kind": "balance", "trigger": "before_shipment"}]},
        now=later,
    )  # fmt: skip
    document.refresh_from_db()
    assert document.sha256 == kept[2]
    assert hashlib.sha256(bytes(document.pdf)).hexdigest() == document.sha256


def test_even_a_usd_500_order_gets_a_complete_proforma(owner, make_order, accounts, company):
    """A sample order of USD 500: the proforma still carries every part a buyer's bank
    and customs ask for, not a shortened form."""
    company.address = "Industriestraße 12\n70565 Stuttgart"
    company.vat_number = "DE136695976"
    company.save(update_fields=["address", "vat_number"])
    order = make_order(lines=[line("LED panel sample set", "40", "12.50")])
    assert order.total == Decimal("500.00")
    text = " ".join(_text(_proforma(owner, order)).split())
    for part in (
        "Proforma invoice", "PI-2026-00001",  # the title and its number
        "Industriestraße 12", "70565 Stuttgart", "DE136695976",  # the buyer, in full
        "LED panel sample set", "12.50", "500.00",  # the line and the total
        "five hundred US dollars",  # the total in words
        "FOB Ningbo",  # the Incoterm with its named place
        "Bank of China, Ningbo Branch", "BKCHCNBJ92A", "BKCHUS33",  # bank, SWIFT, intermediary
    ):  # fmt: skip
        assert part in text, part
    assert USD_NUMBER in text.replace(" ", "")
    assert "/trust/accounts/check/?number=" in text.replace(" ", "")  # the QR's check link

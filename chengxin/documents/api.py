"""The documents API: the same services as the pages, so the same rules.

Not visible → 404; visible but not allowed → 403; wrong step (a sent document is never
changed) or bad input → 422. A document carries only our active, approved receiving
account in its currency: ``account_id`` may choose among those, nothing else.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, RecordId, path_id
from chengxin.core.http import or_404
from chengxin.documents import selectors, services
from chengxin.documents.models import Document
from chengxin.orders.selectors import visible_orders, visible_quotes
from chengxin.workflow.api import StepOut, steps_out

router = Router(tags=["documents"])

DocumentId = path_id("The document's id.")
OrderId = path_id("The order's id.")
QuoteId = path_id("The quote's id.")

OrderKind = Literal["proforma", "commercial_invoice", "packing_list", "order_confirmation"]
LANGUAGES = "zh-hans, en, fr, es, de, ar, ja, ru, pt, it, ko, tr"


class DocumentStrictIn(Schema):
    """A body with a field it does not know is refused (422): a document is built from
    our records only, never from account details or a spec a caller sends."""

    model_config = ConfigDict(extra="forbid")


class OrderDocumentIn(DocumentStrictIn):
    kind: OrderKind = Field(description="proforma, commercial_invoice, packing_list or order_confirmation.")  # fmt: skip
    language: str | None = Field(None, max_length=10, description=f"One of the buyer languages ({LANGUAGES}); default: the customer's document language.")  # fmt: skip
    account_id: RecordId | None = Field(None, description="Our active, approved receiving account in the order's currency to print; default: the newest such account. Any other account is refused (422).")  # fmt: skip
    shipment_id: RecordId | None = Field(None, description="Commercial invoice or packing list: of this shipment of the order; default: of the whole order.")  # fmt: skip


class QuoteDocumentIn(DocumentStrictIn):
    language: str | None = Field(None, max_length=10, description=f"One of the buyer languages ({LANGUAGES}); default: the customer's document language.")  # fmt: skip
    account_id: RecordId | None = Field(None, description="Our active, approved receiving account in the quote's currency to print; default: the newest such account. Any other account is refused (422).")  # fmt: skip


class DocumentLanguageIn(DocumentStrictIn):
    language: str = Field(max_length=10, description=f"One of the buyer languages ({LANGUAGES}).")  # fmt: skip
    account_id: RecordId | None = Field(None, description="Our active, approved receiving account to print instead; default: the newest such account.")  # fmt: skip


class DocumentSendIn(DocumentStrictIn):
    to: str = Field("", max_length=320, description="One of the customer's verified email addresses; default: the first contact's.")  # fmt: skip


class DocumentOut(Schema):
    id: int = Field(description="The document's id.")
    kind: str = Field(description="quotation, proforma, commercial_invoice, packing_list or order_confirmation.")  # fmt: skip
    number: str = Field(description="Its number (PI-2026-00001); empty while a draft.")
    state: str = Field(description="draft, issued or sent.")
    order_id: int | None = Field(description="The order it is of; null for a quotation.")
    quote_id: int | None = Field(description="The quote it is of; null for an order's document.")
    shipment_id: int | None = Field(description="The shipment it is of; null when of the whole order.")  # fmt: skip
    company_id: int = Field(description="The customer's id.")
    language: str = Field(description="The language it is written in.")
    account_id: int | None = Field(description="The receiving account it prints (our active, approved one when issued); null for a packing list.")  # fmt: skip
    sha256: str = Field(description="The SHA-256 of its PDF, hex; empty while a draft.")
    pdf_size: int = Field(description="The PDF's size in bytes; 0 while a draft.")
    issued_at: datetime.datetime | None = Field(description="When it was issued (UTC); null while a draft.")  # fmt: skip
    issued_by: str | None = Field(description="Who issued it (username); null for the system or a draft.")  # fmt: skip
    sent_at: datetime.datetime | None = Field(description="When it was queued to the buyer (UTC); null until sent.")  # fmt: skip
    sent_to: str = Field(description="The address it went to; empty until sent.")
    message_id: int | None = Field(description="The outbox message it went in; null until sent.")  # fmt: skip
    steps: list[StepOut] = Field(description="Every step so far, oldest first.")


class DocumentDetailOut(DocumentOut):
    spec: dict = Field(description="What it says: the document's description as the `documents render` command reads it (seller, buyer, lines, currency, terms, schedule, account...).")  # fmt: skip


def _out(document: Document) -> dict:
    return {
        "id": document.pk, "kind": document.kind, "number": document.number,
        "state": document.state, "order_id": document.order_id, "quote_id": document.quote_id,
        "shipment_id": document.shipment_id, "company_id": document.company_id,
        "language": document.language, "account_id": document.account_id,
        "sha256": document.sha256, "pdf_size": document.pdf_size,
        "issued_at": document.issued_at,
        "issued_by": document.issued_by.username if document.issued_by_id else None,
        "sent_at": document.sent_at, "sent_to": document.sent_to,
        "message_id": document.message_id, "steps": steps_out(document),
    }  # fmt: skip


def _detail_out(document: Document) -> dict:
    return {**_out(document), "spec": document.spec}


def _document(request, pk) -> Document:
    return or_404(
        selectors.visible_documents(request.auth)
        .select_related("order__company", "quote__company", "company", "issued_by")
        .get,
        pk=pk,
    )


@router.get("/orders/{pk}/documents", response={200: list[DocumentOut], **READ_ERRORS})
def order_document_list(request, pk: OrderId):
    """The order's documents, newest first: drafts, issued and sent, with their numbers and hashes."""
    order = or_404(visible_orders(request.auth).get, pk=pk)
    return [_out(d) for d in selectors.order_documents(order).select_related("issued_by")]


@router.post("/orders/{pk}/documents", response={201: DocumentDetailOut, **WRITE_ERRORS})
def order_document_draft(request, pk: OrderId, payload: OrderDocumentIn):
    """Draft a proforma invoice, commercial invoice, packing list or order confirmation of the order, in the buyer's language (or the one given), carrying our active, approved receiving account. No number until issued."""
    order = or_404(visible_orders(request.auth).select_related("company").get, pk=pk)
    document = services.document_draft(
        actor=request.auth, kind=payload.kind, order=order, language=payload.language,
        account_id=payload.account_id, shipment_id=payload.shipment_id, now=timezone.now(),
    )  # fmt: skip
    return Status(201, _detail_out(document))


@router.get("/quotes/{pk}/documents", response={200: list[DocumentOut], **READ_ERRORS})
def quote_document_list(request, pk: QuoteId):
    """The quote's quotations, newest first."""
    quote = or_404(visible_quotes(request.auth).get, pk=pk)
    return [_out(d) for d in selectors.quote_documents(quote).select_related("issued_by")]


@router.post("/quotes/{pk}/documents", response={201: DocumentDetailOut, **WRITE_ERRORS})
def quote_document_draft(request, pk: QuoteId, payload: QuoteDocumentIn):
    """Draft the quotation of a quote, in the buyer's language (or the one given). Refused for a declined or expired quote."""
    quote = or_404(visible_quotes(request.auth).select_related("company").get, pk=pk)
    document = services.document_draft(
        actor=request.auth, kind="quotation", quote=quote, language=payload.language,
        account_id=payload.account_id, now=timezone.now(),
    )  # fmt: skip
    return Status(201, _detail_out(document))


@router.get("/documents/{pk}", response={200: DocumentDetailOut, **READ_ERRORS})
def document_detail(request, pk: DocumentId):
    """One document: its state, number, language, account, hash, what it says, and its steps."""
    return _detail_out(_document(request, pk))


@router.post("/documents/{pk}/language", response={200: DocumentDetailOut, **WRITE_ERRORS})
def document_language(request, pk: DocumentId, payload: DocumentLanguageIn):
    """Draft a draft again in another language, from today's data. Only a draft: an issued or sent document is refused (422)."""
    document = services.document_redraft(
        actor=request.auth, document=_document(request, pk), language=payload.language,
        account_id=payload.account_id, now=timezone.now(),
    )  # fmt: skip
    return _detail_out(document)


@router.post("/documents/{pk}/issue", response={200: DocumentDetailOut, **WRITE_ERRORS})
def document_issue(request, pk: DocumentId):
    """Issue a draft: its number (per kind and year, never reused), its PDF and SHA-256. Refused (422) when the account it carries is no longer our active, approved account."""
    document = services.document_issue(
        actor=request.auth, document=_document(request, pk), now=timezone.now()
    )
    return _detail_out(document)


@router.post("/documents/{pk}/send", response={200: DocumentOut, **WRITE_ERRORS})
def document_send(request, pk: DocumentId, payload: DocumentSendIn):
    """Send an issued document through the outbox in the buyer's working hours, with a short letter in its language and the PDF attached. Kept unchanged from then on. Refused (422) when its account is no longer our active, approved account."""
    document = services.document_send(
        actor=request.auth, document=_document(request, pk), to=payload.to, now=timezone.now()
    )
    return _out(document)


@router.delete("/documents/{pk}", response={204: None, **WRITE_ERRORS})
def document_discard(request, pk: DocumentId):
    """Throw a draft away. Issued and sent documents are kept (422)."""
    services.document_discard(
        actor=request.auth, document=_document(request, pk), now=timezone.now()
    )
    return Status(204, None)


PDF_RESPONSE = {
    "responses": {
        "200": {
            "description": "The PDF, exactly as issued (header X-Content-SHA256: its hash).",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.get("/documents/{pk}/pdf", response={200: None, **READ_ERRORS}, openapi_extra=PDF_RESPONSE)
def document_pdf(request, pk: DocumentId):
    """The issued or sent document's PDF, byte for byte as kept. 404 for a draft (look at it as a page)."""
    document = _document(request, pk)
    if document.pdf is None or not document.sha256:
        raise Http404
    response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, document.filename)
    response["X-Content-SHA256"] = document.sha256
    return response

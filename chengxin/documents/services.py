"""Documents: every change goes through here (permissions enforced inside, validate then
write in one transaction, every change audited through the workflow core).

A document is drafted from an order or a quote (its spec built from the database, no
number yet), drafted again in another language, issued (numbered per kind and year
under a row lock, its PDF rendered and its SHA-256 kept), and sent through the outbox in
the buyer's working hours with a short covering letter in the document's language. A
sent document is kept unchanged for good: every service refuses it.

The receiving account a document carries is only ever our active, approved receiving
account in the document's currency. It is read under a row lock each time a document is
drafted, issued or sent, so an account retired meanwhile never goes out; and the spec
about to be rendered is checked once more against that row (the last door).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chengxin.audit.models import Action
from chengxin.audit.services import audit_created, audit_record, snapshot
from chengxin.banking.models import BankAccount
from chengxin.core import bank_numbers as numbers
from chengxin.core.buyer_language import buyer_language, buyer_languages
from chengxin.documents import building, texts
from chengxin.documents import permissions as perms
from chengxin.documents.models import (
    NUMBER_PREFIXES,
    ORDER_KINDS,
    QUOTE_KINDS,
    Document,
    DocumentKind,
    DocumentSeries,
    DocumentState,
    DocumentStepKind,
)
from chengxin.documents.render import render_html, render_pdf
from chengxin.documents.selectors import printable_accounts
from chengxin.documents.spec import DocumentSpec, DocumentSpecError
from chengxin.orders.models import Order, OrderState, Quote, QuoteState
from chengxin.outbox.models import OutboundMessage
from chengxin.outbox.services import outbox_enqueue
from chengxin.parties.models import ChannelKind, Company, Contact
from chengxin.workflow.services import WRONG_STEP, advance, locked, require_state

logger = logging.getLogger(__name__)

# What a draft prints where the number will be.
DRAFT_NUMBER = "DRAFT"
PURPOSE = "documents.document"
RELATED_TYPE = "documents.document"
ACCOUNT_REFUSED = building.ACCOUNT_REFUSED
# Kinds that may be of one shipment.
SHIPMENT_KINDS = (DocumentKind.COMMERCIAL_INVOICE, DocumentKind.PACKING_LIST)


# --- input ---------------------------------------------------------------------------


def default_language(company: Company) -> str:
    """The language a buyer's documents are written in: the customer's document
    language, as one of the twelve buyer languages."""
    return buyer_language(company.document_language)


def _language(code: str | None, company: Company) -> str:
    if not code:
        return default_language(company)
    value = str(code).strip().lower()
    if value not in buyer_languages():
        raise ValidationError(
            {
                "language": _("Choose one of the buyer languages: %(codes)s.")
                % {"codes": ", ".join(buyer_languages())}
            }
        )
    return value


def _kind(kind: str, *, order: Order | None, quote: Quote | None) -> str:
    allowed = ORDER_KINDS if order is not None else QUOTE_KINDS
    if kind not in [str(k) for k in allowed]:
        raise ValidationError(
            {
                "kind": _("Choose one of: %(kinds)s.")
                % {"kinds": ", ".join(str(DocumentKind(k).label) for k in allowed)}
            }
        )
    return kind


def _shipment(order: Order | None, kind: str, shipment_id: int | None):
    if shipment_id is None:
        return None
    from chengxin.shipments.models import Shipment

    if order is None or kind not in SHIPMENT_KINDS:
        raise ValidationError(
            {"shipment": _("Only a commercial invoice or a packing list is of one shipment.")}
        )
    shipment = Shipment.objects.filter(order=order, pk=shipment_id).first()
    if shipment is None:
        raise ValidationError({"shipment": _("This order has no such shipment.")})
    if not shipment.lines.exists():
        raise ValidationError({"shipment": _("This shipment carries no lines yet.")})
    return shipment


def _account_refused(message: str) -> ValidationError:
    """A refusal on the ``account`` field, coded ``account_not_active``."""
    return ValidationError({"account": [ValidationError(message, code=ACCOUNT_REFUSED)]})


def refusal_code(error: ValidationError) -> str | None:
    """The code of a refusal, whether on a field or not."""
    if hasattr(error, "error_dict"):
        return next((e.code for errors in error.error_dict.values() for e in errors), None)
    if hasattr(error, "error_list") and error.error_list:
        return error.error_list[0].code
    return getattr(error, "code", None)


def _lock_account(currency: str, kind: str, account_id: int | None) -> BankAccount | None:
    """Our active, approved receiving account in ``currency``, read under a row lock
    (``account_id``: that one, if it is such an account; else the newest). None for a
    packing list, which carries no account."""
    if kind == DocumentKind.PACKING_LIST:
        return None
    accounts = printable_accounts(currency).select_for_update(of=("self",))
    if account_id is not None:
        account = accounts.filter(pk=account_id).first()
        if account is None:
            raise _account_refused(
                _(
                    "A document can carry only our active, approved receiving account "
                    "in %(currency)s; this account is not one."
                )
                % {"currency": currency}
            )
        return account
    account = accounts.first()
    if account is None:
        raise _account_refused(
            _(
                "We have no active, approved receiving account in %(currency)s: "
                "nothing can be issued until one is approved."
            )
            % {"currency": currency}
        )
    return account


def _spec(data: dict) -> DocumentSpec:
    """The engine's spec, or the reasons it cannot be made (in the user's language)."""
    try:
        return DocumentSpec.from_dict(data)
    except DocumentSpecError as exc:
        raise ValidationError(
            [_("The document cannot be made: %(reason)s") % {"reason": str(error)}
             for error in exc.errors],
            code="document_invalid",
        ) from None  # fmt: skip


def _check_account(spec: DocumentSpec, account: BankAccount | None) -> None:
    """The last door before rendering: the account the spec prints is ``account`` (read
    under a lock), and that is our active, approved receiving account."""
    refused = ValidationError(
        _("Only our active, approved receiving account can appear on a document."),
        code=ACCOUNT_REFUSED,
    )
    if spec.account is None:
        if spec.kind != DocumentKind.PACKING_LIST and account is not None:
            raise refused
        return
    if account is None or not building.is_printable_account(account):
        raise refused
    printed = numbers.normalise(spec.account.iban or spec.account.account_number)
    if not printed or numbers.digest(printed) != account.number_digest:
        raise refused


def _build(
    *,
    kind: str,
    order: Order | None,
    quote: Quote | None,
    language: str,
    number: str,
    issue_date: datetime.date,
    account: BankAccount | None,
    shipment=None,
) -> DocumentSpec:
    if order is not None:
        data = building.order_spec(
            order, kind=kind, language=language, number=number, issue_date=issue_date,
            account=account, shipment=shipment,
        )  # fmt: skip
    else:
        assert quote is not None and account is not None
        data = building.quote_spec(
            quote, language=language, number=number, issue_date=issue_date, account=account
        )
    spec = _spec(data)
    _check_account(spec, account)
    return spec


def _check_order(order: Order) -> None:
    if order.state == OrderState.CANCELLED:
        raise ValidationError(
            _("This order is cancelled: no document is issued for it."), code=WRONG_STEP
        )


def _check_quote(quote: Quote, today: datetime.date) -> None:
    if quote.state in (QuoteState.DECLINED, QuoteState.EXPIRED):
        raise ValidationError(
            _("This quote is “%(state)s”: no quotation is issued for it.")
            % {"state": quote.get_state_display()},
            code=WRONG_STEP,
        )
    if quote.valid_until < today:
        raise ValidationError(
            _("This quote was valid until %(day)s: change its validity first.")
            % {"day": quote.valid_until.isoformat()}
        )


# --- numbers -------------------------------------------------------------------------


def _next_number(kind: str, year: int) -> str:
    """The next number of ``kind`` in ``year`` ("PI-2026-00001"), never reused: the
    series row is locked until the caller's transaction ends (a number taken by a
    transaction that fails is taken by no one: its increment is rolled back too)."""
    DocumentSeries.objects.get_or_create(kind=kind, year=year)
    series = DocumentSeries.objects.select_for_update().get(kind=kind, year=year)
    series.last += 1
    series.save(update_fields=["last"])
    return f"{NUMBER_PREFIXES[DocumentKind(kind)]}-{year}-{series.last:05d}"


# --- drafting ------------------------------------------------------------------------


def _locked_document(actor, pk) -> Document:
    return locked(
        Document.objects.select_related("order__company", "quote__company", "company"),
        pk,
        allowed=lambda d: actor is None or perms.can_view(actor, d),
    )


def document_draft(
    *,
    actor,
    kind: str,
    order: Order | None = None,
    quote: Quote | None = None,
    language: str | None = None,
    account_id: int | None = None,
    shipment_id: int | None = None,
    now: datetime.datetime,
) -> Document:
    """A draft ``kind`` of ``order`` (proforma, commercial invoice, packing list, order
    confirmation) or of ``quote`` (quotation), in ``language`` (default: the buyer's),
    carrying our active, approved receiving account in its currency (``account_id``:
    that one, if it is such an account). No number yet."""
    if (order is None) == (quote is None):
        raise ValidationError(_("A document is of one order or of one quote."))
    perms.require_issue_for(actor, order=order, quote=quote)
    kind = _kind(kind, order=order, quote=quote)
    source = order if order is not None else quote
    assert source is not None
    company = source.company
    language = _language(language, company)
    today = timezone.localdate(now)
    if quote is not None:
        _check_quote(quote, today)
    if order is not None:
        _check_order(order)
    with transaction.atomic():
        account = _lock_account(source.currency, kind, account_id)
        shipment = _shipment(order, kind, shipment_id)
        spec = _build(
            kind=kind, order=order, quote=quote, language=language, number=DRAFT_NUMBER,
            issue_date=today, account=account, shipment=shipment,
        )  # fmt: skip
        document = Document.objects.create(
            kind=kind,
            order=order,
            quote=quote,
            shipment=shipment,
            company=company,
            language=language,
            account=account,
            spec=spec.to_dict(),
            created_by=actor,
            created_at=now,
            state_changed_at=now,
        )
        audit_created(actor=actor, instance=document)
        advance(
            document,
            actor=actor,
            before=None,
            now=now,
            step=DocumentStepKind.DRAFTED,
            details={"language": language, "account": account.pk if account else None},
        )
    return document


def document_redraft(
    *,
    actor,
    document: Document,
    language: str | None = None,
    account_id: int | None = None,
    now: datetime.datetime,
) -> Document:
    """Draft ``document`` again from today's data: in ``language`` (default: its own),
    carrying our active, approved account (``account_id``: that one). Only a draft."""
    with transaction.atomic():
        document = _locked_document(actor, document.pk)
        perms.require_issue(actor, document)
        require_state(document, DocumentState.DRAFT)
        language = _language(language or document.language, document.company)
        if document.quote is not None:
            _check_quote(document.quote, timezone.localdate(now))
        currency = (document.order or document.quote).currency  # type: ignore[union-attr]
        account = _lock_account(currency, document.kind, account_id)
        spec = _build(
            kind=document.kind, order=document.order, quote=document.quote, language=language,
            number=DRAFT_NUMBER, issue_date=timezone.localdate(now), account=account,
            shipment=document.shipment,
        )  # fmt: skip
        before = snapshot(document)
        previous = document.language
        document.language, document.account, document.spec = language, account, spec.to_dict()
        advance(
            document,
            actor=actor,
            before=before,
            now=now,
            fields=["language", "account", "spec"],
            step=DocumentStepKind.LANGUAGE,
            details={"from": previous, "to": language, "account": account.pk if account else None},
        )
    return document


def document_discard(*, actor, document: Document, now: datetime.datetime) -> None:
    """Throw a draft away (it has no number; issued and sent documents are kept)."""
    with transaction.atomic():
        document = _locked_document(actor, document.pk)
        perms.require_issue(actor, document)
        require_state(document, DocumentState.DRAFT)
        audit_record(
            actor=actor,
            action=Action.DELETE,
            instance=document,
            before=snapshot(document),
            company_id=document.company_id,
        )
        document.steps.all().delete()
        document.delete()


# --- issuing -------------------------------------------------------------------------


def _render(spec: DocumentSpec) -> bytes:
    pdf = render_pdf(spec)
    if not pdf.startswith(b"%PDF-"):
        raise ValidationError(_("The PDF could not be made: nothing is issued."))
    return pdf


def document_issue(*, actor, document: Document, now: datetime.datetime) -> Document:
    """Issue a draft: its number (never reused), its spec built again from today's data
    with its account read under a lock (refused when that account is no longer our
    active, approved one), its PDF rendered and its SHA-256 kept."""
    with transaction.atomic():
        document = _locked_document(actor, document.pk)
        perms.require_issue(actor, document)
        require_state(document, DocumentState.DRAFT)
        if document.quote is not None:
            _check_quote(document.quote, timezone.localdate(now))
        if document.order is not None:
            _check_order(document.order)
        currency = (document.order or document.quote).currency  # type: ignore[union-attr]
        account: BankAccount | None = None
        if document.kind != DocumentKind.PACKING_LIST:
            account = (
                printable_accounts(currency)
                .select_for_update(of=("self",))
                .filter(pk=document.account_id or 0)
                .first()
            )
            if account is None:
                raise ValidationError(
                    _(
                        "The account this draft carries is no longer our active, approved "
                        "receiving account. Draft it again: it will carry the active one."
                    ),
                    code=ACCOUNT_REFUSED,
                )
        today = timezone.localdate(now)
        number = _next_number(document.kind, today.year)
        spec = _build(
            kind=document.kind, order=document.order, quote=document.quote,
            language=document.language, number=number, issue_date=today, account=account,
            shipment=document.shipment,
        )  # fmt: skip
        pdf = _render(spec)
        before = snapshot(document)
        document.number = number
        document.spec = spec.to_dict()
        document.pdf = pdf
        document.pdf_size = len(pdf)
        document.sha256 = hashlib.sha256(pdf).hexdigest()
        document.issued_by = actor
        document.issued_at = now
        advance(
            document,
            actor=actor,
            before=before,
            now=now,
            state=DocumentState.ISSUED,
            fields=["number", "spec", "pdf", "pdf_size", "sha256", "issued_by", "issued_at"],
            step=DocumentStepKind.ISSUED,
            details={"number": number, "sha256": document.sha256},
        )
    return document


def document_html(document: Document) -> str:
    """The document as a page: rendered from the spec it was (or will be) issued from.
    The caller has checked the user may see it."""
    return render_html(DocumentSpec.from_dict(document.spec))


# --- sending -------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    contact: Contact
    email: str


def recipients(company: Company, *, addressee: Contact | None = None) -> list[Recipient]:
    """Where a document to ``company`` may go: its active contacts' active, verified
    email addresses (the ``addressee``'s first, then primary first). An address not
    verified is never offered: bank details go only where we know the buyer reads."""
    from chengxin.parties.models import Channel

    channels = (
        Channel.objects.filter(
            contact__company=company,
            contact__status="active",
            kind=ChannelKind.EMAIL,
            is_active=True,
            verified_at__isnull=False,
        )
        .select_related("contact")
        .order_by("-is_primary", "contact__name", "pk")
    )
    found = [Recipient(channel.contact, channel.value) for channel in channels]
    if addressee is not None:
        found.sort(key=lambda recipient: recipient.contact.pk != addressee.pk)
    return found


def document_recipients(document: Document) -> list[Recipient]:
    """:func:`recipients` of ``document``'s customer, the person its quote names first."""
    return recipients(document.company, addressee=_addressee(document))


def _addressee(document: Document) -> Contact | None:
    """The buyer's person a document is addressed to: the contact its quote names."""
    quote = document.quote
    return quote.contact if quote is not None and quote.contact_id else None


def _recipient(document: Document, to: str) -> Recipient:
    """The recipient ``to`` names; by default the first of :func:`document_recipients`
    (the quote's addressee's verified address when there is one)."""
    found = document_recipients(document)
    if not found:
        raise ValidationError(
            {"to": _("The customer has no verified email address: the document cannot be sent.")}
        )
    if not to:
        return found[0]
    for recipient in found:
        if recipient.email.lower() == to.strip().lower():
            return recipient
    raise ValidationError(
        {"to": _("Send it only to one of the customer's verified email addresses.")}
    )


def cover_letter(document: Document, *, contact: Contact | None, signature: str) -> tuple:
    """The covering letter's subject and text, in the document's language."""
    from django.conf import settings

    spec = document.spec
    with translation.override(document.language):
        reference = spec.get("buyer_reference") or document.number
        subject = texts.cover_subject(
            kind=document.kind, number=document.number, reference=reference,
            seller=settings.CHENGXIN_COMPANY_NAME,
        )  # fmt: skip
        account = spec.get("account") or None
        body = render_to_string(
            "documents/letters/cover.txt",
            {
                "contact_name": contact.name if contact else "",
                "title": texts.document_title(document.kind),
                "number": document.number,
                "reference": reference,
                "account": account,
                "verify_url": account["verify_url"] if account else "",
                "sha256": document.sha256,
                "signature": signature,
                "company_name": settings.CHENGXIN_COMPANY_NAME,
                "company_phone": settings.CHENGXIN_COMPANY_PHONE,
            },
        ).strip()
    return subject, body + "\n"


def _check_sendable(document: Document) -> bytes:
    """The stored PDF, after checking it is the one issued and its account is still our
    active, approved account (read under a lock)."""
    currency = (document.order or document.quote).currency  # type: ignore[union-attr]
    if document.account_id is not None:
        account = (
            printable_accounts(currency)
            .select_for_update(of=("self",))
            .filter(pk=document.account_id)
            .first()
        )
        if account is None:
            raise ValidationError(
                _(
                    "The account printed on this document is no longer our active, approved "
                    "receiving account: it is not sent. Draft and issue a new one."
                ),
                code=ACCOUNT_REFUSED,
            )
        _check_account(DocumentSpec.from_dict(document.spec), account)
    elif document.kind != DocumentKind.PACKING_LIST:
        raise ValidationError(
            _("Only our active, approved receiving account can appear on a document."),
            code=ACCOUNT_REFUSED,
        )
    pdf = bytes(document.pdf or b"")
    if hashlib.sha256(pdf).hexdigest() != document.sha256:
        raise ValidationError(_("The stored PDF does not match its fingerprint: it is not sent."))
    return pdf


def _mark_sent(document: Document, *, actor, message: OutboundMessage, to: str, now) -> None:
    before = snapshot(document)
    document.sent_by, document.sent_at, document.sent_to, document.message = actor, now, to, message
    advance(
        document,
        actor=actor,
        before=before,
        now=now,
        state=DocumentState.SENT,
        fields=["sent_by", "sent_at", "sent_to", "message"],
        step=DocumentStepKind.SENT,
        details={"message": message.pk, "to": to, "sha256": document.sha256},
    )


def document_send(*, actor, document: Document, to: str = "", now: datetime.datetime) -> Document:
    """Send an issued document to the buyer through the outbox, in their working hours,
    with a covering letter in the document's language and the PDF attached; ``to``: one
    of the customer's verified addresses (default: that of the person the quote is
    addressed to, when it has one verified, else the first contact's). Refused when
    the account it prints is no longer our active, approved account. The sent version
    is kept unchanged from then on."""
    with transaction.atomic():
        document = _locked_document(actor, document.pk)
        if actor is not None and not perms.can_send(actor, document):
            raise PermissionDenied(_("You may not write to this customer."))
        require_state(document, DocumentState.ISSUED)
        pdf = _check_sendable(document)
        recipient = _recipient(document, to)
        signature = (actor.get_full_name() or actor.username) if actor is not None else ""
        subject, body = cover_letter(document, contact=recipient.contact, signature=signature)
        message = outbox_enqueue(
            actor=actor,
            to=recipient.email,
            subject=subject,
            body_text=body,
            contact=recipient.contact,
            company=document.company,
            in_working_hours=True,
            date_in_recipient_zone=True,
            purpose=PURPOSE,
            related_type=RELATED_TYPE,
            related_id=str(document.pk),
            attachments=[(document.filename, pdf, "application/pdf")],
            now=now,
        )
        _mark_sent(document, actor=actor, message=message, to=recipient.email, now=now)
    return document


# --- the account change --------------------------------------------------------------


def account_change_proformas(
    *, company: Company, account: BankAccount, language: str, now: datetime.datetime
) -> list[Document]:
    """For an account-change campaign's letter after the change: a proforma invoice of
    each of ``company``'s open orders paid into ``account`` (its currency) with an
    amount still to pay, issued now by the system in ``language``, carrying ``account``
    (refused unless it is our active, approved account). An order whose proforma cannot
    be made is left out (logged; the letter still gives its figures). Mark them sent
    with :func:`documents_sent_with` once the letter is queued. In the caller's
    transaction."""
    from chengxin.orders.selectors import open_orders

    documents = []
    language = buyer_language(language)
    for order in open_orders(company).filter(currency=account.currency, open_balance__gt=0):
        try:
            with transaction.atomic():
                draft = document_draft(
                    actor=None, kind=DocumentKind.PROFORMA, order=order, language=language,
                    account_id=account.pk, now=now,
                )  # fmt: skip
                documents.append(document_issue(actor=None, document=draft, now=now))
        except ValidationError as exc:
            logger.warning(
                "documents: no proforma of %s for the account change: %s",
                order.number,
                " ".join(exc.messages),
            )
    return documents


def documents_sent_with(
    *, documents: list[Document], message: OutboundMessage, to: str, now: datetime.datetime
) -> None:
    """Record that issued ``documents`` went to the buyer in ``message`` (queued by
    another app's letter): kept unchanged from then on."""
    for document in documents:
        document = _locked_document(None, document.pk)
        require_state(document, DocumentState.ISSUED)
        _check_sendable(document)
        _mark_sent(document, actor=None, message=message, to=to, now=now)

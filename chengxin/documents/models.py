"""Documents we issue to a buyer: quotation, proforma invoice, commercial invoice,
packing list and order confirmation, each numbered in a sequence per kind and year.

A document is a workflow on the workflow core: drafted (its spec built from the order or
quote, no number yet), issued (numbered, its PDF rendered and its SHA-256 kept), sent
(through the outbox, with the message it went in). The sent version is kept unchanged
for good: the services refuse every change to it. The spec it was rendered from is the
engine's :class:`chengxin.documents.spec.DocumentSpec` as a dict.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chengxin.workflow.models import Step


class DocumentKind(models.TextChoices):
    QUOTATION = "quotation", _("Quotation")
    PROFORMA = "proforma", _("Proforma invoice")
    COMMERCIAL_INVOICE = "commercial_invoice", _("Commercial invoice")
    PACKING_LIST = "packing_list", _("Packing list")
    ORDER_CONFIRMATION = "order_confirmation", _("Order confirmation")


# The number's prefix per kind: PI-2026-00001.
NUMBER_PREFIXES = {
    DocumentKind.QUOTATION: "QT",
    DocumentKind.PROFORMA: "PI",
    DocumentKind.COMMERCIAL_INVOICE: "CI",
    DocumentKind.PACKING_LIST: "PL",
    DocumentKind.ORDER_CONFIRMATION: "OC",
}

# What is issued from an order, and from a quote.
ORDER_KINDS = (
    DocumentKind.PROFORMA,
    DocumentKind.COMMERCIAL_INVOICE,
    DocumentKind.PACKING_LIST,
    DocumentKind.ORDER_CONFIRMATION,
)
QUOTE_KINDS = (DocumentKind.QUOTATION,)


class DocumentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    SENT = "sent", _("Sent")


class DocumentStepKind(models.TextChoices):
    DRAFTED = "drafted", _("Drafted")
    LANGUAGE = "language", _("Language changed")
    ISSUED = "issued", _("Issued")
    SENT = "sent", _("Sent to the buyer")
    DISCARDED = "discarded", _("Draft discarded")


class DocumentSeries(models.Model):
    """The last number given per kind and year: numbers are taken under a row lock and
    never reused (a draft has no number; an issued document is never deleted)."""

    kind = models.CharField(max_length=24, choices=DocumentKind.choices)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="documentseries_kind_year")
        ]

    def __str__(self) -> str:
        return f"{NUMBER_PREFIXES.get(self.kind, self.kind)}-{self.year}: {self.last}"


class Document(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=DocumentKind.choices)
    # Empty while a draft: the number is taken when the document is issued.
    number = models.CharField(_("number"), max_length=32, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=DocumentState.choices, default=DocumentState.DRAFT
    )
    order = models.ForeignKey(
        "orders.Order",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("order"),
    )
    quote = models.ForeignKey(
        "orders.Quote",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("quote"),
    )
    # A commercial invoice or packing list of one shipment (else of the whole order).
    shipment = models.ForeignKey(
        "shipments.Shipment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shipment"),
    )
    company = models.ForeignKey(
        "parties.Company",
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("customer"),
    )
    language = models.CharField(_("language"), max_length=10)
    # The receiving account printed on it (our active, approved account when issued).
    account = models.ForeignKey(
        "banking.BankAccount",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("receiving account"),
    )
    # The engine's DocumentSpec.to_dict(): what the PDF was rendered from.
    spec = models.JSONField(_("document data"), default=dict)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True, editable=False)
    pdf_size = models.PositiveIntegerField(_("size"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    state_changed_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_to = models.CharField(_("sent to"), max_length=320, blank=True)
    message = models.ForeignKey(
        "outbox.OutboundMessage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("message"),
    )

    AUDIT_FIELDS = (
        "kind", "number", "state", "order", "quote", "shipment", "company", "language", "account",
        "sha256", "pdf_size", "issued_by", "issued_at", "sent_by", "sent_at", "sent_to",
        "message",
    )  # fmt: skip

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~Q(number=""), name="document_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(order__isnull=False) | Q(quote__isnull=False),
                name="document_order_or_quote",
            ),
            # Issued and sent documents have their number, PDF and hash.
            models.CheckConstraint(
                condition=Q(state="draft") | (~Q(number="") & ~Q(sha256="") & Q(pdf__isnull=False)),
                name="document_issued_complete",
            ),
            models.CheckConstraint(
                condition=~Q(state="sent") | (Q(sent_at__isnull=False) & Q(message__isnull=False)),
                name="document_sent_complete",
            ),
        ]
        indexes = [
            models.Index(fields=["order", "-created_at"], name="document_order_created"),
            models.Index(fields=["quote", "-created_at"], name="document_quote_created"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number or _('(draft)')}"

    @property
    def is_sent(self) -> bool:
        return self.state == DocumentState.SENT

    @property
    def filename(self) -> str:
        """The PDF's file name: "PI-2026-00001.pdf" (a draft: its kind and id)."""
        return f"{self.number or f'{NUMBER_PREFIXES.get(self.kind, "DOC")}-draft-{self.pk}'}.pdf"


class DocumentStep(Step):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=DocumentStepKind.choices)

    AUDIT_FIELDS = ("document", *Step.STEP_FIELDS)

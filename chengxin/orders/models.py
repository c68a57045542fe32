"""Quotes and orders: lines, Incoterm and named place, payment methods offered, payment
terms as data (:mod:`chengxin.orders.terms`) and the schedule of amounts due that follows
from them, the commercial side of each shipment, payments received, costs and profit.

Quotes and orders are workflows on the workflow core: each has a ``state`` moved only by
``chengxin.workflow.services.advance`` and a timeline of steps (``QuoteStep``,
``OrderStep``). An order keeps its totals (total, paid, open balance, next due date)
denormalised, maintained by the services, so the lists stay fast at 100,000 orders.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chengxin.core.money import format_money
from chengxin.workflow.models import Step

AMOUNT = {"max_digits": 20, "decimal_places": 3}
PRICE = {"max_digits": 20, "decimal_places": 6}
QUANTITY = {"max_digits": 16, "decimal_places": 3}
ZERO = Decimal("0")


class Incoterm(models.TextChoices):
    """Incoterms 2020: the eleven rules."""

    EXW = "EXW", _("EXW: Ex Works")
    FCA = "FCA", _("FCA: Free Carrier")
    FAS = "FAS", _("FAS: Free Alongside Ship")
    FOB = "FOB", _("FOB: Free On Board")
    CFR = "CFR", _("CFR: Cost and Freight")
    CIF = "CIF", _("CIF: Cost, Insurance and Freight")
    CPT = "CPT", _("CPT: Carriage Paid To")
    CIP = "CIP", _("CIP: Carriage and Insurance Paid To")
    DPU = "DPU", _("DPU: Delivered at Place Unloaded")
    DAP = "DAP", _("DAP: Delivered at Place")
    DDP = "DDP", _("DDP: Delivered Duty Paid")


class PaymentMethodKind(models.TextChoices):
    TT = "tt", _("T/T (telegraphic transfer)")
    LC_SIGHT = "lc_sight", _("L/C at sight")
    PAYPAL = "paypal", _("PayPal")
    LOCAL = "local", _("Local bank transfer")
    OTHER = "other", _("Other")


class PaymentMethod(models.Model):
    """A way a buyer may pay us, with its typical time to arrive and its fees."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=PaymentMethodKind.choices)
    typical_days = models.PositiveIntegerField(_("typical days to arrive"), default=0)
    fees_text = models.CharField(_("fees"), max_length=300, blank=True)
    fee_fixed = models.DecimalField(_("fixed fee"), default=0, **AMOUNT)
    fee_percent = models.DecimalField(_("fee (%)"), max_digits=7, decimal_places=4, default=0)
    fee_currency = models.CharField(_("fee currency"), max_length=3, default="USD")
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    AUDIT_FIELDS = (
        "name", "kind", "typical_days", "fees_text", "fee_fixed", "fee_percent",
        "fee_currency", "is_active",
    )  # fmt: skip

    class Meta:
        ordering = ["name"]
        verbose_name = _("payment method")
        verbose_name_plural = _("payment methods")

    def __str__(self) -> str:
        return self.name


class NumberSeries(models.Model):
    """The last number given per kind ("Q" quotes, "SO" orders) and year: numbers are
    taken under a row lock and never reused, even when the item is deleted."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="orders_numberseries_unique")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}{self.year}: {self.last}"


class RateRule(models.TextChoices):
    ORDER_DATE = "order_date", _("Rate on the order date")
    PAYMENT_DATE = "payment_date", _("Rate on each payment's date")
    LOCKED = "locked", _("Locked rate until a date (then the payment date's)")


class QuoteState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")


class QuoteStepKind(models.TextChoices):
    CREATED = "created", _("Created")
    EDITED = "edited", _("Edited")
    SENT = "sent", _("Sent to the buyer")
    ACCEPTED = "accepted", _("Accepted: order created")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")


class CommercialTerms(models.Model):
    """What a quote and an order share: buyer, currency, Incoterm and place, terms."""

    company = models.ForeignKey(
        "parties.Company", on_delete=models.PROTECT, related_name="+", verbose_name=_("customer")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    currency = models.CharField(_("currency"), max_length=3)
    incoterm = models.CharField(_("Incoterm"), max_length=3, choices=Incoterm.choices)
    named_place = models.CharField(_("named place"), max_length=200)
    # The payment terms as data: chengxin.orders.terms.PaymentTerms.to_dict().
    terms = models.JSONField(_("payment terms"), default=dict, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    total = models.DecimalField(_("total"), default=0, **AMOUNT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    state_changed_at = models.DateTimeField()

    class Meta:
        abstract = True

    @property
    def total_display(self) -> str:
        return format_money(self.total, self.currency)

    @property
    def incoterm_display(self) -> str:
        """ "FOB Ningbo": the rule and its named place, as every document carries them."""
        return f"{self.incoterm} {self.named_place}".strip()


class Quote(CommercialTerms):
    number = models.CharField(_("number"), max_length=20, unique=True)
    company = models.ForeignKey(
        "parties.Company",
        on_delete=models.PROTECT,
        related_name="quotes",
        verbose_name=_("customer"),
    )
    state = models.CharField(
        _("state"), max_length=16, choices=QuoteState.choices, default=QuoteState.DRAFT
    )
    valid_until = models.DateField(_("valid until"))
    payment_methods = models.ManyToManyField(
        PaymentMethod, blank=True, related_name="+", verbose_name=_("payment methods offered")
    )
    # The inquiry this quote answers: sending the quote stops its full-answer clock.
    inquiry = models.ForeignKey(
        "inquiries.Inquiry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes",
        verbose_name=_("inquiry"),
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    # The buyer's person the quote is addressed to: one of the quote's company's contacts.
    contact = models.ForeignKey(
        "parties.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes",
        verbose_name=_("contact person"),
    )

    AUDIT_FIELDS = (
        "number", "company", "owner", "currency", "incoterm", "named_place", "terms", "notes",
        "total", "state", "valid_until", "inquiry", "sent_at", "contact",
    )  # fmt: skip

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        indexes = [
            models.Index(fields=["state", "-created_at"], name="quote_state_created"),
            models.Index(fields=["company", "-created_at"], name="quote_company_created"),
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.company}"


class LineBase(models.Model):
    position = models.PositiveIntegerField(default=0)
    product = models.ForeignKey(
        "catalog.Product",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("product"),
    )
    description = models.CharField(_("description"), max_length=500)
    quantity = models.DecimalField(_("quantity"), **QUANTITY)
    unit = models.CharField(_("unit"), max_length=16, default="pcs")
    unit_price = models.DecimalField(_("unit price"), **PRICE)
    amount = models.DecimalField(_("amount"), default=0, **AMOUNT)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.quantity} {self.unit} {self.description}"


class QuoteLine(LineBase):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="lines")

    AUDIT_FIELDS = (
        "quote", "position", "product", "description", "quantity", "unit", "unit_price", "amount",
    )  # fmt: skip

    class Meta(LineBase.Meta):
        verbose_name = _("quote line")
        verbose_name_plural = _("quote lines")


class QuoteStep(Step):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=QuoteStepKind.choices)

    AUDIT_FIELDS = ("quote", *Step.STEP_FIELDS)


class OrderState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    IN_PRODUCTION = "in_production", _("In production")
    PARTLY_SHIPPED = "partly_shipped", _("Partly shipped")
    SHIPPED = "shipped", _("Shipped")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_ORDER_STATES = (
    OrderState.CONFIRMED,
    OrderState.IN_PRODUCTION,
    OrderState.PARTLY_SHIPPED,
    OrderState.SHIPPED,
)


class OrderStepKind(models.TextChoices):
    CREATED = "created", _("Created")
    FROM_QUOTE = "from_quote", _("Created from a quote")
    TERMS_CHANGED = "terms_changed", _("Terms changed")
    PRODUCTION = "production", _("Production started")
    SHIPMENT = "shipment", _("Shipment recorded")
    PARTLY_SHIPPED = "partly_shipped", _("Partly shipped")
    SHIPPED = "shipped", _("Shipped")
    PAYMENT = "payment", _("Payment recorded")
    PAYMENT_REVERSED = "payment_reversed", _("Payment reversed")
    PAYMENT_MATCHED = "payment_matched", _("Payment matched to money received")
    LINES_CHANGED = "lines_changed", _("Lines changed")
    DUE_MOVED = "due_moved", _("Due date moved")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Order(CommercialTerms):
    number = models.CharField(_("number"), max_length=20, unique=True)
    company = models.ForeignKey(
        "parties.Company",
        on_delete=models.PROTECT,
        related_name="orders",
        verbose_name=_("customer"),
    )
    quote = models.OneToOneField(
        Quote, null=True, blank=True, on_delete=models.PROTECT, related_name="order"
    )
    state = models.CharField(
        _("state"), max_length=16, choices=OrderState.choices, default=OrderState.CONFIRMED
    )
    order_date = models.DateField(_("order date"))
    payment_methods = models.ManyToManyField(
        PaymentMethod, blank=True, related_name="+", verbose_name=_("payment methods")
    )
    rate_rule = models.CharField(
        _("exchange-rate rule"),
        max_length=16,
        choices=RateRule.choices,
        default=RateRule.ORDER_DATE,
    )
    locked_rate = models.DecimalField(
        _("locked rate (base currency per unit)"),
        max_digits=20,
        decimal_places=8,
        null=True,
        blank=True,
    )
    locked_until = models.DateField(_("rate locked until"), null=True, blank=True)
    # Denormalised, maintained by chengxin.orders.services (schedule_recompute).
    paid = models.DecimalField(_("paid"), default=0, **AMOUNT)
    open_balance = models.DecimalField(_("open balance"), default=0, **AMOUNT)
    next_due_at = models.DateTimeField(_("next due"), null=True, blank=True)
    line_count = models.PositiveIntegerField(default=0)

    AUDIT_FIELDS = (
        "number", "company", "owner", "quote", "currency", "incoterm", "named_place", "terms",
        "notes", "total", "state", "order_date", "rate_rule", "locked_rate", "locked_until",
        "paid", "open_balance", "next_due_at",
    )  # fmt: skip

    class Meta:
        ordering = ["-order_date", "-id"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        indexes = [
            models.Index(fields=["-order_date", "-id"], name="order_date_id"),
            models.Index(fields=["state", "-order_date", "-id"], name="order_state_date"),
            models.Index(fields=["owner", "-order_date", "-id"], name="order_owner_date"),
            models.Index(fields=["company", "-order_date", "-id"], name="order_company_date"),
            models.Index(
                fields=["company", "next_due_at", "open_balance"], name="order_company_due"
            ),
            models.Index(fields=["company", "state"], name="order_company_state"),
            models.Index(fields=["next_due_at", "open_balance"], name="order_next_due"),
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.company}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_ORDER_STATES


class OrderLine(LineBase):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    # Denormalised: the sum of this line's OrderShipmentLine quantities.
    shipped_quantity = models.DecimalField(_("shipped"), default=0, **QUANTITY)

    AUDIT_FIELDS = (
        "order", "position", "product", "description", "quantity", "unit", "unit_price", "amount",
    )  # fmt: skip

    class Meta(LineBase.Meta):
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")

    @property
    def remaining_quantity(self) -> Decimal:
        return self.quantity - self.shipped_quantity


class OrderStep(Step):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=OrderStepKind.choices)

    AUDIT_FIELDS = ("order", *Step.STEP_FIELDS)


class OrderShipment(models.Model):
    """The commercial side of one shipment (the logistics record lives in shipments and
    keys this by ``reference``): what left, and the dates the payment terms hang on."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="shipments")
    reference = models.CharField(_("reference"), max_length=64)
    shipped_at = models.DateTimeField(_("shipped"), null=True, blank=True)
    bl_number = models.CharField(_("B/L number"), max_length=64, blank=True)
    bl_issued_at = models.DateTimeField(_("B/L issued"), null=True, blank=True)
    bl_copy_sent_at = models.DateTimeField(_("B/L copy sent"), null=True, blank=True)
    etd = models.DateField(_("ETD"), null=True, blank=True)
    eta = models.DateField(_("ETA"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    value = models.DecimalField(_("value shipped"), default=0, **AMOUNT)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    AUDIT_FIELDS = (
        "order", "reference", "shipped_at", "bl_number", "bl_issued_at", "bl_copy_sent_at",
        "etd", "eta", "delivered_at", "value",
    )  # fmt: skip

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("shipment (order side)")
        verbose_name_plural = _("shipments (order side)")
        constraints = [
            models.UniqueConstraint(fields=["order", "reference"], name="ordershipment_reference")
        ]

    def __str__(self) -> str:
        return f"{self.order.number} / {self.reference}"


class OrderShipmentLine(models.Model):
    shipment = models.ForeignKey(OrderShipment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(
        OrderLine, on_delete=models.PROTECT, related_name="shipment_lines"
    )
    quantity = models.DecimalField(_("quantity"), **QUANTITY)

    AUDIT_FIELDS = ("shipment", "order_line", "quantity")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shipment", "order_line"], name="ordershipmentline_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.order_line_id}"


class ScheduleLine(models.Model):
    """One amount due, as the payment terms give it: computed, never typed."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="schedule")
    position = models.PositiveIntegerField()
    kind = models.CharField(_("kind"), max_length=16)  # deposit / balance / instalment
    trigger = models.CharField(_("trigger"), max_length=24)
    description = models.CharField(_("when"), max_length=300)
    amount = models.DecimalField(_("amount"), **AMOUNT)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    shipment = models.ForeignKey(
        OrderShipment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paid = models.DecimalField(_("paid"), default=0, **AMOUNT)
    # The term line's values, for the description in the reader's language (texts.py).
    args = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("amount due")
        verbose_name_plural = _("amounts due")
        indexes = [models.Index(fields=["order", "position"], name="schedule_order_position")]

    def __str__(self) -> str:
        return f"{self.amount} · {self.description}"

    @property
    def open_amount(self) -> Decimal:
        return self.amount - self.paid

    @property
    def label(self) -> str:
        """What this amount is, in the active language."""
        from chengxin.orders.texts import due_text

        return due_text(self.kind, self.trigger, self.args, shipment=self.shipment_reference)

    @property
    def shipment_reference(self) -> str:
        return self.args.get("shipment", "")


class PaymentQuerySet(models.QuerySet):
    def counted(self):
        """The payments that count: not reversed."""
        return self.filter(reversed_at__isnull=True)


class Payment(models.Model):
    """Money received for an order, as finance recorded it; allocated to the schedule's
    lines oldest first. A payment recorded by mistake is never deleted: it is reversed
    (with who, when and why) and no longer counts. It may name the money that arrived in
    our account (``banking.ReceivedPayment``) it is part of: one receipt may be split over
    several orders, never beyond its amount."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(_("amount"), **AMOUNT)
    currency = models.CharField(_("currency"), max_length=3)
    received_on = models.DateField(_("received on"))
    reference = models.CharField(_("reference"), max_length=140, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    received_payment = models.ForeignKey(
        "banking.ReceivedPayment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="order_payments",
        verbose_name=_("money received"),
    )
    reversed_at = models.DateTimeField(_("reversed"), null=True, blank=True)
    reversed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reversed by"),
    )
    reversal_reason = models.CharField(_("why it was reversed"), max_length=500, blank=True)

    objects = PaymentQuerySet.as_manager()

    AUDIT_FIELDS = (
        "order", "amount", "currency", "received_on", "reference", "recorded_by",
        "received_payment", "reversed_at", "reversed_by", "reversal_reason",
    )  # fmt: skip

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return f"{format_money(self.amount, self.currency)} · {self.received_on}"

    @property
    def is_reversed(self) -> bool:
        return self.reversed_at is not None


class CostLine(models.Model):
    """What the order cost us (goods, freight, insurance, fees), in any currency."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="costs")
    label = models.CharField(_("label"), max_length=200)
    amount = models.DecimalField(_("amount"), **AMOUNT)
    currency = models.CharField(_("currency"), max_length=3)
    incurred_on = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    AUDIT_FIELDS = ("order", "label", "amount", "currency", "incurred_on")

    class Meta:
        ordering = ["incurred_on", "id"]
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")

    def __str__(self) -> str:
        return f"{self.label}: {format_money(self.amount, self.currency)}"

"""Shipments: the logistics side of delivering an order. Its commercial side (what was
shipped, the B/L date that starts a balance clock, ETD/ETA) is the order's
``OrderShipment``, which every change here keeps up to date through
``orders.services.order_shipment_record``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chengxin.workflow.models import Step


class Mode(models.TextChoices):
    SEA = "sea", _("Sea")
    AIR = "air", _("Air")
    COURIER = "courier", _("Courier")
    RAIL = "rail", _("Rail")


class State(models.TextChoices):
    PLANNED = "planned", _("Planned")
    BOOKED = "booked", _("Booked")
    DEPARTED = "departed", _("Departed")
    ARRIVED = "arrived", _("Arrived")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATES = (State.PLANNED, State.BOOKED, State.DEPARTED, State.ARRIVED)


class StepKind(models.TextChoices):
    PLANNED = "planned", _("Planned")
    BOOKED = "booked", _("Booked")
    DEPARTED = "departed", _("Departed")
    ARRIVED = "arrived", _("Arrived")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")
    EDITED = "edited", _("Details changed")
    ETA_MOVED = "eta_moved", _("ETA moved")


class Shipment(models.Model):
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.PROTECT,
        related_name="logistics_shipments",
        verbose_name=_("order"),
    )
    # The key of the order's OrderShipment for this shipment ("S1", "S2" ... per order).
    reference = models.CharField(_("reference"), max_length=40)
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.SEA)
    # A known carrier's code (SCAC such as COSU, or UPS, FEDEX, DHL, EMS), or a name.
    carrier = models.CharField(_("carrier"), max_length=60, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=35, blank=True)
    bl_number = models.CharField(_("bill of lading number"), max_length=30, blank=True)
    bl_issued_at = models.DateTimeField(_("bill of lading issued"), null=True, blank=True)
    etd = models.DateField(_("ETD"), null=True, blank=True)
    eta = models.DateField(_("ETA"), null=True, blank=True)
    departed_at = models.DateTimeField(_("departed"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("arrived"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    port_of_loading = models.CharField(_("port of loading"), max_length=5, blank=True)
    port_of_discharge = models.CharField(_("port of discharge"), max_length=5, blank=True)
    # Copied from the order when the shipment is created: shown, never edited here.
    incoterm = models.CharField(_("Incoterm"), max_length=3, blank=True)
    named_place = models.CharField(_("named place"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PLANNED
    )
    state_changed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    AUDIT_FIELDS = (
        "order", "reference", "mode", "carrier", "tracking_number", "bl_number",
        "bl_issued_at", "etd", "eta", "departed_at", "arrived_at", "delivered_at",
        "port_of_loading", "port_of_discharge", "incoterm", "named_place", "notes", "state",
    )  # fmt: skip

    class Meta:
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["order", "reference"], name="shipment_order_reference")
        ]
        indexes = [
            models.Index(fields=["state", "eta"], name="shipment_state_eta"),
            models.Index(fields=["carrier"], name="shipment_carrier"),
        ]

    def __str__(self) -> str:
        return f"{self.order.number} {self.reference}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ShipmentStep(Step):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=StepKind.choices)

    AUDIT_FIELDS = ("shipment", *Step.STEP_FIELDS)


class ContainerType(models.TextChoices):
    GP20 = "20GP", _("20' general purpose")
    GP40 = "40GP", _("40' general purpose")
    HC40 = "40HC", _("40' high cube")
    HC45 = "45HC", _("45' high cube")
    RF20 = "20RF", _("20' reefer")
    RF40 = "40RF", _("40' reefer (high cube)")
    OT20 = "20OT", _("20' open top")
    OT40 = "40OT", _("40' open top")
    FR20 = "20FR", _("20' flat rack")
    FR40 = "40FR", _("40' flat rack")
    TK20 = "20TK", _("20' tank")
    OTHER = "other", _("Other")


class Container(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="containers")
    number = models.CharField(_("container number"), max_length=11)
    type = models.CharField(
        _("type"), max_length=6, choices=ContainerType.choices, default=ContainerType.GP40
    )
    seal = models.CharField(_("seal"), max_length=20, blank=True)

    AUDIT_FIELDS = ("shipment", "number", "type", "seal")

    class Meta:
        verbose_name = _("container")
        verbose_name_plural = _("containers")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["shipment", "number"], name="container_once_a_shipment")
        ]

    def __str__(self) -> str:
        n = self.number
        return f"{n[:4]} {n[4:10]} {n[10:]}"


class ShipmentLine(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(
        "orders.OrderLine", on_delete=models.PROTECT, related_name="logistics_lines"
    )
    quantity = models.DecimalField(_("quantity"), max_digits=16, decimal_places=3)

    AUDIT_FIELDS = ("shipment", "order_line", "quantity")

    class Meta:
        verbose_name = _("shipment line")
        verbose_name_plural = _("shipment lines")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shipment", "order_line"], name="shipmentline_once_a_shipment"
            ),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="shipmentline_qty"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} · {self.order_line_id}"


BY_HAND = "by_hand"


class TrackingEvent(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"))
    code = models.CharField(_("event"), max_length=32)
    description = models.CharField(_("description"), max_length=300, blank=True)
    location = models.CharField(_("location"), max_length=120, blank=True)
    # "by_hand", or the name of the tracking adapter that reported it.
    source = models.CharField(_("source"), max_length=40, default=BY_HAND)
    eta = models.DateField(_("ETA reported"), null=True, blank=True)
    # The same event reported twice has the same key (the source's id, or its content).
    dedupe_key = models.CharField(max_length=64)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    AUDIT_FIELDS = ("shipment", "at", "code", "description", "location", "source", "eta")

    class Meta:
        verbose_name = _("tracking event")
        verbose_name_plural = _("tracking events")
        ordering = ["-at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["shipment", "dedupe_key"], name="trackingevent_once")
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.code} {self.location}".strip()

    @property
    def by_hand(self) -> bool:
        return self.source == BY_HAND


class Port(models.Model):
    """A place from the UN/LOCODE list (``chengxin ports_load``)."""

    locode = models.CharField(_("UN/LOCODE"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    subdivision = models.CharField(_("subdivision"), max_length=3, blank=True)
    # UN/LOCODE's function classifier: 1 port, 2 rail, 3 road, 4 airport ... ("12345---").
    functions = models.CharField(_("functions"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("port")
        verbose_name_plural = _("ports")
        ordering = ["locode"]

    def __str__(self) -> str:
        return f"{self.locode} {self.name}"

    @property
    def is_seaport(self) -> bool:
        return self.functions.startswith("1")

    @property
    def is_airport(self) -> bool:
        return len(self.functions) >= 4 and self.functions[3] == "4"

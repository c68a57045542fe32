"""The shipments API: shipments (list, one, plan from an order's lines, change, the
steps), their containers and tracking events. The same services as the pages. Not
visible → 404; visible but not allowed → 403; bad input or a step not possible in the
shipment's state → 422."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import F
from ninja import Field, Query, Router, Schema, Status

from chengxin.core.api_types import (
    READ_ERRORS,
    WRITE_ERRORS,
    InvalidOut,
    Offset,
    PageOut,
    RecordId,
    page_out,
    path_id,
)
from chengxin.core.http import or_404
from chengxin.shipments import selectors, services
from chengxin.shipments.models import ContainerType, Shipment
from chengxin.workflow.api import StepOut, steps_out

router = Router(tags=["shipments"])

ShipmentId = path_id("The shipment's id.")
ContainerId = path_id("The container's id.")

ModeField = Field(description="sea, air, courier or rail.")
DESCRIPTIONS = {
    "carrier": "A known carrier's code (SCAC such as COSU, MAEU; or UPS, FEDEX, DHL, EMS) "
    "or a carrier's name; known names become their code.",
    "tracking_number": "Container number (ISO 6346 checked), courier tracking number "
    "(checked by the courier's format and check digit), air waybill (mod 7), or other.",
    "bl_number": "Bill of lading number; when it starts with a known carrier's SCAC, that "
    "carrier must be the shipment's. For air, the air waybill.",
    "bl_issued_at": "When the bill of lading was issued (with its zone): starts the balance "
    "clock of terms such as 'balance 48 h after B/L'.",
    "etd": "Estimated time of departure (date).",
    "eta": "Estimated time of arrival (date).",
    "port_of_loading": "UN/LOCODE, e.g. CNNGB.",
    "port_of_discharge": "UN/LOCODE, e.g. DEHAM.",
    "notes": "Notes (at most 5,000 characters).",
}


class ShipmentLineOut(Schema):
    order_line_id: int = Field(description="The order line.")
    description: str = Field(description="The order line's description.")
    quantity: Decimal = Field(description="The quantity on this shipment.")
    unit: str = Field(description="The order line's unit.")


class ShipmentContainerOut(Schema):
    id: int = Field(description="The container's id.")
    number: str = Field(description="ISO 6346 number, e.g. CSQU3054383.")
    type: str = Field(description="Size and type: 20GP, 40GP, 40HC, 45HC, 20RF ... or other.")
    seal: str = Field(description="The seal's number.")


class TrackingEventOut(Schema):
    id: int = Field(description="The event's id.")
    at: datetime.datetime = Field(description="When it happened, in UTC.")
    code: str = Field(description="What happened (DEPARTED, ARRIVED, TRANSSHIPPED ...).")
    description: str = Field(description="The source's words.")
    location: str = Field(description="Where.")
    eta: datetime.date | None = Field(description="The ETA the event reported, if any.")
    source: str = Field(description="by_hand, or the tracking adapter's name.")


class ShipmentOut(Schema):
    """A shipment of an order. States: planned → booked → departed → arrived → delivered."""

    id: int = Field(description="The shipment's id.")
    order_id: int = Field(description="The order shipped.")
    order_number: str = Field(description="The order's number.")
    company_id: int = Field(description="The customer.")
    reference: str = Field(description="The shipment's reference within its order (S1, S2 ...).")
    mode: str = ModeField
    carrier: str = Field(description=DESCRIPTIONS["carrier"])
    tracking_number: str = Field(description=DESCRIPTIONS["tracking_number"])
    bl_number: str = Field(description=DESCRIPTIONS["bl_number"])
    bl_issued_at: datetime.datetime | None = Field(description=DESCRIPTIONS["bl_issued_at"])
    etd: datetime.date | None = Field(description=DESCRIPTIONS["etd"])
    eta: datetime.date | None = Field(description=DESCRIPTIONS["eta"])
    departed_at: datetime.datetime | None = Field(description="When it left, in UTC.")
    arrived_at: datetime.datetime | None = Field(description="When it arrived, in UTC.")
    delivered_at: datetime.datetime | None = Field(description="When delivered, in UTC.")
    port_of_loading: str = Field(description=DESCRIPTIONS["port_of_loading"])
    port_of_discharge: str = Field(description=DESCRIPTIONS["port_of_discharge"])
    incoterm: str = Field(description="The order's Incoterm (read only).")
    named_place: str = Field(description="The order's named place (read only).")
    notes: str = Field(description="Notes.")
    state: str = Field(description="planned, booked, departed, arrived, delivered or cancelled.")
    lines: list[ShipmentLineOut] = Field(description="What ships, per order line.")
    containers: list[ShipmentContainerOut] = Field(description="The containers.")
    notes_to_check: list[str] = Field(
        description="What to check: a B/L without its carrier's prefix, a port not in the list."
    )


class ShipmentDetailOut(ShipmentOut):
    steps: list[StepOut] = Field(description="The timeline, oldest first.")


class ShipmentListQuery(Schema):
    state: str = Field("", description="planned, booked, departed, arrived, delivered, or "
                       "open (all but delivered); empty: all.")  # fmt: skip
    carrier: str = Field("", max_length=60, description="A carrier's code or name.")
    eta_from: datetime.date | None = Field(None, description="ETA on or after this date.")
    eta_to: datetime.date | None = Field(None, description="ETA on or before this date.")
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    offset: Offset = Field(0, description="How many matching shipments to skip.")


class ShipmentPageOut(PageOut):
    items: list[ShipmentOut] = Field(description="This page of shipments, by ETA.")


class ShipmentLineIn(Schema):
    order_line_id: RecordId = Field(description="A line of the order.")
    quantity: Decimal = Field(
        max_digits=16, decimal_places=3, description="How many ship: at most what remains."
    )


class ShipmentContainerIn(Schema):
    number: str = Field(max_length=40, description="ISO 6346 number (check digit checked).")
    type: str = Field(ContainerType.GP40, description="20GP, 40GP, 40HC, 45HC, 20RF ... or other.")
    seal: str = Field("", max_length=40, description="The seal's number.")


class ShipmentDetailsPatch(Schema):
    mode: str | None = Field(None, description="sea, air, courier or rail.")
    carrier: str | None = Field(None, max_length=100, description=DESCRIPTIONS["carrier"])
    tracking_number: str | None = Field(
        None, max_length=100, description=DESCRIPTIONS["tracking_number"]
    )
    bl_number: str | None = Field(None, max_length=100, description=DESCRIPTIONS["bl_number"])
    bl_issued_at: datetime.datetime | None = Field(None, description=DESCRIPTIONS["bl_issued_at"])
    etd: datetime.date | None = Field(None, description=DESCRIPTIONS["etd"])
    eta: datetime.date | None = Field(None, description=DESCRIPTIONS["eta"])
    port_of_loading: str | None = Field(
        None, max_length=20, description=DESCRIPTIONS["port_of_loading"]
    )
    port_of_discharge: str | None = Field(
        None, max_length=20, description=DESCRIPTIONS["port_of_discharge"]
    )
    notes: str | None = Field(None, max_length=5000, description=DESCRIPTIONS["notes"])


class ShipmentCreateIn(ShipmentDetailsPatch):
    order_id: RecordId = Field(description="The order to ship.")
    lines: list[ShipmentLineIn] = Field(max_length=1000, description="What ships, per order line.")
    containers: list[ShipmentContainerIn] = Field(
        [], max_length=services.MAX_CONTAINERS, description="The containers, if known."
    )


class ShipmentPatchIn(ShipmentDetailsPatch):
    lines: list[ShipmentLineIn] | None = Field(
        None, max_length=1000, description="Replace the lines (only before departure)."
    )


class ShipmentStepIn(Schema):
    at: datetime.datetime | None = Field(None, description="When (with its zone); default now.")


class TrackingEventIn(Schema):
    at: datetime.datetime = Field(description="When it happened (with its zone).")
    code: str = Field(max_length=100, description="What happened, e.g. LOADED.")
    description: str = Field("", max_length=1000, description="Details.")
    location: str = Field("", max_length=500, description="Where.")
    eta: datetime.date | None = Field(
        None, description="A new ETA given with the event: moves the shipment's and the order's."
    )


def _shipment_out(shipment: Shipment, *, notes: bool = True) -> dict:
    return {
        **{
            name: getattr(shipment, name)
            for name in (
                "id",
                "order_id",
                "reference",
                "mode",
                "carrier",
                "tracking_number",
                "bl_number",
                "bl_issued_at",
                "etd",
                "eta",
                "departed_at",
                "arrived_at",
                "delivered_at",
                "port_of_loading",
                "port_of_discharge",
                "incoterm",
                "named_place",
                "notes",
                "state",
            )
        },  # fmt: skip
        "order_number": shipment.order.number,
        "company_id": shipment.order.company_id,
        "lines": [
            {
                "order_line_id": row.order_line_id,
                "description": row.order_line.description,
                "quantity": row.quantity,
                "unit": row.order_line.unit,
            }
            for row in shipment.lines.all()
        ],  # fmt: skip
        "containers": list(shipment.containers.all()),
        "notes_to_check": selectors.shipment_notes(shipment) if notes else [],
    }


def _get(request, pk: int) -> Shipment:
    return or_404(selectors.shipment_get, user=request.auth, pk=pk)


def _detail(request, pk: int) -> dict:
    shipment = _get(request, pk)
    return {**_shipment_out(shipment), "steps": steps_out(shipment)}


def _details(payload: ShipmentDetailsPatch, shipment: Shipment | None = None) -> dict:
    current = {name: getattr(shipment, name) for name in services.DETAIL_FIELDS} if shipment else {}
    given = payload.dict(exclude_unset=True)
    if given.get("mode") is None:  # the mode is never empty: null keeps it
        given.pop("mode", None)
    return {**current, **{k: v for k, v in given.items() if k in services.DETAIL_FIELDS}}


@router.get(
    "/shipments",
    response={200: ShipmentPageOut, **READ_ERRORS, 422: InvalidOut},
    summary="List shipments",
)
def shipment_list(request, filters: Query[ShipmentListQuery]):
    """Shipments of the orders you may see, by ETA; filters by state, carrier and an ETA
    window. Pages by limit and offset."""
    shipments = (
        selectors.visible_shipments(
            request.auth,
            state=filters.state,
            carrier=filters.carrier,
            eta_from=filters.eta_from,
            eta_to=filters.eta_to,
        )  # fmt: skip
        .prefetch_related("containers", "lines__order_line")
        .order_by(F("eta").asc(nulls_last=True), "-id")
    )
    return page_out(shipments, filters, lambda s: _shipment_out(s, notes=False))


@router.get(
    "/shipments/{pk}", response={200: ShipmentDetailOut, **READ_ERRORS}, summary="One shipment"
)
def shipment_detail(request, pk: ShipmentId):
    """The shipment, its lines, containers and timeline."""
    return _detail(request, pk)


@router.post(
    "/shipments", response={201: ShipmentDetailOut, **WRITE_ERRORS}, summary="Plan a shipment"
)
def shipment_create(request, payload: ShipmentCreateIn):
    """Plan a shipment of an order you may change: the quantities per order line (never
    more than remains) and its details; the order records it at once."""
    order = or_404(selectors.order_get, user=request.auth, pk=payload.order_id)
    lines = {row.order_line_id: row.quantity for row in payload.lines}
    if len(lines) != len(payload.lines):
        raise ValidationError({"lines": "An order line is listed twice."})
    shipment = services.shipment_create(
        actor=request.auth,
        order=order,
        lines=lines,
        details=_details(payload),
        containers=[services.ContainerIn(c.number, c.type, c.seal) for c in payload.containers],
    )
    return Status(201, _detail(request, shipment.pk))


@router.patch(
    "/shipments/{pk}",
    response={200: ShipmentDetailOut, **WRITE_ERRORS},
    summary="Change a shipment",
)
def shipment_update(request, pk: ShipmentId, payload: ShipmentPatchIn):
    """Change the fields sent; the others keep their values. The order follows (a new B/L
    date moves the balance due)."""
    shipment = _get(request, pk)
    lines = None
    if payload.lines is not None:
        lines = {row.order_line_id: row.quantity for row in payload.lines}
    services.shipment_update(
        actor=request.auth, shipment=shipment, details=_details(payload, shipment), lines=lines
    )
    return _detail(request, pk)


@router.post(
    "/shipments/{pk}/book", response={200: ShipmentDetailOut, **WRITE_ERRORS}, summary="Mark booked"
)
def shipment_book(request, pk: ShipmentId):
    """Planned → booked (the carrier is needed)."""
    services.shipment_book(actor=request.auth, shipment=_get(request, pk))
    return _detail(request, pk)


class ShipmentCancelIn(Schema):
    reason: str = Field(max_length=2000, description="Why the shipment is cancelled.")


@router.post(
    "/shipments/{pk}/cancel",
    response={200: ShipmentDetailOut, **WRITE_ERRORS},
    summary="Cancel a shipment",
)
def shipment_cancel(request, pk: ShipmentId, payload: ShipmentCancelIn):
    """Planned or booked → cancelled: its quantities are free again on the order."""
    services.shipment_cancel(actor=request.auth, shipment=_get(request, pk), reason=payload.reason)
    return _detail(request, pk)


@router.post(
    "/shipments/{pk}/depart",
    response={200: ShipmentDetailOut, **WRITE_ERRORS},
    summary="Mark departed",
)
def shipment_depart(request, pk: ShipmentId, payload: ShipmentStepIn):
    """Planned or booked → departed (the goods have left)."""
    services.shipment_depart(actor=request.auth, shipment=_get(request, pk), at=payload.at)
    return _detail(request, pk)


@router.post(
    "/shipments/{pk}/arrive",
    response={200: ShipmentDetailOut, **WRITE_ERRORS},
    summary="Mark arrived",
)
def shipment_arrive(request, pk: ShipmentId, payload: ShipmentStepIn):
    """Departed → arrived."""
    services.shipment_arrive(actor=request.auth, shipment=_get(request, pk), at=payload.at)
    return _detail(request, pk)


@router.post(
    "/shipments/{pk}/deliver",
    response={200: ShipmentDetailOut, **WRITE_ERRORS},
    summary="Mark delivered",
)
def shipment_deliver(request, pk: ShipmentId, payload: ShipmentStepIn):
    """Departed or arrived → delivered (days-after-delivery terms start)."""
    services.shipment_deliver(actor=request.auth, shipment=_get(request, pk), at=payload.at)
    return _detail(request, pk)


@router.get(
    "/shipments/{pk}/containers",
    response={200: list[ShipmentContainerOut], **READ_ERRORS},
    summary="A shipment's containers",
)
def container_list(request, pk: ShipmentId):
    """The containers of a shipment: ISO 6346 number, type and seal."""
    return list(_get(request, pk).containers.all())


@router.post(
    "/shipments/{pk}/containers",
    response={201: ShipmentContainerOut, **WRITE_ERRORS},
    summary="Add a container",
)
def container_add(request, pk: ShipmentId, payload: ShipmentContainerIn):
    """Add a container (ISO 6346 number checked) before the shipment arrives."""
    box = services.container_add(
        actor=request.auth, shipment=_get(request, pk), number=payload.number,
        type=payload.type, seal=payload.seal,
    )  # fmt: skip
    return Status(201, box)


@router.delete(
    "/containers/{pk}", response={204: None, **WRITE_ERRORS}, summary="Remove a container"
)
def container_remove(request, pk: ContainerId):
    """Remove a container before the shipment departs."""
    container = or_404(selectors.container_get, user=request.auth, pk=pk)
    services.container_remove(actor=request.auth, container=container)
    return Status(204, None)


@router.get(
    "/shipments/{pk}/events",
    response={200: list[TrackingEventOut], **READ_ERRORS},
    summary="A shipment's tracking events",
)
def event_list(request, pk: ShipmentId):
    """The newest first (at most 200)."""
    return selectors.shipment_events(_get(request, pk))


@router.post(
    "/shipments/{pk}/events",
    response={201: TrackingEventOut, **WRITE_ERRORS},
    summary="Record a tracking event",
)
def event_add(request, pk: ShipmentId, payload: TrackingEventIn):
    """An event by hand; an ETA with it moves the shipment's and the order's."""
    event = services.tracking_event_add(
        actor=request.auth, shipment=_get(request, pk), at=payload.at, code=payload.code,
        description=payload.description, location=payload.location, eta=payload.eta,
    )  # fmt: skip
    return Status(201, event)

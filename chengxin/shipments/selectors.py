"""Reading shipments, filtered by who may see their order."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Prefetch, QuerySet

from chengxin.orders.models import Order, OrderLine
from chengxin.orders.selectors import visible_orders
from chengxin.shipments import locode as locodes
from chengxin.shipments import numbers
from chengxin.shipments.models import OPEN_STATES, Port, Shipment, State, TrackingEvent


def _visible_orders(user) -> QuerySet:
    return visible_orders(user).values("pk")


def visible_shipments(
    user,
    *,
    state: str = "",
    carrier: str = "",
    eta_from: datetime.date | None = None,
    eta_to: datetime.date | None = None,
) -> QuerySet[Shipment]:
    """Shipments of orders ``user`` may see, newest first, filtered by state, carrier
    (code or name, any case) and an ETA window (both ends included)."""
    if not (user.is_authenticated and user.is_active):
        return Shipment.objects.none()
    qs = Shipment.objects.select_related("order__company")
    if not user.sees_all_customers:
        qs = qs.filter(order__in=_visible_orders(user))
    if state == "open":
        qs = qs.filter(state__in=OPEN_STATES)
    elif state in State.values:
        qs = qs.filter(state=state)
    if carrier:
        from chengxin.shipments.services import carrier_code

        qs = qs.filter(carrier__iexact=carrier_code(carrier))
    if eta_from:
        qs = qs.filter(eta__gte=eta_from)
    if eta_to:
        qs = qs.filter(eta__lte=eta_to)
    return qs


def shipment_get(*, user, pk: int) -> Shipment:
    """The shipment if ``user`` may see its order; Shipment.DoesNotExist otherwise."""
    return (
        visible_shipments(user)
        .select_related("order__owner", "created_by")
        .prefetch_related(
            "containers",
            Prefetch("lines", queryset=_lines()),
        )
        .get(pk=pk)
    )


def _lines():
    from chengxin.shipments.models import ShipmentLine

    return ShipmentLine.objects.select_related("order_line").order_by("order_line__position", "id")


def shipment_events(shipment: Shipment, *, limit: int = 200) -> list[TrackingEvent]:
    return list(shipment.events.select_related("recorded_by")[:limit])


def order_shipments(order: Order) -> QuerySet[Shipment]:
    """The page has checked that the user may see ``order``."""
    return (
        Shipment.objects.filter(order=order)
        .prefetch_related("containers", Prefetch("lines", queryset=_lines()))
        .order_by("created_at", "id")
    )


def company_shipments(company, *, limit: int = 10) -> list[Shipment]:
    """The customer's shipments, those under way first (by ETA), then the delivered,
    with their latest events (``latest_events``, up to 3). The page has checked the user
    may see ``company``."""
    open_ = list(
        Shipment.objects.filter(order__company=company, state__in=OPEN_STATES)
        .select_related("order")
        .order_by(F("eta").asc(nulls_last=True), "id")[:limit]
    )
    done = list(
        Shipment.objects.filter(order__company=company, state=State.DELIVERED)
        .select_related("order")
        .order_by("-delivered_at", "-id")[: max(0, limit - len(open_))]
    )
    shipments = open_ + done
    latest: dict[int, list[TrackingEvent]] = {s.pk: [] for s in shipments}
    if shipments:
        for event in TrackingEvent.objects.filter(shipment__in=shipments).order_by("-at", "-id"):
            bucket = latest[event.shipment_id]
            if len(bucket) < 3:
                bucket.append(event)
    for shipment in shipments:
        shipment.latest_events = latest[shipment.pk]  # type: ignore[attr-defined]
    return shipments


@dataclass(frozen=True)
class LineRemaining:
    line: OrderLine
    remaining: Decimal  # not yet on any shipment


def order_lines_remaining(order: Order) -> list[LineRemaining]:
    return [
        LineRemaining(line, line.quantity - line.shipped_quantity)
        for line in order.lines.all().order_by("position", "id")
    ]


def ports_by_code(codes) -> dict[str, Port]:
    codes = [c for c in codes if c]
    return Port.objects.in_bulk(codes, field_name="locode") if codes else {}


def shipment_notes(shipment: Shipment, ports: dict[str, Port] | None = None) -> list[str]:
    """What the rep should check on the shipment's page: a B/L number without its
    carrier's prefix, a port not in the port list."""
    from chengxin.shipments.validation import bl_note, port_note

    notes = []
    if shipment.bl_number and shipment.carrier in numbers.OCEAN_CARRIERS:
        try:
            bl = numbers.bl_number(shipment.bl_number, carrier=shipment.carrier)
        except numbers.InvalidNumber:
            bl = None
        if bl and bl.note:
            notes.append(bl_note(bl.note, bl.carrier))
    codes = [shipment.port_of_loading, shipment.port_of_discharge]
    if ports is None:
        ports = ports_by_code(codes)
    for code in codes:
        if code and code not in ports and locodes.country_exists(code[:2]):
            notes.append(port_note(code))
    return notes


def carrier_choices() -> list[tuple[str, str]]:
    return [(c.code, f"{c.name} ({c.code})") for c in numbers.CARRIERS.values()]


def order_get(*, user, pk: int) -> Order:
    """The order if ``user`` may see it; Order.DoesNotExist otherwise."""
    return visible_orders(user).select_related("company", "owner").get(pk=pk)


def container_get(*, user, pk: int):
    from chengxin.shipments.models import Container

    container = Container.objects.select_related("shipment").get(pk=pk)
    shipment_get(user=user, pk=container.shipment_id)
    return container

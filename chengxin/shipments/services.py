"""Shipments: planned from an order's lines, booked, departed, arrived, delivered; their
containers, tracking events and ports.

Every change that matters to money (the lines and quantities, departure, the B/L number
and date, ETD, ETA, delivery) is handed to ``orders.services.order_shipment_record`` in
the same transaction, so the order's schedule of amounts due moves with it (a B/L date
that moves moves the balance due, and orders tells the owner). Whoever may change the
order may change its shipments; the checks are here, so pages and API cannot differ.
Every change is audited; bad input is refused with every field's message at once and
nothing is written.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_created, audit_record_many, snapshot
from chengxin.core.lengths import clean_text
from chengxin.orders.models import OPEN_ORDER_STATES, Order, OrderShipment
from chengxin.orders.permissions import can_view_order
from chengxin.orders.services import order_shipment_record
from chengxin.shipments import locode as locodes
from chengxin.shipments import numbers
from chengxin.shipments.models import (
    BY_HAND,
    OPEN_STATES,
    Container,
    ContainerType,
    Mode,
    Port,
    Shipment,
    ShipmentLine,
    State,
    StepKind,
    TrackingEvent,
)
from chengxin.shipments.numbers import InvalidNumber
from chengxin.shipments.permissions import require_edit_shipment, require_ship_order
from chengxin.shipments.tracking import (
    ARRIVED,
    DELIVERED,
    DEPARTED,
    EventIn,
    TrackingAdapter,
    TrackingError,
    tracking_adapter,
)
from chengxin.shipments.validation import message
from chengxin.workflow.services import advance, locked, require_state

logger = logging.getLogger(__name__)

ZERO = Decimal("0")
QUANTITY_PLACES = Decimal("0.001")
MAX_QUANTITY = Decimal("9999999999999.999")  # the column's 16 digits, 3 after the point
# A date typed in the earliest zone (UTC+14) is a day ahead of UTC.
_SLACK = datetime.timedelta(days=1)
MAX_CONTAINERS = 200

DETAIL_FIELDS = (
    "mode", "carrier", "tracking_number", "bl_number", "bl_issued_at", "etd", "eta",
    "port_of_loading", "port_of_discharge", "notes",
)  # fmt: skip


@dataclass(frozen=True)
class ContainerIn:
    number: str
    type: str = ContainerType.GP40
    seal: str = ""


# --- Checking input ----------------------------------------------------------------------


def _moment(value: Any, field: str, errors: dict, *, now: datetime.datetime):
    if value in (None, ""):
        return None
    if not isinstance(value, datetime.datetime) or timezone.is_naive(value):
        errors[field] = _("Enter a date and time.")
        return None
    if value > now + _SLACK:
        errors[field] = _("This cannot be in the future.")
        return None
    return value


def _date(value: Any, field: str, errors: dict):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        errors[field] = _("Enter a date.")
        return None
    return value


def carrier_code(value: str) -> str:
    """A known carrier typed by code or name (``cosco shipping`` → ``COSU``); anything
    else as typed."""
    text = (value or "").strip()
    known = numbers.carrier_by_code(text)
    if known:
        return known.code
    for carrier in numbers.CARRIERS.values():
        if text.casefold() == carrier.name.casefold():
            return carrier.code
    return text


def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


def _checked_number(check, value: str, field: str, errors: dict, **kwargs) -> str:
    try:
        return check(value, **kwargs)
    except InvalidNumber as exc:
        errors[field] = message(exc)
        return value


def clean_details(data: Mapping[str, Any], *, now: datetime.datetime) -> dict:
    """The shipment's details checked all at once: ValidationError with each field's
    message, or the values to store (numbers normalised, known carriers by code)."""
    errors: dict[str, str] = {}
    mode = data.get("mode") or Mode.SEA
    if mode not in Mode.values:
        errors["mode"] = _("Choose sea, air, courier or rail.")
    carrier = carrier_code(
        clean_text(data.get("carrier"), field="carrier", limit=60, errors=errors)
    )
    tracking = clean_text(
        data.get("tracking_number"), field="tracking_number", limit=60, errors=errors
    )
    if tracking and "tracking_number" not in errors:
        if mode == Mode.COURIER and carrier in numbers.COURIERS:
            tracking = _checked_number(
                numbers.tracking_number, tracking, "tracking_number", errors,
                courier=carrier, countries=_country_codes(),
            )  # fmt: skip
        elif mode == Mode.SEA and numbers.looks_like_container(tracking):
            tracking = _checked_number(
                numbers.container_number, tracking, "tracking_number", errors
            )
        elif mode == Mode.AIR and numbers.normalise(tracking).isdigit():
            tracking = _checked_number(numbers.air_waybill, tracking, "tracking_number", errors)
        else:
            tracking = numbers.normalise(tracking)
        if len(tracking) > 35 and "tracking_number" not in errors:
            errors["tracking_number"] = _("Enter at most %(limit)s characters.") % {"limit": 35}
    bl = clean_text(data.get("bl_number"), field="bl_number", limit=60, errors=errors)
    if bl and "bl_number" not in errors:
        if mode == Mode.AIR:
            bl = _checked_number(numbers.air_waybill, bl, "bl_number", errors)
        else:
            try:
                bl = numbers.bl_number(
                    bl, carrier=carrier if carrier in numbers.OCEAN_CARRIERS else ""
                ).number
            except InvalidNumber as exc:
                errors["bl_number"] = message(exc)
    bl_issued_at = _moment(data.get("bl_issued_at"), "bl_issued_at", errors, now=now)
    if bl_issued_at and not bl and "bl_number" not in errors:
        errors["bl_number"] = _("Enter the bill of lading number with its date.")
    etd = _date(data.get("etd"), "etd", errors)
    eta = _date(data.get("eta"), "eta", errors)
    if etd and eta and eta < etd:
        errors["eta"] = _("The ETA cannot be before the ETD.")
    ports = {}
    for name in ("port_of_loading", "port_of_discharge"):
        value = clean_text(data.get(name), field=name, limit=20, errors=errors)
        if value and name not in errors:
            value = _checked_number(locodes.locode, value, name, errors)
        ports[name] = value
    notes = clean_text(data.get("notes"), field="notes", limit=5000, errors=errors)
    if errors:
        raise ValidationError(errors)
    return {
        "mode": mode,
        "carrier": carrier,
        "tracking_number": tracking,
        "bl_number": bl,
        "bl_issued_at": bl_issued_at,
        "etd": etd,
        "eta": eta,
        **ports,
        "notes": notes,
    }


def _quantity(value: Any) -> Decimal | None:
    try:
        quantity = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not quantity.is_finite():
        return None
    return quantity


def clean_lines(order: Order, lines: Mapping[Any, Any], *, shipment: Shipment | None) -> dict:
    """``{order_line_id: quantity}`` checked against what remains of each line of
    ``order`` (what this shipment already holds counts as remaining): ValidationError on
    ``lines`` naming the line, or the quantities to ship (zero quantities left out)."""
    order_lines = {line.pk: line for line in order.lines.all()}
    held = {}
    if shipment is not None:
        held = {row.order_line_id: row.quantity for row in shipment.lines.all()}
    wanted: dict[int, Decimal] = {}
    problems: list[str] = []
    for key, raw in (lines or {}).items():
        try:
            line_id = int(key)
        except (TypeError, ValueError):
            problems.append(_("%(id)s is not a line of this order.") % {"id": key})
            continue
        line = order_lines.get(line_id)
        if line is None:
            problems.append(_("%(id)s is not a line of this order.") % {"id": key})
            continue
        quantity = _quantity(raw)
        if quantity is None or quantity < 0 or quantity > MAX_QUANTITY:
            problems.append(
                _("%(line)s: enter a quantity such as 120.") % {"line": line.description}
            )
            continue
        if quantity != quantity.quantize(QUANTITY_PLACES):
            problems.append(
                _("%(line)s: enter at most three decimal places.") % {"line": line.description}
            )
            continue
        remaining = line.quantity - line.shipped_quantity + held.get(line_id, ZERO)
        if quantity > remaining:
            problems.append(
                _("%(line)s: %(quantity)s is more than the %(remaining)s %(unit)s that remain.")
                % {"line": line.description, "quantity": quantity, "remaining": remaining,
                   "unit": line.unit}
            )  # fmt: skip
            continue
        if quantity > 0:
            wanted[line_id] = quantity
    if problems:
        raise ValidationError({"lines": problems})
    if not wanted:
        raise ValidationError({"lines": _("Choose at least one line and its quantity.")})
    return wanted


def _clean_container(number: str, type_: str, seal: str) -> dict:
    errors: dict[str, str] = {}
    try:
        number = numbers.container_number(number)
    except InvalidNumber as exc:
        errors["number"] = message(exc)
    if type_ not in ContainerType.values:
        errors["type"] = _("Choose the container's type.")
    seal = clean_text(seal, field="seal", limit=20, errors=errors)
    if errors:
        raise ValidationError(errors)
    return {"number": number, "type": type_, "seal": seal}


# --- The order's side --------------------------------------------------------------------


def _sync_order(*, actor, shipment: Shipment, now: datetime.datetime) -> None:
    """Hand the shipment's money-relevant facts to the order (its OrderShipment)."""
    order = shipment.order
    current = OrderShipment.objects.filter(order=order, reference=shipment.reference).first()
    order_shipment_record(
        actor=actor,  # None: the system (the tracking poll), as the audit entry says
        order=order,
        reference=shipment.reference,
        lines=(
            {}
            if shipment.state == State.CANCELLED
            else {row.order_line_id: row.quantity for row in shipment.lines.all()}
        ),
        shipped_at=shipment.departed_at,
        bl_number=shipment.bl_number,
        bl_issued_at=shipment.bl_issued_at,
        bl_copy_sent_at=current.bl_copy_sent_at if current else None,
        etd=shipment.etd,
        eta=shipment.eta,
        delivered_at=shipment.delivered_at,
        now=now,
    )


def _locked_shipment(actor, shipment: Shipment) -> Shipment:
    return locked(
        Shipment.objects.select_related("order__company", "order__owner"),
        shipment.pk,
        allowed=(lambda s: can_view_order(actor, s.order)) if actor is not None else None,
    )


def _label(shipment: Shipment) -> str:
    return f"{shipment.order.number} {shipment.reference}"


# --- Creating and editing ----------------------------------------------------------------


def shipment_create(
    *,
    actor,
    order: Order,
    lines: Mapping[Any, Any],
    details: Mapping[str, Any] | None = None,
    containers: list[ContainerIn] | tuple = (),
    now: datetime.datetime | None = None,
) -> Shipment:
    """A planned shipment of ``order``: the quantities per order line (never more than
    remains), its details (see :func:`clean_details`) and containers. The order records
    it at once (what is shipped, ETD/ETA, B/L)."""
    now = now or timezone.now()
    with transaction.atomic():
        order = locked(
            Order.objects.select_related("company", "owner"),
            order.pk,
            allowed=lambda o: can_view_order(actor, o),
        )
        require_ship_order(actor, order)
        if order.state not in OPEN_ORDER_STATES:
            raise ValidationError(
                _("Order %(number)s is “%(state)s”: it ships nothing more.")
                % {"number": order.number, "state": order.get_state_display()},
                code="wrong_step",
            )
        errors: dict[str, list[str]] = {}
        cleaned: dict = {}
        wanted: dict = {}
        checked_containers: list[dict] = []
        try:
            cleaned = clean_details(details or {}, now=now)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        try:
            wanted = clean_lines(order, lines, shipment=None)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        if len(containers) > MAX_CONTAINERS:
            errors["containers"] = [_("At most %(n)s containers.") % {"n": MAX_CONTAINERS}]
        else:
            seen = set()
            for n, box in enumerate(containers):
                try:
                    row = _clean_container(box.number, box.type, box.seal)
                except ValidationError as exc:
                    for name, texts in exc.message_dict.items():
                        errors[f"containers.{n}.{name}"] = texts
                    continue
                if row["number"] in seen:
                    errors[f"containers.{n}.number"] = [_("This container is listed twice.")]
                seen.add(row["number"])
                checked_containers.append(row)
        if errors:
            raise ValidationError(errors)
        count = Shipment.objects.filter(order=order).count()
        shipment = Shipment.objects.create(
            order=order,
            reference=f"S{count + 1}",
            incoterm=order.incoterm,
            named_place=order.named_place,
            state=State.PLANNED,
            state_changed_at=now,
            created_by=actor,
            created_at=now,
            **cleaned,
        )
        rows = ShipmentLine.objects.bulk_create(
            [
                ShipmentLine(shipment=shipment, order_line_id=i, quantity=q)
                for i, q in wanted.items()
            ]
        )
        boxes = Container.objects.bulk_create(
            [Container(shipment=shipment, **row) for row in checked_containers]
        )
        label = _label(shipment)
        audit_created(actor=actor, instance=shipment, company_id=order.company_id, label=label)
        audit_record_many(
            actor=actor,
            changes=[
                Change(Action.CREATE, row, None, snapshot(row), order.company_id, label)
                for row in [*rows, *boxes]
            ],
        )
        advance(
            shipment, actor=actor, before=None, now=now, step=StepKind.PLANNED,
            company_id=order.company_id, label=label,
        )  # fmt: skip
        _sync_order(actor=actor, shipment=shipment, now=now)
    return shipment


def shipment_update(
    *,
    actor,
    shipment: Shipment,
    details: Mapping[str, Any],
    lines: Mapping[Any, Any] | None = None,
    now: datetime.datetime | None = None,
) -> Shipment:
    """Change the shipment's details (all of :data:`DETAIL_FIELDS` given, as on the edit
    form) and, before it departs, its lines. The order follows."""
    now = now or timezone.now()
    with transaction.atomic():
        shipment = _locked_shipment(actor, shipment)
        require_edit_shipment(actor, shipment)
        require_state(shipment, State.PLANNED, State.BOOKED, State.DEPARTED, State.ARRIVED)
        errors: dict[str, list[str]] = {}
        cleaned: dict = {}
        wanted = None
        try:
            cleaned = clean_details(details, now=now)
        except ValidationError as exc:
            errors.update(exc.message_dict)
        if lines is not None:
            if shipment.state not in (State.PLANNED, State.BOOKED):
                errors["lines"] = [_("The lines of a shipment that has left cannot change.")]
            else:
                try:
                    order = Order.objects.get(pk=shipment.order_id)
                    wanted = clean_lines(order, lines, shipment=shipment)
                except ValidationError as exc:
                    errors.update(exc.message_dict)
        if errors:
            raise ValidationError(errors)
        before = snapshot(shipment)
        changed = [name for name, value in cleaned.items() if getattr(shipment, name) != value]
        old_eta = shipment.eta
        for name in changed:
            setattr(shipment, name, cleaned[name])
        lines_changed = False
        if wanted is not None:
            held = {row.order_line_id: row.quantity for row in shipment.lines.all()}
            if held != wanted:
                lines_changed = True
                _replace_lines(actor, shipment, wanted)
        if not changed and not lines_changed:
            return shipment
        details_out: dict[str, Any] = {"changed": changed + (["lines"] if lines_changed else [])}
        if "eta" in changed:
            details_out["eta"] = {"from": _iso(old_eta), "to": _iso(shipment.eta)}
        advance(
            shipment, actor=actor, before=before, now=now, fields=changed or ["updated_at"],
            step=StepKind.EDITED, details=details_out, company_id=shipment.order.company_id,
            label=_label(shipment),
        )  # fmt: skip
        _sync_order(actor=actor, shipment=shipment, now=now)
    return shipment


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _replace_lines(actor, shipment: Shipment, wanted: dict[int, Decimal]) -> None:
    old = list(shipment.lines.all())
    changes = [
        Change(Action.DELETE, row, snapshot(row), None, shipment.order.company_id, _label(shipment))
        for row in old
    ]
    shipment.lines.all().delete()
    rows = ShipmentLine.objects.bulk_create(
        [ShipmentLine(shipment=shipment, order_line_id=i, quantity=q) for i, q in wanted.items()]
    )
    changes += [
        Change(Action.CREATE, row, None, snapshot(row), shipment.order.company_id, _label(shipment))
        for row in rows
    ]
    audit_record_many(actor=actor, changes=changes)


# --- The steps ---------------------------------------------------------------------------


def _step(
    *,
    actor,
    shipment: Shipment,
    from_states: tuple[str, ...],
    to: str,
    step: str,
    fields: dict | None = None,
    now: datetime.datetime,
    notes: str = "",
    details: dict | None = None,
    not_before: str = "",
) -> Shipment:
    with transaction.atomic():
        shipment = _locked_shipment(actor, shipment)
        if actor is not None:
            require_edit_shipment(actor, shipment)
        require_state(shipment, *from_states)
        earliest = getattr(shipment, not_before) if not_before else None
        for value in (fields or {}).values():
            if earliest is not None and value < earliest:
                raise ValidationError(
                    {"at": _("This cannot be before %(moment)s.")
                     % {"moment": timezone.localtime(earliest).strftime("%Y-%m-%d %H:%M")}}
                )  # fmt: skip
        before = snapshot(shipment)
        for name, value in (fields or {}).items():
            setattr(shipment, name, value)
        advance(
            shipment, actor=actor, before=before, now=now, state=to, fields=list(fields or {}),
            step=step, notes=notes, details=details, company_id=shipment.order.company_id,
            label=_label(shipment),
        )  # fmt: skip
        if fields:
            _sync_order(actor=actor, shipment=shipment, now=now)
    return shipment


def _when(at, *, field: str, now: datetime.datetime) -> datetime.datetime:
    errors: dict[str, str] = {}
    at = _moment(at if at is not None else now, field, errors, now=now)
    if errors:
        raise ValidationError(errors)
    return at


def shipment_book(*, actor, shipment: Shipment, notes: str = "", now=None) -> Shipment:
    """Planned → booked: the carrier has the booking. Needs the carrier."""
    now = now or timezone.now()
    if not shipment.carrier:
        raise ValidationError(
            {"carrier": _("Enter the carrier before booking.")}, code="missing_carrier"
        )
    errors: dict = {}
    notes = clean_text(notes, field="notes", limit=5000, errors=errors)
    if errors:
        raise ValidationError(errors)
    return _step(
        actor=actor, shipment=shipment, from_states=(State.PLANNED,), to=State.BOOKED,
        step=StepKind.BOOKED, now=now, notes=notes,
    )  # fmt: skip


def shipment_cancel(*, actor, shipment: Shipment, reason: str, now=None) -> Shipment:
    """Planned or booked → cancelled, with the reason: its quantities are free again on
    the order (the order's record of it keeps no lines)."""
    now = now or timezone.now()
    errors: dict = {}
    reason = clean_text(reason, field="reason", limit=2000, errors=errors)
    if not reason and not errors:
        errors["reason"] = _("Say why the shipment is cancelled.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        shipment = _step(
            actor=actor, shipment=shipment, from_states=(State.PLANNED, State.BOOKED),
            to=State.CANCELLED, step=StepKind.CANCELLED, now=now, notes=reason,
        )  # fmt: skip
        _sync_order(actor=actor, shipment=shipment, now=now)
    return shipment


def shipment_depart(*, actor, shipment: Shipment, at=None, now=None) -> Shipment:
    """Planned or booked → departed at ``at`` (default: now): the goods have left."""
    now = now or timezone.now()
    at = _when(at, field="at", now=now)
    return _step(
        actor=actor, shipment=shipment, from_states=(State.PLANNED, State.BOOKED),
        to=State.DEPARTED, step=StepKind.DEPARTED, fields={"departed_at": at}, now=now,
    )  # fmt: skip


def shipment_arrive(*, actor, shipment: Shipment, at=None, now=None) -> Shipment:
    """Departed → arrived at the port of discharge (or destination airport)."""
    now = now or timezone.now()
    at = _when(at, field="at", now=now)
    return _step(
        actor=actor, shipment=shipment, from_states=(State.DEPARTED,), to=State.ARRIVED,
        step=StepKind.ARRIVED, fields={"arrived_at": at}, now=now, not_before="departed_at",
    )  # fmt: skip


def shipment_deliver(*, actor, shipment: Shipment, at=None, now=None) -> Shipment:
    """Departed or arrived → delivered to the buyer (days-after-delivery terms start)."""
    now = now or timezone.now()
    at = _when(at, field="at", now=now)
    return _step(
        actor=actor, shipment=shipment, from_states=(State.DEPARTED, State.ARRIVED),
        to=State.DELIVERED, step=StepKind.DELIVERED, fields={"delivered_at": at}, now=now,
        not_before="departed_at",
    )  # fmt: skip


# --- Containers --------------------------------------------------------------------------


def container_add(
    *, actor, shipment: Shipment, number: str, type: str = ContainerType.GP40, seal: str = ""
) -> Container:
    with transaction.atomic():
        shipment = _locked_shipment(actor, shipment)
        require_edit_shipment(actor, shipment)
        require_state(shipment, State.PLANNED, State.BOOKED, State.DEPARTED)
        row = _clean_container(number, type, seal)
        if shipment.containers.filter(number=row["number"]).exists():
            raise ValidationError({"number": _("This container is already on the shipment.")})
        if shipment.containers.count() >= MAX_CONTAINERS:
            raise ValidationError(
                {"number": _("At most %(n)s containers.") % {"n": MAX_CONTAINERS}}
            )
        box = Container.objects.create(shipment=shipment, **row)
        audit_created(
            actor=actor, instance=box, company_id=shipment.order.company_id, label=_label(shipment)
        )
    return box


def container_remove(*, actor, container: Container) -> None:
    with transaction.atomic():
        shipment = _locked_shipment(actor, container.shipment)
        require_edit_shipment(actor, shipment)
        require_state(shipment, State.PLANNED, State.BOOKED)
        audit_record_many(
            actor=actor,
            changes=[
                Change(Action.DELETE, container, snapshot(container), None,
                       shipment.order.company_id, _label(shipment))
            ],
        )  # fmt: skip
        container.delete()


# --- Tracking events ---------------------------------------------------------------------


def _dedupe_key(source: str, event: EventIn) -> str:
    if event.external_id:
        basis = f"{source}|id|{event.external_id}"
    else:
        basis = "|".join(
            (event.at.astimezone(datetime.UTC).isoformat(), event.code, event.location,
             event.description)
        )  # fmt: skip
    return hashlib.sha256(basis.encode()).hexdigest()


def _eta_move(*, actor, shipment: Shipment, eta: datetime.date, source: str, now) -> bool:
    """Move the shipment's ETA (and the order's) to ``eta``; False when it is already so."""
    if shipment.eta == eta:
        return False
    before = snapshot(shipment)
    old = shipment.eta
    shipment.eta = eta
    advance(
        shipment, actor=actor, before=before, now=now, fields=["eta"], step=StepKind.ETA_MOVED,
        details={"from": _iso(old), "to": _iso(eta), "source": source},
        company_id=shipment.order.company_id, label=_label(shipment),
    )  # fmt: skip
    _sync_order(actor=actor, shipment=shipment, now=now)
    return True


def tracking_event_add(
    *,
    actor,
    shipment: Shipment,
    at,
    code: str,
    description: str = "",
    location: str = "",
    eta=None,
    now=None,
) -> TrackingEvent:
    """An event recorded by hand (a call to the forwarder, the carrier's page). An ETA
    given with it moves the shipment's ETA, and the order's."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    at = _moment(at, "at", errors, now=now)
    if at is None and "at" not in errors:
        errors["at"] = _("Enter when it happened.")
    code = clean_text(code, field="code", limit=32, errors=errors).upper()
    if not code and "code" not in errors:
        errors["code"] = _("Enter what happened, e.g. LOADED or CUSTOMS CLEARED.")
    description = clean_text(description, field="description", limit=300, errors=errors)
    location = clean_text(location, field="location", limit=120, errors=errors)
    eta = _date(eta, "eta", errors)
    if errors:
        raise ValidationError(errors)
    event_in = EventIn(at=at, code=code, description=description, location=location, eta=eta)
    with transaction.atomic():
        shipment = _locked_shipment(actor, shipment)
        require_edit_shipment(actor, shipment)
        require_state(shipment, *OPEN_STATES, State.DELIVERED)
        key = _dedupe_key(BY_HAND, event_in)
        if shipment.events.filter(dedupe_key=key).exists():
            raise ValidationError(_("This event is already recorded."), code="duplicate")
        event = TrackingEvent.objects.create(
            shipment=shipment, at=at, code=code, description=description, location=location,
            source=BY_HAND, eta=eta, dedupe_key=key, recorded_by=actor, recorded_at=now,
        )  # fmt: skip
        audit_created(
            actor=actor, instance=event, company_id=shipment.order.company_id,
            label=_label(shipment),
        )  # fmt: skip
        if eta is not None and shipment.state != State.DELIVERED:
            _eta_move(actor=actor, shipment=shipment, eta=eta, source=BY_HAND, now=now)
    return event


@dataclass
class PollResult:
    shipments: int = 0
    new_events: int = 0
    etas_moved: int = 0
    steps: int = 0
    failures: list[str] = field(default_factory=list)


def _pollable():
    return (
        Shipment.objects.filter(state__in=(State.BOOKED, State.DEPARTED, State.ARRIVED))
        .select_related("order__company", "order__owner")
        .prefetch_related("containers")
        .order_by("id")
    )


def _eta_of(event: EventIn) -> datetime.date | None:
    if event.eta is None:
        return None
    if isinstance(event.eta, datetime.datetime):
        return event.eta.astimezone(datetime.UTC).date()
    return event.eta


def tracking_store(
    *, shipment: Shipment, events: list[EventIn], source: str, now: datetime.datetime
) -> PollResult:
    """Store the events not stored yet (a source reports its history again each time),
    move the ETA to the latest one reported, and follow DEPARTED, ARRIVED and DELIVERED
    into the shipment's state. The system's own change (no actor)."""
    result = PollResult(shipments=1)
    with transaction.atomic():
        shipment = _locked_shipment(None, shipment)
        known = set(shipment.events.values_list("dedupe_key", flat=True))
        fresh: list[tuple[EventIn, str]] = []
        for event in events:
            key = _dedupe_key(source, event)
            if key in known:
                continue
            known.add(key)
            fresh.append((event, key))
        rows = [
            TrackingEvent(
                shipment=shipment,
                at=e.at,
                code=e.code[:32],
                description=e.description[:300],
                location=e.location[:120],
                source=source[:40],
                eta=_eta_of(e),
                dedupe_key=key,
                recorded_at=now,
            )  # fmt: skip
            for e, key in fresh
        ]
        try:
            with transaction.atomic():
                TrackingEvent.objects.bulk_create(rows)
        except IntegrityError:  # another poll stored them meanwhile
            return result
        audit_record_many(
            actor=None,
            changes=[
                Change(Action.CREATE, row, None, snapshot(row), shipment.order.company_id,
                       _label(shipment))
                for row in rows
            ],
        )  # fmt: skip
        result.new_events = len(rows)
        ordered = sorted((e for e, _key in fresh), key=lambda e: e.at)
        etas = [eta for e in ordered if (eta := _eta_of(e)) is not None]
        if etas and shipment.state != State.DELIVERED:
            if _eta_move(actor=None, shipment=shipment, eta=etas[-1], source=source, now=now):
                result.etas_moved = 1
        result.steps = _follow_events(shipment, ordered, now=now)
    return result


def _follow_events(shipment: Shipment, events: list[EventIn], *, now) -> int:
    moves = {
        DEPARTED: ((State.PLANNED, State.BOOKED), State.DEPARTED, StepKind.DEPARTED, "departed_at"),
        ARRIVED: ((State.DEPARTED,), State.ARRIVED, StepKind.ARRIVED, "arrived_at"),
        DELIVERED: ((State.DEPARTED, State.ARRIVED), State.DELIVERED, StepKind.DELIVERED,
                    "delivered_at"),
    }  # fmt: skip
    steps = 0
    for event in events:
        move = moves.get(event.code)
        if move is None or shipment.state not in move[0]:
            continue
        from_states, to, step, field_name = move
        before = snapshot(shipment)
        setattr(shipment, field_name, min(event.at, now))
        advance(
            shipment, actor=None, before=before, now=now, state=to, fields=[field_name],
            step=step, details={"source": "tracking", "event": event.code},
            company_id=shipment.order.company_id, label=_label(shipment),
        )  # fmt: skip
        _sync_order(actor=None, shipment=shipment, now=now)
        steps += 1
    return steps


def tracking_poll(
    *, now: datetime.datetime | None = None, adapter: TrackingAdapter | None = None
) -> PollResult:
    """Ask the tracking source about every shipment under way (booked, departed,
    arrived); store what is new. A source that fails for one shipment is logged and the
    poll goes on."""
    now = now or timezone.now()
    adapter = adapter or tracking_adapter()
    total = PollResult()
    for shipment in _pollable().iterator(chunk_size=200):
        try:
            events = adapter.events(shipment)
        except TrackingError as exc:
            logger.warning("tracking %s: %s", shipment.pk, exc)
            total.failures.append(f"{shipment.pk}: {exc}")
            continue
        total.shipments += 1
        if not events:
            continue
        try:
            result = tracking_store(shipment=shipment, events=events, source=adapter.name, now=now)
        except ValidationError as exc:  # the order refused (e.g. it was cancelled)
            logger.warning("tracking %s: %s", shipment.pk, "; ".join(exc.messages))
            total.failures.append(f"{shipment.pk}: {'; '.join(exc.messages)}")
            continue
        total.new_events += result.new_events
        total.etas_moved += result.etas_moved
        total.steps += result.steps
    return total


# --- Ports -------------------------------------------------------------------------------


@dataclass
class PortsLoaded:
    created: int = 0
    updated: int = 0
    problems: list = field(default_factory=list)


def ports_load(*, content: bytes) -> PortsLoaded:
    """Load the places of a UN/LOCODE CSV (see :mod:`~chengxin.shipments.locode`) into
    the port table: new codes added, known ones updated, none removed. Reference data,
    not a business record: not audited."""
    result = PortsLoaded()
    rows: dict[str, locodes.PortRow] = {}
    for row in locodes.read_code_list(content):
        if isinstance(row, locodes.RowProblem):
            result.problems.append(row)
        else:
            rows[row.locode] = row
    fields = ("name", "country", "subdivision", "functions")
    with transaction.atomic():
        existing = Port.objects.in_bulk(list(rows), field_name="locode") if rows else {}
        new, changed = [], []
        for code, row in rows.items():
            port = existing.get(code)
            values = {name: getattr(row, name) for name in fields}
            if port is None:
                new.append(Port(locode=code, **values))
            elif any(getattr(port, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(port, k, v)
                changed.append(port)
        Port.objects.bulk_create(new, batch_size=2000)
        Port.objects.bulk_update(changed, fields, batch_size=2000)
    result.created, result.updated = len(new), len(changed)
    return result

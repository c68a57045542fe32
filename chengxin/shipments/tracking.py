"""Where tracking events come from: one small interface, a local implementation.

``TrackingAdapter.events(shipment)`` returns what the carrier reports for a shipment,
as ``EventIn`` rows; ``shipments.services.tracking_poll`` stores the new ones (the same
event reported twice is stored once) and moves the shipment's ETA when an event carries
a new one. The adapter in use is named by the setting ``CHENGXIN_TRACKING_ADAPTER`` (a
dotted path; the local one by default).

``LocalTrackingAdapter`` reads events from JSON files in a folder
(``CHENGXIN_TRACKING_FOLDER``), one file per shipment named after its tracking number,
B/L number or first container (``COSU6301234560.json``), and from memory (``feed``,
for tests). A file is a list of events, or ``{"events": [...]}``; an event is
``{"at": "2026-05-02T08:00:00Z", "code": "DEPARTED", "description": "...",
"location": "CNSHA", "eta": "2026-06-01T00:00:00Z", "id": "..."}`` (only ``at`` and
``code`` required).

``DcsaTrackingAdapter`` speaks the DCSA Track & Trace 2.x interface (``GET
/v2/events``) that the large ocean carriers offer (Maersk, Hapag-Lloyd, CMA CGM, ONE,
Evergreen, ZIM ...); it needs the carrier's API address and key
(``CHENGXIN_TRACKING_DCSA_URL``, ``CHENGXIN_TRACKING_DCSA_KEY``, and the header the key
goes in, ``CHENGXIN_TRACKING_DCSA_KEY_HEADER``). None of those carriers gives a key
without an account with them (a customer or developer registration), so it is tested
against a local server only. No courier adapter is included: UPS, FedEx and DHL need an
account and key too, and a public tracking page scraped without one breaks, and breaks
their terms.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from django.conf import settings
from django.utils.dateparse import parse_datetime
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

DEFAULT_ADAPTER = "chengxin.shipments.tracking.LocalTrackingAdapter"
MAX_EVENTS = 500  # per shipment and poll: a runaway feed is cut off with a warning
MAX_FILE_BYTES = 2 * 1024 * 1024

# The event codes the shipment's state follows (others are stored and shown only).
DEPARTED = "DEPARTED"
ARRIVED = "ARRIVED"
DELIVERED = "DELIVERED"


@dataclass(frozen=True)
class EventIn:
    at: datetime.datetime  # aware
    code: str
    description: str = ""
    location: str = ""
    eta: datetime.datetime | None = None  # the carrier's ETA as of this event
    external_id: str = ""  # the source's own id of the event, when it has one


class TrackingError(Exception):
    """The source could not be read (file unreadable, service down); the poll goes on
    with the next shipment."""


class TrackingAdapter(ABC):
    """What a tracking source provides. ``name`` is stored as each event's source."""

    name: ClassVar[str] = "adapter"

    @abstractmethod
    def events(self, shipment) -> list[EventIn]:
        """The events the source reports for ``shipment`` (none it does not know)."""


def shipment_keys(shipment) -> list[str]:
    """The numbers a carrier knows a shipment by, most specific first."""
    keys = [shipment.tracking_number, shipment.bl_number]
    keys += [c.number for c in shipment.containers.all()]
    return [k for k in keys if k]


def _aware(value: Any, *, field: str) -> datetime.datetime:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or parsed.tzinfo is None:
        raise TrackingError(f"{field}: {value!r} is not a date and time with its zone")
    return parsed.astimezone(datetime.UTC)


def parse_events(rows: Any) -> list[EventIn]:
    """Events from the JSON layout above; TrackingError names the first bad one."""
    if isinstance(rows, dict):
        rows = rows.get("events")
    if not isinstance(rows, list):
        raise TrackingError("expected a list of events")
    events = []
    for n, row in enumerate(rows[:MAX_EVENTS]):
        if not isinstance(row, dict) or not row.get("code"):
            raise TrackingError(f"event {n}: needs at least 'at' and 'code'")
        eta = row.get("eta")
        events.append(
            EventIn(
                at=_aware(row.get("at"), field=f"event {n} at"),
                code=str(row["code"]).strip().upper()[:32],
                description=str(row.get("description") or "")[:300],
                location=str(row.get("location") or "")[:120],
                eta=_aware(eta, field=f"event {n} eta") if eta else None,
                external_id=str(row.get("id") or "")[:64],
            )
        )
    if len(rows) > MAX_EVENTS:
        logger.warning("tracking feed cut off at %s events", MAX_EVENTS)
    return events


class LocalTrackingAdapter(TrackingAdapter):
    """Events from JSON files in ``CHENGXIN_TRACKING_FOLDER`` and from memory."""

    name = "local"
    _fed: ClassVar[dict[str, list[EventIn]]] = {}

    @classmethod
    def feed(cls, key: str, events: list[EventIn]) -> None:
        """Tests: the events the source reports for the number ``key``."""
        cls._fed[key] = list(events)

    @classmethod
    def clear(cls) -> None:
        cls._fed.clear()

    def _folder(self) -> Path | None:
        folder = settings.CHENGXIN_TRACKING_FOLDER
        return Path(folder) if folder else None

    def events(self, shipment) -> list[EventIn]:
        for key in shipment_keys(shipment):
            if key in self._fed:
                return list(self._fed[key])
            folder = self._folder()
            path = folder / f"{key}.json" if folder else None
            if path is not None and path.is_file():
                if path.stat().st_size > MAX_FILE_BYTES:
                    raise TrackingError(f"{path.name} is larger than {MAX_FILE_BYTES} bytes")
                try:
                    rows = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, ValueError) as exc:
                    raise TrackingError(f"{path.name}: {exc}") from exc
                return parse_events(rows)
        return []


def tracking_adapter() -> TrackingAdapter:
    """The adapter the setting ``CHENGXIN_TRACKING_ADAPTER`` names."""
    path = settings.CHENGXIN_TRACKING_ADAPTER or DEFAULT_ADAPTER
    return import_string(path)()


class DcsaTrackingAdapter(TrackingAdapter):
    """Events from a carrier's DCSA Track & Trace 2.x interface, asked by the bill of
    lading (``transportDocumentReference``), else by each container
    (``equipmentReference``). Actual events (ACT) become events: a departure from the
    port of loading is DEPARTED, an arrival at the port of discharge ARRIVED, others keep
    their DCSA code (LOAD, DISC, GTIN, GTOT, DEPA, ARRI ...). An estimated arrival (EST
    ARRI) at the port of discharge is the carrier's ETA."""

    name = "dcsa"
    timeout = 20

    def __init__(self) -> None:
        self.base = (settings.CHENGXIN_TRACKING_DCSA_URL or "").rstrip("/")
        self.key = settings.CHENGXIN_TRACKING_DCSA_KEY or ""
        self.key_header = settings.CHENGXIN_TRACKING_DCSA_KEY_HEADER or "API-Key"
        parsed = urllib.parse.urlsplit(self.base)
        if not self.base or parsed.scheme not in ("https", "http"):
            raise TrackingError("CHENGXIN_TRACKING_DCSA_URL is not an https address")
        if parsed.scheme == "http" and not _is_loopback(parsed.hostname or ""):
            raise TrackingError("CHENGXIN_TRACKING_DCSA_URL must use https")

    def _get(self, query: dict[str, str]) -> list:
        url = f"{self.base}/v2/events?{urllib.parse.urlencode(query)}"
        headers = {"Accept": "application/json", "API-Version": "2"}
        if self.key:
            headers[self.key_header] = self.key
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read(MAX_FILE_BYTES + 1)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise TrackingError(f"DCSA events: {exc}") from exc
        if len(body) > MAX_FILE_BYTES:
            raise TrackingError("DCSA events: the answer is too large")
        try:
            rows = json.loads(body)
        except ValueError as exc:
            raise TrackingError(f"DCSA events: not JSON ({exc})") from exc
        if isinstance(rows, dict):
            rows = rows.get("events", [])
        if not isinstance(rows, list):
            raise TrackingError("DCSA events: expected a list")
        return rows[:MAX_EVENTS]

    def events(self, shipment) -> list[EventIn]:
        if shipment.bl_number:
            rows = self._get({"transportDocumentReference": shipment.bl_number})
        else:
            rows = []
            for container in shipment.containers.all():
                rows += self._get({"equipmentReference": container.number})
        events = []
        for row in rows:
            if isinstance(row, dict):
                event = dcsa_event(
                    row, loading=shipment.port_of_loading, discharge=shipment.port_of_discharge
                )
                if event is not None:
                    events.append(event)
        return events


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _dcsa_location(row: dict) -> str:
    for holder in (row.get("transportCall"), row.get("eventLocation")):
        if isinstance(holder, dict):
            code = holder.get("UNLocationCode") or (holder.get("location") or {}).get(
                "UNLocationCode"
            )
            if code:
                return str(code)[:120]
    return ""


def dcsa_event(row: dict, *, loading: str = "", discharge: str = "") -> EventIn | None:
    """One DCSA 2.x event as an EventIn (None: a planned event, or one not understood)."""
    kind = str(row.get("eventType") or "")
    code = str(
        row.get("transportEventTypeCode")
        or row.get("equipmentEventTypeCode")
        or row.get("shipmentEventTypeCode")
        or row.get("eventTypeCode")
        or ""
    ).upper()
    classifier = str(row.get("eventClassifierCode") or "")
    location = _dcsa_location(row)
    try:
        at = _aware(row.get("eventDateTime"), field="eventDateTime")
    except TrackingError:
        return None
    if not code:
        return None
    external_id = str(row.get("eventID") or "")[:64]
    if classifier == "EST" and kind == "TRANSPORT" and code == "ARRI":
        if discharge and location and location != discharge:
            return None
        try:
            made = _aware(row.get("eventCreatedDateTime"), field="eventCreatedDateTime")
        except TrackingError:
            return None
        return EventIn(
            at=made, code="ETA", description=f"DCSA {kind} EST ARRI", location=location,
            eta=at, external_id=external_id,
        )  # fmt: skip
    if classifier != "ACT":
        return None
    if kind == "TRANSPORT" and code == "DEPA" and (not loading or location == loading):
        code = DEPARTED
    elif kind == "TRANSPORT" and code == "ARRI" and discharge and location == discharge:
        code = ARRIVED
    return EventIn(
        at=at, code=code[:32], description=f"DCSA {kind} {classifier}".strip(),
        location=location, external_id=external_id,
    )  # fmt: skip

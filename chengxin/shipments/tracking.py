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

No real carrier adapter is included: the carriers' tracking APIs (Maersk, Hapag-Lloyd,
CMA CGM and the DCSA Track & Trace standard they follow, UPS, FedEx, DHL) all need an
account and a key, most a commercial agreement; a public page scraped without one
breaks and breaks their terms.
"""

from __future__ import annotations

import datetime
import json
import logging
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


class TrackingAdapter:
    """What a tracking source provides. ``name`` is stored as each event's source."""

    name: ClassVar[str] = "adapter"

    def events(self, shipment) -> list[EventIn]:
        raise NotImplementedError


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
        folder = getattr(settings, "CHENGXIN_TRACKING_FOLDER", None)
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
    path = getattr(settings, "CHENGXIN_TRACKING_ADAPTER", "") or DEFAULT_ADAPTER
    return import_string(path)()

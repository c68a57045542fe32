"""The tracking adapter, the poll task: new events stored once, the ETA moved with the
order, the state following the carrier's departure and arrival."""

import datetime
import json
from decimal import Decimal

import pytest

from chengxin.orders.models import OrderShipment
from chengxin.shipments import services, tracking
from chengxin.shipments.models import State, StepKind, TrackingEvent
from chengxin.shipments.tracking import EventIn, LocalTrackingAdapter, TrackingError

from .conftest import NOW

UTC = datetime.UTC


def _booked(owner, order, panel, **details):
    shipment = services.shipment_create(
        actor=owner, order=order, lines={panel.pk: Decimal("50")},
        details={"mode": "sea", "carrier": "COSU", "bl_number": "COSU6301234560",
                 "eta": datetime.date(2026, 4, 20), **details},
        now=NOW,
    )  # fmt: skip
    return services.shipment_book(actor=owner, shipment=shipment, now=NOW)


def _feed(*events):
    LocalTrackingAdapter.feed("COSU6301234560", list(events))


GATE_IN = EventIn(at=datetime.datetime(2026, 3, 1, 6, tzinfo=UTC), code="GATE_IN", location="CNNGB")
DEPARTED = EventIn(
    at=datetime.datetime(2026, 3, 1, 20, tzinfo=UTC), code="DEPARTED", location="CNNGB",
    eta=datetime.datetime(2026, 4, 22, 6, tzinfo=UTC),
)  # fmt: skip


@pytest.mark.django_db
def test_the_poll_stores_new_events_once_and_moves_the_eta(owner, order, panel):
    shipment = _booked(owner, order, panel)
    _feed(GATE_IN, DEPARTED)
    result = services.tracking_poll(now=NOW, adapter=LocalTrackingAdapter())
    assert (result.new_events, result.etas_moved, result.steps) == (2, 1, 1)
    shipment.refresh_from_db()
    assert shipment.eta == datetime.date(2026, 4, 22)
    assert (shipment.state, shipment.departed_at) == (State.DEPARTED, DEPARTED.at)
    commercial = OrderShipment.objects.get(order=order, reference=shipment.reference)
    assert (commercial.eta, commercial.shipped_at) == (datetime.date(2026, 4, 22), DEPARTED.at)
    assert set(TrackingEvent.objects.values_list("source", flat=True)) == {"local"}

    # The carrier reports its whole history again, with one new event.
    transship = EventIn(
        at=datetime.datetime(2026, 3, 9, 3, tzinfo=UTC), code="TRANSSHIPMENT", location="SGSIN",
        eta=datetime.datetime(2026, 4, 22, 23, tzinfo=UTC),
    )  # fmt: skip
    _feed(GATE_IN, DEPARTED, transship)
    again = services.tracking_poll(now=NOW, adapter=LocalTrackingAdapter())
    assert (again.new_events, again.etas_moved, again.steps) == (1, 0, 0)
    assert TrackingEvent.objects.filter(shipment=shipment).count() == 3
    kinds = list(shipment.steps.values_list("kind", flat=True))
    assert kinds.count(StepKind.ETA_MOVED) == 1


@pytest.mark.django_db
def test_a_later_eta_moves_the_order_s_record_again(owner, order, panel):
    shipment = _booked(owner, order, panel)
    _feed(GATE_IN)
    services.tracking_poll(now=NOW, adapter=LocalTrackingAdapter())
    delayed = EventIn(
        at=datetime.datetime(2026, 3, 2, 1, tzinfo=UTC), code="VESSEL_DELAYED",
        eta=datetime.datetime(2026, 5, 3, tzinfo=UTC),
    )  # fmt: skip
    _feed(GATE_IN, delayed)
    services.tracking_poll(now=NOW, adapter=LocalTrackingAdapter())
    shipment.refresh_from_db()
    assert shipment.eta == datetime.date(2026, 5, 3)
    assert OrderShipment.objects.get(order=order).eta == datetime.date(2026, 5, 3)
    moved = shipment.steps.get(kind=StepKind.ETA_MOVED)
    assert moved.details == {"from": "2026-04-20", "to": "2026-05-03", "source": "local"}
    assert moved.actor is None


@pytest.mark.django_db
def test_planned_and_delivered_shipments_are_not_polled(owner, order, panel):
    services.shipment_create(
        actor=owner, order=order, lines={panel.pk: "1"},
        details={"bl_number": "COSU6301234560", "carrier": "COSU"}, now=NOW,
    )  # fmt: skip
    _feed(GATE_IN)
    assert services.tracking_poll(now=NOW, adapter=LocalTrackingAdapter()).shipments == 0


@pytest.mark.django_db
def test_events_from_a_json_file_in_the_folder(owner, order, panel, settings, tmp_path):
    settings.CHENGXIN_TRACKING_FOLDER = tmp_path
    shipment = _booked(owner, order, panel)
    (tmp_path / "COSU6301234560.json").write_text(
        json.dumps(
            {"events": [
                {"at": "2026-03-01T06:00:00Z", "code": "gate_in", "location": "CNNGB"},
                {"at": "2026-03-01T06:00:00Z", "code": "gate_in", "location": "CNNGB"},
                {"at": "2026-03-01T20:00:00+08:00", "code": "LOADED", "id": "evt-7"},
            ]}
        )
    )  # fmt: skip
    result = services.tracking_poll(now=NOW)
    assert result.new_events == 2  # the duplicate in the same feed is stored once
    codes = set(shipment.events.values_list("code", flat=True))
    assert codes == {"GATE_IN", "LOADED"}
    loaded = shipment.events.get(code="LOADED")
    assert loaded.at == datetime.datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.mark.django_db
def test_a_broken_feed_is_reported_and_the_poll_goes_on(owner, order, panel, settings, tmp_path):
    settings.CHENGXIN_TRACKING_FOLDER = tmp_path
    _booked(owner, order, panel)
    (tmp_path / "COSU6301234560.json").write_text('{"events": [{"at": "yesterday", "code": "X"}]}')
    result = services.tracking_poll(now=NOW)
    assert result.new_events == 0 and len(result.failures) == 1
    assert "yesterday" in result.failures[0]


def test_naive_times_are_refused():
    with pytest.raises(TrackingError):
        tracking.parse_events([{"at": "2026-03-01T06:00:00", "code": "GATE_IN"}])
    with pytest.raises(TrackingError):
        tracking.parse_events({"events": "nope"})


def test_the_adapter_is_chosen_by_its_setting(settings):
    settings.CHENGXIN_TRACKING_ADAPTER = "chengxin.shipments.tracking.LocalTrackingAdapter"
    assert isinstance(tracking.tracking_adapter(), LocalTrackingAdapter)


@pytest.mark.django_db
def test_the_task_runs_the_poll_as_the_system(owner, order, panel):
    from chengxin.audit.models import AuditEntry
    from chengxin.shipments.tasks import shipments_tracking_poll_task

    _booked(owner, order, panel)
    _feed(GATE_IN)
    assert shipments_tracking_poll_task.call() == 1
    entry = AuditEntry.objects.filter(object_type="trackingevent").latest("seq")
    assert entry.origin == "system"


@pytest.mark.django_db
def test_when_nobody_may_change_the_order_the_poll_still_stores_the_events(owner, order, panel):
    shipment = _booked(owner, order, panel)
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    _feed(DEPARTED)
    result = services.tracking_poll(now=NOW, adapter=LocalTrackingAdapter())
    assert result.new_events == 1 and result.failures == []
    shipment.refresh_from_db()
    assert shipment.eta == datetime.date(2026, 4, 22)


def test_a_bad_adapter_setting_is_reported_at_start(settings):
    from chengxin.shipments.checks import tracking_settings_check

    assert tracking_settings_check(None) == []
    settings.CHENGXIN_TRACKING_ADAPTER = "chengxin.shipments.tracking.Nothing"
    assert [e.id for e in tracking_settings_check(None)] == ["chengxin.E601"]
    settings.CHENGXIN_TRACKING_ADAPTER = "chengxin.shipments.tracking.EventIn"
    assert [e.id for e in tracking_settings_check(None)] == ["chengxin.E602"]
    settings.CHENGXIN_TRACKING_ADAPTER = "chengxin.shipments.tracking.DcsaTrackingAdapter"
    settings.CHENGXIN_TRACKING_DCSA_URL = "http://carrier.example/tnt"
    assert [e.id for e in tracking_settings_check(None)] == ["chengxin.E603"]

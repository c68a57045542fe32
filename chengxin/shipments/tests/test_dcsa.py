"""The DCSA Track & Trace 2.x adapter, against a local server answering as a carrier
would (events shaped as in DCSA's TNT 2.2 interface)."""

import datetime
import json
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from chengxin.orders.models import OrderShipment
from chengxin.shipments import services
from chengxin.shipments.models import State
from chengxin.shipments.tracking import DcsaTrackingAdapter, TrackingError, dcsa_event

from .conftest import NOW

BL = "HLCUSHA2603001"
EVENTS = [
    {"eventID": "e1", "eventType": "EQUIPMENT", "eventClassifierCode": "ACT",
     "equipmentEventTypeCode": "LOAD", "eventDateTime": "2026-03-01T15:00:00+08:00",
     "eventCreatedDateTime": "2026-03-01T15:05:00+08:00",
     "transportCall": {"UNLocationCode": "CNSHA"}},
    {"eventID": "e2", "eventType": "TRANSPORT", "eventClassifierCode": "ACT",
     "transportEventTypeCode": "DEPA", "eventDateTime": "2026-03-01T22:00:00+08:00",
     "eventCreatedDateTime": "2026-03-01T22:10:00+08:00",
     "transportCall": {"location": {"UNLocationCode": "CNSHA"}}},
    {"eventID": "e3", "eventType": "TRANSPORT", "eventClassifierCode": "EST",
     "transportEventTypeCode": "ARRI", "eventDateTime": "2026-04-12T06:00:00+02:00",
     "eventCreatedDateTime": "2026-03-01T23:00:00Z",
     "transportCall": {"UNLocationCode": "NLRTM"}},
    {"eventID": "e4", "eventType": "TRANSPORT", "eventClassifierCode": "PLN",
     "transportEventTypeCode": "ARRI", "eventDateTime": "2026-04-10T06:00:00Z",
     "eventCreatedDateTime": "2026-02-01T00:00:00Z",
     "transportCall": {"UNLocationCode": "NLRTM"}},
]  # fmt: skip


class Carrier:
    def __init__(self, answer, status=200):
        self.answer, self.status, self.requests = answer, status, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                outer.requests.append((self.path, dict(self.headers)))
                body = (
                    outer.answer
                    if isinstance(outer.answer, bytes)
                    else json.dumps(outer.answer).encode()
                )
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_port}/tnt"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def carrier(settings):
    server = Carrier(EVENTS)
    settings.CHENGXIN_TRACKING_DCSA_URL = server.url
    settings.CHENGXIN_TRACKING_DCSA_KEY = "secret-key"
    settings.CHENGXIN_TRACKING_DCSA_KEY_HEADER = "Consumer-Key"
    yield server
    server.stop()


@pytest.mark.django_db
def test_a_carrier_s_dcsa_events_move_the_shipment_and_the_order(carrier, owner, order, panel):
    shipment = services.shipment_create(
        actor=owner, order=order, lines={panel.pk: Decimal("10")},
        details={"carrier": "HLCU", "bl_number": BL, "port_of_loading": "CNSHA",
                 "port_of_discharge": "NLRTM", "eta": datetime.date(2026, 4, 8)},
        now=NOW,
    )  # fmt: skip
    services.shipment_book(actor=owner, shipment=shipment, now=NOW)
    result = services.tracking_poll(now=NOW, adapter=DcsaTrackingAdapter())
    assert (result.new_events, result.etas_moved, result.steps) == (3, 1, 1)
    path, headers = carrier.requests[0]
    assert parse_qs(urlsplit(path).query) == {"transportDocumentReference": [BL]}
    assert urlsplit(path).path == "/tnt/v2/events"
    assert headers["Consumer-Key"] == "secret-key"
    shipment.refresh_from_db()
    assert shipment.state == State.DEPARTED
    assert shipment.departed_at == datetime.datetime(2026, 3, 1, 14, tzinfo=datetime.UTC)
    assert shipment.eta == datetime.date(2026, 4, 12)
    assert OrderShipment.objects.get(order=order).eta == datetime.date(2026, 4, 12)
    assert sorted(shipment.events.values_list("code", flat=True)) == ["DEPARTED", "ETA", "LOAD"]
    again = services.tracking_poll(now=NOW, adapter=DcsaTrackingAdapter())
    assert again.new_events == 0


def test_a_plain_http_address_elsewhere_than_this_machine_is_refused(settings):
    settings.CHENGXIN_TRACKING_DCSA_URL = "http://carrier.example/tnt"
    with pytest.raises(TrackingError):
        DcsaTrackingAdapter()
    settings.CHENGXIN_TRACKING_DCSA_URL = ""
    with pytest.raises(TrackingError):
        DcsaTrackingAdapter()


@pytest.mark.django_db
def test_a_broken_answer_is_a_tracking_error(carrier, owner, order, panel):
    carrier.answer = b"<html>maintenance</html>"
    shipment = services.shipment_create(
        actor=owner, order=order, lines={panel.pk: "1"},
        details={"carrier": "HLCU", "bl_number": BL}, now=NOW,
    )  # fmt: skip
    with pytest.raises(TrackingError):
        DcsaTrackingAdapter().events(shipment)


def test_transshipment_departures_keep_their_code():
    row = {**EVENTS[1], "transportCall": {"UNLocationCode": "SGSIN"}}
    event = dcsa_event(row, loading="CNSHA", discharge="NLRTM")
    assert (event.code, event.location) == ("DEPA", "SGSIN")
    assert dcsa_event(EVENTS[3], loading="CNSHA", discharge="NLRTM") is None
    assert dcsa_event({**EVENTS[0], "eventDateTime": "soon"}) is None

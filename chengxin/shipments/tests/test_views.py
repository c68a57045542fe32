"""The shipment pages for every kind of visitor: owner, a colleague without the
customer, finance, an outsider, anonymous; wrong methods; query counts on the list."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from chengxin.orders.models import OrderShipment
from chengxin.shipments import services
from chengxin.shipments.models import Shipment, State, TrackingEvent
from chengxin.testing import login

from .conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipment(owner, order, panel):
    return services.shipment_create(
        actor=owner, order=order, lines={panel.pk: Decimal("40")},
        details={"mode": "sea", "carrier": "COSU", "port_of_loading": "CNNGB",
                 "port_of_discharge": "DEHAM", "eta": datetime.date(2026, 4, 20)},
        now=NOW,
    )  # fmt: skip


def _pages(shipment, order):
    return [
        reverse("shipments:shipment_list"),
        reverse("shipments:shipment_detail", args=[shipment.pk]),
        reverse("shipments:shipment_create", args=[order.pk]),
        reverse("shipments:shipment_edit", args=[shipment.pk]),
    ]


def test_the_owner_sees_the_list_the_shipment_and_its_incoterm(client, owner, shipment, english):
    login(client, owner)
    body = client.get(reverse("shipments:shipment_list")).content.decode()
    assert "S1" in body and "2026-04-20" in body and "CNNGB → DEHAM" in body
    detail = client.get(reverse("shipments:shipment_detail", args=[shipment.pk]))
    text = detail.content.decode()
    assert detail.status_code == 200
    assert "FOB Ningbo" in text and "LED panel" in text
    assert "DEHAM is a well-formed UN/LOCODE but not in the port list" in text
    assert 'data-testid="book"' in text and 'data-testid="depart"' in text
    assert 'data-testid="arrive"' not in text and 'data-testid="event-form"' in text


def test_anonymous_is_sent_to_login(client, shipment, order):
    for url in _pages(shipment, order):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_colleague_and_an_outsider_get_404(client, colleague, outsider, shipment, order):
    for user in (colleague, outsider):
        login(client, user)
        for url in _pages(shipment, order)[1:]:
            assert client.get(url).status_code in (404, 302), url
        for name in ("shipment_book", "shipment_depart", "event_add", "container_add"):
            response = client.post(reverse(f"shipments:{name}", args=[shipment.pk]))
            assert response.status_code in (404, 302), name
        client.logout()
    assert Shipment.objects.get().state == State.PLANNED


def test_finance_sees_but_cannot_ship_or_change(client, finance, shipment, order, panel):
    login(client, finance)
    page = client.get(reverse("shipments:shipment_detail", args=[shipment.pk]))
    assert page.status_code == 200
    assert 'data-testid="depart"' not in page.content.decode()
    create = reverse("shipments:shipment_create", args=[order.pk])
    assert client.post(create, {"mode": "sea", f"line_{panel.pk}": "1"}).status_code == 403
    response = client.post(reverse("shipments:shipment_book", args=[shipment.pk]))
    assert response.status_code == 403
    assert Shipment.objects.count() == 1 and Shipment.objects.get().state == State.PLANNED


def test_wrong_methods_get_405(client, owner, shipment):
    login(client, owner)
    assert client.post(reverse("shipments:shipment_list")).status_code == 405
    assert client.post(reverse("shipments:shipment_detail", args=[shipment.pk])).status_code == 405
    for name in ("shipment_book", "shipment_depart", "shipment_arrive", "event_add"):
        assert client.get(reverse(f"shipments:{name}", args=[shipment.pk])).status_code == 405


def test_creating_from_the_order_never_more_than_remains(
    client, owner, order, panel, driver, english
):
    login(client, owner)
    url = reverse("shipments:shipment_create", args=[order.pk])
    page = client.get(url).content.decode()
    assert "100.000 pcs remain of 100.000" in page
    response = client.post(url, {"mode": "sea", f"line_{panel.pk}": "120", f"line_{driver.pk}": "",
                                 "containers": "MSKU1806510\nCSQU3054384"})  # fmt: skip
    assert response.status_code == 422
    text = response.content.decode()
    assert "more than the 100.000 pcs that remain" in text
    assert "Line 2: The check digit of this container number should be 3, not 4" in text
    assert Shipment.objects.count() == 0
    response = client.post(url, {"mode": "sea", f"line_{panel.pk}": "60", "carrier": "Maersk",
                                 "containers": "MSKU1806510"})  # fmt: skip
    shipment = Shipment.objects.get()
    assert response["Location"] == reverse("shipments:shipment_detail", args=[shipment.pk])
    assert (shipment.carrier, shipment.containers.get().number) == ("MAEU", "MSKU1806510")
    assert client.get(url).content.decode().count("40.000 pcs remain of 100.000") == 1


def test_editing_the_bl_date_moves_the_order(client, owner, shipment, order):
    login(client, owner)
    url = reverse("shipments:shipment_edit", args=[shipment.pk])
    data = {"mode": "sea", "carrier": "COSU", "bl_number": "COSU6301234560",
            "bl_issued_at": "2026-03-01T18:00", "eta": "2026-04-20"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302
    commercial = OrderShipment.objects.get(order=order, reference=shipment.reference)
    # Typed in the owner's zone (Asia/Shanghai): 18:00 there is 10:00 UTC.
    assert commercial.bl_issued_at == datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC)
    bad = client.post(url, {**data, "bl_number": "MAEU123456789"})
    assert bad.status_code == 422
    assert OrderShipment.objects.get(pk=commercial.pk).bl_number == "COSU6301234560"


def test_the_steps_and_an_event_by_hand_from_the_page(client, owner, shipment, english):
    login(client, owner)
    detail = reverse("shipments:shipment_detail", args=[shipment.pk])
    client.post(reverse("shipments:shipment_book", args=[shipment.pk]))
    client.post(reverse("shipments:shipment_depart", args=[shipment.pk]), {"at": ""})
    shipment.refresh_from_db()
    assert shipment.state == State.DEPARTED
    response = client.post(
        reverse("shipments:event_add", args=[shipment.pk]),
        {"at": "2026-03-02T09:00", "code": "transshipped", "location": "Singapore",
         "eta": "2026-04-25"},
    )  # fmt: skip
    assert response["Location"] == detail
    page = client.get(detail).content.decode()
    assert "TRANSSHIPPED" in page and "2026-04-25" in page
    bad = client.post(reverse("shipments:event_add", args=[shipment.pk]), {"at": "", "code": ""})
    assert bad.status_code == 422
    assert TrackingEvent.objects.count() == 1


def test_the_list_filters_and_its_query_count(
    client, owner, order, panel, driver, django_assert_max_num_queries
):
    for n in range(4):
        services.shipment_create(
            actor=owner, order=order, lines={driver.pk: "1"},
            details={"carrier": "MSCU" if n % 2 else "COSU", "eta": datetime.date(2026, 4, 1 + n)},
            now=NOW,
        )  # fmt: skip
    login(client, owner)
    url = reverse("shipments:shipment_list")
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.content.decode().count('data-testid="shipment-row"') == 4
    filtered = client.get(url, {"carrier": "msc", "eta_from": "2026-04-02", "eta_to": "2026-04-03"})
    assert filtered.content.decode().count('data-testid="shipment-row"') == 1
    junk = client.get(url, {"eta_from": "not a date", "state": "lost"})
    assert junk.status_code == 200


def test_the_customer_and_order_sections(
    rf: RequestFactory, owner, shipment, company, order, english
):
    TrackingEvent.objects.create(
        shipment=shipment, at=NOW, code="GATE_IN", location="CNNGB", dedupe_key="k",
        recorded_at=NOW,
    )  # fmt: skip
    request = rf.get("/")
    request.user = owner
    html = Template(
        "{% include 'shipments/company_section_include.html' %}"
        "{% include 'shipments/order_section_include.html' %}"
    ).render(Context({"request": request, "company": company, "order": order}))
    assert "GATE_IN (CNNGB)" in html and "2026-04-20" in html
    assert 'data-testid="new-shipment"' in html and "40 pcs LED panel" in html


def test_the_customer_section_reads_a_fixed_number_of_queries(
    rf: RequestFactory, owner, order, driver, company, django_assert_num_queries
):
    request = rf.get("/")
    request.user = owner
    template = Template("{% include 'shipments/company_section_include.html' %}")

    def render():
        return template.render(Context({"request": request, "company": company}))

    for n in range(6):
        shipment = services.shipment_create(
            actor=owner, order=order, lines={driver.pk: "1"},
            details={"eta": datetime.date(2026, 4, 1 + n)}, now=NOW,
        )  # fmt: skip
        for k in range(4):
            TrackingEvent.objects.create(
                shipment=shipment, at=NOW - datetime.timedelta(hours=k), code=f"E{k}",
                dedupe_key=f"{n}-{k}", recorded_at=NOW,
            )  # fmt: skip
    with django_assert_num_queries(3):
        html = render()
    assert html.count('data-testid="company-shipment-row"') == 6
    assert "E3" not in html  # the three latest events of each


def test_cancelling_from_the_page_needs_a_reason(client, owner, shipment, panel):
    login(client, owner)
    url = reverse("shipments:shipment_cancel", args=[shipment.pk])
    assert client.post(url, {"reason": ""}).status_code == 422
    assert client.post(url, {"reason": "Wrong vessel"}).status_code == 302
    shipment.refresh_from_db()
    assert shipment.state == State.CANCELLED
    panel.refresh_from_db()
    assert panel.remaining_quantity == Decimal("100.000")

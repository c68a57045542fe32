"""The pages and API of correcting an order: its lines (with a row added by htmx),
reversing and matching payments, correcting costs, the quote's contact person. Who may,
who gets 403 or 404, the anonymous sent to login, a wrong method 405."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from chengxin.banking.models import State
from chengxin.orders import services
from chengxin.orders.models import Payment, Quote
from chengxin.orders.tests.conftest import NOW
from chengxin.parties.models import Contact
from chengxin.testing import Api, make_company
from chengxin.testing.banking import IBAN_DE, make_account, pay

D = Decimal


def lines_post(order, rows, *, initial=None):
    """The lines page's POST: ``rows`` of (line or None, description, quantity, price,
    remove)."""
    data = {
        "lines-TOTAL_FORMS": str(len(rows)),
        "lines-INITIAL_FORMS": str(order.lines.count() if initial is None else initial),
    }
    for i, (line, description, quantity, price, remove) in enumerate(rows):
        data.update({
            f"lines-{i}-line_id": str(line.pk) if line else "",
            f"lines-{i}-description": description, f"lines-{i}-quantity": quantity,
            f"lines-{i}-unit": "pcs", f"lines-{i}-unit_price": price,
        })  # fmt: skip
        if remove:
            data[f"lines-{i}-DELETE"] = "on"
    return data


@pytest.fixture
def order(make_order):
    return make_order()


@pytest.fixture
def paid(order, finance):
    return services.payment_record(
        actor=finance, order=order, amount="450", currency="USD",
        received_on=datetime.date(2026, 3, 2), reference="TT 1", now=NOW,
    )  # fmt: skip


def test_the_owner_changes_the_lines_on_the_page(client_for, owner, order):
    client = client_for(owner)
    url = reverse("orders:order_lines", args=[order.pk])
    page = client.get(url).content.decode()
    assert page.count('data-testid="line-row"') == 2 and 'data-testid="add-line"' in page
    panel, driver = order.lines.all()
    rows = [
        (panel, "LED panel", "120", "10", False),
        (driver, "Driver", "100", "5", True),
        (None, "Cable", "10", "2", False),
    ]
    response = client.post(url, lines_post(order, rows))
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.total == D("1220.000")
    assert [x.description for x in order.lines.all()] == ["LED panel", "Cable"]
    detail = client.get(reverse("orders:order_detail", args=[order.pk])).content.decode()
    assert "Lines changed" in detail


def test_the_lines_page_shows_the_refusal_and_writes_nothing(client_for, owner, order):
    services.order_shipment_record(
        actor=owner, order=order, reference="S1",
        lines={order.lines.first().pk: D("60")}, now=NOW,
    )  # fmt: skip
    panel, driver = order.lines.all()
    rows = [(panel, "LED panel", "50", "10", False), (driver, "Driver", "100", "5", False)]
    response = client_for(owner).post(
        reverse("orders:order_lines", args=[order.pk]), lines_post(order, rows)
    )
    assert response.status_code == 422
    assert "50 is below the 60 pcs already shipped" in response.content.decode()
    panel.refresh_from_db()
    assert panel.quantity == D("100")


def test_lines_page_rights(client, client_for, colleague, finance, order):
    url = reverse("orders:order_lines", args=[order.pk])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client_for(colleague).get(url).status_code == 404
    assert client_for(finance).get(url).status_code == 403
    assert client_for(finance).put(url).status_code == 405


def test_add_a_line_row_without_saving(client, client_for, owner):
    anonymous = client.get(reverse("orders:line_row"))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client = client_for(owner)
    assert client.post(reverse("orders:line_row")).status_code == 405
    response = client.get(reverse("orders:line_row") + "?kind=order&lines-TOTAL_FORMS=3")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="lines-3-description"' in body and 'name="lines-3-DELETE"' in body
    assert 'id="id_lines-TOTAL_FORMS"' in body and 'value="4"' in body
    assert 'hx-swap-oob="true"' in body
    new = client.get(reverse("orders:line_row") + "?lines-TOTAL_FORMS=1").content.decode()
    assert 'name="lines-1-quantity"' in new and "DELETE" not in new
    assert client.get(reverse("orders:line_row") + "?lines-TOTAL_FORMS=500").status_code == 422


def test_finance_reverses_a_payment_on_the_page(client_for, owner, finance, order, paid):
    url = reverse("orders:order_payment_reverse", args=[order.pk, paid.pk])
    assert client_for(owner).post(url, {"reverse-reason": "typo"}).status_code == 403
    client = client_for(finance)
    assert client.get(url).status_code == 405
    response = client.post(url, {"reverse-reason": ""}, follow=True)
    assert "Say why the payment is reversed." in response.content.decode()
    response = client.post(url, {"reverse-reason": "Booked twice"}, follow=True)
    page = response.content.decode()
    assert "Payment reversed" in page and "Booked twice" in page
    order.refresh_from_db()
    assert order.paid == 0
    response = client.post(url, {"reverse-reason": "again"}, follow=True)
    assert "already reversed" in response.content.decode()


def test_finance_matches_payments_to_money_received(
    client_for, finance, manager, company, order, paid
):
    account = make_account(proposed_by=manager, iban=IBAN_DE, currency="USD", state=State.ACTIVE)
    received = pay(company, account, datetime.date(2026, 3, 2), finance, amount="1000.00")
    client = client_for(finance)
    detail = client.get(reverse("orders:order_detail", args=[order.pk])).content.decode()
    assert 'data-testid="reconciliation"' in detail and "USD\xa01,000.00" in detail
    url = reverse("orders:order_payment_match", args=[order.pk, paid.pk])
    client.post(url, {"match-received_payment": received.pk})
    paid.refresh_from_db()
    assert paid.received_payment == received
    # A new payment straight from the rest of the money received.
    response = client.post(
        reverse("orders:order_payment", args=[order.pk]),
        {"received_payment": received.pk, "amount": "550", "currency": "USD"},
    )
    assert response.status_code == 302
    latest = Payment.objects.latest("id")
    assert latest.received_payment == received and latest.received_on == received.received_on
    detail = client.get(reverse("orders:order_detail", args=[order.pk])).content.decode()
    assert "not yet all matched" not in detail


def test_costs_corrected_and_removed_on_the_page(client_for, owner, colleague, order):
    cost = services.cost_add(
        actor=owner, order=order, label="Freight", amount="1200", currency="CNY",
        incurred_on=datetime.date(2026, 3, 5), now=NOW,
    )  # fmt: skip
    client = client_for(owner)
    url = reverse("orders:order_cost_edit", args=[order.pk, cost.pk])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"label": "Freight", "amount": "1", "currency": "ZZZ", "incurred_on": "2026-03-05"})  # fmt: skip
    assert bad.status_code == 422 and "ISO 4217" in bad.content.decode()
    good = client.post(url, {"label": "Sea freight", "amount": "1300", "currency": "CNY", "incurred_on": "2026-03-05"})  # fmt: skip
    assert good.status_code == 302
    cost.refresh_from_db()
    assert cost.amount == D("1300") and cost.label == "Sea freight"
    remove = reverse("orders:order_cost_remove", args=[order.pk, cost.pk])
    assert client_for(colleague).post(remove).status_code == 404
    client_for(owner).post(remove)
    assert not order.costs.exists()


def test_a_quote_with_its_contact_person_on_the_page(client_for, owner, company):
    contact = company.contacts.get()
    url = reverse("orders:quote_new") + f"?company={company.pk}"
    data = {
        "currency": "USD", "incoterm": "FOB", "named_place": "Ningbo",
        "valid_until": "2099-01-01", "contact": str(contact.pk),
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0",
        "lines-0-description": "Lamp", "lines-0-quantity": "10", "lines-0-unit": "pcs",
        "lines-0-unit_price": "3.5",
        "terms-deposit_percent": "30", "terms-deposit_days": "0", "terms-balance": "bl_copy",
        "terms-days": "0", "terms-hours": "0", "terms-count": "1",
    }  # fmt: skip
    client = client_for(owner)
    assert contact.name in client.get(url).content.decode()
    assert client.post(url, data).status_code == 302
    quote = Quote.objects.get()
    assert quote.contact == contact
    page = client.get(reverse("orders:quote_detail", args=[quote.pk])).content.decode()
    assert 'data-testid="contact"' in page and contact.name in page


# --- the API -----------------------------------------------------------------------------


def test_api_lines_payments_costs_and_reconciliation(
    owner, colleague, finance, manager, company, order
):
    rep, money = Api(owner), Api(finance)
    panel, driver = order.lines.all()
    body = {
        "lines": [
            {"id": panel.pk, "description": "LED panel", "quantity": "80", "unit_price": "10"},
            {"description": "Cable", "quantity": "10", "unit_price": "2"},
        ]
    }
    assert Api(colleague).put(f"/orders/{order.pk}/lines", body).status_code == 404
    assert money.put(f"/orders/{order.pk}/lines", body).status_code == 403
    response = rep.put(f"/orders/{order.pk}/lines", body)
    assert response.status_code == 200
    out = response.json()
    assert D(out["total"]) == D("820") and [x["description"] for x in out["lines"]] == [
        "LED panel",
        "Cable",
    ]
    bad = rep.put(f"/orders/{order.pk}/lines", {"lines": [{"id": driver.pk, "description": "x", "quantity": "1", "unit_price": "1"}]})  # fmt: skip
    assert bad.status_code == 422 and "not a line of order" in str(bad.json())

    account = make_account(proposed_by=manager, iban=IBAN_DE, currency="USD", state=State.ACTIVE)
    received = pay(company, account, datetime.date(2026, 3, 2), finance, amount="500.00")
    reconciliation = money.get(f"/orders/{order.pk}/reconciliation").json()
    assert [r["id"] for r in reconciliation["receipts_to_match"]] == [received.pk]
    assert rep.get(f"/orders/{order.pk}/reconciliation").json()["receipts_to_match"] == []
    created = money.post(
        f"/orders/{order.pk}/payments",
        {"amount": "300", "currency": "USD", "received_payment_id": received.pk},
    )
    assert created.status_code == 201 and created.json()["received_payment_id"] == received.pk
    assert created.json()["received_on"] == "2026-03-02"
    payment_id = created.json()["id"]
    figures = money.get(f"/orders/{order.pk}/reconciliation").json()
    assert D(figures["matched"]) == D("300") and D(figures["receipts_to_match"][0]["left"]) == 200
    over = money.post(f"/orders/{order.pk}/payments", {"amount": "900", "currency": "USD", "received_on": "2026-03-02"})  # fmt: skip
    assert over.status_code == 422 and "still owed" in str(over.json())

    path = f"/orders/{order.pk}/payments/{payment_id}/reverse"
    assert rep.post(path, {"reason": "typo"}).status_code == 403
    reversed_ = money.post(path, {"reason": "Booked on the wrong order"})
    assert reversed_.status_code == 200 and reversed_.json()["reversed_by"] == "finance"
    assert money.post(path, {"reason": "again"}).status_code == 422
    assert D(money.get(f"/orders/{order.pk}").json()["paid"]) == 0

    cost = rep.post(f"/orders/{order.pk}/costs", {"label": "Freight", "amount": "100", "currency": "CNY", "incurred_on": "2026-03-05"})  # fmt: skip
    assert cost.status_code == 201
    cost_path = f"/orders/{order.pk}/costs/{cost.json()['id']}"
    changed = rep.put(cost_path, {"label": "Freight", "amount": "120", "currency": "CNY", "incurred_on": "2026-03-05"})  # fmt: skip
    assert changed.status_code == 200 and D(changed.json()["amount"]) == 120
    assert Api(colleague).delete(cost_path).status_code == 404
    assert rep.delete(cost_path).status_code == 204
    assert rep.get(f"/orders/{order.pk}/costs").json() == []


def test_api_quote_contact(owner, company):
    other = Contact.objects.create(company=company, name="Eva Klein")
    body = {
        "company_id": company.pk, "currency": "EUR", "incoterm": "CIF",
        "named_place": "Hamburg", "valid_until": "2099-01-01", "contact_id": other.pk,
        "lines": [{"description": "Lamp", "quantity": "1", "unit_price": "2"}],
    }  # fmt: skip
    created = Api(owner).post("/quotes", body)
    assert created.status_code == 201 and created.json()["contact_id"] == other.pk
    elsewhere = make_company(actor=owner, owner=owner, name="Other Buyer GmbH").contacts.get()
    refused = Api(owner).post("/quotes", {**body, "contact_id": elsewhere.pk})
    assert refused.status_code == 422
    assert "not a contact of" in str(refused.json())
    assert Quote.objects.count() == 1

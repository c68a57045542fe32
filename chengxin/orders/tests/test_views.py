"""The pages: who sees what, the forms, the lists' query counts."""

from decimal import Decimal

import pytest
from django.urls import reverse

from chengxin.orders import services
from chengxin.orders.models import Order, Quote, QuoteState


def get_urls(order, quote, company):
    return [
        reverse("orders:order_list"),
        reverse("orders:order_detail", args=[order.pk]),
        reverse("orders:order_terms", args=[order.pk]),
        reverse("orders:quote_list"),
        reverse("orders:quote_detail", args=[quote.pk]),
        reverse("orders:quote_edit", args=[quote.pk]),
        reverse("orders:buyer_balance", args=[company.pk]),
        reverse("orders:quote_new") + f"?company={company.pk}",
        reverse("orders:order_new") + f"?company={company.pk}",
        reverse("orders:payment_method_list"),
    ]


@pytest.fixture
def both(make_order, make_quote):
    from chengxin.catalog.models import Product

    product = Product.objects.create(sku="LP-6060", name="LED panel 60x60")
    with_product = services.LineIn(description="", quantity=Decimal(5), unit_price=Decimal(20),
                                   product_id=product.pk)  # fmt: skip
    return make_order(lines=[with_product]), make_quote(lines=[with_product])


def test_owner_sees_every_page(client_for, owner, company, both):
    order, quote = both
    client = client_for(owner)
    for url in get_urls(order, quote, company):
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("orders:order_detail", args=[order.pk])).content.decode()
    assert "FOB Ningbo" in page and "USD" in page and "Deposit 30 %" in page
    assert "LP-6060" in page and "LED panel 60x60" in page


def test_outsider_and_other_rep_get_404_anonymous_goes_to_login(
    client, client_for, colleague, company, both
):
    order, quote = both
    detail_urls = [u for u in get_urls(order, quote, company) if "new" not in u]
    for url in get_urls(order, quote, company):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
    other = client_for(colleague)
    for url in detail_urls[1:3] + detail_urls[4:7]:
        assert other.get(url).status_code == 404, url
    assert (
        other.get(reverse("orders:order_list")).content.decode().count('data-testid="order-row"')
        == 0
    )


def test_wrong_method_405(client_for, owner, both):
    order, quote = both
    client = client_for(owner)
    assert client.get(reverse("orders:quote_send", args=[quote.pk])).status_code == 405
    assert client.get(reverse("orders:order_payment", args=[order.pk])).status_code == 405
    assert client.put(reverse("orders:order_list")).status_code == 405


def test_quote_new_send_accept_through_the_pages(client_for, owner, company):
    client = client_for(owner)
    url = reverse("orders:quote_new") + f"?company={company.pk}"
    data = {
        "currency": "usd", "incoterm": "FOB", "named_place": "", "valid_until": "2099-01-01",
        "lines-TOTAL_FORMS": "2", "lines-INITIAL_FORMS": "0",
        "lines-0-description": "Lamp", "lines-0-quantity": "10", "lines-0-unit": "pcs",
        "lines-0-unit_price": "3.5", "lines-1-description": "", "lines-1-quantity": "",
        "terms-deposit_percent": "30", "terms-deposit_days": "0", "terms-balance": "bl_copy",
        "terms-days": "0", "terms-hours": "0", "terms-count": "1",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 422 and "This field is required" in response.content.decode()
    assert not Quote.objects.exists()
    response = client.post(url, {**data, "named_place": "Ningbo"})
    quote = Quote.objects.get()
    assert (
        response.status_code == 302 and quote.total == Decimal("35.000") and quote.currency == "USD"
    )
    client.post(reverse("orders:quote_send", args=[quote.pk]))
    response = client.post(reverse("orders:quote_accept", args=[quote.pk]))
    order = Order.objects.get()
    assert response["Location"] == reverse("orders:order_detail", args=[order.pk])
    quote.refresh_from_db()
    assert quote.state == QuoteState.ACCEPTED


def test_finance_records_a_payment_a_rep_may_not(client_for, owner, finance, both):
    order, _quote = both
    url = reverse("orders:order_payment", args=[order.pk])
    body = {"amount": "30", "currency": "USD", "received_on": "2026-03-02", "reference": "TT"}
    assert client_for(owner).post(url, body).status_code == 403
    response = client_for(finance).post(url, body)
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.paid == Decimal("30.000")
    # More than is still owed (100 - 30) is refused, and says so.
    response = client_for(finance).post(url, {**body, "amount": "71"})
    assert response.status_code == 422
    assert "still owed" in response.content.decode()
    response = client_for(finance).post(url, {**body, "amount": "abc"})
    assert response.status_code == 422


def test_order_list_query_count_does_not_grow(
    client_for, owner, manager, company, make_order, django_assert_max_num_queries
):
    for _ in range(3):
        make_order()
    client = client_for(manager)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("orders:order_list"))
    for _ in range(10):
        make_order()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("orders:order_list") + "?overdue=on")
    assert response.content.decode().count('data-testid="order-row"') == 13
    with django_assert_max_num_queries(12):
        client.get(reverse("orders:buyer_balance", args=[company.pk]))


def test_owner_filter_and_customer_section(client_for, owner, manager, company, make_order):
    order = make_order()
    client = client_for(manager)
    page = client.get(reverse("orders:order_list") + f"?owner={manager.pk}").content.decode()
    assert page.count('data-testid="order-row"') == 0
    page = (
        client_for(owner).get(reverse("parties:company_detail", args=[company.pk])).content.decode()
    )
    assert 'data-testid="company-orders"' in page
    assert order.number in page


def test_payment_methods_managed_by_managers(client_for, owner, manager):
    assert client_for(owner).get(reverse("orders:payment_method_new")).status_code == 403
    client = client_for(manager)
    body = {"name": "Alipay", "kind": "other", "typical_days": "1", "fees_text": "0.6 %",
            "fee_fixed": "0", "fee_percent": "0.6", "fee_currency": "CNY", "is_active": "on"}  # fmt: skip
    assert client.post(reverse("orders:payment_method_new"), body).status_code == 302
    response = client.post(reverse("orders:payment_method_new"), body)
    assert response.status_code == 422 and "exists" in response.content.decode()


def test_customer_section_tag(rf, owner, colleague, company, both, django_assert_max_num_queries):
    from django.template import Context, Template

    template = Template("{% include 'orders/company_section_include.html' %}")
    request = rf.get("/")
    request.user = owner
    with django_assert_max_num_queries(6):
        html = template.render(Context({"company": company, "request": request}))
    assert "SO2026-00001" in html and "Q2026-00001" in html and 'data-testid="new-quote"' in html
    request.user = colleague
    html = template.render(Context({"company": company, "request": request}))
    assert "SO2026-00001" not in html


def test_order_list_shows_the_open_amount_in_the_base_currency(
    client_for, owner, finance, make_order
):
    from django.utils import timezone

    from chengxin.fx.services import rate_record

    order = make_order(currency="USD")
    rate_record(actor=finance, currency="USD", day=timezone.localdate(), rate="7.1")
    page = client_for(owner).get(reverse("orders:order_list")).content.decode()
    expected = (order.open_balance * Decimal("7.1")).quantize(Decimal("0.01"))
    assert "In CNY today" in page
    assert f"{expected:,}" in page
    # Without a rate for the currency the row says so instead of a wrong figure.
    make_order(currency="XOF")
    page = client_for(owner).get(reverse("orders:order_list")).content.decode()
    assert ">?</td>" in page

"""The product pages: everyone signed in reads them, managers and administrators change
products; the HS description and the fit warning beside the code; stock on the page."""

import datetime
import re

import pytest
from django.urls import reverse

from chengxin.audit.models import AuditEntry
from chengxin.catalog.models import Product, StockLevel
from chengxin.testing import login


def page(client, user, url):
    login(client, user)
    return client.get(url)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("role", ["owner", "finance", "manager", "admin_user"])
def test_everyone_signed_in_reads_the_list_and_the_product(request, client, role, lamp, english):
    user = request.getfixturevalue(role)
    response = page(client, user, reverse("catalog:product_list"))
    assert response.status_code == 200 and "LED-CL-40" in text(response)
    response = client.get(reverse("catalog:product_detail", args=[lamp.pk]))
    assert response.status_code == 200


def test_anonymous_and_former_employees_are_sent_to_sign_in(client, outsider, lamp):
    for url in (
        reverse("catalog:product_list"),
        reverse("catalog:product_detail", args=[lamp.pk]),
        reverse("catalog:product_create"),
    ):
        assert client.get(url).status_code == 302
    login(client, outsider)
    assert client.get(reverse("catalog:product_list")).status_code == 302


def test_an_unknown_product_is_404_and_wrong_methods_405(client, owner, lamp):
    login(client, owner)
    assert client.get(reverse("catalog:product_detail", args=[999999])).status_code == 404
    assert client.post(reverse("catalog:product_list")).status_code == 405
    assert client.post(reverse("catalog:product_detail", args=[lamp.pk])).status_code == 405
    assert client.put(reverse("catalog:product_create")).status_code == 405


def test_the_product_page_shows_everything_a_rep_needs(client, owner, lamp, english):
    StockLevel.objects.create(
        product=lamp,
        quantity="1200",
        unit="pcs",
        as_of=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1),
        received_at=datetime.datetime.now(datetime.UTC),
        source="file",
        source_name="erp.csv",
    )
    body = text(page(client, owner, reverse("catalog:product_detail", args=[lamp.pk])))
    assert "9405.11" in body
    assert "chandeliers and electric ceiling or wall light fittings" in body  # subheading
    assert "Luminaires and light fittings; including searchlights" in body  # heading
    assert 'data-testid="hs-warning"' not in body
    assert "Deutsch: LED-Deckenleuchte 40 W" in body and "Français: Plafonnier LED 40 W" in body
    assert "100 pcs" in body and "25 days" in body
    assert "1.2 kg" in body and "1.5 kg" in body
    assert "45 × 45 × 12 cm" in body and "4 units per package" in body
    assert "China" in body
    assert "1,200 pcs in stock" in body
    assert "erp.csv" in body
    assert 'data-testid="product-edit"' not in body  # a sales rep reads only


def test_a_product_under_a_code_that_does_not_fit_shows_the_warning(client, owner, english):
    product = Product.objects.create(sku="TS-1", name="Cotton T-shirt", hs_code="940511")
    body = text(page(client, owner, reverse("catalog:product_detail", args=[product.pk])))
    assert 'data-testid="hs-warning"' in body and "share no word" in body
    listing = text(client.get(reverse("catalog:product_list")))
    assert "check HS" in listing


def test_a_chinese_only_product_says_it_could_not_be_compared(client, owner, english):
    product = Product.objects.create(sku="CN-1", name="吸顶灯", hs_code="940511")
    body = text(page(client, owner, reverse("catalog:product_detail", args=[product.pk])))
    assert "Chinese only" in body and 'data-testid="hs-warning"' not in body


def test_the_list_searches_by_article_number_name_and_hs_code(english, client, owner, lamp, shirt):
    login(client, owner)
    url = reverse("catalog:product_list")
    assert "TS-100" in text(client.get(url, {"q": "t-shirt"}))
    assert "LED-CL-40" not in text(client.get(url, {"q": "t-shirt"}))
    assert "LED-CL-40" in text(client.get(url, {"q": "deckenleuchte"}))
    by_code = text(client.get(url, {"hs": "9405.11"}))
    assert "LED-CL-40" in by_code and "TS-100" not in by_code
    assert "No product matches." in text(client.get(url, {"q": "nothing like this"}))


def test_the_list_reads_in_a_fixed_number_of_queries(client, owner, django_assert_max_num_queries):
    for n in range(30):
        product = Product.objects.create(sku=f"P-{n:03}", name=f"LED lamp {n}", hs_code="853952")
        if n % 2:
            StockLevel.objects.create(
                product=product,
                quantity=n,
                unit="pcs",
                as_of=datetime.datetime.now(datetime.UTC),
                received_at=datetime.datetime.now(datetime.UTC),
                source="api",
            )
    login(client, owner)
    client.get(reverse("catalog:product_list"))  # the session and the user, once
    with django_assert_max_num_queries(8) as counted:
        response = client.get(reverse("catalog:product_list"))
    assert response.status_code == 200 and text(response).count('data-testid="product-row"') == 30
    few = len(counted.captured_queries)
    Product.objects.create(sku="Z-1", name="LED lamp", hs_code="940511")
    with django_assert_max_num_queries(few):
        client.get(reverse("catalog:product_list"))


def test_a_sales_rep_and_finance_may_not_create_or_edit(client, owner, finance, lamp):
    for user in (owner, finance):
        login(client, user)
        assert client.get(reverse("catalog:product_create")).status_code == 403
        response = client.post(reverse("catalog:product_edit", args=[lamp.pk]), {"sku": "X"})
        assert response.status_code == 403
    assert Product.objects.get(pk=lamp.pk).sku == "LED-CL-40"


def form_data(**changes):
    data = {
        "sku": "FAN-01",
        "name": "Electric ceiling fan",
        "names": "de: Deckenventilator\nes: Ventilador de techo",
        "description": "Three blades, 56 inch.",
        "hs_code": "8414.51.00",
        "unit": "pcs",
        "moq": "200",
        "lead_time_days": "30",
        "net_weight_kg": "5.4",
        "gross_weight_kg": "6.1",
        "package_length_cm": "70",
        "package_width_cm": "25",
        "package_height_cm": "20",
        "units_per_package": "1",
        "origin_country": "CN",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_a_manager_creates_a_product_and_it_is_audited(client, manager, english):
    login(client, manager)
    response = client.post(reverse("catalog:product_create"), form_data())
    product = Product.objects.get(sku="FAN-01")
    assert response.status_code == 302
    assert response["Location"] == reverse("catalog:product_detail", args=[product.pk])
    assert product.hs_code == "84145100"
    assert product.names == {"de": "Deckenventilator", "es": "Ventilador de techo"}
    assert AuditEntry.objects.filter(object_type="product", action="create").count() == 1
    body = text(client.get(response["Location"]))
    assert "8414.51" in body and "national digits 00" in body


def test_a_code_not_in_the_nomenclature_is_refused_on_the_form(client, manager, english):
    login(client, manager)
    response = client.post(reverse("catalog:product_create"), form_data(hs_code="8414.99.99"))
    assert response.status_code == 422
    assert "8414.99 is not in the HS 2022 nomenclature" in text(response)
    assert not Product.objects.exists()


def test_a_code_that_does_not_fit_is_saved_with_a_warning(client, manager, english):
    login(client, manager)
    response = client.post(
        reverse("catalog:product_create"), form_data(hs_code="610910"), follow=True
    )
    assert Product.objects.get().hs_code == "610910"
    assert "share no word" in text(response)


def test_bad_input_is_refused_with_clear_messages(client, manager, english):
    login(client, manager)
    response = client.post(
        reverse("catalog:product_create"),
        form_data(
            names="xx: Something",
            gross_weight_kg="1",
            net_weight_kg="2",
            moq="-1",
            origin_country="ZZ",
        ),
    )
    body = text(response)
    assert response.status_code == 422
    assert "“xx” is not one of the languages" in body
    assert "Ensure this value is greater than or equal to 0" in body
    assert "ZZ is not one of the available choices" in body
    response = client.post(
        reverse("catalog:product_create"), form_data(net_weight_kg="2", gross_weight_kg="1")
    )
    assert "The gross weight cannot be less than the net weight." in text(response)
    response = client.post(reverse("catalog:product_create"), form_data(net_weight_kg="1e12"))
    assert "too large" in text(response)
    response = client.post(reverse("catalog:product_create"), form_data(sku="x" * 65))
    assert response.status_code == 422
    assert not Product.objects.exists()


def test_a_manager_edits_a_product_and_the_change_is_audited(client, manager, lamp, english):
    login(client, manager)
    form = client.get(reverse("catalog:product_edit", args=[lamp.pk]))
    assert "LED-CL-40" in text(form) and "Luminaires and light fittings" in text(form)
    response = client.post(
        reverse("catalog:product_edit", args=[lamp.pk]),
        form_data(sku="LED-CL-40", name="LED ceiling lamp 40 W", hs_code="940511", moq="50"),
    )
    assert response.status_code == 302
    lamp.refresh_from_db()
    assert lamp.moq == 50 and lamp.sku == "LED-CL-40"
    entry = AuditEntry.objects.get(object_type="product", action="update")
    assert entry.before["moq"] == "100.000" and entry.after["moq"] == "50.000"


def test_two_products_cannot_share_an_article_number(client, manager, lamp, english):
    login(client, manager)
    response = client.post(reverse("catalog:product_create"), form_data(sku="led-cl-40"))
    assert "Another product has this article number." in text(response)


def test_the_form_shows_the_hs_description_as_the_code_is_typed(client, owner, english):
    login(client, owner)
    url = reverse("catalog:hs_lookup")
    body = text(client.get(url, {"hs_code": "8806.22", "name": "Quadcopter"}))
    assert "Unmanned aircraft; for remote-controlled flight only" in body
    assert "share no word" in body
    body = text(client.get(url, {"hs_code": "880622", "description": "Unmanned aircraft, 2 kg"}))
    assert 'data-testid="hs-warning"' not in body
    assert "not in the HS 2022" in text(client.get(url, {"hs_code": "880650"}))
    assert "digits only" in text(client.get(url, {"hs_code": "88a806"}))
    assert client.get(url, {"hs_code": ""}).status_code == 200
    assert client.post(url).status_code == 405
    client.logout()
    assert client.get(url, {"hs_code": "880622"}).status_code == 302
    form = text(page(client, owner, reverse("catalog:product_list")))
    assert "hs-preview" not in form


def test_names_in_any_script_are_found(client, owner):
    Product.objects.create(
        sku="CL-2", name="Ceiling lamp", names={"zh-hans": "吸顶灯", "de": "Deckenleuchte"}
    )
    login(client, owner)
    url = reverse("catalog:product_list")
    assert "CL-2" in text(client.get(url, {"q": "吸顶"}))
    assert "CL-2" in text(client.get(url, {"q": "DECKEN"}))

"""A manager enters a product with its HS code: the code's description appears beside it
as it is typed, and the product page shows the code with its chapter and heading."""

import pytest
from playwright.sync_api import expect

from chengxin.catalog.models import Product
from chengxin.testing import speak_english

pytestmark = pytest.mark.browser


def test_a_product_with_its_hs_code(signed_in_page, manager):
    speak_english(manager)
    page = signed_in_page(manager)
    page.goto("/products/new/")
    page.get_by_label("Article number").fill("LP-6060")
    page.locator("[name=name]").fill("LED panel light 60x60")
    page.get_by_label("HS code").fill("0101.99")
    expect(page.get_by_test_id("hs-error")).to_be_visible()  # no such code, said at once
    page.get_by_label("HS code").fill("9405.11")
    expect(page.get_by_test_id("hs-error")).to_have_count(0)
    expect(page.get_by_test_id("hs-code")).to_contain_text("9405.11")
    expect(page.get_by_test_id("hs-path")).to_contain_text("Chapter 94")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("hs-code")).to_contain_text("9405.11")
    expect(page.get_by_test_id("hs-path")).to_contain_text("Heading 9405")
    product = Product.objects.get(sku="LP-6060")
    assert product.hs_code.startswith("940511")

"""What a sales rep does on a normal day, in a real browser: log in, enter a
new buyer with a contact, find it again by a piece of an email address, in
Chinese and in English; and import a spreadsheet of buyers."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from chengxin.accounts.models import Role, User
from chengxin.parties.models import Channel, Company
from chengxin.parties.normalize import normalize_email
from chengxin.testing import PASSWORD, make_company, make_user

pytestmark = pytest.mark.browser

SCREENSHOTS = "/tmp/chengxin-company-{language}.png"


def _t(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


def settle(page: Page) -> None:
    """Wait until the browser has no request in flight: the live server and the
    test share one in-memory SQLite database, which locks while both touch it."""
    page.wait_for_load_state("networkidle")


def log_in(page: Page, username: str) -> None:
    """From the keyboard: type the name, Tab to the password, Enter."""
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))  # my day


def create_company(page: Page, *, name: str, contact: str, email: str, phone: str) -> int:
    page.goto("/companies/new/")
    # The legal name has the focus when the page opens.
    expect(page.locator("#id_legal_name")).to_be_focused()
    page.keyboard.type(name)
    page.locator("#id_country").select_option("DE")
    page.locator("#id_tags").fill("LED lighting, Canton Fair 2025")
    page.locator("#id_contact-name").fill(contact)
    page.keyboard.press("Tab")
    page.keyboard.type("Einkaufsleiterin")  # the title field, reached with Tab
    page.locator("#id_contact-language").select_option("de")
    page.locator("#id_contact-email").fill(email)
    page.keyboard.press("Tab")
    page.keyboard.type(phone)  # the phone field, reached with Tab
    page.keyboard.press("Enter")  # submits the form
    page.wait_for_url(re.compile(r"/companies/\d+/$"))
    return int(re.search(r"/companies/(\d+)/$", page.url).group(1))


def search_list(page: Page, fragment: str) -> None:
    """Type into the live search and wait for htmx to swap in the results for
    the whole fragment (a slow machine may also send one for its beginning)."""
    page.goto("/companies/")
    search = page.locator("#q")
    expect(search).to_be_focused()

    def answers_all_of_it(response) -> bool:
        query = parse_qs(urlsplit(response.url).query)
        return query.get("q") == [fragment] and bool(response.request.headers.get("hx-request"))

    with page.expect_response(answers_all_of_it):
        search.press_sequentially(fragment, delay=20)
    expect(page).to_have_url(re.compile(r"[?&]q="))


def _journey(page: Page, language: str, *, name: str, email: str, phone: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_contain_text(_t(language, "My day"))  # where login lands

    pk = create_company(page, name=name, contact="Jana Weiß", email=email, phone=phone)
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("main")).to_contain_text(
        _t(language, "Customer %(name)s created.") % {"name": name}
    )
    # The channels are shown as people read them: the phone in international format.
    settle(page)
    stored = Channel.objects.filter(contact__company_id=pk).order_by("kind")
    assert [(c.kind, c.value) for c in stored] == [
        ("email", normalize_email(email).canonical),
        ("phone", "+493012345678"),
    ]
    expect(page.locator("main")).to_contain_text("+49 30 12345678")
    expect(page.locator("main")).to_contain_text(email.lower())
    page.screenshot(path=SCREENSHOTS.format(language=language), full_page=True)

    # Find it again from the list by a piece of the email address.
    search_list(page, email.split("@")[0][-5:] + "@" + email.split("@")[1][:4])
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.get_by_role("link", name=name)).to_have_attribute("href", f"/companies/{pk}/")
    # The buyer everyone already had does not match.
    expect(page.locator("#results")).not_to_contain_text("Müller Maschinenbau GmbH")
    rows.first.get_by_role("link", name=name).click()
    page.wait_for_url(f"**/companies/{pk}/")
    settle(page)


@pytest.mark.django_db(transaction=True)
def test_sales_rep_enters_and_finds_a_buyer_in_chinese(new_page):
    rep = make_user(Role.SALES, username="li.na", first_name="李娜")
    make_company(actor=rep, name="Müller Maschinenbau GmbH", email="anna@mueller-maschinen.de")
    page = new_page()
    log_in(page, "li.na")
    _journey(
        page,
        "zh-hans",
        name="Weiß Lichttechnik GmbH",
        email="J.Weiss@Weiss-Licht.de",
        phone="030 12345678",
    )


@pytest.mark.django_db(transaction=True)
def test_sales_rep_switches_to_english_and_it_is_remembered(new_page):
    rep = make_user(Role.SALES, username="zhang.wei", first_name="张伟")
    make_company(actor=rep, name="Müller Maschinenbau GmbH", email="anna@mueller-maschinen.de")
    page = new_page()
    log_in(page, "zhang.wei")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    # The language selector in the top bar switches at once (no button needed).
    selector = page.locator(".topbar select[name=language]")
    expect(selector).to_have_accessible_name(_t("zh-hans", "Language"))
    selector.select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _journey(
        page,
        "en",
        name="Lichthaus Köln GmbH",
        email="jana.weiss@lichthaus-köln.de",
        phone="+49 30 12345678",
    )
    assert User.objects.get(username="zhang.wei").language == "en"

    # Another day, another browser without the cookie: still English.
    page.context.close()
    later = new_page()
    log_in(later, "zhang.wei")
    expect(later.locator("html")).to_have_attribute("lang", "en")
    expect(later.locator("h1")).to_contain_text("My day")
    # The Unicode domain is shown as typed, and found by its Unicode form.
    search_list(later, "köln")
    expect(later.locator("#results tbody tr")).to_have_count(1)
    expect(later.locator("#results")).to_contain_text("Lichthaus Köln GmbH")


@pytest.mark.django_db(transaction=True)
def test_import_a_small_spreadsheet_through_the_dry_run(new_page, tmp_path):
    from openpyxl import Workbook

    make_user(Role.SALES, username="chen.jing", first_name="陈静")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["company", "country", "contact_name", "email", "phone"])
    sheet.append(["Al Noor Lighting Trading LLC", "AE", "Omar Haddad", "omar@alnoor-light.ae",
                  "+971 50 123 4567"])  # fmt: skip
    sheet.append(["Brightline Lighting Ltd", "GB", "Emma Taylor", "emma.taylor@brightline.co.uk",
                  "020 7946 0321"])  # fmt: skip
    sheet.append(["Ánh Sáng Việt Co., Ltd.", "VN", "Trần Thị Mai", "mai.tran@anhsangviet.vn",
                  "0912 345 678"])  # fmt: skip
    path = tmp_path / "buyers.xlsx"
    workbook.save(path)

    page = new_page()
    log_in(page, "chen.jing")
    page.goto("/imports/")
    page.get_by_test_id("import-file").set_input_files(str(path))
    page.get_by_test_id("import-submit").click()

    # The dry run counts what would happen, finds no problem and writes nothing yet.
    confirm = page.get_by_test_id("confirm-import")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("3")
    expect(page.get_by_test_id("import-error-count")).to_have_text("0")
    expect(page.get_by_test_id("import-clean")).to_be_visible()
    settle(page)
    assert not Company.objects.filter(legal_name="Brightline Lighting Ltd").exists()

    confirm.click()
    summary = page.get_by_test_id("import-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("3")
    settle(page)
    imported = Company.objects.filter(
        legal_name__in=[
            "Al Noor Lighting Trading LLC",
            "Brightline Lighting Ltd",
            "Ánh Sáng Việt Co., Ltd.",
        ]
    )
    assert imported.count() == 3
    assert set(
        Channel.objects.filter(contact__company__in=imported, kind="phone").values_list(
            "value", flat=True
        )
    ) == {"+971501234567", "+442079460321", "+84912345678"}

    # The imported buyers are found like any other.
    search_list(page, "taylor@bright")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("Brightline Lighting Ltd")

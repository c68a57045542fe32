"""Exports: only what the user may see, links kept, safe in spreadsheets,
and the import layout imports again."""

import csv
import io
import json
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from chengxin.imports import services
from chengxin.parties.models import Channel, Company
from chengxin.parties.services.channels import ChannelInput, channel_retire
from chengxin.parties.services.companies import CompanyInput, company_create
from chengxin.parties.services.domains import company_domain_add
from chengxin.testing import make_company
from chengxin.testing.imports import upload


def download(client, file_format) -> bytes:
    response = client.get(reverse("imports:export"), {"format": file_format})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return b"".join(response.streaming_content)


@pytest.fixture
def customers(owner, colleague, manager, company):
    """The owner's company (with a retired channel), a pool company and a colleague's."""
    contact = company.contacts.get()
    # An address from before Chengxin, on the company's former domain, since retired.
    old = Channel.objects.create(
        contact=contact, kind="email", value="anna@old-mueller.de", source="existing"
    )
    company_domain_add(actor=owner, company=company, domain="old-mueller.de")
    channel_retire(actor=owner, channel=old)
    pool = make_company(actor=manager, name="=HYPERLINK(\"http://evil.example\",\"Pool Co\")",
                        country="GB", email="buyer@pool.co.uk", phone="+44 20 7946 0000")  # fmt: skip
    hidden = make_company(actor=colleague, name="Hidden Buyer Ltd", country="GB")
    return company, pool, hidden


def test_sales_rep_exports_only_what_they_see_with_links(client_for, owner, customers):
    company, pool, hidden = customers
    data = json.loads(download(client_for(owner), "json"))
    assert data["format"] == "chengxin-customers"
    assert {c["id"] for c in data["companies"]} == {company.pk, pool.pk}
    mueller = next(c for c in data["companies"] if c["id"] == company.pk)
    assert mueller["owner"] == "owner" and mueller["domains"] == [
        "mueller-maschinen.de",
        "old-mueller.de",
    ]
    [anna] = mueller["contacts"]
    assert anna["company_id"] == company.pk and anna["name"] == "Anna Schmidt"
    channels = {(ch["kind"], ch["value"], ch["status"]) for ch in anna["channels"]}
    assert channels == {
        ("email", "anna.schmidt@mueller-maschinen.de", "active"),
        ("email", "anna@old-mueller.de", "retired"),
        ("phone", "+4930901820", "active"),
    }
    assert all(ch["contact_id"] == anna["id"] for ch in anna["channels"])


def test_xlsx_has_three_linked_sheets_and_no_formulas(client_for, manager, customers):
    company, pool, hidden = customers
    workbook = openpyxl.load_workbook(io.BytesIO(download(client_for(manager), "xlsx")))
    assert workbook.sheetnames == ["Companies", "Contacts", "Channels"]

    def table(name):
        rows = list(workbook[name].iter_rows(values_only=True))
        return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]

    companies, contacts, channels = table("Companies"), table("Contacts"), table("Channels")
    assert {c["id"] for c in companies} == {company.pk, pool.pk, hidden.pk}
    contact_ids = {c["id"] for c in contacts}
    assert {c["company_id"] for c in contacts} <= {c["id"] for c in companies}
    assert {ch["contact_id"] for ch in channels} <= contact_ids
    retired = [ch for ch in channels if ch["status"] == "retired"]
    assert [ch["value"] for ch in retired] == ["anna@old-mueller.de"]
    assert retired[0]["is_active"] is False
    evil = next(r for r in workbook["Companies"].iter_rows(min_row=2) if r[0].value == pool.pk)
    assert evil[1].value.startswith("=HYPERLINK") and evil[1].data_type == "s"


def test_csv_zip_neutralises_formulas(client_for, manager, customers):
    company, pool, hidden = customers
    archive = zipfile.ZipFile(io.BytesIO(download(client_for(manager), "csv")))
    assert sorted(archive.namelist()) == ["channels.csv", "companies.csv", "contacts.csv"]

    def table(name):
        return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))

    companies = {int(r["id"]): r for r in table("companies.csv")}
    assert companies[pool.pk]["legal_name"] == '\'=HYPERLINK("http://evil.example","Pool Co")'
    assert companies[company.pk]["legal_name"] == "Müller Maschinenbau GmbH"
    phones = [r["value"] for r in table("channels.csv") if r["kind"] == "phone"]
    assert "'+4930901820" in phones and all(p.startswith("'+") for p in phones)
    contacts = table("contacts.csv")
    assert {int(r["company_id"]) for r in contacts} == set(companies)


@pytest.mark.parametrize("file_format", ["flat_csv", "flat_xlsx"])
def test_flat_export_imports_again(client_for, manager, owner, file_format):
    company_create(
        actor=manager,
        owner=owner,
        data=CompanyInput(
            legal_name="Acme Trading Ltd",
            country="GB",
            other_names=["Acme UK"],
            grade="A",
            currency="GBP",
            tags=["tools", "uk"],
            website="https://acme.co.uk",
            notes="-- met at Canton Fair",
        ),  # fmt: skip
        contacts=[
            (
                {"name": "John Doe", "title": "Buyer", "language": "en"},
                [
                    ChannelInput("email", "john@acme.co.uk"),
                    ChannelInput("email", "j.doe@acme.co.uk"),
                    ChannelInput("phone", "+44 20 7946 0958"),
                    ChannelInput("wechat", "johndoe_uk"),
                ],
            ),
            ({"name": "Jane Roe", "language": "de", "time_zone": "Europe/Berlin"}, []),
        ],  # fmt: skip
    )
    make_company(actor=manager, name="Empty Co", country="FR", contact=None)

    def snapshot():
        result = set()
        for c in Company.objects.all():
            contacts = tuple(sorted(
                (p.name, p.title, p.language, p.time_zone,
                 tuple(sorted((ch.kind, ch.value, ch.is_primary) for ch in p.channels.all())))
                for p in c.contacts.all()
            ))  # fmt: skip
            result.add((
                c.legal_name, c.country, tuple(c.other_names), c.grade, c.currency, c.website,
                c.notes, c.owner_id, tuple(sorted(c.tags.values_list("name", flat=True))),
                tuple(sorted(c.domains.values_list("domain", flat=True))), contacts,
            ))  # fmt: skip
        return result

    before = snapshot()
    content = download(client_for(manager), file_format)
    Company.objects.all().delete()
    name = "export.csv" if file_format == "flat_csv" else "export.xlsx"
    batch = services.import_dry_run(actor=manager, uploaded_file=upload(content, name))
    assert batch.error_count == 0, batch.report["rows"]
    assert batch.report["notes"] == []  # the reference columns are known
    services.import_confirm(actor=manager, batch=batch)
    assert snapshot() == before


def test_export_queries_do_not_grow_with_customers(
    client_for, manager, owner, django_assert_max_num_queries
):
    for n in range(30):
        make_company(actor=owner, name=f"Buyer {n} GmbH")
    client = client_for(manager)
    with django_assert_max_num_queries(20):
        data = json.loads(download(client, "json"))
    assert len(data["companies"]) == 30
    assert Channel.objects.count() == 60


def test_export_page_offers_the_formats(client_for, finance):
    html = client_for(finance).get(reverse("imports:export")).content.decode()
    for value in ("xlsx", "csv", "json", "flat_xlsx", "flat_csv"):
        assert f'value="{value}"' in html
    response = client_for(finance).get(reverse("imports:export"), {"format": "pdf"})
    assert response.status_code == 200 and "attachment" not in response.get(
        "Content-Disposition", ""
    )

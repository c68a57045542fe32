"""The import pages: upload, review, confirm, template; who may do what."""

import io

import openpyxl
import pytest
from django.urls import reverse

from chengxin.imports import services
from chengxin.imports.models import ImportBatch, ImportStatus
from chengxin.parties.models import Company
from chengxin.testing.imports import GOOD_ROWS, csv_bytes, upload


@pytest.fixture
def batch(owner, good_csv):
    return services.import_dry_run(actor=owner, uploaded_file=upload(good_csv))


def test_upload_check_and_confirm(client_for, owner, good_csv):
    client = client_for(owner)
    page = client.get(reverse("imports:import_upload"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="import-file"' in html and 'data-testid="import-submit"' in html
    response = client.post(reverse("imports:import_upload"), {"file": upload(good_csv)})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("imports:import_review", args=[batch.pk])
    review = client.get(response.url).content.decode()
    assert 'data-testid="confirm-import"' in review
    assert Company.objects.count() == 0
    response = client.post(reverse("imports:import_confirm", args=[batch.pk]), follow=True)
    html = response.content.decode()
    assert 'data-testid="import-summary"' in html
    assert "Imported 2 companies, 3 contacts, 5 channels." in " ".join(html.split())
    assert 'data-testid="confirm-import"' not in html
    assert Company.objects.count() == 2


def test_problems_are_listed_and_block_confirm(client_for, owner):
    client = client_for(owner)
    rows = [["Acme Ltd", "Narnia", "John", "", "john@", "", ""], GOOD_ROWS[2]]
    client.post(reverse("imports:import_upload"), {"file": upload(csv_bytes(rows))})
    batch = ImportBatch.objects.get()
    html = client.get(reverse("imports:import_review", args=[batch.pk])).content.decode()
    assert "“Narnia” is not a known country" in html
    assert "“john@” is not an email address." in html
    assert 'data-testid="confirm-import"' not in html
    assert 'data-testid="import-blocked"' in html
    response = client.post(reverse("imports:import_confirm", args=[batch.pk]), follow=True)
    assert "1 row has errors" in response.content.decode()
    assert Company.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "company,country\nAcme,GB\n".encode("utf-16"), "not UTF-8 or GBK"),
        ("a.csv", b"sku;price\nA1;3\n", "names none of them"),
        ("a.xlsx", b"PK\x03\x04garbage", "could not be opened"),
        ("a.csv", b"", "The submitted file is empty."),
    ],
)
def test_unreadable_files_get_a_message_not_an_error_page(
    client_for, owner, name, content, message
):
    client = client_for(owner)
    owner.language = "en"
    owner.save(update_fields=["language"])
    response = client.post(reverse("imports:import_upload"), {"file": upload(content, name)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_review_is_paginated(client_for, owner):
    rows = [[f"Firm {i} Ltd", "GB", f"P{i}", "", f"bad{i}@", "", ""] for i in range(150)]
    client = client_for(owner)
    client.post(reverse("imports:import_upload"), {"file": upload(csv_bytes(rows))})
    batch = ImportBatch.objects.get()
    url = reverse("imports:import_review", args=[batch.pk])
    first = client.get(url).content.decode()
    assert "bad0@" in first and "bad99@" in first and "bad100@" not in first
    second = client.get(url, {"page": 2}, headers={"HX-Request": "true", "HX-Target": "rows"})
    html = second.content.decode()
    assert "bad100@" in html and "bad149@" in html and "<html" not in html


def test_template_download_has_every_column(client_for, owner):
    response = client_for(owner).get(reverse("imports:import_template"))
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Customers", "Columns", "Example"]
    headers = [c.value for c in next(workbook["Customers"].iter_rows(max_row=1))]
    assert headers[:3] == ["company", "other_names", "country"] and "wechat" in headers


def test_the_template_example_imports_cleanly(owner, client_for):
    response = client_for(owner).get(reverse("imports:import_template"))
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    example = workbook["Example"]
    out = io.BytesIO()
    copy = openpyxl.Workbook()
    for row in example.iter_rows(values_only=True):
        copy.active.append(row)
    copy.save(out)
    batch = services.import_dry_run(actor=owner, uploaded_file=upload(out.getvalue(), "e.xlsx"))
    assert batch.error_count == 0, batch.report["rows"]
    assert (batch.company_count, batch.contact_count) == (2, 3)


def test_finance_cannot_import(client_for, finance, good_csv):
    client = client_for(finance)
    html = client.get(reverse("imports:import_upload")).content.decode()
    assert 'data-testid="import-file"' not in html
    response = client.post(reverse("imports:import_upload"), {"file": upload(good_csv)})
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


def test_colleague_gets_404_on_another_reps_batch(client_for, colleague, batch):
    client = client_for(colleague)
    assert client.get(reverse("imports:import_review", args=[batch.pk])).status_code == 404
    assert client.post(reverse("imports:import_confirm", args=[batch.pk])).status_code == 404
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DRY_RUN and Company.objects.count() == 0


def test_admin_may_open_any_batch(client_for, admin_user, batch):
    response = client_for(admin_user).get(reverse("imports:import_review", args=[batch.pk]))
    assert response.status_code == 200


def _urls(batch):
    return [
        ("get", reverse("imports:import_upload")),
        ("get", reverse("imports:import_template")),
        ("get", reverse("imports:import_review", args=[batch.pk])),
        ("post", reverse("imports:import_confirm", args=[batch.pk])),
        ("get", reverse("imports:export")),
    ]


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_anonymous_and_deactivated_users_are_sent_to_login(client, outsider, batch, who):
    if who == "outsider":
        client.force_login(outsider)
    for method, url in _urls(batch):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url
    batch.refresh_from_db()
    assert batch.status == ImportStatus.DRY_RUN


def test_wrong_method_gets_405(client_for, owner, batch):
    client = client_for(owner)
    wrong = [
        ("delete", reverse("imports:import_upload")),
        ("post", reverse("imports:import_template")),
        ("post", reverse("imports:import_review", args=[batch.pk])),
        ("get", reverse("imports:import_confirm", args=[batch.pk])),
        ("post", reverse("imports:export")),
    ]
    for method, url in wrong:
        assert getattr(client, method)(url).status_code == 405, url


def test_review_and_upload_pages_use_few_queries(client_for, owner, django_assert_max_num_queries):
    rows = [[f"Firm {i} Ltd", "GB", f"P{i}", "", f"bad{i}@", "", ""] for i in range(120)]
    for _ in range(3):
        services.import_dry_run(actor=owner, uploaded_file=upload(csv_bytes(rows)))
    client = client_for(owner)
    batch = ImportBatch.objects.first()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("imports:import_review", args=[batch.pk])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("imports:import_upload")).status_code == 200

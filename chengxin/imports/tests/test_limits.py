"""An import file is read as a stream and stops at the row limit with a clear message;
a workbook that would unpack to far more than a customer list is refused before anything
is decompressed. The files are generated here: small on disk, huge when read."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chengxin.imports import reading, services
from chengxin.imports.models import ImportBatch, ImportStatus
from chengxin.parties.models import Company
from chengxin.testing.hostile_files import hostile_bytes

HEADER = ("company", "country", "contact_name", "email")

_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def _cells(number: int, values) -> str:
    cells = "".join(
        f'<c r="{column}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for column, value in zip("ABCD", values, strict=False)
    )
    return f'<row r="{number}">{cells}</row>'


def workbook(rows: int) -> bytes:
    """An .xlsx with a header and ``rows`` rows naming a company: the same row again and
    again (without cell references, which are optional), so a million of them pack into a
    few hundred KB. Its <dimension> says how many rows, as Excel writes it."""
    row = b'<row><c t="inlineStr"><is><t>Buyer GmbH</t></is></c></row>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<dimension ref="A1:D%d"/><sheetData>' % (rows + 1)
            )
            sheet.write(_cells(1, HEADER).encode())
            for start in range(0, rows, 10_000):
                sheet.write(row * min(10_000, rows - start))
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


@pytest.fixture(scope="module")
def million_rows() -> bytes:
    return workbook(1_000_000)


def test_a_small_workbook_with_a_million_rows_stops_at_the_limit(million_rows):
    assert len(million_rows) < 400_000  # small on disk
    with pytest.raises(ValidationError) as refused:
        reading.read_table("contacts.xlsx", million_rows, max_rows=50_000)
    assert refused.value.code == "rows_too_many"
    assert "more than 50000 rows with data" in refused.value.messages[0]


def test_the_dry_run_says_so_and_stores_nothing(owner, million_rows, settings):
    settings.CHENGXIN_IMPORT_MAX_ROWS = 1_000
    upload = SimpleUploadedFile("contacts.xlsx", million_rows)
    with pytest.raises(ValidationError) as refused:
        services.import_dry_run(actor=owner, uploaded_file=upload)
    assert "more than 1000 rows with data" in refused.value.messages[0]
    assert not ImportBatch.objects.exists()


def test_the_limit_is_a_setting_and_rows_up_to_it_are_read(settings):
    settings.CHENGXIN_IMPORT_MAX_ROWS = 30
    assert len(reading.read_table("contacts.xlsx", workbook(30)).rows) == 30
    with pytest.raises(ValidationError):
        reading.read_table("contacts.xlsx", workbook(31))


def test_a_csv_stops_at_the_limit_too():
    lines = ["company,country,contact_name,email"] + ["Buyer GmbH,DE,Anna,a@buyer.de"] * 101
    with pytest.raises(ValidationError) as refused:
        reading.read_table("contacts.csv", "\n".join(lines).encode(), max_rows=100)
    assert refused.value.code == "rows_too_many"


def test_blank_rows_do_not_count():
    lines = ["company,country,contact_name,email"] + [",,,"] * 500 + ["Buyer,DE,Anna,a@b.de"]
    table = reading.read_table("contacts.csv", "\n".join(lines).encode(), max_rows=1)
    assert [number for number, _row in table.rows] == [502]


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            zeros = b" " * (1024 * 1024)
            for _ in range(100):  # 100 MB of spaces, a few hundred KB packed
                sheet.write(zeros)
    bomb = out.getvalue()
    assert len(bomb) < 1_000_000
    with pytest.raises(ValidationError) as refused:
        reading.read_table("contacts.xlsx", bomb)
    assert refused.value.code == "xlsx_too_large"


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=hostile_bytes(), name=st.sampled_from(["contacts.xlsx", "contacts.csv", "x"]))
def test_a_dry_run_survives_any_bytes(owner, content, name):
    """Any bytes end in a stored dry run or in a refusal with a message, and never write a
    customer."""
    customers = Company.objects.count()
    try:
        batch = services.import_dry_run(
            actor=owner, uploaded_file=SimpleUploadedFile(name, content)
        )
    except ValidationError as refused:
        assert refused.messages and all(refused.messages)
    else:
        assert batch.pk is not None and batch.status == ImportStatus.DRY_RUN
    assert Company.objects.count() == customers

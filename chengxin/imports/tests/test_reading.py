"""Reading files: every way a file can be wrong gets a clear message."""

import io
import os
import zipfile

import pytest
from django.core.exceptions import ValidationError

from chengxin.imports import layout
from chengxin.imports.reading import read_table
from chengxin.testing.imports import GOOD_ROWS, csv_bytes, xlsx_bytes


def refused(name, content) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        read_table(name, content)
    return exc.value


def test_utf8_with_bom_and_semicolons():
    content = b"\xef\xbb\xbf" + csv_bytes(GOOD_ROWS, delimiter=";")
    table = read_table("a.csv", content)
    assert table.encoding == "utf-8" and table.delimiter == ";"
    assert [n for n, _ in table.rows] == [2, 3, 4]
    assert table.rows[0][1]["email"] == "john.doe@acme.co.uk"


def test_gbk_csv_with_chinese_headers_and_tabs():
    content = "公司\t国家\t联系人\t邮箱\n上海贸易有限公司\t中国\t张伟\tzhang@shmy.cn\n".encode(
        "gbk"
    )
    table = read_table("客户.csv", content)
    assert table.encoding == "gbk" and table.delimiter == "\t"
    assert table.rows == [
        (2, {"company": "上海贸易有限公司", "country": "中国", "contact_name": "张伟",
             "email": "zhang@shmy.cn"})
    ]  # fmt: skip


def test_headers_ignore_case_spaces_and_underscores():
    content = b"Company, COUNTRY ,Contact Name,E-Mail\nAcme,GB,John,j@acme.co.uk\n"
    table = read_table("a.csv", content)
    assert table.rows[0][1] == {
        "company": "Acme", "country": "GB", "contact_name": "John", "email": "j@acme.co.uk"
    }  # fmt: skip


@pytest.mark.parametrize(
    "content",
    [
        "company,country\nAcme,GB\n".encode("utf-16"),  # with a BOM
        "company,country\nAcme,GB\n".encode("utf-16-le"),  # without
        os.urandom(4096) + b"\xff\x80",
    ],
    ids=["utf-16", "utf-16-no-bom", "random-bytes"],
)
def test_other_encodings_are_refused(content):
    error = refused("a.csv", content)
    assert error.code == "encoding"
    assert "not UTF-8 or GBK" in error.message


def test_wrong_columns():
    error = refused("a.csv", b"name;price\nWidget;3\n")
    assert error.code == "columns"
    assert "names none of them" in error.message


def test_missing_required_column_is_named():
    error = refused("a.csv", b"company,contact_name\nAcme,John\n")
    assert error.code == "columns_missing"
    assert "country" in str(error.messages)


def test_repeated_column():
    error = refused("a.csv", "company,country,email,邮箱\nA,DE,a@b.de,c@d.de\n".encode())
    assert error.code == "columns_repeated"


def test_data_without_header_row():
    error = refused("a.csv", b"Acme,GB,John\n")
    assert error.code == "columns"


@pytest.mark.parametrize("content", [b"", b"  \r\n\n"])
def test_empty_file(content):
    assert refused("a.csv", content).code == "empty"


def test_header_without_rows():
    assert refused("a.csv", b"company,country\n,\n").code == "no_rows"


def test_xlsx_is_read_with_numbers_as_text():
    content = xlsx_bytes([["Acme Trading Ltd", "GB", "John", "", "j@acme.co.uk", 442079460958]])
    table = read_table("customers.xlsx", content)
    assert table.file_format == "xlsx"
    assert table.rows[0][1]["phone"] == "442079460958"


def test_xlsx_formula_comes_back_as_its_text():
    content = xlsx_bytes([['=HYPERLINK("http://evil.example","Acme")', "GB"]])
    table = read_table("customers.xlsx", content)
    assert table.rows[0][1]["company"].startswith("=HYPERLINK(")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.xlsx", b"PK\x03\x04" + os.urandom(2000)),
        ("text.xlsx", b"company,country\nAcme,GB\n"),
        ("truncated.xlsx", xlsx_bytes([GOOD_ROWS[0]])[:1500]),
    ],
)
def test_broken_xlsx(name, content):
    error = refused(name, content)
    assert error.code == "xlsx_broken"
    assert "could not be opened" in error.message


def test_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert refused("a.xlsx", out.getvalue()).code == "xlsx_broken"


def test_old_xls_gets_advice():
    error = refused("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert error.code == "xls" and ".xlsx" in error.message


def test_neutralised_cells_read_back_as_written():
    content = csv_bytes([["Acme", "GB", "John", "", "", "'+44 20 7946 0958", ""]])
    assert read_table("a.csv", content).rows[0][1]["phone"] == "+44 20 7946 0958"
    assert layout.neutralise("=SUM(A1)") == "'=SUM(A1)"
    assert layout.neutralise("Acme") == "Acme"
    assert layout.looks_like_formula("=1+1") and layout.looks_like_formula("+cmd(1)")
    assert not layout.looks_like_formula("+49 30 901820")
    assert not layout.looks_like_formula("- call back in May")

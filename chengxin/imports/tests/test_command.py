"""``chengxin import_companies FILE [--confirm] [--as USERNAME]``."""

import io

import pytest
from django.core.management import CommandError, call_command

from chengxin.imports.models import ImportStatus
from chengxin.parties.models import Company
from chengxin.testing.imports import GOOD_ROWS, csv_bytes


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_companies", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_the_report_and_imports_nothing(owner, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_bytes(csv_bytes(GOOD_ROWS))
    output = run(str(path), "--as", "owner")
    assert "3 rows; to import: 2 companies, 3 contacts, 5 channels" in output
    assert "Dry run only" in output
    assert Company.objects.count() == 0


def test_confirm_imports_as_the_named_user(owner, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_bytes(csv_bytes(GOOD_ROWS))
    output = run(str(path), "--confirm", "--as", "owner")
    assert "Imported 2 companies, 3 contacts, 5 channels" in output
    assert set(Company.objects.values_list("owner__username", flat=True)) == {"owner"}
    assert owner.import_batches.get().status == ImportStatus.IMPORTED


def test_rows_with_errors_are_printed_and_stop_the_import(admin_user, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_bytes(csv_bytes([*GOOD_ROWS, ["Bad Co", "XX", "Bo", "", "bo@", "", ""]]))
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_companies", str(path), "--confirm", stdout=out)
    assert "Importing as admin" in out.getvalue()
    assert "row 5 [error] email: “bo@” is not an email address." in out.getvalue()
    assert Company.objects.count() == 0


def test_unreadable_file_and_unknown_user(owner, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_bytes("company,country\n".encode("utf-16"))
    with pytest.raises(CommandError, match="not UTF-8 or GBK"):
        run(str(path), "--as", "owner")
    with pytest.raises(CommandError, match="No active user 'ghost'"):
        run(str(path), "--as", "ghost")

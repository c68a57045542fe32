"""``chengxin guard check message.eml`` prints the assessment as JSON, checked against
the customers in the database (or, with --without-database, the engine's own CLI)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from chengxin.testing.mail import make_raw


def _check(path, *args) -> dict:
    out = io.StringIO()
    call_command("guard", "check", str(path), *args, stdout=out)
    return json.loads(out.getvalue())


def test_check_uses_the_customers_in_the_database(tmp_path, company):
    path = tmp_path / "lookalike.eml"
    path.write_bytes(make_raw(sender="Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"))
    result = _check(path, "--no-dns")
    assert result["level"] in ("high", "critical")
    first = result["signals"][0]
    assert first["code"] == "lookalike_homoglyph"
    assert "Müller Maschinenbau GmbH" in first["text"]


def test_check_of_the_contacts_own_mail_is_low(tmp_path, company):
    path = tmp_path / "benign.eml"
    path.write_bytes(make_raw())
    assert _check(path, "--no-dns")["level"] == "low"


def test_without_the_database_nothing_is_known(tmp_path, company):
    path = tmp_path / "lookalike.eml"
    path.write_bytes(make_raw(sender="anna.schmidt@mueIler-maschinen.de"))
    result = _check(path, "--without-database")
    assert "lookalike_homoglyph" not in [s["code"] for s in result["signals"]]
    domains = tmp_path / "domains.csv"
    domains.write_text("domain,company\nmueller-maschinen.de,Müller Maschinenbau GmbH\n")
    result = _check(path, "--without-database", "--known-domains", str(domains))
    assert result["signals"][0]["code"] == "lookalike_homoglyph"


def test_a_missing_file_is_an_error(tmp_path, db):
    with pytest.raises(CommandError):
        call_command("guard", "check", str(tmp_path / "missing.eml"), "--no-dns")

"""The command line: guard check message.eml prints the assessment as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chengxin.guard.cli import main
from chengxin.guard.tests.conftest import data_path


def test_check_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    domains = tmp_path / "domains.csv"
    domains.write_text(
        "domain,company,customer_since,relation\n"
        "aquillaindustries.com,Aquilla Industries,2016,customer\n",
        encoding="utf-8",
    )
    addresses = tmp_path / "addresses.txt"
    addresses.write_text("# known contacts\npurchasing@aquillaindustries.com\n", encoding="utf-8")
    message = data_path("phishing_bec", "mailparser_rfq_lure_replyto_lookalike.DEFANGED.eml")
    code = main(
        [
            "check",
            str(message),
            "--known-domains",
            str(domains),
            "--known-addresses",
            str(addresses),
            "--dns",
            str(data_path("email_auth", "mailauth_ec_dns.json")),
            "--confusables",
            str(data_path("lookalike_domains", "unicode17_confusables.txt")),
        ]
    )
    assert code == 0
    output = json.loads(capsys.readouterr().out)
    assert output["level"] == "critical"
    assert output["sender"] == "do-not-reply@ncs.gov.ng"
    first = output["signals"][0]
    assert first["code"] == "lookalike_homoglyph"
    assert first["text"].startswith("The Reply-To domain aquiIlaindustries.com looks like")
    assert output["authentication"]["verdict"] == "none"


def test_offline_dns_file_verifies_dkim(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "check",
            str(data_path("email_auth", "mailauth_ec_signed.eml")),
            "--dns",
            str(data_path("email_auth", "mailauth_ec_dns.json")),
            "--seen-before",
        ]
    )
    assert code == 0
    output = json.loads(capsys.readouterr().out)
    rsa = [d for d in output["authentication"]["dkim"] if d["algorithm"] == "rsa-sha256"]
    assert [d["result"] for d in rsa] == ["pass"]
    assert (output["score"], output["level"]) == (0, "low")


def test_missing_file_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "missing.eml")]) == 2
    assert "guard:" in capsys.readouterr().err


def test_runs_as_a_module() -> None:
    message = data_path("phishing_bec", "mailparser_bills_of_goods_lure.eml")
    completed = subprocess.run(
        [sys.executable, "-m", "chengxin.guard.cli", "check", str(message), "--first-contact"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    output = json.loads(completed.stdout)
    assert "payment_notice_first_contact" in {s["code"] for s in output["signals"]}


def test_engine_imports_no_django() -> None:
    code = (
        "import sys\n"
        "import chengxin.guard.cli, chengxin.guard.scoring, chengxin.guard.signals\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'django')\n"
        "print(','.join(loaded))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert completed.stdout.strip() == ""

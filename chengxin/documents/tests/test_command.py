"""``chengxin documents render``: a PDF from a JSON file, without the database, and a
clear message (never a traceback) for a file that is not a document."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from chengxin.documents.tests.documents import EXAMPLE, document

ROOT = Path(__file__).resolve().parents[3]


def test_renders_the_example_to_pdf_without_the_database(tmp_path):
    # pytest-django refuses any database access in a test not marked for it.
    output = tmp_path / "proforma.pdf"
    call_command("documents", "render", str(EXAMPLE), "--output", str(output))
    assert output.read_bytes().startswith(b"%PDF-")


def test_renders_html(tmp_path):
    source = tmp_path / "doc.json"
    source.write_text(json.dumps(document("packing_list", "de")), encoding="utf-8")
    output = tmp_path / "doc.html"
    call_command("documents", "render", str(source), "--output", str(output), "--html")
    html = output.read_text(encoding="utf-8")
    assert '<html lang="de" dir="ltr">' in html and "Packliste" in html


def test_the_command_line_works_with_no_database_at_all(tmp_path):
    """A separate process whose database cannot be opened: the command never tries."""
    output = tmp_path / "out.pdf"
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody:wrong@127.0.0.1:1/none",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "chengxin", "documents", "render", str(EXAMPLE), "-o", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF-")
    assert "PI-2026-0042 (proforma, en)" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON (line 1, column 2"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (b"[]", "the document is not valid:\nExpected an object"),
        (b'{"kind": "proforma"}', "number: This field is required."),
    ],
)
def test_a_bad_file_gives_a_clear_message(tmp_path, content, message):
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    with translation.override("en"), pytest.raises(CommandError) as caught:
        call_command("documents", "render", str(source), "--output", str(tmp_path / "x.pdf"))
    assert message in str(caught.value)
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_file_gives_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("documents", "render", str(tmp_path / "nope.json"), "-o", "x.pdf")


@settings(max_examples=60, deadline=None)
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_fuzz_any_bytes_give_a_command_error_not_a_traceback(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("fuzz")
    source = folder / "in.json"
    source.write_bytes(raw)
    try:
        call_command("documents", "render", str(source), "--output", str(folder / "o.pdf"))
    except CommandError:
        pass

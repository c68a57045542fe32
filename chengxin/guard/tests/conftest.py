"""Shared fixtures: the public test data in ../shared/data (read, never copied)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from chengxin.guard.confusables import ConfusablesTable

# chengxin/guard/tests/conftest.py -> parents[3] is the repository root.
DATA_DIR = (Path(__file__).resolve().parents[3] / ".." / "shared" / "data").resolve()


def data_path(*parts: str) -> Path:
    """A file or folder of the shared test data; fails (never skips) when it is missing."""
    path = DATA_DIR.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"shared test data missing: {path}")
    return path


@pytest.fixture(scope="session")
def confusables() -> ConfusablesTable:
    return ConfusablesTable.from_file(data_path("lookalike_domains", "unicode17_confusables.txt"))


@pytest.fixture(scope="session")
def dkimpy_dns() -> Callable[[str], str | None]:
    records = json.loads(data_path("email_auth", "dns_records_dkimpy.json").read_text())
    return records.get


@pytest.fixture(scope="session")
def authheaders_data() -> dict:
    return json.loads(data_path("email_auth", "authheaders_dns_and_expected.json").read_text())

"""Shared fixtures: the public test data in ../shared/data (read, never copied).

A test that needs it is skipped when it is missing, failed under CI=true
(``chengxin.testing.shared_data``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from chengxin.guard.confusables import ConfusablesTable
from chengxin.testing import shared_data


def data_path(*parts: str) -> Path:
    """A file or folder of the shared test data; the test skips when it is missing
    (fails under CI=true)."""
    return shared_data(*parts)


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

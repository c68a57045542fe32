"""The import tests compare messages in English; the import files are built with
``chengxin.testing.imports``."""

import pytest

from chengxin.testing.imports import GOOD_ROWS, csv_bytes


@pytest.fixture(autouse=True)
def _in_english(english):
    """Messages are compared in English unless a test chooses another language."""


@pytest.fixture
def good_csv():
    return csv_bytes(GOOD_ROWS)

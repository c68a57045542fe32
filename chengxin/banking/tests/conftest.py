"""Banking tests read messages in English and store mail in a temporary folder, assessed
by an offline guard."""

import pytest


@pytest.fixture(autouse=True)
def _setup(english, mail_setup):
    """Every test here: English, mail stored in a temporary folder, an offline guard."""

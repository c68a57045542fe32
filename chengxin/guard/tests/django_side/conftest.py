"""The guard's Django side (assessments of stored mail, alarms, marking safe, the
command) stores mail like the mail tests do; the engine's tests beside this folder
need no database."""

import pytest


@pytest.fixture(autouse=True)
def _setup(mail_setup):
    """Every test here: mail stored in a temporary folder, an offline guard."""

"""The guard's Django side (assessments of stored mail, alarms, marking safe, the
command) stores mail like the mail tests do; the engine's tests beside this folder
need no database."""

import pytest

from chengxin.guard.models import Assessment
from chengxin.testing.mail import make_raw

# Anna's address with a capital I for the l of "mueller": a lookalike of a customer's.
LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"


@pytest.fixture(autouse=True)
def _setup(mail_setup):
    """Every test here: mail stored in a temporary folder, an offline guard."""


@pytest.fixture
def alarm(ingest, company):
    """The guard's assessment of a lookalike of the customer's address announcing a new
    bank account."""
    message = ingest(make_raw(sender=LOOKALIKE, text="We changed our bank account.")).message
    return Assessment.objects.get(message=message)

"""The outbox's tests: a buyer's contact in Berlin (working hours are hers). The loopback
SMTP server and WhatsApp Cloud API are shared fixtures (``chengxin.testing.fixtures``)."""

from __future__ import annotations

import pytest


@pytest.fixture
def berlin_contact(company):
    contact = company.contacts.get()
    contact.time_zone = "Europe/Berlin"
    contact.save(update_fields=["time_zone"])
    return contact

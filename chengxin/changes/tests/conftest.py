"""The change tests share the mail fixtures (stored messages assessed by an offline guard)
and the outbox's loopback SMTP server."""

import pytest

from chengxin.changes.services.opening import change_open
from chengxin.mail.tests.fixtures import ingest, media_root, offline_guard  # noqa: F401
from chengxin.outbox.tests.conftest import smtp_server  # noqa: F401

OLD_EMAIL = "anna.schmidt@mueller-maschinen.de"
NEW_EMAIL = "anna.schmidt@mueller-group.de"
PHONE_ON_FILE = "+4930901820"


@pytest.fixture(autouse=True)
def _english(settings):
    """The tests read the messages in English (the pages' default is Chinese)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def contact(company):
    return company.contacts.get()


@pytest.fixture
def change(owner, contact):
    """Anna's new address, opened by hand by her customer's owner."""
    return change_open(actor=owner, contact=contact, kind="email", new_value=NEW_EMAIL)


def deliver_confirmation(change):
    """The outbox hands the request's confirmation to a (local) mail server."""
    from chengxin.outbox.services import outbox_send_one
    from chengxin.outbox.transport import LocalTransport

    change.refresh_from_db()
    return outbox_send_one(message_pk=change.confirm_message_id, transport=LocalTransport())


def add_colleague(owner, company, *channels, name="Jörg Weber"):
    """A new person at the customer, entered with ``channels`` ((kind, value) pairs): the
    channels are written at once, unverified."""
    from chengxin.parties.services import ChannelInput, contact_create

    return contact_create(
        actor=owner,
        company=company,
        name=name,
        language="de",
        channels=[ChannelInput(kind, value) for kind, value in channels],
    )

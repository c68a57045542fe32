"""The change tests store mail like the mail tests (``mail_setup``, ``ingest``) and send
through the loopback SMTP server (``smtp_server``): shared fixtures of
``chengxin.testing.fixtures``."""

import pytest

from chengxin.changes.services.opening import change_open

OLD_EMAIL = "anna.schmidt@mueller-maschinen.de"
NEW_EMAIL = "anna.schmidt@mueller-group.de"
PHONE_ON_FILE = "+4930901820"


@pytest.fixture(autouse=True)
def _setup(english, mail_setup):
    """The tests read the messages in English (the pages' default is Chinese); mail is
    stored in a temporary folder and assessed by an offline guard."""


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
    from chengxin.parties.services.channels import ChannelInput
    from chengxin.parties.services.contacts import contact_create

    return contact_create(
        actor=owner,
        company=company,
        name=name,
        language="de",
        channels=[ChannelInput(kind, value) for kind, value in channels],
    )

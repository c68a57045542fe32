import pytest

from chengxin.mail.tests.dovecot import Dovecot
from chengxin.mail.tests.fixtures import ingest, media_root, offline_guard  # noqa: F401


@pytest.fixture(autouse=True)
def _private_mail_hosts(settings):
    """The mail tests use servers on loopback (Dovecot, LocalTransport's "localhost"): as
    an administrator would for a mail server on the office network, allow them."""
    settings.CHENGXIN_MAIL_ALLOW_PRIVATE_HOSTS = True


@pytest.fixture(scope="session")
def dovecot():
    """A real Dovecot IMAP server for this test run (stopped at the end)."""
    server = Dovecot()
    yield server
    server.stop()

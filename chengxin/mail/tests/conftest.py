import pytest

from chengxin.mail.tests.dovecot import Dovecot


@pytest.fixture(autouse=True)
def _setup(mail_setup):
    """Every test here: mail stored in a temporary folder, an offline guard."""


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

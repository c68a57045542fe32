import pytest

from chengxin.mail.tests.dovecot import Dovecot
from chengxin.mail.tests.fixtures import ingest, media_root, offline_guard  # noqa: F401


@pytest.fixture(scope="session")
def dovecot():
    """A real Dovecot IMAP server for this test run (stopped at the end)."""
    server = Dovecot()
    yield server
    server.stop()

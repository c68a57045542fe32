"""Send errors in plain words: what happened and who can fix it."""

import pytest
from django.utils import translation

from chengxin.outbox.failures import NO_RELAY, explain_failure


@pytest.mark.parametrize(
    ("error", "words"),
    [
        ("[Errno 111] Connection refused", "refused the connection"),
        ("[Errno -2] Name or service not known", "name could not be found"),
        ("[Errno -3] Temporary failure in name resolution", "name could not be found"),
        ("timed out", "did not answer in time"),
        ("[Errno 113] No route to host", "cannot be reached"),
        ("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", "certificate"),
        ("[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)", "secure connection"),
        ("SMTP AUTH extension not supported by server.", "offers no login"),
        ("Connection unexpectedly closed", "closed the connection"),
        ("535 5.7.8 Authentication credentials invalid", "refused the login"),
        ("450 4.2.1 Mailbox busy, try again", "try again later"),
        ("550 5.1.1 No such user here", "refused the address"),
        ("552 5.3.4 Message size exceeds fixed limit", "too large"),
        ("599 Something unheard of", "refused the message"),
    ],
)
def test_common_errors_are_explained(error, words):
    with translation.override("en"):
        assert words in explain_failure(error)


def test_no_relay_is_its_own_explanation():
    with translation.override("en"):
        assert explain_failure(NO_RELAY) == NO_RELAY


def test_unknown_errors_and_no_error_have_no_explanation():
    assert explain_failure("") == ""
    assert explain_failure("Sending was interrupted") == ""

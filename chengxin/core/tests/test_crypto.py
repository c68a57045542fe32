"""Secrets at rest: encrypted, tamper-evident, readable after a key rotation."""

import pytest

from chengxin.core import crypto


def test_round_trip_and_no_plain_text(settings):
    settings.CHENGXIN_ENCRYPTION_KEY = "k-one"
    token = crypto.encrypt("Imap-Secret-9 密码")
    assert "Imap-Secret-9" not in token
    assert crypto.decrypt(token) == "Imap-Secret-9 密码"
    assert crypto.encrypt("same") != crypto.encrypt("same")  # random IV


def test_a_changed_token_is_refused(settings):
    settings.CHENGXIN_ENCRYPTION_KEY = "k-one"
    token = crypto.encrypt("secret")
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(tampered)


def test_another_key_cannot_read_it_until_named_as_an_old_key(settings):
    settings.CHENGXIN_ENCRYPTION_KEY = "k-one"
    token = crypto.encrypt("secret")
    settings.CHENGXIN_ENCRYPTION_KEY = "k-two"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token)
    settings.CHENGXIN_ENCRYPTION_OLD_KEYS = ["k-one"]
    assert crypto.decrypt(token) == "secret"


def test_without_a_dedicated_key_secret_key_is_used(settings):
    settings.CHENGXIN_ENCRYPTION_KEY = ""
    settings.SECRET_KEY = "a-secret-key-for-this-test"
    token = crypto.encrypt("secret")
    settings.SECRET_KEY = "another-secret-key"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(token)

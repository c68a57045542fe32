"""Encrypting secrets at rest (mailbox passwords, later account numbers).

Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``). The key comes from
``CHENGXIN_ENCRYPTION_KEY`` when it is set (any string; it is stretched with
SHA-256), otherwise from ``SECRET_KEY``. Rotating the key: set the new one in
``CHENGXIN_ENCRYPTION_KEY`` and the old one in ``CHENGXIN_ENCRYPTION_OLD_KEYS``
(comma-separated); values written under an old key still decrypt, and
``encrypt`` always writes under the new one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["DecryptionError", "decrypt", "encrypt", "lookup_digest"]

_CONTEXT = b"chengxin.core.crypto/v1:"
_LOOKUP_CONTEXT = b"chengxin.core.crypto/lookup/v1:"


class DecryptionError(Exception):
    """The value was not written with any of the configured keys, or was altered."""


def _fernet_key(secret: str) -> bytes:
    digest = hashlib.sha256(_CONTEXT + secret.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest)


@cache
def _fernet(primary: str, old: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(_fernet_key(secret)) for secret in (primary, *old)])


def _current() -> MultiFernet:
    primary = settings.CHENGXIN_ENCRYPTION_KEY or settings.SECRET_KEY
    return _fernet(primary, tuple(settings.CHENGXIN_ENCRYPTION_OLD_KEYS))


def encrypt(plain: str) -> str:
    """The encrypted form of ``plain`` as ASCII text (safe for a TextField)."""
    return _current().encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _current().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError) as exc:
        raise DecryptionError("The value cannot be decrypted with the configured keys.") from exc


def lookup_digest(plain: str) -> str:
    """A keyed digest (HMAC-SHA256, hex) of ``plain`` for finding an encrypted value
    without decrypting every row. Keyed, because account numbers have too little
    entropy for a plain hash. It uses the current key: after a key rotation, stored
    digests must be recomputed (``chengxin bank_accounts_rehash``)."""
    primary = settings.CHENGXIN_ENCRYPTION_KEY or settings.SECRET_KEY
    key = hashlib.sha256(_LOOKUP_CONTEXT + primary.encode("utf-8")).digest()
    return hmac.new(key, plain.encode("utf-8"), hashlib.sha256).hexdigest()

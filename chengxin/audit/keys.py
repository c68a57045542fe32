"""The keys of the audit chain and of its checkpoints, kept out of the database.

Both come from ``CHENGXIN_AUDIT_KEY`` when it is set (any string, or a file through
``CHENGXIN_AUDIT_KEY_FILE``), otherwise from ``SECRET_KEY``, each stretched with
SHA-256 under its own purpose label (like ``chengxin.core.crypto``), so neither is
the encryption key nor each other. The chain is not re-keyed in place: before
rotating ``SECRET_KEY``, set ``CHENGXIN_AUDIT_KEY`` to its current value (the same
keys result) and keep it.
"""

from __future__ import annotations

import hashlib

from django.conf import settings

_CHAIN_CONTEXT = b"chengxin.audit.chain/v1:"
_CHECKPOINT_CONTEXT = b"chengxin.audit.checkpoint/v1:"


def _secret() -> bytes:
    return (settings.CHENGXIN_AUDIT_KEY or settings.SECRET_KEY).encode("utf-8")


def chain_key() -> bytes:
    """The HMAC key of the entries' hashes."""
    return hashlib.sha256(_CHAIN_CONTEXT + _secret()).digest()


def checkpoint_key() -> bytes:
    """The HMAC key that signs checkpoint lines."""
    return hashlib.sha256(_CHECKPOINT_CONTEXT + _secret()).digest()

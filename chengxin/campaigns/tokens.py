"""Personal acknowledgement links: unguessable (256 random bits), looked up by their
SHA-256, kept encrypted so that a reminder can carry the same link again."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from chengxin.core.crypto import decrypt, encrypt

MAX_TOKEN_LENGTH = 64


@dataclass(frozen=True)
class NewToken:
    token: str
    digest: str
    encrypted: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> NewToken:
    token = secrets.token_urlsafe(32)
    return NewToken(token=token, digest=token_digest(token), encrypted=encrypt(token))


def token_of(encrypted: str) -> str:
    return decrypt(encrypted)

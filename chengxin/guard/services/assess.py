"""Assessing a stored message: the plain engine (``chengxin.guard.scoring``) fed what only
the database knows (the known correspondents, whether the sender wrote before, the contact
details on file, blocked senders), its result stored with the bank details it names.

What other apps know (the bank details on file, what attachments name) is handed in by
the caller: the inbound pipeline (``chengxin.inbound.pipeline``) runs a message's way in,
and the guard calls neither banking nor mail's services.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from django.conf import settings

from chengxin.guard import scoring
from chengxin.guard.authentication import TxtLookup, live_txt_lookup
from chengxin.guard.content import BankDetails, FoundAccount
from chengxin.guard.known_index import known_index
from chengxin.guard.services.blocks import sender_blocks, with_blocks
from chengxin.guard.services.senders import (
    contact_details,
    imitated_company_id,
    sender_seen_before,
)
from chengxin.guard.services.store import Assessed, store_assessment
from chengxin.guard.signals import Signal
from chengxin.mail.models import Message


def _txt_lookup() -> TxtLookup | None:
    return live_txt_lookup() if settings.CHENGXIN_GUARD_DNS == "live" else None


def _raw_for_engine(message: Message) -> bytes:
    """The raw message; only its headers when it is too large to parse."""
    with message.raw.open("rb") as handle:
        limit = settings.CHENGXIN_MAIL_MAX_PARSE_MB * 1_000_000
        raw = handle.read(limit + 1)
    if len(raw) <= limit:
        return raw
    for separator in (b"\r\n\r\n", b"\n\n"):
        end = raw.find(separator, 0, 256 * 1024)
        if end >= 0:
            return raw[: end + len(separator)]
    return raw[: 256 * 1024]


def message_assess(
    *,
    message: Message,
    bank_details: BankDetails,
    attachment_accounts: Sequence[tuple[str, FoundAccount]] = (),
    txt_lookup: TxtLookup | None = None,
) -> Assessed:
    """Assess (or re-assess) one stored message and store the result with the bank details
    it names. ``bank_details``: what is on file for its customer and ours, to compare with;
    ``attachment_accounts``: (file name, identifier) not on file that its attachments name.
    The caller links the message to the customer it imitates and raises the alert (the
    inbound pipeline does both)."""
    known = known_index()
    result = scoring.assess_message(
        _raw_for_engine(message),
        index=known.index,
        sender_seen_before=sender_seen_before(message),
        bank_details=bank_details,
        contact_details=contact_details(message.company_id),
        txt_lookup=txt_lookup if txt_lookup is not None else _txt_lookup(),
        trusted_authserv_ids=settings.CHENGXIN_GUARD_TRUSTED_AUTHSERV_IDS,
    )
    attachment_accounts = list(attachment_accounts)
    result = _with_attachment_accounts(result, attachment_accounts, bank_details.empty)
    imitated = None if message.company_id else imitated_company_id(result, known)
    blocks = sender_blocks(message=message, company_id=message.company_id or imitated)
    if blocks:
        result = with_blocks(result, blocks)
        imitated = imitated or (None if message.company_id else blocks[0].company_id)
    found = [("", account) for account in (result.content.accounts if result.content else ())]
    found += attachment_accounts
    return store_assessment(
        message=message, result=result, imitated_company_id=imitated, found=found
    )


_BANK_SIGNALS = ("new_bank_account", "bank_details_unverified")


def _with_attachment_accounts(
    result: scoring.Assessment, found: list, on_file_empty: bool
) -> scoring.Assessment:
    """The engine reads the message's text; bank details not on file that only an
    attachment (an invoice PDF) names add the same signal, marked with the file's name."""
    if not found or result.codes & set(_BANK_SIGNALS):
        return result
    filename, account = found[0]
    code = _BANK_SIGNALS[1] if on_file_empty else _BANK_SIGNALS[0]
    signal = Signal(
        code,
        scoring.DEFAULT_WEIGHTS.get(code, 0),
        {
            "kind": account.kind,
            "account": account.display,
            "country": account.country,
            "bank": account.bank,
            "accounts": [a.display for _name, a in found],
            "attachment": filename,
        },
    )
    signals = sorted([*result.signals, signal], key=lambda s: (-s.weight, s.code))
    signals = [s for s in signals if s.weight > 0]
    score = min(100, sum(s.weight for s in signals))
    return dataclasses.replace(
        result,
        signals=tuple(signals),
        score=score,
        level=scoring.DEFAULT_THRESHOLDS.level(score),
    )

"""Which messages belong to one conversation, when headers do not say: pure.

The reliable link is In-Reply-To/References; many clients (and forwarded
chains) drop them, so the fallback is the subject without reply and forward
prefixes in the languages Chengxin's users and their buyers write in.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["subject_key"]

# Re:, Fwd:, AW:, WG:, SV:, RE[2]:, 回复：, 答复:, 转发:, 回覆, Ynt:, Ответ:, Доб: …
_PREFIX = re.compile(
    r"^\s*(?:\[[^\]]{0,40}\]\s*)?"
    r"(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|r|i|rv|enc|res|odp|pd|ynt|ilt|"
    r"ответ|отв|пересл|fw\.|回复|答复|回覆|转发|轉寄|转|返信|転送|رد|إعادة توجيه)"
    r"\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)


def subject_key(subject: str) -> str:
    """The subject with reply/forward prefixes removed, case-folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", subject or "")
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX.sub("", text, count=1)
    return " ".join(text.casefold().split())[:255]

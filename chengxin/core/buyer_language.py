"""The buyer's language: the one helper every letter, notice and public page uses.

Buyers read twelve languages (``settings.CHENGXIN_BUYER_LANGUAGES``); the user interface
speaks two (``settings.LANGUAGES``). A contact's language code, whatever its spelling
(``"zh-Hans"``, ``"zh_CN"``, ``"fr-BE"``, ``"PT_br"``), becomes one of the twelve, else
English. Texts are then rendered inside ``translation.override(buyer_language(...))``.

The buyer-facing modules and templates are listed in ``BUYER_SOURCES``: the
``buyer_messages`` command reads only those to write the buyer catalogues.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.utils import translation

FALLBACK = "en"

# Where the words a buyer reads live (paths from the ``chengxin`` package). The buyer
# catalogues (every buyer language but Chinese) hold the msgids of these files only.
BUYER_SOURCES = (
    "changes/drafts.py",
    "guard/letters.py",
    "campaigns/notice.py",
    "campaigns/timeline",
    "campaigns/templates/campaigns/letters",
    "campaigns/templates/campaigns/timeline_email.html",
    "campaigns/templates/campaigns/timeline_pdf.html",
    "campaigns/templates/campaigns/ack_page.html",
    "campaigns/templates/campaigns/ack_not_found.html",
    "core/templates/core/public_base.html",
    "publicrecord/answers.py",
    "publicrecord/public_forms.py",
    "publicrecord/templates/publicrecord/record.html",
    "publicrecord/templates/publicrecord/_account.html",
    "compensation/buyer_forms.py",
    "compensation/templates/compensation/claim_public.html",
    "compensation/templates/compensation/claim_thanks.html",
    "compensation/templates/compensation/_buyer_claims.html",
    "inquiries/templates/inquiries/letters",
    "commitments/letters.py",
    "orders/texts.py",
    "documents/render.py",
    "documents/words.py",
    "documents/templates/documents/document.html",
    "documents/templates/documents/letters",
    "documents/texts.py",
)

# Chinese variants that all mean the simplified script we write.
_CHINESE = {"zh", "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn", "zh-my"}


def buyer_languages() -> tuple[str, ...]:
    """The codes of the twelve languages buyers read (Django spelling: ``zh-hans``)."""
    return tuple(code for code, _name in settings.CHENGXIN_BUYER_LANGUAGES)


def buyer_language(language: str | None) -> str:
    """A contact's language code as one of the buyer languages, else English.

    ``"zh-Hans"``/``"zh_CN"``/``"zh"`` → ``"zh-hans"``; ``"fr-BE"`` → ``"fr"``;
    ``"pt_BR"`` → ``"pt"``; ``""``/``"xx"`` → ``"en"``."""
    code = re.sub(r"[_\s]+", "-", (language or "").strip().lower())
    if not code:
        return FALLBACK
    offered = buyer_languages()
    if code in offered:
        return code
    if code in _CHINESE or code.startswith(("zh-hans", "zh-cn")):
        return "zh-hans" if "zh-hans" in offered else FALLBACK
    base = code.split("-")[0]
    if base == "zh":  # Traditional Chinese is not written: English, not the wrong script.
        return FALLBACK
    return base if base in offered else FALLBACK


def chosen_buyer_language(choice: str | None) -> str | None:
    """A language a reader chose on a public page (``?lang=``), if it is one of ours."""
    code = (choice or "").strip().lower()
    return code if code in buyer_languages() else None


def accepted_buyer_language(accept_language: str) -> str | None:
    """The first language of an ``Accept-Language`` header that buyers read, if any."""
    for code, _quality in translation.trans_real.parse_accept_lang_header(accept_language):
        if code == "*":
            continue
        language = buyer_language(code)
        if language != FALLBACK or code.lower().startswith("en"):
            return language
    return None


def request_buyer_language(request, *, default: str | None = None) -> str:
    """A public page's language: ``?lang=``, else ``default`` (the buyer's own, when the
    page knows the buyer), else the language cookie or the browser's first buyer
    language, else the language the middleware chose (Chinese or English)."""
    chosen = chosen_buyer_language(request.GET.get("lang"))
    if chosen:
        return chosen
    if default:
        return buyer_language(default)
    cookie = chosen_buyer_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if cookie:
        return cookie
    accepted = accepted_buyer_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    return accepted or buyer_language(translation.get_language())


def language_choices(current: str) -> list[dict[str, object]]:
    """The buyer languages for a public page's language links, each named in itself."""
    return [
        {"code": code, "name": name, "current": code == current}
        for code, name in settings.CHENGXIN_BUYER_LANGUAGES
    ]


def page_direction(language: str) -> str:
    """``"rtl"`` for a language written right to left (Arabic), else ``"ltr"``."""
    return "rtl" if translation.get_language_info(language)["bidi"] else "ltr"


def install_english_fallback() -> None:
    """Make English, not the site's default language, what a msgid missing from a
    catalogue falls back to (called once from the core app's ``ready``).

    Django falls back to ``LANGUAGE_CODE`` (Chinese here) for any msgid a catalogue
    lacks, so a Portuguese buyer would read Chinese wherever the Portuguese catalogue
    has a gap. Our msgids are English: reading the msgid itself is the right fallback.
    (The buyer test still fails on every gap; this keeps a gap from becoming Chinese.)"""
    from django.utils.translation import trans_real

    cls = trans_real.DjangoTranslation
    if getattr(cls._add_fallback, "english_fallback", False):  # type: ignore[attr-defined]
        return

    def _add_fallback(self, localedirs=None):
        return None

    _add_fallback.english_fallback = True  # type: ignore[attr-defined]
    cls._add_fallback = _add_fallback  # type: ignore[attr-defined]
    trans_real._translations = {}  # type: ignore[attr-defined]

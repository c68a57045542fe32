"""An amount of money in words, in the document's language, as invoices write it.

Chinese documents use the capital numerals (大写) banks and tax offices expect, from
cn2an (``人民币壹仟贰佰叁拾肆元伍角陆分``, ``美元壹万元整``): the currency's Chinese name,
then the amount in 元, 角 and 分.

Every other language takes the whole units in words from num2words and the currency's
name from CLDR (Babel), and writes the minor units as a fraction, the form banks read on
a letter of credit: "twelve thousand one hundred fifty US dollars and 25/100". The same
pattern for every currency avoids num2words' uneven currency tables (its Arabic writes
every currency as riyals). A currency without minor units (JPY) has no fraction.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import get_currency_name
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from chengxin.core.money import babel_locale
from chengxin.documents.spec import minor_units

# num2words' codes for our buyer languages (Chinese is written with cn2an).
_NUM2WORDS = {
    "en": "en",
    "fr": "fr",
    "es": "es",
    "de": "de",
    "ar": "ar",
    "ja": "ja",
    "ru": "ru",
    "pt": "pt",
    "it": "it",
    "ko": "ko",
    "tr": "tr",
}


def amount_in_words(amount: Decimal, currency: str, language: str) -> str:
    """``amount`` of ``currency`` in words in ``language`` (a buyer language code)."""
    places = minor_units(currency)
    amount = amount.quantize(Decimal(1).scaleb(-places))
    if language == "zh-hans":
        return chinese_capital_amount(amount, currency)
    from num2words import num2words

    whole = int(amount)
    fraction = int((amount - whole).scaleb(places)) if places else 0
    locale = babel_locale(language)
    words = num2words(whole, lang=_NUM2WORDS.get(language, "en"))
    name = get_currency_name(currency, count=whole, locale=locale)
    if language == "es":
        words = _spanish_before_noun(words, feminine=name.split(" ")[0].endswith(("a", "as")))
    with translation.override(language):
        # Translators: an amount in words on an invoice, e.g. "twelve thousand US dollars".
        units = pgettext("amount in words", "%(number)s %(currency)s") % {
            "number": words,
            "currency": name,
        }
        if not places:
            return units
        # Translators: the whole units in words and the cents as a fraction: "… and 25/100".
        return _("%(units)s and %(fraction)s/%(scale)s") % {
            "units": units,
            "fraction": f"{fraction:0{places}d}",
            "scale": 10**places,
        }


_SPANISH_ONE = re.compile(r"\b(veinti)?uno\b")


def _spanish_before_noun(words: str, *, feminine: bool) -> str:
    """num2words counts in Spanish ("veintiuno mil uno"); before a noun, and before
    "mil", one is shortened: "veintiún mil un dólares", or agrees with a feminine currency:
    "veintiuna mil una libras"."""

    def one(match: re.Match) -> str:
        prefix = match.group(1) or ""
        if feminine:
            return f"{prefix}una"
        return "veintiún" if prefix else "un"

    return _SPANISH_ONE.sub(one, words)


def chinese_capital_amount(amount: Decimal, currency: str) -> str:
    """``Decimal("1234.56"), "USD"`` → ``美元壹仟贰佰叁拾肆元伍角陆分``; CNY → 人民币…."""
    import cn2an

    name = "人民币" if currency == "CNY" else get_currency_name(currency, locale="zh_Hans")
    if amount == 0:
        return f"{name}零元整"
    # cn2an writes 元/角/分 from two decimals; currencies with three (KWD) are rounded to
    # the 分, as Chinese banks' forms have no smaller unit.
    value = amount.quantize(Decimal("0.01"))
    return name + cn2an.an2cn(format(value, "f"), "rmb")

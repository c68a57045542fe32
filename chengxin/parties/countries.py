"""Country names in the user's language (pycountry's codes, Babel's names)."""

from functools import lru_cache

import pycountry
from babel import Locale
from django.utils.translation import get_language


@lru_cache(maxsize=8)
def _names(language: str) -> dict[str, str]:
    locale = Locale.parse((language or "en").replace("-", "_"), sep="_")
    return {c.alpha_2: locale.territories.get(c.alpha_2, c.name) for c in pycountry.countries}


def country_name(code: str, language: str | None = None) -> str:
    return _names(language or get_language() or "en").get(code, code)


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    names = _names(language or get_language() or "en")
    return sorted(names.items(), key=lambda item: item[1])

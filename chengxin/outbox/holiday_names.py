"""Public holiday names in the reader's language where the ``holidays`` package has none.

The package names a country's holidays in the languages it knows for that country
(Chinese only for China, Hong Kong, Macao, Taiwan and Russia). For a Chinese reader and
a buyer in Germany or the United States, its English names are translated here, through
our own catalogue, for the holidays of the main export markets. A name we have no
translation for stays as the package gives it.
"""

from __future__ import annotations

import re

from django.utils.translation import pgettext, pgettext_lazy

# Marked for makemessages; looked up by their English name with ``pgettext``.
HOLIDAY_NAMES = (
    pgettext_lazy("public holiday", "New Year's Day"),
    pgettext_lazy("public holiday", "New Year's Eve"),
    pgettext_lazy("public holiday", "New Year Holidays"),
    pgettext_lazy("public holiday", "Christmas Day"),
    pgettext_lazy("public holiday", "Christmas"),
    pgettext_lazy("public holiday", "Christmas Eve"),
    pgettext_lazy("public holiday", "Second Day of Christmas"),
    pgettext_lazy("public holiday", "Boxing Day"),
    pgettext_lazy("public holiday", "Saint Stephen's Day"),
    pgettext_lazy("public holiday", "Epiphany"),
    pgettext_lazy("public holiday", "Maundy Thursday"),
    pgettext_lazy("public holiday", "Good Friday"),
    pgettext_lazy("public holiday", "Easter Sunday"),
    pgettext_lazy("public holiday", "Easter Monday"),
    pgettext_lazy("public holiday", "Ascension Day"),
    pgettext_lazy("public holiday", "Pentecost"),
    pgettext_lazy("public holiday", "Pentecost Monday"),
    pgettext_lazy("public holiday", "Whit Monday"),
    pgettext_lazy("public holiday", "Corpus Christi"),
    pgettext_lazy("public holiday", "Assumption Day"),
    pgettext_lazy("public holiday", "Assumption Of Mary Day"),
    pgettext_lazy("public holiday", "All Saints' Day"),
    pgettext_lazy("public holiday", "Immaculate Conception"),
    pgettext_lazy("public holiday", "Labor Day"),
    pgettext_lazy("public holiday", "Labour Day"),
    pgettext_lazy("public holiday", "International Labor Day"),
    pgettext_lazy("public holiday", "Workers' Day"),
    pgettext_lazy("public holiday", "May Day"),
    pgettext_lazy("public holiday", "Independence Day"),
    pgettext_lazy("public holiday", "National Day"),
    pgettext_lazy("public holiday", "Republic Day"),
    pgettext_lazy("public holiday", "Constitution Day"),
    pgettext_lazy("public holiday", "Victory Day"),
    pgettext_lazy("public holiday", "Liberation Day"),
    pgettext_lazy("public holiday", "Armistice Day"),
    pgettext_lazy("public holiday", "Children's Day"),
    pgettext_lazy("public holiday", "Youth Day"),
    pgettext_lazy("public holiday", "Midsummer Day"),
    pgettext_lazy("public holiday", "Eid al-Fitr"),
    pgettext_lazy("public holiday", "Eid al-Fitr Holiday"),
    pgettext_lazy("public holiday", "Eid al-Adha"),
    pgettext_lazy("public holiday", "Eid al-Adha Holiday"),
    pgettext_lazy("public holiday", "Day of Arafah"),
    pgettext_lazy("public holiday", "Islamic New Year"),
    pgettext_lazy("public holiday", "Prophet's Birthday"),
    pgettext_lazy("public holiday", "Chinese New Year"),
    pgettext_lazy("public holiday", "Lunar New Year"),
    pgettext_lazy("public holiday", "Vesak Day"),
    pgettext_lazy("public holiday", "Diwali"),
    pgettext_lazy("public holiday", "Holi"),
    pgettext_lazy("public holiday", "Songkran Festival"),
    # United States
    pgettext_lazy("public holiday", "Martin Luther King Jr. Day"),
    pgettext_lazy("public holiday", "Washington's Birthday"),
    pgettext_lazy("public holiday", "Memorial Day"),
    pgettext_lazy("public holiday", "Juneteenth National Independence Day"),
    pgettext_lazy("public holiday", "Columbus Day"),
    pgettext_lazy("public holiday", "Veterans Day"),
    pgettext_lazy("public holiday", "Thanksgiving Day"),
    # United Kingdom, Ireland, Canada, Australia
    pgettext_lazy("public holiday", "Spring Bank Holiday"),
    pgettext_lazy("public holiday", "Late Summer Bank Holiday"),
    pgettext_lazy("public holiday", "Saint Patrick's Day"),
    pgettext_lazy("public holiday", "Canada Day"),
    pgettext_lazy("public holiday", "Australia Day"),
    pgettext_lazy("public holiday", "ANZAC Day"),
    # Germany, the Netherlands, Italy
    pgettext_lazy("public holiday", "German Unity Day"),
    pgettext_lazy("public holiday", "Reformation Day"),
    pgettext_lazy("public holiday", "King's Day"),
    pgettext_lazy("public holiday", "National Unity Day"),
)

# What the package appends to a name: "Boxing Day (observed)", "Eid al-Adha (estimated)".
_QUALIFIER = re.compile(
    r"^(?P<name>.*?)\s*\((?P<qualifier>observed|estimated|observed, estimated)\)$"
)
QUALIFIERS = {
    "observed": pgettext_lazy("public holiday", "%(name)s (observed)"),
    "estimated": pgettext_lazy("public holiday", "%(name)s (estimated)"),
    "observed, estimated": pgettext_lazy("public holiday", "%(name)s (observed, estimated)"),
}


def translate_holiday_name(name: str) -> str:
    """The English ``name`` (one or several, "; "-separated) in the active language, as
    far as our catalogue has it."""
    return "; ".join(_one(part) for part in name.split("; "))


def _one(name: str) -> str:
    match = _QUALIFIER.match(name)
    if match is None:
        return pgettext("public holiday", name)
    base = pgettext("public holiday", match["name"])
    return str(QUALIFIERS[match["qualifier"]]) % {"name": base}

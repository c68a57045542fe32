"""The letters a buyer reads about their order's promised dates, in the buyer's language:
the early warning of a delay with an alternative, and a production update with photos.

The words go through gettext inside ``translation.override`` of the buyer's language
(:func:`chengxin.core.buyer_language.buyer_language`); dates are written the buyer's way
(Babel, long format). Named placeholders: ``%(name)s`` (the contact), ``%(order)s`` (our
order number), ``%(what)s`` (the promise, e.g. "the shipment of your order"),
``%(promised)s``, ``%(expected)s`` (dates), ``%(alternative)s`` (a paragraph, may be
empty), ``%(text)s`` (the rep's own words), ``%(sender)s``. The rep edits every draft
before it is sent.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel.dates import format_date
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from chengxin.core.buyer_language import buyer_language
from chengxin.core.money import babel_locale


@dataclass(frozen=True)
class Letter:
    language: str
    subject: str
    body: str


# Translators: what was promised, inside a sentence of a letter to a buyer ("We promised
# you %(what)s for 3 March"). Write the form that fits after "we promised you".
PROMISE_NAMES = {
    "production_start": pgettext_lazy("promise in a letter", "the start of production"),
    "ready": pgettext_lazy("promise in a letter", "your goods ready for shipment"),
    "shipped": pgettext_lazy("promise in a letter", "the shipment of your goods"),
    "arrival": pgettext_lazy("promise in a letter", "the arrival of your goods"),
    "other": pgettext_lazy("promise in a letter", "this"),
}

# The alternatives a delay warning offers (the values of the model's choices).
AIR_FREIGHT = "air_freight"
PART_SHIPMENT = "part_shipment"
COST_SHARE = "cost_share"
NEW_DATE = "new_date"
NONE = "none"


def _alternative(choice: str, *, expected_known: bool) -> str:
    """The paragraph offering the alternative, in the active language ("" for none)."""
    if choice == AIR_FREIGHT:
        # Translators: a paragraph of a delay letter to a buyer.
        return _(
            "To make up for the delay, we can send the goods by air freight instead of by "
            "sea, so that they reach you close to the original date."
        )
    if choice == PART_SHIPMENT:
        # Translators: a paragraph of a delay letter to a buyer.
        return _(
            "To make up for the delay, we can ship the part of your order that is ready now "
            "at once, and the rest as soon as it is finished."
        )
    if choice == COST_SHARE:
        # Translators: a paragraph of a delay letter to a buyer.
        return _(
            "We know a delay has a cost for you, so we would like to carry part of it: "
            "please tell us what suits you and we will find an arrangement."
        )
    if choice == NEW_DATE and expected_known:
        # Translators: a paragraph of a delay letter to a buyer.
        return _(
            "We propose %(expected)s as the new date and will keep you informed of the "
            "progress until then."
        )
    return ""


def date_words(day: datetime.date, language: str) -> str:
    """``day`` written the reader's way ("3. März 2027", "March 3, 2027")."""
    return format_date(day, format="long", locale=babel_locale(language))


def promise_name(kind: str, label: str = "") -> str:
    """The promise inside a sentence, in the active language: the label of another
    promise (quality report, documents) as the rep wrote it."""
    if kind == "other" and label:
        return label
    name = PROMISE_NAMES.get(kind)
    return str(name) if name is not None else label


def delay_letter(
    *,
    language: str,
    name: str,
    order: str,
    kind: str,
    label: str = "",
    promised_on: datetime.date,
    expected_on: datetime.date | None,
    alternative: str,
    sender: str,
) -> Letter:
    """The early warning that a promised date will not be kept, with the alternative we
    offer. ``expected_on`` None: the new date is not known yet."""
    language = buyer_language(language)
    with translation.override(language):
        expected = date_words(expected_on, language) if expected_on else ""
        values = {
            "name": name,
            "order": order,
            "what": promise_name(kind, label),
            "promised": date_words(promised_on, language),
            "expected": expected,
            "sender": sender,
        }
        offer = _alternative(alternative, expected_known=expected_on is not None)
        values["alternative"] = (offer % values + "\n\n") if offer else ""
        # Translators: subject of a letter to a buyer; %(order)s is our order number.
        subject = _("Your order %(order)s: a change of date") % values
        if expected_on:
            # Translators: a sentence of a delay letter; %(expected)s is a date.
            values["outlook"] = _("We now expect it on %(expected)s.") % values
        else:
            # Translators: a sentence of a delay letter when the new date is not known.
            values["outlook"] = _("We will tell you the new date as soon as we know it.")
        # Translators: a letter warning a buyer of a delay, well before the date. Keep the
        # blank lines. %(alternative)s is a paragraph (or nothing) ending in a blank line.
        body = (
            _(
                "Dear %(name)s,\n\n"
                "We promised you %(what)s for your order %(order)s on %(promised)s. We are "
                "sorry to tell you that we will not be able to keep this date. %(outlook)s\n\n"
                "We prefer to tell you now, while there is still time to plan.\n\n"
                "%(alternative)s"
                "Please let us know what you think; we are happy to discuss it.\n\n"
                "Best regards,\n%(sender)s"
            )
            % values
        )
        return Letter(language, subject, body)


def production_update_letter(
    *, language: str, name: str, order: str, text: str, photos: int, sender: str
) -> Letter:
    """A short letter carrying the rep's update on production (``text``, in the rep's own
    words) and ``photos`` attached pictures."""
    language = buyer_language(language)
    with translation.override(language):
        values = {"name": name, "order": order, "text": text.strip(), "sender": sender}
        # Translators: subject of a letter to a buyer; %(order)s is our order number.
        subject = _("Your order %(order)s: production update") % values
        if photos:
            # Translators: a sentence of a production update letter to a buyer.
            values["photos"] = _("You will find photos of your goods attached.") + "\n\n"
        else:
            values["photos"] = ""
        # Translators: a letter to a buyer with news of their order's production. Keep the
        # blank lines; %(text)s is the rep's own update; %(photos)s is a sentence or nothing.
        body = (
            _(
                "Dear %(name)s,\n\n"
                "Here is the latest news on the production of your order %(order)s:\n\n"
                "%(text)s\n\n"
                "%(photos)s"
                "Best regards,\n%(sender)s"
            )
            % values
        )
        return Letter(language, subject, body)

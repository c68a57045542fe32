"""The timeline of a change of our receiving bank account, as each buyer gets it.

Four milestones: the decision and its reason; the new account opened and verified; the
parallel period in which both accounts receive; the old account's last day. Drawn three
ways from the same facts, in the buyer's language:

* ``timeline_svg``: a self-contained SVG picture (web pages, the PDF);
* ``timeline_html``: a table for the body of an email (mail clients drop SVG);
* ``timeline_pdf``: the A4 notice attached to the email (WeasyPrint), with both
  accounts' details, the public record link and its QR code.

Words go through gettext (``translation.override(language)``), dates through Babel, so a
new language needs only its translations. A language the site does not offer falls back
to English rather than mixing languages in one letter.

No database here: the caller builds ``TimelineFacts`` from the change plan.

The package: :mod:`.facts` (the facts and their words), :mod:`.text` (measuring and
wrapping), :mod:`.svg` (the picture), :mod:`.documents` (the email table and the PDF).
The names below are its interface (the notice, the pages, the selectors).
"""

from chengxin.campaigns.timeline.documents import timeline_html, timeline_pdf, timeline_pdf_html
from chengxin.campaigns.timeline.facts import (
    MASK,
    AccountFacts,
    Milestone,
    TimelineFacts,
    clean_text,
    format_day,
    format_period,
    mask_account_number,
    timeline_language,
    timeline_milestones,
)
from chengxin.campaigns.timeline.svg import timeline_svg
from chengxin.campaigns.timeline.text import text_width, wrap_text

__all__ = [
    "MASK",
    "AccountFacts",
    "Milestone",
    "TimelineFacts",
    "clean_text",
    "format_day",
    "format_period",
    "mask_account_number",
    "text_width",
    "timeline_html",
    "timeline_language",
    "timeline_milestones",
    "timeline_pdf",
    "timeline_pdf_html",
    "timeline_svg",
    "wrap_text",
]

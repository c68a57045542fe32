"""The timeline in an email's body (an HTML table: mail clients drop SVG) and the A4
notice attached to the email (WeasyPrint), with both accounts' details, the public record
link and its QR code. Django templates, autoescaped."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import segno
from babel.numbers import get_currency_name
from django.template import Engine
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from chengxin.campaigns.timeline.facts import (
    TimelineFacts,
    clean_text,
    date_locale,
    format_day,
    timeline_language,
    timeline_milestones,
    verify_sentence,
)
from chengxin.campaigns.timeline.svg import INK, timeline_svg
from chengxin.core.buyer_language import page_direction


@cache
def _engine() -> Engine:
    """Our own template engine: the notice renders the same whether or not the app's
    templates are on the project's loaders (workers, shells, tests)."""
    return Engine(
        dirs=[str(Path(__file__).resolve().parent.parent / "templates")],
        libraries={"i18n": "django.templatetags.i18n"},
    )


def _accounts(facts: TimelineFacts, language: str) -> list[dict[str, str]]:
    locale = date_locale(language)
    rows = []
    for account in (facts.new_account, facts.old_account):
        rows.append(
            {
                "bank_name": clean_text(account.bank_name),
                "holder": clean_text(account.holder),
                "bic": clean_text(account.bic),
                "masked_number": clean_text(account.masked_number),
                "currency": f"{account.currency} · "
                f"{get_currency_name(account.currency, locale=locale)}",
            }
        )
    return rows


def _context(facts: TimelineFacts, language: str) -> dict[str, object]:
    url = facts.public_record_url
    with translation.override(language):
        link = format_html('<a href="{}">{}</a>', url, clean_text(url))
        verify = mark_safe(conditional_escape(verify_sentence()) % {"url": link})  # noqa: S308
    new, old = _accounts(facts, language)
    direction = page_direction(language)
    return {
        "language": language,
        "direction": direction,
        "start": "right" if direction == "rtl" else "left",
        "company_name": clean_text(facts.company_name),
        "reason": clean_text(facts.reason),
        "milestones": timeline_milestones(facts, language),
        "new": new,
        "old": old,
        "new_from": format_day(facts.parallel_from, language),
        "old_until": format_day(facts.old_closes_on, language),
        "public_record_url": url,
        "verify": verify,
    }


def timeline_html(facts: TimelineFacts, language: str) -> str:
    """The timeline as an HTML table with inline styles, for the body of an email."""
    language = timeline_language(language)
    with translation.override(language):
        return _engine().render_to_string(
            "campaigns/timeline_email.html", _context(facts, language)
        )


def timeline_pdf_html(facts: TimelineFacts, language: str) -> str:
    """The HTML document that ``timeline_pdf`` prints (also handy to preview)."""
    language = timeline_language(language)
    context = _context(facts, language)
    context["svg"] = timeline_svg(facts, language, framed=False)
    context["qr"] = segno.make(facts.public_record_url, error="m").svg_data_uri(
        scale=4, border=2, dark=INK
    )
    with translation.override(language):
        return _engine().render_to_string("campaigns/timeline_pdf.html", context)


def timeline_pdf(facts: TimelineFacts, language: str) -> bytes:
    """The A4 notice: title, company, the timeline picture, both accounts, how to verify."""
    from weasyprint import HTML  # heavy import (pango): only when a PDF is made
    from weasyprint.urls import URLFetcher

    html = timeline_pdf_html(facts, language)
    # Everything is inline: WeasyPrint may read data: URIs only, never the network or
    # the file system, and a resource it cannot read fails the PDF instead of leaving
    # a hole in it.
    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return HTML(string=html, url_fetcher=fetcher).write_pdf()

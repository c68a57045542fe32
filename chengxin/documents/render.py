"""A ``DocumentSpec`` as an HTML page and as a PDF (WeasyPrint), in the document's language.

Labels come from the buyer catalogues (gettext inside ``translation.override``); numbers,
dates and money are formatted by Babel for the language; the total is written in words
(``words.py``). Arabic documents are laid out right to left, and every free text (names,
addresses, descriptions) is set in its own direction (``document_text.isolated``).

Fonts are named per script so that no glyph falls to a box: Noto Sans for Latin, Greek
and Cyrillic, Noto Sans CJK in the variant of the language (SC for Chinese, JP, KR), Noto
Naskh Arabic for Arabic; each stack ends with the others, for a Chinese seller's name on
an English document. ``scripts/install_pdf_libraries`` installs them. WeasyPrint subsets
fonts with HarfBuzz (libharfbuzz-subset); ``fonts.py`` says what keeps CJK fast.

Nothing here reads the database.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import segno
from babel.dates import format_date
from babel.numbers import format_decimal
from django.template import Engine
from django.utils import translation
from django.utils.translation import gettext as _

from chengxin.core.buyer_language import page_direction
from chengxin.core.money import babel_locale, format_money
from chengxin.documents.fonts import cjk_families, font_configuration
from chengxin.documents.spec import DocumentSpec, Line, minor_units
from chengxin.documents.words import amount_in_words

LATIN = '"Noto Sans", "DejaVu Sans"'
ARABIC = '"Noto Naskh Arabic"'
# The CJK variant a language's documents use first (Han characters differ by region).
CJK_REGION = {"zh-hans": "SC", "ja": "JP", "ko": "KR"}


def font_stack(language: str) -> str:
    """The CSS font families for a document: the language's own script first, then the
    others, so that a name in any of our scripts finds its glyphs."""
    region = CJK_REGION.get(language)
    if region:
        return f"{cjk_families(region)}, {LATIN}, {ARABIC}"
    if language == "ar":
        return f"{ARABIC}, {LATIN}, {cjk_families('SC')}"
    return f"{LATIN}, {cjk_families('SC')}, {ARABIC}"


QR_INK = "#1f2937"

_local = threading.local()


@cache
def _engine() -> Engine:
    """Our own engine: the document renders the same from a worker, a shell or a test,
    whatever the project's template settings."""
    return Engine(
        dirs=[str(Path(__file__).resolve().parent / "templates")],
        libraries={
            "i18n": "django.templatetags.i18n",
            "document_text": "chengxin.documents.templatetags.document_text",
        },
    )


def document_title(kind: str) -> str:
    """The document's name in the active language."""
    titles = {
        "quotation": _("Quotation"),
        "proforma": _("Proforma invoice"),
        "commercial_invoice": _("Commercial invoice"),
        "packing_list": _("Packing list"),
        "order_confirmation": _("Order confirmation"),
    }
    return titles[kind]


@dataclass(frozen=True)
class Formats:
    """Babel's formatting for one document: its language and currency."""

    language: str
    currency: str

    @property
    def locale(self):
        return babel_locale(self.language)

    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.currency, language=self.language)

    def amount(self, amount: Decimal) -> str:
        """An amount without its currency code (the column's header names it)."""
        places = minor_units(self.currency)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(amount, format=pattern, locale=self.locale)

    def unit_price(self, amount: Decimal) -> str:
        """A unit price keeps its extra decimals (0.1250 USD stays 0.125)."""
        places = minor_units(self.currency)
        pattern = "#,##0." + "0" * places + "#" * 4
        return format_decimal(amount, format=pattern, locale=self.locale)

    def number(self, value: Decimal | int | None) -> str:
        if value is None:
            return ""
        return format_decimal(value, format="#,##0.###", locale=self.locale)

    def day(self, value) -> str:
        return format_date(value, format="long", locale=self.locale) if value else ""

    def percent(self, rate: Decimal) -> str:
        return format_decimal(rate, format="#,##0.##", locale=self.locale) + "%"


def _line(line: Line, formats: Formats) -> dict[str, Any]:
    packing = line.packing
    return {
        "position": line.position,
        "sku": line.sku,
        "description": line.description,
        "hs_code": display_hs_code(line.hs_code),
        "origin": line.origin_country,
        "origin_name": country_name(line.origin_country, formats.language),
        "quantity": formats.number(line.quantity),
        "unit": line.unit,
        "unit_price": formats.unit_price(line.unit_price),
        "amount": formats.amount(line.amount),
        "tax_rate": formats.percent(line.tax_rate),
        "reduced": line.reduced_rate,
        "packages": formats.number(packing.packages) if packing else "",
        "package_type": packing.package_type if packing else "",
        "net_kg": formats.number(packing.net_kg) if packing else "",
        "gross_kg": formats.number(packing.gross_kg) if packing else "",
        "dimensions": packing.dimensions if packing else "",
        "marks": packing.marks if packing else "",
    }


def display_hs_code(code: str) -> str:
    """``"84137000"`` → ``"8413.70.00"``, as customs print it."""
    if len(code) < 6:
        return code
    shown = f"{code[:4]}.{code[4:6]}"
    return f"{shown}.{code[6:]}" if len(code) > 6 else shown


def country_name(code: str, language: str) -> str:
    if not code:
        return ""
    return babel_locale(language).territories.get(code, code)


def _party(party, language: str) -> dict[str, str]:
    return {
        "name": party.name,
        "address": party.address,
        "country": country_name(party.country, language),
        "vat_number": party.vat_number,
        "email": party.email,
        "phone": party.phone,
    }


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=3, border=0, dark=QR_INK)


def document_context(spec: DocumentSpec) -> dict[str, Any]:
    """Everything the template prints, formatted for the document's language. Call it
    inside ``translation.override(spec.language)``."""
    language = spec.language
    formats = Formats(language, spec.currency)
    direction = page_direction(language)
    account = spec.account
    rate_totals = [
        {
            "rate": formats.percent(row.rate),
            "reduced": row.reduced,
            "taxable": formats.money(row.taxable),
            "tax": formats.money(row.tax),
        }
        for row in spec.rate_totals
    ]
    packing_totals = spec.packing_totals
    incoterm = ""
    if spec.incoterm:
        # Translators: the Incoterm with its named place, e.g. "FOB Ningbo (Incoterms® 2020)".
        incoterm = _("%(incoterm)s %(place)s (Incoterms® 2020)") % {
            "incoterm": spec.incoterm,
            "place": spec.named_place,
        }
    return {
        "spec": spec,
        "language": language,
        "direction": direction,
        "start": "right" if direction == "rtl" else "left",
        "end": "left" if direction == "rtl" else "right",
        "font_stack": font_stack(language),
        "title": document_title(spec.kind),
        "issue_date": formats.day(spec.issue_date),
        "valid_until": formats.day(spec.valid_until),
        "seller": _party(spec.seller, language),
        "buyer": _party(spec.buyer, language),
        "currency": spec.currency,
        "lines": [_line(line, formats) for line in spec.lines],
        "show_prices": spec.shows_prices,
        "show_tax": spec.has_tax,
        "show_hs": spec.shows_hs_and_origin,
        "show_packing": spec.shows_packing,
        "packing_totals": {
            "packages": formats.number(packing_totals.packages),
            "net_kg": formats.number(packing_totals.net_kg),
            "gross_kg": formats.number(packing_totals.gross_kg),
        },
        "subtotal": formats.money(spec.subtotal),
        "rate_totals": rate_totals,
        "tax_total": formats.money(spec.tax_total),
        "total": formats.money(spec.total),
        "total_in_words": amount_in_words(spec.total, spec.currency, language),
        "any_reduced": any(line.reduced_rate for line in spec.lines),
        "japan_qualified": spec.is_japan_qualified_invoice,
        "japan_export": spec.is_japan_export_without_tax and spec.shows_prices,
        "incoterm": incoterm,
        "schedule": [
            {
                "description": row.description,
                "due": formats.day(row.due_date) if row.due_date else row.trigger,
                "amount": formats.money(row.amount),
            }
            for row in spec.schedule
        ],
        "account": account,
        "account_number": _grouped(account.iban) if account and account.iban else "",
        "qr": qr_data_uri(account.verify_url) if account else "",
    }


def _grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def render_html(spec: DocumentSpec) -> str:
    """The document as a standalone HTML page (what the PDF prints)."""
    with translation.override(spec.language):
        return _engine().render_to_string("documents/document.html", document_context(spec))


def _fetcher():
    """This thread's URL fetcher. Everything is inline (the QR code is a data: URI):
    WeasyPrint may read nothing else, neither the network nor the file system. Made
    once: a new fetcher loads the system's certificates (50 ms) for HTTPS it never uses."""
    fetcher = getattr(_local, "fetcher", None)
    if fetcher is None:
        from weasyprint.urls import URLFetcher

        fetcher = _local.fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    return fetcher


# The user-agent styles our template needs, instead of WeasyPrint's copy of the HTML
# standard's (hundreds of rules, many on [dir] attributes that every element is matched
# against): with it, computing the styles of a 30-line document took half its layout time.
# The template styles everything else itself; the HTML page in a browser is unaffected.
DOCUMENT_UA_STYLESHEET = r"""
head, title, meta, style, script { display: none }
html, body, div, p, h1, h2 { display: block }
h1, h2, strong, b, th { font-weight: bold }
table { display: table; box-sizing: border-box; border-spacing: 2px;
        border-collapse: separate; text-indent: initial }
thead { display: table-header-group; vertical-align: middle }
tbody { display: table-row-group; vertical-align: middle }
tfoot { display: table-footer-group; vertical-align: middle }
tr { display: table-row; vertical-align: inherit }
td, th { display: table-cell; vertical-align: inherit; padding: 1px }
br::before { content: "\A"; white-space: pre-line }
[dir=rtl] { direction: rtl }
[dir=ltr] { direction: ltr }
"""


def _document_html_class():
    """WeasyPrint's ``HTML`` with our user-agent styles (made once per thread)."""
    cls = getattr(_local, "html_class", None)
    if cls is None:
        from weasyprint import CSS, HTML  # heavy import (pango): only when a PDF is made

        stylesheet = CSS(string=DOCUMENT_UA_STYLESHEET, url_fetcher=_fetcher())

        class DocumentHTML(HTML):
            def _ua_stylesheets(self, forms=False):
                return [stylesheet]

        cls = _local.html_class = DocumentHTML
    return cls


def render_pdf(spec: DocumentSpec) -> bytes:
    """The document as an A4 PDF with its fonts embedded (subset)."""
    html = render_html(spec)
    document = _document_html_class()(string=html, url_fetcher=_fetcher()).render(
        font_config=font_configuration()
    )
    return document.write_pdf()

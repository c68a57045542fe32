"""Making a message's HTML safe to show inside Chengxin's pages (nh3).

* No scripts, styles, frames, forms, embedded objects or event handlers.
* No remote resources: an image whose source is on the network (a tracking
  pixel tells the sender the mail was opened, and when, and from where) is
  replaced by a visible placeholder; only images embedded in the message as
  ``data:`` URIs of a raster type are kept. ``style`` attributes keep only
  colours, weights and alignment, never ``url(...)``.
* Links keep http, https and mailto targets, open in a new tab and carry
  ``rel="noopener noreferrer"`` so the sender learns nothing from a click's
  referrer.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3

__all__ = ["SanitizedHtml", "sanitize_html"]

_TAGS = (nh3.ALLOWED_TAGS - {"map", "area"}) | {"font", "center", "tfoot"}
_ATTRIBUTES = {
    "*": {"style", "dir", "lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align", "valign", "width"},
    "th": {"colspan", "rowspan", "align", "valign", "width", "scope"},
    "table": {"width", "align", "border", "cellpadding", "cellspacing"},
    "tr": {"align", "valign"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "font": {"color", "size", "face"},
    "ol": {"start", "type"},
    "p": {"align"},
    "div": {"align"},
    "blockquote": {"cite"},
}
_STYLE_PROPERTIES = {
    "color",
    "background-color",
    "font-weight",
    "font-style",
    "font-size",
    "text-align",
    "text-decoration",
    "white-space",
}
_EMBEDDED_IMAGE = re.compile(r"^data:image/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]+$", re.I)
_LINK_SCHEMES = ("http:", "https:", "mailto:")
# nh3's output is well-formed: attribute values are quoted with ", and " inside is escaped.
_IMG_TAG = re.compile(r'<img\b((?:[^>"]|"[^"]*")*)>')
_ALT = re.compile(r'\balt="([^"]*)"')


@dataclass(frozen=True)
class SanitizedHtml:
    html: str
    blocked_images: int


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        return value if _EMBEDDED_IMAGE.match(value.strip()) else None
    if tag == "a" and attribute == "href":
        lowered = value.strip().lower()
        return value if lowered.startswith(_LINK_SCHEMES) else None
    if attribute == "style" and "url(" in value.replace(" ", "").lower():
        return None
    return value


def sanitize_html(raw_html: str) -> SanitizedHtml:
    """Clean ``raw_html``. An image not loaded shows as a frame with its alt text; the
    page says in the reader's language why (the stored HTML is language-neutral)."""
    if not raw_html.strip():
        return SanitizedHtml("", 0)
    cleaned = nh3.clean(
        raw_html,
        tags=_TAGS,
        clean_content_tags={"script", "style", "title", "head", "noscript", "template"},
        attributes=_ATTRIBUTES,
        attribute_filter=_filter,
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        url_schemes={"http", "https", "mailto", "data"},
        filter_style_properties=_STYLE_PROPERTIES,
        strip_comments=True,
    )
    blocked = 0

    def replace(match: re.Match) -> str:
        nonlocal blocked
        attributes = match.group(1)
        if re.search(r'\bsrc="', attributes):
            return match.group(0)
        blocked += 1
        alt = _ALT.search(attributes)
        label = html.unescape(alt.group(1)).strip() if alt else ""
        text = f"\N{FRAME WITH PICTURE} {label}" if label else "\N{FRAME WITH PICTURE}"
        return f'<span class="blocked-image" role="img">[{html.escape(text)}]</span>'

    cleaned = _IMG_TAG.sub(replace, cleaned)
    return SanitizedHtml(cleaned, blocked)

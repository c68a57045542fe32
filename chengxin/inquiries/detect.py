"""Does a buyer's message read as an inquiry? A small pure classifier over its subject
and body in the buyers' languages: words that ask for a price, a quotation, an MOQ.

It proposes, never decides: the owner accepts or dismisses what it found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words that, alone, make a message an inquiry (asking for a price or an offer).
_STRONG = (
    # English
    r"inquiry", r"enquiry", r"rfq", r"request for quotation", r"request for quote",
    r"quotation", r"price list", r"pricelist", r"best price", r"your price", r"moq",
    r"minimum order", r"please quote", r"kindly quote", r"quote us", r"send us (?:a|your) quote",
    r"pro ?forma", r"price offer",
    # Chinese
    r"询价", r"詢價", r"报价", r"報價", r"询盘", r"詢盤", r"价格表", r"價格表", r"最低起订量",
    r"起订量", r"起訂量", r"最小起订",
    # German
    r"anfrage", r"preisanfrage", r"angebot", r"preisliste", r"mindestbestellmenge",
    r"angebotsanfrage",
    # French
    r"demande de prix", r"demande de devis", r"devis", r"cotation", r"liste de prix",
    r"quantit[eé] minimum",
    # Spanish / Portuguese
    r"cotizaci[oó]n", r"cotizar", r"solicitud de precio", r"lista de precios", r"presupuesto",
    r"cota[cç][aã]o", r"or[cç]amento", r"pedido de pre[cç]o",
    # Italian
    r"richiesta di offerta", r"preventivo", r"listino",
    # Russian
    r"запрос", r"коммерческое предложение", r"прайс", r"расценк", r"минимальн\w* партия",
    # Japanese
    r"見積", r"見積もり", r"御見積", r"価格表", r"最低発注",
    # Korean
    r"견적", r"가격표",
    # Turkish
    r"teklif", r"fiyat listesi", r"fiyat teklifi", r"asgari sipari[sş]",
    # Arabic
    r"عرض سعر", r"طلب عرض", r"قائمة الأسعار", r"تسعير",
    # Vietnamese / Indonesian / Polish / Dutch
    r"b[aá]o gi[aá]", r"penawaran harga", r"zapytanie ofertowe", r"oferta cenowa",
    r"offerteaanvraag", r"prijsopgave",
)  # fmt: skip

# Words that count only together with another sign (a price asked with a product word).
_WEAK = (
    r"price", r"prices", r"pricing", r"quote", r"cost", r"lead time", r"delivery time",
    r"samples?", r"catalog(?:ue)?", r"fob", r"cif", r"exw", r"container", r"pcs", r"units",
    r"价格", r"價格", r"交期", r"样品", r"樣品", r"preis", r"preise", r"lieferzeit", r"muster",
    r"prix", r"d[eé]lai", r"[eé]chantillon", r"precio", r"precios", r"plazo", r"muestra",
    r"pre[cç]o", r"prezzo", r"цена", r"цены", r"стоимость", r"срок поставки", r"образ[eе]ц",
    r"価格", r"納期", r"サンプル", r"가격", r"납기", r"fiyat", r"numune", r"سعر", r"الأسعار",
)  # fmt: skip

# Messages that are about something else even when they name a price.
_AGAINST = (
    r"invoice attached", r"payment (?:sent|made|advice)", r"remittance", r"unsubscribe",
    r"newsletter", r"out of office", r"automatic reply", r"auto-?reply", r"delivery status",
    r"undeliverable", r"zahlungsavis", r"abwesenheit",
)  # fmt: skip


def _compile(words: tuple[str, ...]) -> re.Pattern:
    # \b does not separate CJK words: those match anywhere; Latin words at word edges.
    parts = []
    for word in words:
        if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", word):
            parts.append(word)
        else:
            parts.append(rf"(?<!\w){word}(?!\w)")
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


_STRONG_RE = _compile(_STRONG)
_WEAK_RE = _compile(_WEAK)
_AGAINST_RE = _compile(_AGAINST)
# How much of the body is read: the buyer's own words come first, quotes after.
_BODY_CHARS = 4000


@dataclass(frozen=True)
class Reading:
    is_inquiry: bool
    words: tuple[str, ...]  # what made it so (for the owner to see why)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _own_words(body: str) -> str:
    """The body without quoted lines (``>``) and without what follows a reply header."""
    lines = []
    for line in (body or "").splitlines():
        stripped = line.strip()
        if stripped.startswith(">"):
            continue
        if re.match(r"^(?:-{2,}\s*original message|on .+ wrote:$|am .+ schrieb)", stripped, re.I):
            break
        lines.append(line)
    return "\n".join(lines)[:_BODY_CHARS]


def read_inquiry(subject: str, body: str) -> Reading:
    """Whether a message with this subject and body asks for an offer."""
    subject_n = _normal(subject)
    body_n = _normal(_own_words(body))
    text = f"{subject_n}\n{body_n}"
    if _AGAINST_RE.search(subject_n):
        return Reading(False, ())
    strong = sorted({m.group(0) for m in _STRONG_RE.finditer(text)})
    # A reply ("Re:") about an inquiry is part of a conversation, not a new one, unless
    # the buyer's own words ask again.
    if strong and not (subject_n.startswith(("re:", "aw:", "回复", "答复")) and not body_n.strip()):
        return Reading(True, tuple(strong))
    weak = sorted({m.group(0) for m in _WEAK_RE.finditer(text)})
    if len(weak) >= 2:
        return Reading(True, tuple(weak))
    return Reading(False, ())


def looks_like_inquiry(subject: str, body: str) -> bool:
    return read_inquiry(subject, body).is_inquiry

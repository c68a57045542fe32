"""Document descriptions for the tests: the shipped example, and variations by kind,
language and buyer country."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "proforma.json"
KINDS = ("quotation", "proforma", "commercial_invoice", "packing_list", "order_confirmation")
LANGUAGES = ("zh-hans", "en", "fr", "es", "de", "ar", "ja", "ru", "pt", "it", "ko", "tr")

# A corporate number with a valid check digit (the National Tax Agency's own example).
JAPAN_REGISTRATION = "T5835678256246"
# An Arabic description with a Latin model number and digits inside.
MIXED_ARABIC = "مضخة طراز WP-200X قدرة 750 واط"


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def document(kind: str = "proforma", language: str = "en", **changes: Any) -> dict[str, Any]:
    """The example as a document of ``kind`` in ``language``, with ``changes`` applied."""
    data = example()
    data["kind"] = kind
    data["language"] = language
    data["number"] = f"{kind[:2].upper()}-2026-0042"
    if kind == "packing_list":
        data.pop("account")
        data.pop("schedule")
        data.pop("payment_terms")
        data.pop("rate_rule")
    if kind == "quotation":
        data["valid_until"] = "2027-01-07"
    data.update(copy.deepcopy(changes))
    return data


def gulf_document(language: str = "ar") -> dict[str, Any]:
    data = document("proforma", language)
    data["buyer"] = {
        "name": "شركة الخليج للتجارة",
        "address": "شارع الملك فهد، الرياض 12211",
        "country": "SA",
        "vat_number": "",
        "email": "buy@gulf.example",
        "phone": "+966 11 234 5678",
    }
    data["lines"][0]["description"] = MIXED_ARABIC
    return data


def japan_document(language: str = "ja", *, taxed: bool = True) -> dict[str, Any]:
    """Three items at 10% and two at the reduced 8% (food), in yen."""
    data = document("commercial_invoice", language)
    data["currency"] = "JPY"
    data["buyer"] = {
        "name": "株式会社さくら商事",
        "address": "東京都港区芝公園4-2-8",
        "country": "JP",
        "vat_number": "",
        "email": "",
        "phone": "",
    }
    rates = [("10", False)] * 3 + [("8", True)] * 2 if taxed else [("0", False)] * 5
    data["lines"] = [
        {
            "position": index + 1,
            "sku": f"JP-{index + 1}",
            "description": "緑茶 100g" if reduced else "ステンレス製ポンプ",
            "quantity": "1",
            "unit": "pcs",
            "unit_price": "333",
            "tax_rate": rate,
            "reduced_rate": reduced,
        }
        for index, (rate, reduced) in enumerate(rates)
    ]
    data.pop("schedule")
    if taxed:
        data["tax"] = {"japan_registration_number": JAPAN_REGISTRATION, "reverse_charge": False}
    return data

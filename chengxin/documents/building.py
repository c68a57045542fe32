"""What a document says, built from the database: an order (its proforma data, its
shipments, the catalogue's packing data) or a quote, the buyer, our company, and the
receiving account, in the document's language. The result is the dict the engine's
``DocumentSpec.from_dict`` reads.

The receiving account is always our active, approved receiving account: the caller
passes the row it read under a lock (:func:`chengxin.documents.services`), and
:func:`account_block` refuses any other.
"""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from chengxin.banking.decrypted import account_number, intermediary_account
from chengxin.banking.models import BankAccount, Purpose, Side, State
from chengxin.core import bank_numbers as numbers
from chengxin.documents import texts
from chengxin.documents.models import DocumentKind
from chengxin.orders.models import Order, Quote
from chengxin.orders.selectors import proforma_data
from chengxin.orders.terms import PaymentTerms, TermsError
from chengxin.orders.texts import terms_text

ZERO = Decimal("0")
VERIFY_FALLBACK = "/trust/accounts/check/"
ACCOUNT_REFUSED = "account_not_active"


def _absolute(path: str) -> str:
    return settings.SITE_ROOT.rstrip("/") + path


def verify_url(number: str, language: str) -> str:
    """The public check of an account number (publicrecord's ``verify`` page), opening
    with ``number`` already filled in, in the buyer's ``language``."""
    try:
        path = reverse("publicrecord:verify")
    except NoReverseMatch:
        path = VERIFY_FALLBACK
    return _absolute(path) + "?" + urlencode({"number": number, "lang": language})


def is_printable_account(account: BankAccount | None) -> bool:
    """Our active (approved, not retired) account for receiving payments."""
    return (
        account is not None
        and account.side == Side.OURS
        and account.purpose == Purpose.RECEIVING
        and account.state == State.ACTIVE
        and account.approved_by_id is not None
    )


def account_block(account: BankAccount, language: str) -> dict:
    """The receiving account as the document prints it, in full, with the link that
    checks it. Refuses (``account_not_active``) anything but our active, approved
    receiving account."""
    if not is_printable_account(account):
        raise ValidationError(
            _("Only our active, approved receiving account can appear on a document."),
            code=ACCOUNT_REFUSED,
        )
    number = account_number(account)
    if not number:
        raise ValidationError(
            _("The account number cannot be read (encryption key?): nothing is issued."),
            code=ACCOUNT_REFUSED,
        )
    compact = numbers.normalise(number)
    return {
        "bank_name": account.bank_name,
        "bank_address": account.bank_address,
        "holder": account.holder_name,
        "account_number": "" if account.iban_encrypted else compact,
        "iban": compact if account.iban_encrypted else "",
        "swift": account.bic,
        "intermediary_bank": _intermediary_bank(account),
        "intermediary_swift": _intermediary_swift(account),
        "verify_url": verify_url(compact, language),
    }


def _intermediary_bank(account: BankAccount) -> str:
    """The intermediary bank as the document names it: the bank the SWIFT registry
    knows for its BIC (else the BIC), and our account with it when we keep one."""
    if not account.intermediary_bic:
        return ""
    try:
        name = numbers.validate_bic(account.intermediary_bic).bank_name
    except ValueError:
        name = ""
    number = intermediary_account(account)
    parts = [name or account.intermediary_bic]
    if number:
        parts.append(texts.account_with_bank(number))
    return "\n".join(parts)


def _intermediary_swift(account: BankAccount) -> str:
    """The intermediary's BIC below its name (not twice when the name is the BIC)."""
    bank = _intermediary_bank(account)
    return "" if bank.split("\n")[0] == account.intermediary_bic else account.intermediary_bic


def seller_block() -> dict:
    return {
        "name": settings.CHENGXIN_COMPANY_NAME,
        "address": settings.CHENGXIN_COMPANY_ADDRESS,
        "country": settings.CHENGXIN_COMPANY_COUNTRY,
        "vat_number": "",
        "email": settings.CHENGXIN_COMPANY_EMAIL,
        "phone": settings.CHENGXIN_COMPANY_PHONE,
    }


def buyer_block(company, contact=None) -> dict:
    """The buyer as the document names it: the customer's legal name and postal address;
    with ``contact`` (the person a quote is addressed to), an "Attn:" line first in the
    address, in the document's language (the spec has no field of its own for it)."""
    address = company.address
    if contact is not None and contact.name.strip():
        address = "\n".join(
            part for part in (texts.attention(contact.name.strip()), address) if part
        )
    return {
        "name": company.legal_name,
        "address": address,
        "country": company.country,
        "vat_number": company.vat_number,
        "email": "",
        "phone": "",
    }


def tax_block() -> dict:
    """Our Japanese registration number (T + 13 digits) when we have one; exports carry
    no consumption tax, and the document says so."""
    return {
        "japan_registration_number": settings.CHENGXIN_JAPAN_REGISTRATION_NUMBER,
        "reverse_charge": False,
    }


def _day(moment) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        return moment.date().isoformat()
    return moment.isoformat()


def _money(value) -> str:
    """A number as the spec writes it: plain digits, no trailing zeros ("5000", "12.5")."""
    return f"{Decimal(value).normalize():f}"


def _packing(product, quantity: Decimal, marks: str) -> dict | None:
    """Packages, weights and dimensions of ``quantity`` units of ``product`` (per-unit
    weights and units per package from the catalogue); None without a product."""
    if product is None:
        return None
    packages = None
    if product.units_per_package:
        packages = math.ceil(quantity / Decimal(product.units_per_package))
    net = quantity * product.net_weight_kg if product.net_weight_kg is not None else None
    gross = quantity * product.gross_weight_kg if product.gross_weight_kg is not None else None
    sides = (product.package_length_cm, product.package_width_cm, product.package_height_cm)
    dimensions = " × ".join(f"{side.normalize():f}" for side in sides) + " cm" if all(sides) else ""
    return {
        "net_kg": _weight(net),
        "gross_kg": _weight(gross),
        "packages": packages,
        "package_type": "",
        "dimensions": dimensions,
        "marks": marks,
    }


def _weight(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return _money(value.quantize(Decimal("0.001")))


def _no_packing(marks: str) -> dict:
    """A line without catalogue data on a packing list: its marks, the rest unknown."""
    return {
        "net_kg": None,
        "gross_kg": None,
        "packages": None,
        "package_type": "",
        "dimensions": "",
        "marks": marks,
    }


def _line(
    position: int,
    line,
    quantity: Decimal,
    amount: Decimal,
    language: str,
    *,
    packing: bool,
    marks: str = "",
) -> dict:
    product = line.product
    description = line.description
    if product is not None:
        # The catalogue's name in the buyer's language, when it has one.
        names = product.names or {}
        local = names.get(language) or names.get(language.split("-")[0])
        if local and description == product.name:
            description = local
    row = {
        "position": position,
        "sku": product.sku if product else "",
        "description": description,
        "hs_code": product.hs_code if product else "",
        "origin_country": product.origin_country if product else "",
        "quantity": _money(quantity),
        "unit": line.unit,
        "unit_price": _money(line.unit_price),
        "amount": _money(amount),
        "tax_rate": "0",
        "reduced_rate": False,
        "packing": None,
    }
    if packing:
        row["packing"] = _packing(product, quantity, marks) or _no_packing(marks)
    return row


def _shipment_lines(order: Order, shipment) -> list[tuple]:
    """(order line, quantity, amount) for each line ``shipment`` carries; every line of
    the order when there is no shipment."""
    from chengxin.orders.terms import quantize

    if shipment is None:
        return [
            (line, line.quantity, line.amount) for line in order.lines.select_related("product")
        ]
    rows = []
    for row in shipment.lines.select_related("order_line__product"):
        line = row.order_line
        rows.append((line, row.quantity, quantize(row.quantity * line.unit_price, order.currency)))
    return rows


def _marks(order: Order, shipment) -> str:
    if shipment is None:
        return order.number
    containers = ", ".join(
        f"{box}" + (f" / {box.seal}" if box.seal else "") for box in shipment.containers.all()
    )
    return " · ".join(part for part in (order.number, shipment.reference, containers) if part)


def order_spec(
    order: Order,
    *,
    kind: str,
    language: str,
    number: str,
    issue_date: datetime.date,
    account: BankAccount | None,
    shipment=None,
) -> dict:
    """What ``kind`` (proforma, commercial invoice, packing list, order confirmation) of
    ``order`` says, in ``language``, carrying ``account`` (None only for a packing list,
    which carries none); for a commercial invoice or a packing list, of one
    ``shipment`` (the logistics record) when given."""
    packing_list = kind == DocumentKind.PACKING_LIST
    with translation.override(language):
        data = proforma_data(order, account=account)
        if not packing_list and (
            account is None or data["account"] is None or data["account"]["id"] != account.pk
        ):
            # proforma_data found the account not ours, not active, or in another currency.
            raise ValidationError(
                _("The receiving account must be our active account in %(currency)s.")
                % {"currency": order.currency},
                code=ACCOUNT_REFUSED,
            )
        marks = _marks(order, shipment)
        rows = _shipment_lines(order, shipment)
        with_packing = kind in (DocumentKind.PACKING_LIST, DocumentKind.COMMERCIAL_INVOICE)
        lines = [
            _line(position, line, quantity, amount, language, packing=with_packing, marks=marks)
            for position, (line, quantity, amount) in enumerate(rows, start=1)
        ]
        with_schedule = kind in (DocumentKind.PROFORMA, DocumentKind.ORDER_CONFIRMATION)
        return {
            "kind": str(kind),
            "number": number,
            "issue_date": issue_date.isoformat(),
            "language": language,
            "seller": seller_block(),
            "buyer": buyer_block(order.company),
            "lines": lines,
            "currency": order.currency,
            "incoterm": order.incoterm,
            "named_place": order.named_place,
            "payment_terms": "" if packing_list else "\n".join(data["terms"]),
            "schedule": [
                {
                    "description": row["description"],
                    "amount": _money(row["amount"]),
                    "due_date": _day(row["due_at"]),
                    "trigger": "" if row["due_at"] else texts.when_triggered(),
                }
                for row in data["schedule"]
            ]
            if with_schedule
            else [],
            "rate_rule": "" if packing_list else texts.rate_rule_text(order),
            "account": None
            if packing_list or account is None
            else account_block(account, language),
            "tax": tax_block(),
            "buyer_reference": order.number,
            "valid_until": None,
            "shipping_marks": marks if with_packing else "",
            "notes": "" if packing_list else order.notes[:2000],
        }


def quote_spec(
    quote: Quote,
    *,
    language: str,
    number: str,
    issue_date: datetime.date,
    account: BankAccount,
) -> dict:
    """The quotation of ``quote`` in ``language``, carrying ``account``."""
    if account.currency != quote.currency:
        raise ValidationError(
            _("The receiving account must be our active account in %(currency)s.")
            % {"currency": quote.currency},
            code=ACCOUNT_REFUSED,
        )
    with translation.override(language):
        try:
            terms = terms_text(PaymentTerms.from_dict(quote.terms))
        except TermsError:
            terms = []
        lines = [
            _line(position, line, line.quantity, line.amount, language, packing=False)
            for position, line in enumerate(quote.lines.select_related("product"), start=1)
        ]
        return {
            "kind": DocumentKind.QUOTATION.value,
            "number": number,
            "issue_date": issue_date.isoformat(),
            "language": language,
            "seller": seller_block(),
            "buyer": buyer_block(quote.company, quote.contact),
            "lines": lines,
            "currency": quote.currency,
            "incoterm": quote.incoterm,
            "named_place": quote.named_place,
            "payment_terms": "\n".join(terms),
            "schedule": [],
            "rate_rule": "",
            "account": account_block(account, language),
            "tax": tax_block(),
            "buyer_reference": quote.number,
            "valid_until": quote.valid_until.isoformat(),
            "shipping_marks": "",
            "notes": quote.notes[:2000],
        }

"""Payment terms as data, and the schedule of amounts due that follows from them.

Pure Python (no Django): a :class:`PaymentTerms` is a tuple of term lines, each a
:class:`Deposit`, a :class:`Balance` with its trigger, or :class:`Instalments`. Each line
takes a percentage of the order total, a fixed amount, or (``percent`` and ``amount`` both
None) what the other lines leave. :func:`schedule` turns terms, the order total and what
has happened (the order date, each shipment's share and dates) into :class:`DueLine` s:

* a deposit is due on the order date, or N days after;
* a balance is due before shipment, N hours after the bill of lading is issued, against
  a copy of the B/L, under an L/C at sight (when the documents are presented: the B/L
  date plus the presentation period), N days after delivery, or N days net from the
  order date. A balance whose trigger is a shipment's is split per shipment by the value
  shipped; the part not yet shipped is due "when it ships" (no date yet);
* instalments are k equal parts, every N days from the order date.

The amounts are rounded to the currency's minor unit and the last line takes the
remainder, so they always add up to the total exactly and are never negative.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.numbers import get_currency_precision

ZERO = Decimal("0")
HUNDRED = Decimal("100")


class Trigger:
    """What a balance waits for."""

    BEFORE_SHIPMENT = "before_shipment"
    BL_HOURS = "bl_hours"  # N hours after the B/L is issued
    BL_COPY = "bl_copy"  # against a copy of the B/L
    LC_SIGHT = "lc_sight"  # L/C at sight: documents presented (B/L date + N days)
    AFTER_DELIVERY = "after_delivery"  # N days after delivery
    NET_DAYS = "net_days"  # N days net from the order date

    ALL = (BEFORE_SHIPMENT, BL_HOURS, BL_COPY, LC_SIGHT, AFTER_DELIVERY, NET_DAYS)
    PER_SHIPMENT = (BEFORE_SHIPMENT, BL_HOURS, BL_COPY, LC_SIGHT, AFTER_DELIVERY)


# UCP 600 art. 14 (c): documents are presented at the latest 21 days after shipment.
LC_PRESENTATION_DAYS = 21


def _(message: str) -> str:
    """Marks a message for the catalogues (``makemessages`` finds it); this module stays
    free of Django and keeps it in English, the services show it translated
    (:meth:`TermsError.render` with ``gettext``)."""
    return message


_ON_LINE = _("Line %(line)s: %(problem)s")


class TermsError(ValueError):
    """Terms that cannot give a schedule: the message says why (``line``: which line,
    counting from 1; ``params`` fill the message's placeholders)."""

    def __init__(self, message: str, line: int | None = None, **params: Any) -> None:
        self.message, self.line, self.params = message, line, params
        super().__init__(self.render(lambda text: text))

    def render(self, translate: Callable[[str], str]) -> str:
        """The message in the language ``translate`` (e.g. ``gettext``) gives."""
        problem = translate(self.message) % self.params if self.params else translate(self.message)
        if self.line is None:
            return problem
        return translate(_ON_LINE) % {"line": self.line, "problem": problem}


def _decimal(value: Any, line: int) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (ArithmeticError, ValueError, TypeError):
        number = Decimal("NaN")
    if not number.is_finite():
        raise TermsError(_("“%(value)s” is not a number."), line, value=str(value)[:30])
    return number


@dataclass(frozen=True)
class Share:
    """A line's part of the total: a percentage, an amount, or (neither) the rest."""

    percent: Decimal | None = None
    amount: Decimal | None = None

    def check(self, line: int) -> None:
        if self.percent is not None and self.amount is not None:
            raise TermsError(_("give a percentage or an amount, not both."), line)
        if self.percent is not None and not (ZERO < self.percent <= HUNDRED):
            raise TermsError(_("the percentage must be above 0 and at most 100."), line)
        if self.amount is not None and self.amount <= ZERO:
            raise TermsError(_("the amount must be above 0."), line)

    @property
    def is_rest(self) -> bool:
        return self.percent is None and self.amount is None


@dataclass(frozen=True)
class Deposit(Share):
    days: int = 0  # due on order (0) or N days after the order date

    kind = "deposit"


@dataclass(frozen=True)
class Balance(Share):
    trigger: str = Trigger.BEFORE_SHIPMENT
    days: int = 0  # AFTER_DELIVERY, NET_DAYS, LC_SIGHT (presentation period)
    hours: int = 0  # BL_HOURS

    kind = "balance"


@dataclass(frozen=True)
class Instalments(Share):
    count: int = 2
    every_days: int = 30

    kind = "instalments"


TermLine = Deposit | Balance | Instalments
_KINDS: dict[str, type] = {"deposit": Deposit, "balance": Balance, "instalments": Instalments}


@dataclass(frozen=True)
class PaymentTerms:
    lines: tuple[TermLine, ...] = ()

    def validate(self) -> None:
        """Raise :class:`TermsError` unless these terms give a schedule."""
        if not self.lines:
            raise TermsError(_("Payment terms need at least one line."))
        if len(self.lines) > 20:
            raise TermsError(_("Payment terms have at most 20 lines."))
        rests = 0
        percent = ZERO
        for number, line in enumerate(self.lines, start=1):
            line.check(number)
            rests += line.is_rest
            percent += line.percent or ZERO
            if isinstance(line, Balance):
                if line.trigger not in Trigger.ALL:
                    raise TermsError(
                        _("“%(trigger)s” is not a trigger of a balance."),
                        number,
                        trigger=str(line.trigger)[:30],
                    )
                if not (0 <= line.days <= 3650) or not (0 <= line.hours <= 24 * 365):
                    raise TermsError(_("days from 0 to 3650, hours from 0 to 8760."), number)
            if isinstance(line, Deposit) and not (0 <= line.days <= 3650):
                raise TermsError(_("days from 0 to 3650."), number)
            if isinstance(line, Instalments) and not (
                1 <= line.count <= 120 and 1 <= line.every_days <= 3650
            ):
                raise TermsError(_("1 to 120 instalments, every 1 to 3650 days."), number)
        if rests > 1:
            raise TermsError(_("Only one line may take the rest of the total."))
        if percent > HUNDRED:
            raise TermsError(_("The percentages add up to more than 100."))
        only_percent = all(line.percent is not None for line in self.lines)
        if only_percent and percent != HUNDRED:
            raise TermsError(
                _("The percentages must add up to 100 (or let one line take the rest).")
            )

    def to_dict(self) -> dict:
        return {
            "lines": [
                {"kind": line.kind, **{k: _plain(v) for k, v in asdict(line).items()}}
                for line in self.lines
            ]
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> PaymentTerms:
        """Terms from :meth:`to_dict`'s form (or the API's); :class:`TermsError` on
        anything else."""
        if not data:
            return cls(())
        if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
            raise TermsError(_("Payment terms: a list of lines is expected."))
        lines = []
        for number, raw in enumerate(data["lines"], start=1):
            if not isinstance(raw, dict) or raw.get("kind") not in _KINDS:
                raise TermsError(_("the kind must be deposit, balance or instalments."), number)
            kind = _KINDS[raw["kind"]]
            args: dict[str, Any] = {
                "percent": _decimal(raw.get("percent"), number),
                "amount": _decimal(raw.get("amount"), number),
            }
            for name in ("days", "hours", "count", "every_days"):
                if name in raw and name in getattr(kind, "__dataclass_fields__", {}):
                    try:
                        args[name] = int(raw[name])
                    except (ValueError, TypeError):
                        raise TermsError(
                            _("%(name)s must be a whole number."), number, name=name
                        ) from None
            if "trigger" in raw and kind is Balance:
                args["trigger"] = str(raw["trigger"])
            lines.append(kind(**args))
        return cls(tuple(lines))

    def describe(self) -> list[str]:
        return [describe_line(line) for line in self.lines]


def line_args(line: TermLine) -> dict:
    """A term line's values as plain data (for a description in any language)."""
    return {k: _plain(v) for k, v in asdict(line).items() if v is not None}


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _share_text(line: Share) -> str:
    if line.percent is not None:
        return f"{line.percent.normalize():f} %"
    if line.amount is not None:
        return f"{line.amount:f}"
    return "the rest"


def describe_line(line: TermLine) -> str:
    share = _share_text(line)
    if isinstance(line, Deposit):
        when = "on order" if not line.days else f"{line.days} days after the order"
        return f"Deposit {share} {when}"
    if isinstance(line, Instalments):
        return f"{share} in {line.count} equal instalments every {line.every_days} days"
    return f"Balance {share} {trigger_text(line)}"


def trigger_text(line: Balance) -> str:
    match line.trigger:
        case Trigger.BEFORE_SHIPMENT:
            return "before shipment"
        case Trigger.BL_HOURS:
            return f"{line.hours} hours after the bill of lading is issued"
        case Trigger.BL_COPY:
            return "against a copy of the bill of lading"
        case Trigger.LC_SIGHT:
            days = line.days or LC_PRESENTATION_DAYS
            return f"L/C at sight: when the documents are presented (B/L date + {days} days)"
        case Trigger.AFTER_DELIVERY:
            return f"{line.days} days after delivery"
        case _:
            return f"{line.days} days net from the order date"


@dataclass(frozen=True)
class ShipmentEvent:
    """What happened to one shipment: its share of the order's value (0 to 1) and dates."""

    share: Decimal
    reference: str = ""
    shipped_at: datetime.datetime | None = None
    bl_issued_at: datetime.datetime | None = None
    bl_copy_sent_at: datetime.datetime | None = None
    delivered_at: datetime.datetime | None = None


@dataclass(frozen=True)
class Events:
    order_at: datetime.datetime
    shipments: tuple[ShipmentEvent, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DueLine:
    amount: Decimal
    due_at: datetime.datetime | None  # None: the trigger has not happened yet
    description: str
    kind: str  # deposit / balance / instalment
    trigger: str  # on_order, days_after_order, a Trigger, instalment
    term_index: int  # which term line it comes from
    shipment: str = ""  # the shipment's reference (balance per shipment)
    # What a translated description needs: the term line's values (share, days, hours),
    # the instalment's number and count, whether it is the part not yet shipped.
    args: dict = field(default_factory=dict, compare=False)


def minor_units(currency: str) -> int:
    return get_currency_precision(currency.upper())


def quantize(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_UP)


def _split(total: Decimal, terms: PaymentTerms, currency: str) -> list[Decimal]:
    """Each term line's amount: percentages and amounts first (never more than is left),
    the rest (or the last line's remainder) so they add up to ``total``."""
    amounts: list[Decimal] = []
    left = total
    for line in terms.lines:
        if line.is_rest:
            amounts.append(ZERO)  # filled below
            continue
        wanted = (
            quantize(total * line.percent / HUNDRED, currency)
            if line.percent is not None
            else quantize(line.amount or ZERO, currency)
        )
        wanted = max(ZERO, min(wanted, left))
        amounts.append(wanted)
        left -= wanted
    rest_index = next((i for i, line in enumerate(terms.lines) if line.is_rest), None)
    index = rest_index if rest_index is not None else len(amounts) - 1
    amounts[index] += left
    return amounts


def _parts(amount: Decimal, weights: list[Decimal], currency: str) -> list[Decimal]:
    """``amount`` split by ``weights`` (summing to at most 1; what they leave is a last
    part), each rounded, the last taking the remainder."""
    parts = []
    left = amount
    for weight in weights:
        part = max(ZERO, min(left, quantize(amount * weight, currency)))
        parts.append(part)
        left -= part
    parts.append(left)
    return parts


def _at_days(moment: datetime.datetime | None, days: int = 0, hours: int = 0):
    if moment is None:
        return None
    return moment + datetime.timedelta(days=days, hours=hours)


def _shipment_due(line: Balance, event: ShipmentEvent) -> datetime.datetime | None:
    match line.trigger:
        case Trigger.BEFORE_SHIPMENT:
            return event.shipped_at
        case Trigger.BL_HOURS:
            return _at_days(event.bl_issued_at, hours=line.hours)
        case Trigger.BL_COPY:
            return event.bl_copy_sent_at
        case Trigger.LC_SIGHT:
            return _at_days(event.bl_issued_at, days=line.days or LC_PRESENTATION_DAYS)
        case _:
            return _at_days(event.delivered_at, days=line.days)


def schedule(
    terms: PaymentTerms, order_total: Decimal, currency: str, events: Events
) -> list[DueLine]:
    """The amounts due for an order of ``order_total`` in ``currency`` under ``terms``,
    given ``events``. Their sum is ``order_total`` rounded to the currency exactly."""
    terms.validate()
    total = quantize(max(ZERO, Decimal(order_total)), currency)
    out: list[DueLine] = []
    for index, (line, amount) in enumerate(
        zip(terms.lines, _split(total, terms, currency), strict=True)
    ):
        if isinstance(line, Deposit):
            due = _at_days(events.order_at, days=line.days)
            trigger = "on_order" if not line.days else "days_after_order"
            out.append(
                DueLine(amount, due, describe_line(line), "deposit", trigger, index,
                        args=line_args(line))
            )  # fmt: skip
        elif isinstance(line, Instalments):
            parts = _parts(amount, [Decimal(1) / line.count] * (line.count - 1), currency)
            for number, part in enumerate(parts, start=1):
                out.append(
                    DueLine(
                        part,
                        _at_days(events.order_at, days=line.every_days * number),
                        f"Instalment {number} of {line.count}",
                        "instalment",
                        "instalment",
                        index,
                        args={**line_args(line), "number": number},
                    )
                )
        elif line.trigger == Trigger.NET_DAYS:
            due = _at_days(events.order_at, days=line.days)
            out.append(
                DueLine(amount, due, describe_line(line), "balance", line.trigger, index,
                        args=line_args(line))
            )  # fmt: skip
        else:
            shipped = [e for e in events.shipments if e.share > ZERO]
            weights = [min(Decimal(1), e.share) for e in shipped]
            # Never more than the whole order: later shipments get what is left.
            capped, seen = [], ZERO
            for weight in weights:
                weight = max(ZERO, min(weight, Decimal(1) - seen))
                capped.append(weight)
                seen += weight
            parts = _parts(amount, capped, currency)
            text = trigger_text(line)
            for event, part in zip(shipped, parts, strict=False):
                label = f"Balance {text} (shipment {event.reference})".replace(" ()", "")
                out.append(
                    DueLine(
                        part, _shipment_due(line, event), label, "balance", line.trigger,
                        index, event.reference, args=line_args(line),
                    )
                )  # fmt: skip
            rest = parts[-1]
            if rest > ZERO or not shipped:
                label = f"Balance {text}" + (" (goods not yet shipped)" if shipped else "")
                out.append(
                    DueLine(rest, None, label, "balance", line.trigger, index,
                            args={**line_args(line), "unshipped": bool(shipped)})
                )  # fmt: skip
    return out


def default_terms(*, regular: bool, new_percent: int, regular_percent: int) -> PaymentTerms:
    """A new buyer: ``new_percent`` deposit on order, the balance before shipment. A
    long-standing one: ``regular_percent`` deposit, the balance 48 hours after the B/L
    is issued, against a copy of it."""
    if regular:
        deposit = Decimal(regular_percent)
        balance = Balance(trigger=Trigger.BL_HOURS, hours=48)
    else:
        deposit = Decimal(new_percent)
        balance = Balance(trigger=Trigger.BEFORE_SHIPMENT)
    if deposit <= ZERO:
        return PaymentTerms((balance,))
    if deposit >= HUNDRED:
        return PaymentTerms((Deposit(percent=HUNDRED),))
    return PaymentTerms((Deposit(percent=deposit), balance))

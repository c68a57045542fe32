"""Payment terms and amounts due in the reader's language (the pure terms module
describes them in English only, for logs and keys)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from chengxin.orders import terms as T


def _share(args: dict) -> str:
    if args.get("percent") not in (None, ""):
        return f"{Decimal(str(args['percent'])).normalize():f} %"
    if args.get("amount") not in (None, ""):
        return f"{Decimal(str(args['amount'])):f}"
    return _("the rest")


def trigger_text(trigger: str, args: dict) -> str:
    days, hours = int(args.get("days") or 0), int(args.get("hours") or 0)
    match trigger:
        case T.Trigger.BEFORE_SHIPMENT:
            return _("before shipment")
        case T.Trigger.BL_HOURS:
            return ngettext(
                "%(n)s hour after the bill of lading is issued",
                "%(n)s hours after the bill of lading is issued",
                hours,
            ) % {"n": hours}
        case T.Trigger.BL_COPY:
            return _("against a copy of the bill of lading")
        case T.Trigger.LC_SIGHT:
            return _("L/C at sight: when the documents are presented (B/L date + %(n)s days)") % {
                "n": days or T.LC_PRESENTATION_DAYS
            }
        case T.Trigger.AFTER_DELIVERY:
            return ngettext("%(n)s day after delivery", "%(n)s days after delivery", days) % {
                "n": days
            }
        case _:
            return ngettext(
                "%(n)s day net from the order date", "%(n)s days net from the order date", days
            ) % {"n": days}


def term_text(kind: str, args: dict) -> str:
    """One line of payment terms ("Deposit 30 % on order")."""
    share = _share(args)
    if kind == "deposit":
        days = int(args.get("days") or 0)
        if not days:
            return _("Deposit %(share)s on order") % {"share": share}
        return ngettext(
            "Deposit %(share)s %(n)s day after the order",
            "Deposit %(share)s %(n)s days after the order",
            days,
        ) % {"share": share, "n": days}
    if kind == "instalments":
        return _("%(share)s in %(count)s equal instalments every %(days)s days") % {
            "share": share, "count": args.get("count"), "days": args.get("every_days"),
        }  # fmt: skip
    return _("Balance %(share)s %(when)s") % {
        "share": share, "when": trigger_text(args.get("trigger", ""), args),
    }  # fmt: skip


def terms_text(terms: T.PaymentTerms) -> list[str]:
    return [term_text(line.kind, T.line_args(line)) for line in terms.lines]


def due_text(kind: str, trigger: str, args: dict, *, shipment: str = "") -> str:
    """One amount due ("Balance 30 % 48 hours after the bill of lading is issued
    (shipment S1)", "Instalment 2 of 3")."""
    if kind == "instalment":
        return _("Instalment %(number)s of %(count)s") % {
            "number": args.get("number"), "count": args.get("count"),
        }  # fmt: skip
    if kind == "deposit":
        return term_text("deposit", args)
    text = term_text("balance", {**args, "trigger": trigger})
    if shipment:
        return _("%(text)s (shipment %(reference)s)") % {"text": text, "reference": shipment}
    if args.get("unshipped"):
        return _("%(text)s (goods not yet shipped)") % {"text": text}
    return text


def due_sentence(params: dict) -> str:
    """A schedule line's name from its stored values, in the active language: the
    renderer "orders.due" of :mod:`chengxin.core.deferred_text` (a notification that a
    due date moved is read later, by someone who may read another language)."""
    stored = params.get("args")
    args: dict = stored if isinstance(stored, dict) else {}
    return due_text(
        str(params.get("kind") or ""),
        str(params.get("trigger") or ""),
        args,
        shipment=str(params.get("shipment") or ""),
    )

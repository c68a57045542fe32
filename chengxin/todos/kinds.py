"""Names for the kinds of task other features make (the kind is free text; an unknown
kind is shown as its code)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    "campaigns.call": _("Call a buyer about our new account"),
    "compensation.check": _("Check a fee claim"),
    "publicrecord.unknown_account": _("A number that is not ours was checked"),
}


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))

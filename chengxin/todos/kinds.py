"""Names for the kinds of task other features make, in the reader's language. The kind
is free text (each feature names its own: the constant beside the code that makes the
task); every kind a feature makes has its name here, so no code reaches the screen."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KIND_LABELS = {
    # chengxin.campaigns: announcing a change of our receiving account
    "campaigns.call": _("Call a buyer about our new account"),
    "campaigns.chat_reminder": _("Send a buyer the chat reminder by hand"),
    "campaigns.email_notice": _("Send a buyer the account change notice by hand"),
    "campaigns.close_old_account": _("Retire the old account after its last day"),
    # chengxin.inquiries: a buyer's inquiry whose clock is about to run out
    "inquiries.first_response": _("Answer an inquiry (first response)"),
    "inquiries.full_answer": _("Send an inquiry its full answer (MOQ, lead time, price, payment)"),
    # chengxin.compensation: fee claims
    "compensation.check": _("Check a fee claim"),
    # chengxin.publicrecord: the public account check
    "publicrecord.unknown_account": _("A number that is not ours was checked"),
    # chengxin.banking: the guard's check of account numbers in mail and documents
    "guard.unknown_bank_account": _("Bank details not on file"),
}

# An unknown kind (a feature that forgot to name it here) still shows words, not a code.
OTHER = _("Task")


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, OTHER))

"""Why a message was written: the code a feature gives it (``purpose``) and its name in
the reader's language. Every purpose a feature uses has its name here, so no code
reaches the screen."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

PURPOSE_LABELS = {
    # written by hand on a customer's page
    "letter": _("Letter from a rep"),
    # chengxin.changes: a buyer's change of email or phone
    "change_confirm": _("Contact change: confirmation request"),
    "change_notice": _("Contact change: notice to colleagues"),
    # chengxin.campaigns: announcing a change of our receiving account
    "campaign.email_notice": _("Account change: formal notice"),
    "campaign.chat_reminder": _("Account change: chat reminder"),
    "campaign.post_change": _("Account change: payment instructions"),
    "campaign.ack_reminder": _("Account change: reminder to acknowledge"),
    "campaign.call": _("Account change: phone call"),
    # chengxin.inquiries: answering a buyer's inquiry
    "inquiry_reply": _("Inquiry: reply"),
    "inquiry_full_answer": _("Inquiry: full answer (MOQ, lead time, price, payment)"),
    # chengxin.commitments: promises to the buyer
    "commitments.delay_warning": _("Delay warning to the buyer"),
    "commitments.production_update": _("Production update"),
    # chengxin.documents: a quotation, proforma, invoice or packing list to the buyer
    "documents.document": _("Document to the buyer (PDF attached)"),
}

OTHER = _("Other message")


def purpose_label(purpose: str) -> str:
    """The purpose's name; an empty purpose is no name at all."""
    if not purpose:
        return ""
    return str(PURPOSE_LABELS.get(purpose, OTHER))

"""The letters of a change request, in the contact's language: the confirmation that
restates the new value, and the notice sent to it once it is in effect.

The words go through gettext inside ``translation.override`` of the buyer's language
(:func:`chengxin.core.buyer_language.buyer_language`), with named placeholders
``%(name)s``, ``%(new_value)s``, ``%(kind)s``, ``%(sender)s``, ``%(orders)s`` (the
paragraph on the buyer's open orders, left out when there are none: a buyer is never told
"no open orders"). The user edits the draft before it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from chengxin.core.buyer_language import buyer_language


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


# Translators: the kind of contact detail, inserted in a letter to a buyer ("your new
# %(kind)s"); write the form that fits after "your new".
KIND_NAMES = {
    "email": pgettext_lazy("contact detail in a letter", "email address"),
    "phone": pgettext_lazy("contact detail in a letter", "phone number"),
    "whatsapp": pgettext_lazy("contact detail in a letter", "WhatsApp number"),
    "wechat": pgettext_lazy("contact detail in a letter", "WeChat ID"),
    "linkedin": pgettext_lazy("contact detail in a letter", "LinkedIn profile"),
    "other": pgettext_lazy("contact detail in a letter", "contact details"),
}


def language_of(language: str) -> str:
    """The letter language for a contact's language (kept for callers; see
    :func:`chengxin.core.buyer_language.buyer_language`)."""
    return buyer_language(language)


def _kind(kind: str) -> str:
    name = KIND_NAMES.get(kind)
    return str(name) if name is not None else kind


def confirm_letter(*, language: str, name: str, kind: str, new_value: str, sender: str) -> Letter:
    with translation.override(buyer_language(language)):
        values = {"name": name, "kind": _kind(kind), "new_value": new_value, "sender": sender}
        # Translators: subject of a letter to a buyer; %(kind)s is e.g. "email address".
        subject = _("Please confirm your new %(kind)s") % values
        # Translators: a letter to a buyer who told us of a new contact detail. Keep the
        # four-space indent before %(new_value)s and the blank lines.
        body = (
            _(
                "Dear %(name)s,\n\n"
                "Thank you for letting us know that your %(kind)s has changed. We have noted "
                "your new %(kind)s:\n\n    %(new_value)s\n\n"
                "To be sure nothing goes astray, could you please confirm that this is exactly "
                "right? Once confirmed we will update it everywhere in our company, so that "
                "quotations, order updates and documents reach you there.\n\n"
                "Thank you again,\n%(sender)s"
            )
            % values
        )
        return Letter(subject, body)


def notice_letter(
    *, language: str, name: str, kind: str, new_value: str, sender: str, open_orders: list[str]
) -> Letter:
    with translation.override(buyer_language(language)):
        orders = ""
        if open_orders:
            lines = "\n".join(f"- {line}" for line in open_orders)
            # Translators: heading of the list of a buyer's open orders in a letter.
            orders = "{}\n{}\n\n".format(_("Your open orders with us:"), lines)
        values = {"name": name, "kind": _kind(kind), "new_value": new_value,
                  "sender": sender, "orders": orders}  # fmt: skip
        # Translators: subject of a letter to a buyer; %(kind)s is e.g. "email address".
        subject = _("Your new %(kind)s is now in use") % values
        # Translators: the first letter sent to a buyer's new contact detail.
        # %(orders)s is a paragraph listing open orders (or nothing); it ends with a
        # blank line, so nothing goes between it and the next sentence.
        body = (
            _(
                "Dear %(name)s,\n\n"
                "Just a quick note: we have updated your %(kind)s to %(new_value)s in all our "
                "systems. This message is the first one we send there, so that we both know it "
                "works. From now on everything goes to this %(kind)s.\n\n"
                "%(orders)s"
                "If anything is not right, please reply at any time.\n\n"
                "Best regards,\n%(sender)s"
            )
            % values
        )
        return Letter(subject, body)

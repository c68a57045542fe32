"""The letter that warns the real buyer that someone impersonates them or us, in the
contact's language.

The words go through gettext inside ``translation.override`` of the buyer's language
(:func:`chengxin.core.buyer_language.buyer_language`), with named placeholders
``%(name)s``, ``%(address)s``, ``%(subject)s``, ``%(date)s``, ``%(details)s``,
``%(sender)s``, ``%(company)s``; the rep reviews and edits the draft before it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from chengxin.core.buyer_language import buyer_language


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


@dataclass(frozen=True)
class OurDetails:
    """Our contact details that are verified: what the buyer should use to check."""

    company: str
    phone: str = ""
    website: str = ""
    mail_domains: tuple[str, ...] = ()
    rep_email: str = ""


def language_of(language: str) -> str:
    """The letter language for a contact's language (kept for callers; see
    :func:`chengxin.core.buyer_language.buyer_language`)."""
    return buyer_language(language)


def details_block(language: str, details: OurDetails) -> str:
    with translation.override(buyer_language(language)):
        lines = [f"    {details.company}"]
        if details.phone:
            # Translators: a label in a list of our verified contact details.
            lines.append("    {}: {}".format(_("Phone"), details.phone))
        if details.website:
            lines.append("    {}: {}".format(_("Website"), details.website))
        if details.mail_domains:
            domains = ", ".join(f"@{d}" for d in details.mail_domains)
            # Translators: followed by a colon and our mail domains ("@example.com").
            lines.append("    {}: {}".format(_("Our e-mail addresses end in"), domains))
        if details.rep_email:
            # Translators: followed by a colon and the e-mail address of the buyer's rep.
            lines.append("    {}: {}".format(_("Your contact"), details.rep_email))
        return "\n".join(lines)


def _impersonates_them() -> Letter:
    # Translators: a letter warning a buyer; keep the indented lines, each label followed
    # by a colon, and the blank lines. %(details)s is an indented list of our details.
    return Letter(
        _("Warning: someone is writing to us in your name"),
        _(
            "Dear %(name)s,\n\n"
            "we received a message that pretends to come from your company but does not:\n\n"
            "    From: %(address)s\n    Subject: %(subject)s\n    Received: %(date)s\n\n"
            "Someone is impersonating you, most likely to have payments or goods redirected. "
            "We have not acted on it and will not. Please check whether your mailbox may "
            "have been accessed, and warn your colleagues.\n\n"
            "If you receive messages that seem to come from us and ask you to pay into "
            "another account or to use new contact details, please do not act on them. "
            "Check with us first through these details, which we have verified:\n\n"
            "%(details)s\n\n"
            "Best regards,\n%(sender)s"
        ),
    )


def _impersonates_us() -> Letter:
    # Translators: a letter warning a buyer that someone sends messages in our name;
    # %(company)s is our company's name.
    return Letter(
        _("Warning: someone is impersonating %(company)s"),
        _(
            "Dear %(name)s,\n\n"
            "someone is sending messages that pretend to come from us but do not:\n\n"
            "    From: %(address)s\n    Subject: %(subject)s\n    Received: %(date)s\n\n"
            "Please do not act on this message or any like it: do not pay, do not change any "
            "bank or contact details, and do not reply with information. Our bank details "
            "have not changed because of it.\n\n"
            "Whenever you are unsure whether a message is really from us, check with us "
            "through these details, which we have verified:\n\n%(details)s\n\n"
            "Best regards,\n%(sender)s"
        ),
    )


def warning_letter(
    *,
    language: str,
    name: str,
    impersonates_us: bool,
    address: str,
    subject: str,
    date: str,
    details: OurDetails,
    sender: str,
) -> Letter:
    lang = buyer_language(language)
    with translation.override(lang):
        letter = _impersonates_us() if impersonates_us else _impersonates_them()
        values = {
            "name": name,
            "address": address,
            "subject": subject or "—",
            "date": date,
            "details": details_block(lang, details),
            "sender": sender,
            "company": details.company,
        }
        return Letter(letter.subject % values, letter.body % values)

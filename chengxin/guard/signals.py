"""Signals and the sentences that explain them to a person.

A :class:`Signal` is one reason for suspicion: a stable ``code``, the ``weight`` it
adds to the score and JSON-serialisable ``params``. Every code has an English sentence
template with ``%(name)s`` placeholders, written as ``gettext_noop("...")`` so that
Django's ``makemessages`` extracts it although this module does not import Django.
The Django layer renders a signal in the user's language with
``describe(signal, gettext=django.utils.translation.gettext)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TEMPLATES", "Signal", "describe", "gettext_noop"]


def gettext_noop(message: str) -> str:
    """Mark a string for translation without translating it (Django's convention)."""
    return message


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    weight: int
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "weight": self.weight, "params": dict(self.params)}


TEMPLATES: Mapping[str, str] = {
    "lookalike_homoglyph": gettext_noop(
        "The %(field)s %(domain)s looks like %(known_domain)s (%(details)s), %(whose)s."
    ),
    "lookalike_typo": gettext_noop(
        "The %(field)s %(domain)s is a misspelling of %(known_domain)s (%(details)s), %(whose)s."
    ),
    "lookalike_short_typo": gettext_noop(
        "The %(field)s %(domain)s differs by one letter from %(known_domain)s (%(details)s), "
        "%(whose)s. This is a guess: the name is short, and a one-letter difference may also "
        "be another, real company."
    ),
    "lookalike_split": gettext_noop(
        "The %(field)s %(domain)s spells %(matched_name)s across a dot, which reads as the "
        "name in %(known_domain)s, %(whose)s."
    ),
    "lookalike_other_suffix": gettext_noop(
        "The %(field)s %(domain)s has the name of %(known_domain)s with another ending "
        "(.%(suffix)s instead of .%(known_suffix)s), %(whose)s."
    ),
    "lookalike_added_words": gettext_noop(
        "The %(field)s %(domain)s is the name of %(known_domain)s with words added "
        "(%(extra)s), %(whose)s."
    ),
    "lookalike_subdomain": gettext_noop(
        "The %(field)s %(domain)s puts %(matched_name)s in front of the unrelated domain "
        "%(extra)s; %(known_domain)s is %(whose)s."
    ),
    "lookalike_embedded": gettext_noop(
        "The %(field)s %(domain)s contains %(matched_name)s, the name in %(known_domain)s, "
        "%(whose)s."
    ),
    "lookalike_address": gettext_noop(
        "The %(field)s %(address)s looks like %(known_address)s (%(details)s), %(who)s."
    ),
    "display_name_known_contact": gettext_noop(
        "The sender calls themselves “%(display_name)s” like your contact %(known_address)s, "
        "but writes from a new address, %(address)s."
    ),
    "display_name_same_domain_new_address": gettext_noop(
        "The sender calls themselves “%(display_name)s” like your contact %(known_address)s, "
        "but writes from another address at the same company, %(address)s."
    ),
    "display_name_company": gettext_noop(
        "The sender's name “%(display_name)s” names %(company)s, but %(address)s is not on "
        "%(known_domain)s, %(whose)s."
    ),
    "display_name_address": gettext_noop(
        "The sender's name shows the address %(shown)s, but the message comes from %(address)s."
    ),
    "display_name_known_address": gettext_noop(
        "The sender's name shows %(shown)s, an address at %(known_domain)s, %(whose)s, "
        "but the message comes from %(address)s."
    ),
    "reply_to_differs": gettext_noop(
        "Replies would go to %(reply_to)s instead of to the sender, %(address)s."
    ),
    "return_path_differs": gettext_noop(
        "Bounces go to %(return_path)s, on another domain than the sender, %(address)s."
    ),
    "first_contact": gettext_noop("This is the first message from %(address)s."),
    "auth_fail": gettext_noop(
        "The message claims to come from %(domain)s but fails that domain's DMARC or DKIM "
        "check, so it may be forged."
    ),
    "auth_fail_known_domain": gettext_noop(
        "The message claims to come from %(domain)s, %(whose)s, but fails that domain's DMARC "
        "or DKIM check, so it is probably forged."
    ),
    "unauthenticated": gettext_noop(
        "Nothing proves that the message really comes from %(domain)s: it has no valid DKIM "
        "signature or SPF pass for that domain."
    ),
    "no_from": gettext_noop("The message has no usable sender address."),
    "multiple_from": gettext_noop("The message names several senders at once: %(addresses)s."),
    "bank_change_request": gettext_noop(
        "The message asks to change bank or payment details (“%(phrase)s”)."
    ),
    "contact_change_request": gettext_noop(
        "The message announces or asks to use a new e-mail address or phone number (“%(phrase)s”)."
    ),
    "urgency": gettext_noop("The message presses for speed (“%(phrase)s”)."),
    "secrecy": gettext_noop("The message asks for secrecy or to avoid phone calls (“%(phrase)s”)."),
    "payment_notice": gettext_noop(
        "The message claims a payment or sends payment documents (“%(phrase)s”)."
    ),
    "payment_notice_first_contact": gettext_noop(
        "A sender you have never dealt with claims a payment or sends payment documents "
        "(“%(phrase)s”)."
    ),
    "attachment_removed_by_filter": gettext_noop(
        "A mail filter on the way already removed a dangerous attachment from this message "
        "(“%(phrase)s”)."
    ),
    "new_bank_account": gettext_noop(
        "The message gives the %(kind)s %(account)s, which is not among the bank details on file."
    ),
    "bank_details_unverified": gettext_noop(
        "The message gives the %(kind)s %(account)s, and no bank details are on file to "
        "compare it with."
    ),
    "bank_country_changed": gettext_noop(
        "The account %(account)s is in %(country)s, while the accounts on file are in "
        "%(countries_on_file)s."
    ),
    "new_phone_number": gettext_noop(
        "The message gives the phone number %(phone)s, which is not on file."
    ),
    "executable_attachment": gettext_noop(
        "The attachment %(filename)s is a program or script that can infect the computer."
    ),
    "double_extension_attachment": gettext_noop(
        "The attachment %(filename)s hides its real type behind a double extension."
    ),
    "macro_attachment": gettext_noop(
        "The attachment %(filename)s is an office document with macros, which can run code."
    ),
    "archive_attachment": gettext_noop(
        "The attachment %(filename)s is a compressed archive, a common way to hide malware."
    ),
    "html_attachment": gettext_noop(
        "The attachment %(filename)s is a web page, often used for fake login forms."
    ),
    "malformed_message": gettext_noop(
        "The message is malformed (%(problems)s); normal mail programs do not produce this."
    ),
    "parse_error": gettext_noop("The message could not be read completely (%(error)s)."),
    "sender_confirmed_fraud": gettext_noop(
        "The sender %(blocked)s was confirmed fraudulent on %(date)s by %(user)s: %(reason)s"
    ),
    "domain_confirmed_fraud": gettext_noop(
        "The sender's domain %(blocked)s was confirmed fraudulent on %(date)s by %(user)s: "
        "%(reason)s"
    ),
    "idn_domain": gettext_noop(
        "The %(field)s %(domain)s is written with non-Latin or accented letters."
    ),
}

FIELD_DOMAIN_LABELS: Mapping[str, str] = {
    "from": gettext_noop("sender's domain"),
    "reply_to": gettext_noop("Reply-To domain"),
    "return_path": gettext_noop("return-path domain"),
    "display_name": gettext_noop("domain shown as the sender's name"),
}
FIELD_ADDRESS_LABELS: Mapping[str, str] = {
    "from": gettext_noop("sender's address"),
    "reply_to": gettext_noop("Reply-To address"),
    "return_path": gettext_noop("return-path address"),
    "display_name": gettext_noop("address shown as the sender's name"),
}
ACCOUNT_KIND_LABELS: Mapping[str, str] = {
    "iban": gettext_noop("IBAN"),
    "bic": gettext_noop("SWIFT/BIC code"),
    "account_number": gettext_noop("account number"),
}
_WHOSE = {
    "customer_since": gettext_noop("the domain of %(company)s, your customer since %(since)s"),
    "customer": gettext_noop("the domain of %(company)s, your customer"),
    "own": gettext_noop("your own company's domain"),
    "supplier": gettext_noop("the domain of %(company)s, your supplier"),
    "bank": gettext_noop("the domain of your bank, %(company)s"),
    "company": gettext_noop("the domain of %(company)s"),
    "anonymous": gettext_noop("a domain you deal with"),
}
_WHO = {
    "name_company": gettext_noop("the address of %(name)s at %(company)s"),
    "name": gettext_noop("the address of %(name)s"),
    "anonymous": gettext_noop("an address you know"),
}
_DIFFERENCES = {
    "looks_like": gettext_noop("%(fake)s looks like %(real)s"),
    "instead_of": gettext_noop("%(fake)s instead of %(real)s"),
    "added": gettext_noop("%(fake)s added"),
    "left_out": gettext_noop("%(real)s left out"),
}
PROBLEM_LABELS: Mapping[str, str] = {
    "boundary_mismatch": gettext_noop("its parts use another boundary than declared"),
    "boundary_missing": gettext_noop("the boundary between its parts is missing"),
    "broken_structure": gettext_noop("its multipart structure is broken"),
    "no_header_separator": gettext_noop("no blank line after the headers"),
    "invalid_base64": gettext_noop("invalid base64 content"),
    "several_subjects": gettext_noop("several Subject lines"),
}
_LIST_SEPARATOR = gettext_noop(", ")


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def describe(signal: Signal, gettext: Callable[[str], str] = gettext_noop) -> str:
    """The signal as one sentence, translated with ``gettext`` (identity by default)."""
    template = TEMPLATES.get(signal.code)
    if template is None:
        return signal.code
    params = _Params(signal.params)
    field_name = str(params.get("field", ""))
    labels = FIELD_ADDRESS_LABELS if "address" in signal.code else FIELD_DOMAIN_LABELS
    if field_name in labels:
        params["field"] = gettext(labels[field_name])
    if "relation" in params:
        params["whose"] = _whose(params, gettext)
    if "known_address" in params:
        params["who"] = _who(params, gettext)
    if "differences" in params:
        params["details"] = _details(params["differences"], gettext)
    if "problems" in params:
        params["problems"] = [gettext(PROBLEM_LABELS.get(p, p)) for p in params["problems"]]
    if params.get("kind") in ACCOUNT_KIND_LABELS:
        params["kind"] = gettext(ACCOUNT_KIND_LABELS[params["kind"]])
    for key, value in list(params.items()):
        if isinstance(value, list | tuple) and key != "differences":
            params[key] = gettext(_LIST_SEPARATOR).join(str(item) for item in value)
    return gettext(template) % params


def _whose(params: Mapping[str, Any], gettext: Callable[[str], str]) -> str:
    relation = params.get("relation", "")
    company = params.get("company", "")
    since = params.get("since")
    if relation == "own":
        key = "own"
    elif not company:
        key = "anonymous"
    elif relation == "customer":
        key = "customer_since" if since else "customer"
    elif relation in ("supplier", "bank"):
        key = relation
    else:
        key = "company"
    return gettext(_WHOSE[key]) % {"company": company, "since": since}


def _who(params: Mapping[str, Any], gettext: Callable[[str], str]) -> str:
    name = params.get("known_name", "")
    company = params.get("known_company", "")
    if name and company:
        return gettext(_WHO["name_company"]) % {"name": name, "company": company}
    if name:
        return gettext(_WHO["name"]) % {"name": name}
    return gettext(_WHO["anonymous"])


def _details(differences: Sequence[Sequence[str]], gettext: Callable[[str], str]) -> str:
    parts = []
    for pair in differences:
        fake, real, how = (list(pair) + ["", "", ""])[:3]
        if fake and real:
            key = "looks_like" if how == "visual" else "instead_of"
        elif fake:
            key = "added"
        else:
            key = "left_out"
        parts.append(gettext(_DIFFERENCES[key]) % {"fake": fake, "real": real})
    return gettext(_LIST_SEPARATOR).join(parts)

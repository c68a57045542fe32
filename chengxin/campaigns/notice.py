"""What a buyer receives: the timeline facts of a plan, the letters (formal notice,
chat reminder, payment instructions after the change, reminder to acknowledge) in the
buyer's language, and the absolute links they carry.

The accounts' full numbers are decrypted here, for the payment instructions only; the
notice and the timeline show the last four digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from babel.numbers import format_decimal
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from chengxin.campaigns import timeline
from chengxin.campaigns.models import ChangePlan, Recipient
from chengxin.core.buyer_language import page_direction
from chengxin.core.crypto import decrypt
from chengxin.core.money import babel_locale, format_money
from chengxin.orders.selectors import open_orders, proforma_data

PUBLIC_RECORD_FALLBACK = "/trust/accounts/"


def absolute(path: str) -> str:
    return settings.SITE_ROOT.rstrip("/") + path


def public_record_url() -> str:
    """Our public record of account changes (another app's page; its usual path until
    that app's URL exists)."""
    try:
        return absolute(reverse("publicrecord:record"))
    except NoReverseMatch:
        return absolute(PUBLIC_RECORD_FALLBACK)


def ack_url(token: str) -> str:
    return absolute(reverse("ack:page", kwargs={"token": token}))


def ack_pdf_url(token: str) -> str:
    return absolute(reverse("ack:timeline_pdf", kwargs={"token": token}))


def full_number(account) -> str:
    """The account's IBAN, or its local number ("" when neither is stored)."""
    for encrypted in (account.iban_encrypted, account.number_encrypted):
        if encrypted:
            return decrypt(encrypted)
    return ""


def masked(account) -> str:
    number = full_number(account)
    try:
        return timeline.mask_account_number(number)
    except Exception:  # noqa: BLE001 - a short or missing number: the stored last digits
        return f"{timeline.MASK} {account.number_last4}"


def account_facts(account) -> timeline.AccountFacts:
    return timeline.AccountFacts(
        bank_name=account.bank_name,
        bic=account.bic,
        masked_number=masked(account),
        currency=account.currency,
        holder=account.holder_name,
    )


def verified_on(plan: ChangePlan):
    """The day the new account was verified, kept inside decision…change for the picture."""
    account = plan.new_account
    moment = account.verified_at or account.approved_at or account.active_since
    day = moment.date() if moment else plan.decided_on
    return min(max(day, plan.decided_on), plan.parallel_from)


def timeline_facts(plan: ChangePlan) -> timeline.TimelineFacts:
    return timeline.TimelineFacts(
        company_name=settings.CHENGXIN_COMPANY_NAME,
        decided_on=plan.decided_on,
        reason=plan.reason,
        new_account=account_facts(plan.new_account),
        new_verified_on=verified_on(plan),
        parallel_from=plan.parallel_from,
        parallel_until=plan.old_closes_on,
        old_account=account_facts(plan.old_account),
        old_closes_on=plan.old_closes_on,
        public_record_url=public_record_url(),
    )


@lru_cache(maxsize=16)
def _pdf(facts: timeline.TimelineFacts, language: str) -> bytes:
    return timeline.timeline_pdf(facts, language)


def notice_pdf(plan: ChangePlan, language: str) -> bytes:
    """The timeline PDF of a plan in a language. It names no buyer, so one is made per
    plan and language (and kept while the plan's facts stay the same)."""
    return _pdf(timeline_facts(plan), timeline.timeline_language(language))


def pdf_filename(plan: ChangePlan) -> str:
    return f"account-change-{plan.parallel_from:%Y-%m-%d}.pdf"


@dataclass(frozen=True)
class Letter:
    subject: str
    text: str
    html: str = ""


def _context(recipient: Recipient, token: str, language: str) -> dict:
    plan = recipient.plan
    contact = recipient.contact
    new = plan.new_account
    direction = page_direction(language)
    return {
        "language": language,
        "direction": direction,
        "start": "right" if direction == "rtl" else "left",
        "end": "left" if direction == "rtl" else "right",
        "plan": plan,
        "our_company": settings.CHENGXIN_COMPANY_NAME,
        "buyer": recipient.company.legal_name,
        "name": contact.name if contact else "",
        "change_day": timeline.format_day(plan.parallel_from, language),
        "closes_day": timeline.format_day(plan.old_closes_on, language),
        "new_masked": masked(new),
        "old_masked": masked(plan.old_account),
        "new": new,
        "new_number": full_number(new),
        "intermediary_account": (
            decrypt(new.intermediary_account_encrypted)
            if new.intermediary_account_encrypted
            else ""
        ),  # fmt: skip
        "public_record_url": public_record_url(),
        "ack_url": ack_url(token),
        "pdf_url": ack_pdf_url(token),
        "fee_offer": bool(plan.fee_offer_until and plan.fee_cap),
        "fee_until": (
            timeline.format_day(plan.fee_offer_until, language) if plan.fee_offer_until else ""
        ),
    }


def _render(name: str, context: dict) -> str:
    return render_to_string(f"campaigns/letters/{name}", context)


def _letter(subject: str, name: str, context: dict, *, html: bool = True) -> Letter:
    """The letter from its templates ``name``.txt and (with ``html``) ``name``.html."""
    return Letter(
        subject=subject,
        text=_render(f"{name}.txt", context),
        html=_render(f"{name}.html", context) if html else "",
    )


def notice_letter(recipient: Recipient, token: str, facts: timeline.TimelineFacts) -> Letter:
    """The formal email: the timeline inside, the links to the public record and to the
    buyer's own acknowledgement page. (The PDF goes with it as an attachment.)"""
    language = timeline.timeline_language(recipient.language)
    with translation.override(language):
        context = _context(recipient, token, language)
        context["timeline_html"] = timeline.timeline_html(facts, language)
        subject = _(
            "Important: change of our receiving bank account and transition arrangements "
            "– %(buyer)s"
        ) % {"buyer": recipient.company.legal_name}
        return _letter(subject, "notice", context)


def chat_reminder_text(recipient: Recipient, token: str) -> str:
    """The short WhatsApp/WeChat reminder the day before, with the link to the PDF."""
    language = timeline.timeline_language(recipient.language)
    with translation.override(language):
        return _render("chat_reminder.txt", _context(recipient, token, language)).strip()


def post_change_letter(recipient: Recipient, token: str) -> Letter:
    """After the change: the payment instructions with the new account in full, and for
    each open order of the buyer in the new account's currency, its proforma data (what
    is still due, when) carrying the new account. (The sending attaches each order's
    proforma invoice as a PDF: ``documents.services.account_change_proformas``.)"""
    language = timeline.timeline_language(recipient.language)
    with translation.override(language):
        context = _context(recipient, token, language)
        context["open_orders"] = open_order_proformas(recipient, language)
        subject = _("Payment instructions from %(day)s: our new receiving account – %(buyer)s") % {
            "day": context["change_day"],
            "buyer": recipient.company.legal_name,
        }
        return _letter(subject, "post_change", context)


def ack_reminder_letter(recipient: Recipient, token: str) -> Letter:
    language = timeline.timeline_language(recipient.language)
    with translation.override(language):
        context = _context(recipient, token, language)
        subject = _("Reminder: please confirm you have updated our bank account – %(buyer)s") % {
            "buyer": recipient.company.legal_name
        }
        return _letter(subject, "ack_reminder", context, html=False)


def open_order_proformas(recipient: Recipient, language: str) -> list[dict]:
    """The buyer's open orders that are paid into the new account (its currency) and
    still have an amount to pay: each order's proforma data with the new account, its
    amounts and days written for the buyer's language."""
    new = recipient.plan.new_account
    proformas = []
    for order in open_orders(recipient.company).filter(currency=new.currency, open_balance__gt=0):
        data = proforma_data(order, account=new)
        proformas.append(
            {
                "number": data["number"],
                "incoterm": data["incoterm_text"],
                "total": format_money(data["total"], data["currency"], language=language),
                "open": format_money(data["open_balance"], data["currency"], language=language),
                "lines": [
                    {
                        "description": line["description"],
                        "quantity": format_decimal(line["quantity"], locale=babel_locale(language)),
                        "unit": line["unit"],
                        "amount": format_money(line["amount"], data["currency"], language=language),
                    }
                    for line in data["lines"]
                ],
                "due": [
                    {
                        "description": row["description"],
                        "open": format_money(row["open"], data["currency"], language=language),
                        "day": (
                            timeline.format_day(row["due_at"].date(), language)
                            if row["due_at"]
                            else ""
                        ),
                    }
                    for row in data["schedule"]
                    if row["open"] > 0
                ],
            }
        )
    return proformas

"""One voice to the buyer: every letter, notice and public page a buyer reads, rendered in
each of the twelve buyer languages, speaks that language only.

For each language the test renders every buyer-facing text (the change letters, the
guard's warning letters, the campaign's letters and timeline with an open order's proforma
data in the payment instructions, the acknowledgement page, the public record and its
check, the fee-claim pages, the full answer to an inquiry, the delay warnings and the
production update on an order's promised dates) and asserts:

* every msgid the rendering used is translated in that language's catalogue (not empty,
  not fuzzy), or by Django's own catalogue: a missing msgid would fall back to the
  Chinese catalogue (the site's default language), not to English;
* no line of the English rendering appears unchanged (names, numbers, IBANs, addresses
  and a few universal words like "SWIFT/BIC" aside);
* no Chinese, Japanese or Korean characters in a language written without them;
* the pages and HTML letters carry ``lang`` and ``dir`` (``rtl`` for Arabic).

Languages whose translations are not written yet are listed in PENDING_LANGUAGES, the
one place a translator edits: remove your language once its catalogue is complete (the
test then passes for it; a pending language that passes fails the run, as a reminder).
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client
from django.urls import get_resolver
from django.utils import timezone, translation
from django.utils.translation import trans_real

from chengxin.accounts.models import Role
from chengxin.banking.models import BankAccount, Purpose, Side, State
from chengxin.campaigns import notice, timeline
from chengxin.campaigns.models import ChangePlan, PlanState, Recipient
from chengxin.campaigns.tokens import new_token
from chengxin.changes import drafts
from chengxin.commitments import letters as promise_letters
from chengxin.core import bank_numbers as numbers
from chengxin.core.buyer_language import buyer_language, buyer_languages
from chengxin.core.crypto import encrypt
from chengxin.guard import letters
from chengxin.inquiries.models import Inquiry
from chengxin.inquiries.services import full_answer_text, inquiry_create
from chengxin.orders import services as orders
from chengxin.orders.models import Order
from chengxin.testing import make_company, make_user

# The languages whose buyer translations are still to be written. Translators: remove
# yours when its catalogue (chengxin/locale/<xx>/LC_MESSAGES/django.po) is complete.
PENDING_LANGUAGES: set[str] = set()

LOCALE = Path(settings.BASE_DIR) / "chengxin" / "locale"
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u3000-\u303f\uff01-\uff5e]")
WRITTEN_WITH_CJK = {"zh-hans", "ja", "ko"}
# Words that read the same in every language a buyer reads.
UNIVERSAL = {"SWIFT", "BIC", "IBAN", "PDF", "PNG", "JPEG", "MT103", "WhatsApp", "WeChat",
             "LinkedIn", "SMS", "QR", "ID", "UTC", "GmbH", "Co", "Ltd", "AG",
             # Currency names come from CLDR (Babel), and some are the same word in
             # English and in the buyer's language (German, Portuguese, Turkish "Euro").
             "EUR", "Euro", "XSU", "Sucre"}  # fmt: skip

OLD_IBAN = "FR1420041010050500013M02606"
NEW_IBAN = "DE89370400440532013000"
BUYER = "Müller Maschinenbau GmbH"
CONTACT = "Anna Schmidt"
SENDER = f"Li Na\n{settings.CHENGXIN_COMPANY_NAME}"
# The facts of the texts: names, numbers and addresses stay as they are in every language.
DATA = [
    BUYER, CONTACT, "Li Na", settings.CHENGXIN_COMPANY_NAME, settings.CHENGXIN_COMPANY_PHONE,
    "Commerzbank AG", "BNP Paribas", "Ningbo Chengxin Export Co., Ltd.", "COBADEFFXXX",
    "BNPAFRPPXXX", "Lower fees for euro payments", "anna.schmidt@mueller-maschinenbau.de",
    "billing@mueller-maschinenbau.co", "Updated bank details", "PI-2026-118",
    "40' container of LED panels", "+49 30 901820", "rep@chengxin-demo.cn", "chengxin-demo.cn",
    "https://chengxin-demo.cn", "Europe/Berlin", "Kaiserplatz, 60311 Frankfurt am Main",
    # The inquiry, the answer's values and the order (the rep's and the buyer's own words).
    "Na Li", "LED panels 600x600, 2,000 pieces", "FOB Ningbo", "Ningbo", "EUR 18.40",
    "T/T, L/C at sight", "LED panel 600x600", "LED driver 40W", "pcs",
    "Moulds finished, assembly started on 2 December.", "Quality report",
]  # fmt: skip


@dataclass
class Rendering:
    """One text as a buyer gets it, and the msgids it used."""

    name: str
    text: str
    html_page: bool = False
    msgids: set[str] = field(default_factory=set)


# --- The world the texts are about -----------------------------------------------------


def _account(actor, iban: str, **fields) -> BankAccount:
    now = timezone.now()
    return BankAccount.objects.create(
        side=Side.OURS,
        purpose=Purpose.RECEIVING,
        holder_name="Ningbo Chengxin Export Co., Ltd.",
        bank_name=fields.pop("bank_name", "Commerzbank AG"),
        bic=fields.pop("bic", "COBADEFFXXX"),
        iban_encrypted=encrypt(iban),
        number_digest=numbers.digest(iban),
        number_last4=numbers.last4(iban),
        currency="EUR",
        state=State.ACTIVE,
        state_changed_at=now,
        proposed_by=actor,
        proposed_at=now,
        active_since=now,
        **fields,
    )


@dataclass
class World:
    recipient: Recipient
    token: str
    inquiry: Inquiry
    order: str
    due_in_english: list[str]  # the open order's amounts due, as English describes them


@pytest.fixture
def world(db) -> World:
    manager = make_user(Role.MANAGER, username="voice-manager")
    owner = make_user(Role.SALES, username="voice-owner", first_name="Na", last_name="Li")
    company = make_company(
        actor=manager, owner=owner, name=BUYER, contact=CONTACT,
        email="anna.schmidt@mueller-maschinenbau.de",
    )  # fmt: skip
    old = _account(manager, OLD_IBAN, bank_name="BNP Paribas", bic="BNPAFRPPXXX")
    new = _account(manager, NEW_IBAN, bank_address="Kaiserplatz, 60311 Frankfurt am Main")
    today = timezone.now().date()
    plan = ChangePlan.objects.create(
        old_account=old,
        new_account=new,
        created_by=manager,
        reason="Lower fees for euro payments",
        decided_on=today - datetime.timedelta(days=60),
        parallel_from=today - datetime.timedelta(days=20),
        old_closes_on=today + datetime.timedelta(days=40),
        state=PlanState.LAUNCHED,
        launched_by=manager,
        launched_at=timezone.now() - datetime.timedelta(days=30),
        fee_offer_until=today + datetime.timedelta(days=30),
        fee_cap=Decimal("35.00"),
        fee_cap_currency="USD",
    )
    token = new_token()
    recipient = Recipient.objects.create(
        plan=plan,
        company=company,
        contact=company.contacts.first(),
        language="de",
        token_digest=token.digest,
        token_encrypted=token.encrypted,
    )
    # An open order paid into the new account (its currency): its proforma data goes into
    # the payment instructions, with the amounts due under the buyer's terms.
    order = orders.order_create(
        actor=owner, company=company, currency="EUR", incoterm="FOB", named_place="Ningbo",
        lines=[orders.LineIn(description="LED panel 600x600", quantity=Decimal("200"),
                             unit_price=Decimal("18.40")),
               orders.LineIn(description="LED driver 40W", quantity=Decimal("200"),
                             unit_price=Decimal("3.50"))],
        order_date=today - datetime.timedelta(days=10), now=timezone.now(),
    )  # fmt: skip
    inquiry = inquiry_create(
        actor=owner, company=company, contact=company.contacts.first(),
        subject="LED panels 600x600, 2,000 pieces",
    )  # fmt: skip
    with translation.override("en"):
        due = [row.label for row in Order.objects.get(pk=order.pk).schedule.all()]
    return World(recipient=recipient, token=token.token, inquiry=inquiry, order=order.number,
                 due_in_english=due)  # fmt: skip


# --- The texts ---------------------------------------------------------------------------


def _letter(letter) -> str:
    return f"{letter.subject}\n\n{letter.body}"


def _details() -> letters.OurDetails:
    return letters.OurDetails(
        company=settings.CHENGXIN_COMPANY_NAME,
        phone=settings.CHENGXIN_COMPANY_PHONE,
        website="https://chengxin-demo.cn",
        mail_domains=("chengxin-demo.cn",),
        rep_email="rep@chengxin-demo.cn",
    )


def _warning(language: str, *, us: bool) -> str:
    return _letter(
        letters.warning_letter(
            language=language, name=CONTACT, impersonates_us=us,
            address="billing@mueller-maschinenbau.co", subject="Updated bank details",
            date="2026-12-01 09:30 (Europe/Berlin)", details=_details(), sender=SENDER,
        )
    )  # fmt: skip


def _full_answer(inquiry: Inquiry, language: str) -> str:
    inquiry.contact.language = language  # the letter is written in the contact's language
    return full_answer_text(
        inquiry, moq="500", lead_time="30", price="EUR 18.40 FOB Ningbo",
        payment_methods="T/T, L/C at sight", note="", writer=inquiry.company.owner,
    )  # fmt: skip


def _delay(
    language: str, order: str, kind: str, alternative: str, *, known: bool = True, label: str = ""
) -> str:
    today = datetime.date(2027, 3, 3)
    return _letter(promise_letters.delay_letter(
        language=language, name=CONTACT, order=order, kind=kind, label=label,
        promised_on=today, expected_on=today + datetime.timedelta(days=12) if known else None,
        alternative=alternative, sender=SENDER,
    ))  # fmt: skip


def _production_update(language: str, order: str, *, photos: int) -> str:
    return _letter(promise_letters.production_update_letter(
        language=language, name=CONTACT, order=order, photos=photos, sender=SENDER,
        text="Moulds finished, assembly started on 2 December.",
    ))  # fmt: skip


def _page(client: Client, url: str, language: str, *, post: dict | None = None) -> str:
    url = f"{url}?lang={language}"
    response = client.post(url, post) if post is not None else client.get(url)
    assert response.status_code in (200, 404, 422), (url, response.status_code)
    return response.content.decode()


def _texts(world: World) -> dict:
    """Each buyer-facing text as a function of the language."""
    recipient, token, order = world.recipient, world.token, world.order

    def on_recipient(language, render):
        recipient.language = language
        return render()

    def facts():
        return notice.timeline_facts(recipient.plan)

    return {
        "change confirmation letter": lambda lang: (_letter(drafts.confirm_letter(
            language=lang, name=CONTACT, kind="email",
            new_value="anna.schmidt@mueller-maschinenbau.de", sender=SENDER)), False),
        "change notice letter": lambda lang: (_letter(drafts.notice_letter(
            language=lang, name=CONTACT, kind="phone", new_value="+49 30 901820",
            sender=SENDER, open_orders=["PI-2026-118: 40' container of LED panels"])), False),
        "warning letter (they are impersonated)": lambda lang: (_warning(lang, us=False), False),
        "warning letter (we are impersonated)": lambda lang: (_warning(lang, us=True), False),
        "campaign notice (text)": lambda lang: (on_recipient(lang, lambda: _letter2(
            notice.notice_letter(recipient, token, facts()), "text")), False),
        "campaign notice (HTML)": lambda lang: (on_recipient(lang, lambda: _letter2(
            notice.notice_letter(recipient, token, facts()), "html")), True),
        "payment instructions (text)": lambda lang: (on_recipient(lang, lambda: _letter2(
            notice.post_change_letter(recipient, token), "text")), False),
        "payment instructions (HTML)": lambda lang: (on_recipient(lang, lambda: _letter2(
            notice.post_change_letter(recipient, token), "html")), True),
        "acknowledgement reminder": lambda lang: (on_recipient(lang, lambda: _letter2(
            notice.ack_reminder_letter(recipient, token), "text")), False),
        "chat reminder": lambda lang: (on_recipient(
            lang, lambda: notice.chat_reminder_text(recipient, token)), False),
        "timeline PDF": lambda lang: (timeline.timeline_pdf_html(facts(), lang), True),
        "acknowledgement page": lambda lang: (_page(Client(), f"/ack/{token}/", lang), True),
        "acknowledgement page, wrong link": lambda lang: (
            _page(Client(), f"/ack/{new_token().token}/", lang), True),
        "public record": lambda lang: (_page(Client(), "/trust/accounts/", lang), True),
        "public record, a check": lambda lang: (_page(
            Client(), "/trust/accounts/check/", lang, post={"number": OLD_IBAN}), True),
        "public record, a failed check": lambda lang: (_page(
            Client(), "/trust/accounts/check/", lang, post={"number": "GB29NWBK60161331926819"}),
            True),
        "fee-claim page": lambda lang: (_page(Client(), f"/compensation/claim/{token}/", lang),
                                        True),
        "fee-claim thanks": lambda lang: (
            _page(Client(), f"/compensation/claim/{token}/thanks/", lang), True),
        "inquiry: the full answer": lambda lang: (_full_answer(world.inquiry, lang), False),
        "delay warning (a new date proposed)": lambda lang: (
            _delay(lang, order, "shipped", promise_letters.NEW_DATE), False),
        "delay warning (air freight)": lambda lang: (
            _delay(lang, order, "ready", promise_letters.AIR_FREIGHT), False),
        "delay warning (part shipment, new date unknown)": lambda lang: (
            _delay(lang, order, "production_start", promise_letters.PART_SHIPMENT,
                   known=False), False),
        "delay warning (cost share)": lambda lang: (
            _delay(lang, order, "arrival", promise_letters.COST_SHARE), False),
        "delay warning (another promise, no alternative)": lambda lang: (
            _delay(lang, order, "other", promise_letters.NONE), False),
        "delay warning (a promise the rep named)": lambda lang: (
            _delay(lang, order, "other", promise_letters.NONE, label="Quality report"), False),
        "production update with photos": lambda lang: (
            _production_update(lang, order, photos=3), False),
        "production update without photos": lambda lang: (
            _production_update(lang, order, photos=0), False),
    }  # fmt: skip


def _letter2(letter, part: str) -> str:
    body = letter.text if part == "text" else letter.html
    return f"{letter.subject}\n\n{body}"


# --- Recording the msgids a rendering uses -----------------------------------------------


class Used(set):
    """The msgids looked up in ``language`` (not those of a staff notification written
    meanwhile in its reader's language)."""

    language = ""


@pytest.fixture
def recorded(monkeypatch):
    # Import every view and form first (the URLconf): a module imported in the middle of a
    # rendering would record the labels it builds at import time as the letter's msgids.
    assert get_resolver().url_patterns
    used = Used()
    gettext = trans_real.DjangoTranslation.gettext
    ngettext = trans_real.DjangoTranslation.ngettext

    def spy_gettext(self, message):
        if self.language() == used.language:
            used.add(message)
        return gettext(self, message)

    def spy_ngettext(self, singular, plural, number):
        if self.language() == used.language:
            used.add(singular)
        return ngettext(self, singular, plural, number)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", spy_gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", spy_ngettext)
    return used


def _render(texts: dict, language: str, used: Used) -> list[Rendering]:
    used.language = language
    renderings = []
    for name, render in texts.items():
        used.clear()
        with translation.override(language):  # what a view or a worker would have active
            text, html_page = render(language)
        renderings.append(Rendering(name, text, html_page, set(used)))
    return renderings


# --- The checks --------------------------------------------------------------------------


@cache
def catalogue(language: str) -> dict[str, tuple[str, bool]]:
    """Our catalogue for ``language``: msgid (``context\\x04msgid``) → (msgstr, fuzzy)."""
    path = LOCALE / translation.to_locale(language) / "LC_MESSAGES" / "django.po"
    with path.open("rb") as fh:
        po = read_po(fh, abort_invalid=True)
    entries = {}
    for message in po:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        string = message.string if isinstance(message.string, str) else message.string[0]
        key = f"{message.context}\x04{msgid}" if message.context else msgid
        entries[key] = (string, message.fuzzy)
    return entries


def project_msgids() -> set[str]:
    """Every msgid of the project (the Chinese catalogue holds them all, and the buyer
    catalogues the buyer's, also those the Chinese one does not hold yet); the others a
    rendering looks up are Django's own, translated by Django."""
    return set(catalogue("zh-hans")) | set(catalogue("fr"))


def _untranslated(rendering: Rendering, language: str) -> list[str]:
    if language == "en":
        return []
    ours = catalogue(language)
    missing = []
    for msgid in sorted(rendering.msgids & project_msgids()):
        string, fuzzy = ours.get(msgid, ("", False))
        if not string or fuzzy:
            missing.append(msgid)
    return missing


def _lines(text: str, html_page: bool) -> list[str]:
    if html_page or "<" in text:
        text = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", text)
        text = re.sub(r"(?s)<!--.*?-->", " ", text)
        text = re.sub(r"<[^>]+>", "\n", text)
        text = html.unescape(text)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _without_facts(line: str) -> str:
    for value in sorted(DATA, key=len, reverse=True):
        line = line.replace(value, " ")
    line = re.sub(r"https?://\S+|\S+@\S+|@\S+", " ", line)
    return line


def _words(line: str) -> list[str]:
    if any(line in value for value in DATA):  # a fact, wrapped over lines
        return []
    words = re.findall(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]+", _without_facts(line))
    return [w for w in words if w not in UNIVERSAL]


def _english_left(english: Rendering, rendering: Rendering) -> list[str]:
    theirs = set(_lines(rendering.text, rendering.html_page))
    return [
        line
        for line in _lines(english.text, english.html_page)
        if line in theirs and len(_words(line)) >= 2
    ]


def _cjk_left(rendering: Rendering, language: str) -> list[str]:
    if language in WRITTEN_WITH_CJK:
        return []
    names = [name for _code, name in settings.CHENGXIN_BUYER_LANGUAGES]
    found = []
    for line in _lines(rendering.text, rendering.html_page):
        for name in names:
            line = line.replace(name, " ")
        if CJK.search(line):
            found.append(line)
    return found


def _direction_wrong(rendering: Rendering, language: str) -> list[str]:
    tag = re.search(r"<html\b[^>]*>", rendering.text)
    if not rendering.html_page or tag is None:
        return []
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    expected = [f'lang="{language}"', f'dir="{direction}"']
    return [attr for attr in expected if attr not in tag.group(0)]


def _problems(english: list[Rendering], renderings: list[Rendering], language: str):
    problems = []
    for reference, rendering in zip(english, renderings, strict=True):
        for kind, found in (
            ("untranslated msgid", _untranslated(rendering, language)),
            ("English line left", [] if language == "en" else _english_left(reference, rendering)),
            ("CJK characters", _cjk_left(rendering, language)),
            ("html element lacks", _direction_wrong(rendering, language)),
        ):
            problems.extend(f"[{rendering.name}] {kind}: {item!r}" for item in found)
    return problems


LANGUAGES = [
    pytest.param(code, marks=pytest.mark.xfail(
        reason="translations not written yet", strict=True)) if code in PENDING_LANGUAGES
    else code
    for code, _name in settings.CHENGXIN_BUYER_LANGUAGES
]  # fmt: skip


def test_the_buyer_languages_are_the_twelve():
    assert len(buyer_languages()) == 12
    assert PENDING_LANGUAGES <= set(buyer_languages()) - {"en"}
    # The user interface keeps its two languages.
    assert [code for code, _name in settings.LANGUAGES] == ["zh-hans", "en"]


def test_a_gap_in_a_catalogue_reads_english_not_chinese():
    with translation.override("pt"):
        assert translation.gettext("Warning: someone is writing to us in your name") in (
            "Warning: someone is writing to us in your name",
            catalogue("pt")["Warning: someone is writing to us in your name"][0],
        )
        assert translation.gettext("Customers") == "Customers"  # a UI msgid: not in pt
    with translation.override("zh-hans"):
        assert translation.gettext("Customers") != "Customers"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("zh-Hans", "zh-hans"), ("zh_CN", "zh-hans"), ("zh", "zh-hans"), ("zh-Hant", "en"),
     ("fr-BE", "fr"), ("pt_BR", "pt"), ("AR", "ar"), ("", "en"), ("xx", "en"), (None, "en"),
     ("en-US", "en"), ("ko-KR", "ko"), ("tr", "tr")],
)  # fmt: skip
def test_buyer_language_normalises(given, expected):
    assert buyer_language(given) == expected


def test_every_buyer_catalogue_exists_and_holds_the_same_msgids():
    reference = set(catalogue("fr"))
    for code in buyer_languages():
        if code in ("en", "zh-hans"):
            continue
        msgids = set(catalogue(code))
        assert msgids == reference, (code, msgids ^ reference)


@pytest.mark.xfail(
    "zh-hans" in PENDING_LANGUAGES, strict=True,
    reason="the Chinese catalogue does not hold the new buyer letters' msgids yet",
)  # fmt: skip
def test_the_chinese_catalogue_holds_every_buyer_msgid():
    reference = set(catalogue("fr"))
    msgids = set(catalogue("zh-hans"))
    assert reference <= msgids, reference - msgids


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_buyer_catalogues_hold_every_msgid_the_texts_use(world, recorded, language):
    """Even where the translation is still to be written: the msgid is there to translate
    (a msgid missing from a buyer catalogue would show the Chinese text)."""
    renderings = _render(_texts(world), language, recorded)
    ours = catalogue(language)
    missing = {
        f"[{rendering.name}] {msgid!r}"
        for rendering in renderings
        for msgid in rendering.msgids & project_msgids()
        if msgid not in ours
    }
    assert not missing, "\n".join(sorted(missing))
    assert all(rendering.msgids for rendering in renderings)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_letter_page_and_notice_speaks_the_buyers_language(world, recorded, language):
    texts = _texts(world)
    english = _render(texts, "en", recorded)
    renderings = _render(texts, language, recorded)
    problems = _problems(english, renderings, language)
    assert not problems, f"{len(problems)} problems in {language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", [param for param in LANGUAGES if param != "en"])
def test_an_open_orders_amounts_due_speak_the_buyers_language(world, language):
    """The payment instructions carry each open order's amounts due (chengxin/orders/
    texts.py): described in the buyer's language, not in English (a line the main test may
    not see as English, its amounts and dates being written the buyer's way)."""
    assert world.due_in_english
    world.recipient.language = language
    with translation.override(language):
        letter = notice.post_change_letter(world.recipient, world.token)
    assert world.order in letter.text and world.order in letter.html
    left = [
        label
        for label in world.due_in_english
        if label in letter.text or html.escape(label) in letter.html or label in letter.html
    ]
    assert not left, left

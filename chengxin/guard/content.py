"""What the words of a message ask for: new bank details, a new address, haste, secrecy.

Requests to change bank details or the address to write to are recognised by two
readers in English, Chinese, Spanish, French, German, Portuguese, Russian, Arabic,
Turkish and Japanese: rules that compose concepts per clause
(:mod:`chengxin.guard.change_requests` explains how) and a learned model over
language-neutral concept frames and character n-grams
(:mod:`chengxin.guard.content_model`). A rule's finding stands when the model does not
find the message plainly benign (probability of a request >= ``CONFIRM``: that drops
what the rules misread, such as an L/C opened or "we pay from the same account in
euros"); the model alone makes a finding when it is confident (>= ``ALONE``) and the message
names something money or mail goes to (an account, a payee, an address...), which
catches the paraphrases the rules have no composition for. The thresholds were chosen
on a corpus split the rules were never tuned on (bench/guard_content, ``train``,
with the model trained without it). Haste, secrecy, payment notices and filtered attachments use phrase
patterns in the same languages. Both target the sentences of business e-mail
compromise (BEC) and payment-lure mail, not single words, so an order confirmation
that says "urgent" raises one weak signal and nothing else.

Bank data found in the text is compared with what is on file for the counterpart:

* IBANs, validated with schwifty (checksum, country length); spaced or compact;
* SWIFT/BIC codes, validated with schwifty, kept only after a SWIFT/BIC keyword or
  when the bank is in schwifty's registry (so "DOCUMENT" is not a BIC);
* long account numbers (8 to 34 digits) written after an account keyword in any of
  the languages;
* phone numbers in international form (phonenumbers) and e-mail addresses.

Quoted lines ("> ...") and the usual legal disclaimers are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import phonenumbers
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException

from chengxin.core.email_text import emails_in_text
from chengxin.guard import content_model
from chengxin.guard.change_requests import find_change_requests, likely_latin_languages

__all__ = [
    "BankDetails",
    "ContactDetails",
    "ContentAnalysis",
    "ContentFinding",
    "FoundAccount",
    "PATTERNS",
    "analyse_content",
]

_LATIN = r"(?<![\w])(?:{})(?![\w])"

#: code -> language -> regular expression (case-insensitive); bank and contact change
#: requests are recognised by chengxin.guard.change_requests instead.
PATTERNS: Mapping[str, Mapping[str, str]] = {
    "urgency": {
        "en": _LATIN.format(
            r"urgent(?:ly)?|asap|immediately|right\s+away|as\s+soon\s+as\s+possible|without\s+delay"
            r"|today\s+(?:before|by)|by\s+(?:the\s+)?end\s+of\s+(?:the\s+)?day|within\s+(?:the\s+next\s+)?"
            r"\d+\s+hours?|time[-\s]sensitive|final\s+notice"
        ),
        "zh": r"紧急|加急|尽快|马上|立即|立刻|今天之内|今天内|务必今天|火速",
        "es": _LATIN.format(
            r"urgente(?:mente)?|urgencia|inmediatamente|de\s+inmediato|lo\s+antes\s+posible"
            r"|cuanto\s+antes|sin\s+demora|hoy\s+mismo"
        ),
        "fr": _LATIN.format(
            r"urgent(?:e|es)?|urgence|imm[ée]diatement|d[èe]s\s+que\s+possible|au\s+plus\s+vite"
            r"|sans\s+d[ée]lai|aujourd'hui\s+m[êe]me|dans\s+les\s+plus\s+brefs\s+d[ée]lais"
        ),
        "de": _LATIN.format(
            r"dringend|sofort(?:ig)?|umgehend|unverzüglich|schnellstmöglich|so\s+schnell\s+wie\s+möglich"
            r"|noch\s+heute|eilig|eilt"
        ),
        "pt": _LATIN.format(
            r"urgente(?:mente)?|imediatamente|o\s+mais\s+r[áa]pido\s+poss[íi]vel|o\s+quanto\s+antes"
            r"|sem\s+demora|ainda\s+hoje|hoje\s+mesmo"
        ),
        "ru": _LATIN.format(
            r"срочн\w*|немедленно|как\s+можно\s+скорее|безотлагательно|сегодня\s+же"
        ),
        "ar": r"عاجل|عاجلا|فورا|فوراً|على\s*الفور|في\s*أقرب\s*وقت|بأسرع\s*وقت",
        "tr": _LATIN.format(r"acil(?:en)?|hemen|derhal|en\s+kısa\s+sürede|bugün\s+içinde|ivedi\w*"),
        "ja": r"至急|緊急|大至急|早急|すぐに|直ちに|本日中",
    },
    "secrecy": {
        "en": _LATIN.format(
            r"keep\s+(?:this|it|the\s+matter)\s+(?:strictly\s+)?(?:confidential|between\s+us|private|"
            r"secret|quiet|to\s+yourself)|do\s+not\s+(?:discuss|share|mention)\s+(?:this|it)"
            r"|(?:do\s+not|don't|please\s+don't)\s+(?:call|phone|contact)\s+(?:me|us|anyone|the\s+office)"
            r"|(?:can't|cannot|unable\s+to)\s+(?:take|answer)\s+(?:calls|the\s+phone|your\s+calls?)"
            r"|confidential\s+(?:matter|transaction|deal|acquisition|project|payment)"
            r"|strictly\s+between\s+us"
        ),
        "zh": r"(?:请|务必)(?:对此|此事)?保密|此事(?:请)?保密|不要告诉|别告诉|不要(?:跟|和|对)[^。，\n]{0,8}说"
        r"|不要(?:给我)?打电话|别打电话|不方便(?:接|打)电话|不能接电话|私下处理",
        "es": _LATIN.format(
            r"mant[ée]ngalo\s+en\s+(?:secreto|reserva)|mantenga\s+(?:esto\s+)?en\s+(?:secreto|reserva)"
            r"|confidencialmente|no\s+(?:se\s+lo\s+)?(?:diga|comente|mencione)\s+a\s+nadie"
            r"|no\s+(?:me\s+)?llame|no\s+puedo\s+(?:atender|contestar)\s+llamadas|m[áa]xima\s+discreci[óo]n"
        ),
        "fr": _LATIN.format(
            r"gardez\s+(?:cela|ceci|le)\s+(?:secret|confidentiel|pour\s+vous)|n'en\s+parlez\s+(?:à\s+personne|pas)"
            r"|ne\s+(?:m')?appelez\s+pas|en\s+toute\s+discr[ée]tion|discr[ée]tion\s+absolue"
            r"|je\s+ne\s+peux\s+pas\s+(?:prendre|r[ée]pondre\s+aux)\s+appels"
        ),
        "de": _LATIN.format(
            r"vertraulich\s+behandeln|stillschweigen|nicht\s+weitergeben"
            r"|(?:mit|zu)\s+niemandem\s+(?:darüber\s+)?(?:sprechen|reden)|rufen\s+sie\s+(?:mich\s+)?nicht\s+an"
            r"|kann\s+(?:gerade\s+)?keine\s+anrufe|absolute\s+diskretion"
        ),
        "pt": _LATIN.format(
            r"mantenha\s+(?:isso|isto)?\s*(?:em\s+)?(?:sigilo|segredo)|sigilo\s+absoluto|confidencialmente"
            r"|n[ãa]o\s+(?:comente|diga|conte)\s+(?:isso|nada|a\s+ningu[ée]m)|n[ãa]o\s+(?:me\s+)?ligue"
            r"|n[ãa]o\s+posso\s+atender\s+(?:chamadas|liga[çc][õo]es)"
        ),
        "ru": _LATIN.format(
            r"конфиденциально|никому\s+не\s+(?:говорите|сообщайте|рассказывайте)|держите\s+в\s+тайне"
            r"|не\s+звоните|не\s+могу\s+(?:ответить\s+на\s+звонок|говорить\s+по\s+телефону)"
            r"|строго\s+между\s+нами"
        ),
        "ar": r"بسرية\s*تامة|لا\s*تخبر|لا\s*تتصل|بيننا\s*فقط|سري\s*للغاية",
        "tr": _LATIN.format(
            r"gizli\s+tut\w*|kimseye\s+(?:söylemeyin|bahsetmeyin)|aramayın|gizlilik\s+içinde"
            r"|aramızda\s+kalsın"
        ),
        "ja": r"内密|他言無用|極秘|内緒|電話(?:は|を)?(?:しないで|ご遠慮|控えて)|口外しないで",
    },
    "payment_notice": {
        "en": _LATIN.format(
            r"(?:tt|t/t|swift|wire|bank|payment|remittance|transfer)\s+(?:copy|slip|advice|confirmation|"
            r"receipt|proof)|proof\s+of\s+payment|we\s+have\s+(?:made|sent|effected|released|remitted)\s+"
            r"(?:the\s+)?(?:full\s+)?payment|bills?\s+of\s+the\s+goods|payment\s+(?:invoice|notification|"
            r"notice)|(?:invoice|receipt)s?\s+(?:is\s+|are\s+)?attached"
        ),
        "zh": r"水单|付款(?:凭证|通知|截图|回单)|汇款(?:单|凭证|回单|底单)|银行回单|电汇(?:单|副本|底单)"
        r"|已(?:经)?(?:付款|汇款)",
        "es": _LATIN.format(
            r"comprobante\s+de\s+(?:pago|transferencia)|justificante\s+de\s+(?:pago|transferencia)"
            r"|aviso\s+de\s+(?:pago|transferencia)|hemos\s+(?:realizado|efectuado)\s+el\s+pago"
            r"|copia\s+de\s+la\s+transferencia|transferencia\s+interbancaria"
        ),
        "fr": _LATIN.format(
            r"avis\s+de\s+(?:virement|paiement)|preuve\s+de\s+paiement|justificatif\s+de\s+(?:paiement|virement)"
            r"|copie\s+du\s+virement|nous\s+avons\s+effectu[ée]\s+le\s+(?:paiement|virement)"
        ),
        "de": _LATIN.format(
            r"zahlungsavis|zahlungsbestätigung|überweisungsbeleg|überweisungsbestätigung|zahlungsnachweis"
            r"|wir\s+haben\s+(?:die\s+zahlung\s+(?:veranlasst|ausgeführt)|bezahlt|überwiesen)"
        ),
        "pt": _LATIN.format(
            r"comprovante\s+de\s+(?:pagamento|transfer[êe]ncia)|comprovativo\s+de\s+(?:pagamento|transfer[êe]ncia)"
            r"|aviso\s+de\s+pagamento|(?:efetuamos|realizamos)\s+o\s+pagamento"
        ),
        "ru": _LATIN.format(
            r"платежн\w+\s+поручени\w+|подтверждение\s+(?:оплаты|платежа)|квитанци\w+\s+об\s+оплате"
            r"|мы\s+(?:произвели|осуществили)\s+(?:оплату|платеж)|копи\w+\s+платежк\w*"
        ),
        "ar": r"إشعار\s*(?:الدفع|التحويل)|إيصال\s*(?:الدفع|التحويل)|إثبات\s*الدفع|نسخة\s*(?:من\s*)?التحويل",
        "tr": _LATIN.format(
            r"dekont\w*|ödeme\s+(?:bildirimi|makbuzu|onayı)|havale\s+(?:dekontu|belgesi)"
            r"|ödemeyi\s+(?:yaptık|gerçekleştirdik)"
        ),
        "ja": r"送金(?:明細|証明|控え)|振込(?:明細|控え|証明)|支払(?:い)?(?:通知|明細|証明)|お支払い(?:完了|済み)",
    },
    "attachment_removed_by_filter": {
        "en": _LATIN.format(
            r"(?:has|have)\s+detected\s+a\s+message\s+that\s+may\s+not\s+be\s+safe"
            r"|attachments?\s+(?:has|have|was|were)\s+(?:been\s+)?(?:removed|deleted|stripped|quarantined"
            r"|blocked)|(?:removed|deleted|stripped|blocked)\s+(?:the\s+)?(?:unsafe|dangerous|infected"
            r"|suspicious|malicious)\s+attachments?|file\s+name\s+violation"
            r"|firebox\s+deleted"
        ),
        "zh": r"附件(?:已)?被(?:删除|移除|拦截)",
        "es": _LATIN.format(
            r"(?:el\s+)?(?:archivo\s+)?adjunto\s+(?:ha\s+sido|fue)\s+(?:eliminado|bloqueado)"
        ),
        "fr": _LATIN.format(r"pi[èe]ce\s+jointe\s+a\s+[ée]t[ée]\s+(?:supprim[ée]e|bloqu[ée]e)"),
        "de": _LATIN.format(r"anhang\s+wurde\s+(?:entfernt|gelöscht|blockiert)"),
    },
}

#: Languages not written in Latin letters -> a character class that must occur for
#: them to be tried; the Latin-script ones are tried when their function words say so
#: (chengxin.guard.change_requests.likely_latin_languages).
_SCRIPTS: Mapping[str, re.Pattern[str]] = {
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
}
_KANA = re.compile(r"[\u3040-\u30ff]")
#: code -> [(language, pattern)], in the order languages are tried.
_COMPILED: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    code: [
        (language, re.compile(pattern, re.IGNORECASE)) for language, pattern in by_language.items()
    ]
    for code, by_language in PATTERNS.items()
}
#: A rule's bank or contact finding stands when the model gives a request at least this.
CONFIRM = 0.2
#: The model alone makes a bank or contact finding from this probability of a request.
ALONE = 0.5
_BANK = "bank_change_request"
_CONTACT = "contact_change_request"

#: Only the beginning of very long texts is searched (BEC requests are short mails).
MAX_TEXT = 20_000

_DISCLAIMER = re.compile(
    r"intended\s+(?:only|solely)\s+for|privileged|if\s+you\s+(?:are\s+not|have\s+received\s+this)"
    r"|如果您不是|免责声明|diese\s+e-?mail\s+(?:ist|enthält)\s+vertraulich",
    re.IGNORECASE,
)
_IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b")
_BIC_CANDIDATE = re.compile(r"\b[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b")
_BIC_KEYWORD = re.compile(
    r"(?:swift|bic|银行代码|swift代码|код\s+банка)[^\n]{0,25}$", re.IGNORECASE
)
_ACCOUNT_NUMBER = re.compile(
    r"(?:account|a/c|acct|konto|cuenta|compte|conta|сч[её]т|حساب|hesap|口座|账号|帐号|账户|帐户)"
    r"[^\d\n]{0,30}?((?:\d[ -]?){8,34})",
    re.IGNORECASE,
)
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+\d[\d \t().-]{5,22}\d")
_HEADER_PRIORITY = re.compile(r"^\s*(?:1|2)\b|^\s*high\b|^\s*urgent\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class BankDetails:
    """Bank details on file for the counterpart (normalised by :meth:`of`)."""

    ibans: frozenset[str] = frozenset()
    bics: frozenset[str] = frozenset()
    account_numbers: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        ibans: Iterable[str] = (),
        bics: Iterable[str] = (),
        account_numbers: Iterable[str] = (),
    ) -> BankDetails:
        return cls(
            ibans=frozenset(_compact(i) for i in ibans),
            bics=frozenset(_bic8(b) for b in bics),
            account_numbers=frozenset(re.sub(r"\D", "", a) for a in account_numbers),
        )

    @property
    def empty(self) -> bool:
        return not (self.ibans or self.bics or self.account_numbers)


@dataclass(frozen=True, slots=True)
class ContactDetails:
    """E-mail addresses and phone numbers (E.164) on file for the counterpart."""

    emails: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()

    @classmethod
    def of(cls, emails: Iterable[str] = (), phones: Iterable[str] = ()) -> ContactDetails:
        normalised_phones = set()
        for phone in phones:
            e164 = _e164(phone)
            if e164:
                normalised_phones.add(e164)
        return cls(
            emails=frozenset(e.strip().lower() for e in emails),
            phones=frozenset(normalised_phones),
        )


@dataclass(frozen=True, slots=True)
class ContentFinding:
    code: str
    language: str
    phrase: str


@dataclass(frozen=True, slots=True)
class FoundAccount:
    """A bank identifier found in the text. ``kind`` is iban, bic or account_number."""

    kind: str
    value: str
    display: str
    country: str
    on_file: bool
    bank: str = ""


@dataclass(frozen=True, slots=True)
class ContentAnalysis:
    findings: tuple[ContentFinding, ...] = ()
    accounts: tuple[FoundAccount, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    unknown_phones: tuple[str, ...] = ()

    def finding(self, code: str) -> ContentFinding | None:
        return next((f for f in self.findings if f.code == code), None)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(f.code for f in self.findings)

    @property
    def new_accounts(self) -> tuple[FoundAccount, ...]:
        return tuple(a for a in self.accounts if not a.on_file)


def analyse_content(
    subject: str,
    text: str,
    *,
    headers: Iterable[tuple[str, str]] = (),
    bank_details: BankDetails | None = None,
    contact_details: ContactDetails | None = None,
) -> ContentAnalysis:
    """Phrases, bank identifiers and contact data in a message's subject and text."""
    on_file = bank_details or BankDetails()
    contacts = contact_details or ContactDetails()
    body = _clean(text[:MAX_TEXT])
    searchable = unicodedata.normalize("NFKC", f"{subject}\n{body}")
    languages = set(likely_latin_languages(searchable))
    languages.update(code for code, script in _SCRIPTS.items() if script.search(searchable))
    accounts = _accounts(searchable, on_file)
    has_identifier = any(a.kind != "bic" for a in accounts)
    findings = _change_findings(searchable, has_identifier, languages)
    for code, patterns in _COMPILED.items():
        for language, pattern in patterns:
            if language not in languages:
                continue
            match = pattern.search(searchable)
            if match is not None:
                phrase = " ".join(match.group(0).split())
                findings.append(ContentFinding(code, language, phrase))
                break
    if "urgency" not in {f.code for f in findings}:
        for name, value in headers:
            if name.lower() in ("x-priority", "importance", "x-msmail-priority", "priority"):
                if _HEADER_PRIORITY.search(value):
                    findings.append(ContentFinding("urgency", "header", f"{name}: {value}"))
                    break
    emails = tuple(dict.fromkeys(e.lower().rstrip(".") for e in emails_in_text(searchable)))
    phones = _phones(searchable)
    unknown_phones = tuple(p for p in phones if p not in contacts.phones)
    return ContentAnalysis(
        findings=tuple(findings),
        accounts=accounts,
        emails=emails,
        phones=phones,
        unknown_phones=unknown_phones,
    )


def _change_findings(
    searchable: str, has_identifier: bool, languages: set[str]
) -> list[ContentFinding]:
    """Bank and contact change requests: the rules confirmed by the model, or the model."""
    scores = content_model.score(searchable)
    findings = []
    if scores.request >= CONFIRM:
        findings = [
            ContentFinding(
                request.code,
                request.language,
                " ".join(searchable[request.start : request.end].split()),
            )
            for request in find_change_requests(searchable, has_identifier=has_identifier)
        ]
    if scores.request >= ALONE and scores.anchored:
        code, index = (_BANK, 0) if scores.bank >= scores.contact else (_CONTACT, 1)
        if all(f.code != code for f in findings):
            phrase = content_model.strongest_sentence(searchable, index)
            findings.append(ContentFinding(code, _main_language(searchable, languages), phrase))
    return findings


def _main_language(text: str, languages: set[str]) -> str:
    """The language a finding of the model is reported in (by script, else function words)."""
    if _KANA.search(text):
        return "ja"
    for code in ("zh", "ru", "ar"):
        if code in languages:
            return code
    latin = likely_latin_languages(text)
    return latin[0] if latin else "und"


def _clean(text: str) -> str:
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(">") or _DISCLAIMER.search(stripped):
            continue
        lines.append(line)
    return "\n".join(lines)


def _accounts(text: str, on_file: BankDetails) -> tuple[FoundAccount, ...]:
    found: dict[str, FoundAccount] = {}
    iban_digits: set[str] = set()
    for match in _IBAN_CANDIDATE.finditer(text):
        compact = _compact(match.group(0))
        for length in range(len(compact), 14, -1):
            try:
                iban = IBAN(compact[:length])
            except SchwiftyException:
                continue
            value = iban.compact
            bank = ""
            try:
                bank = str(iban.bank_name or "")
            except (SchwiftyException, AttributeError):
                bank = ""
            found.setdefault(
                value,
                FoundAccount(
                    "iban", value, iban.formatted, iban.country_code, value in on_file.ibans, bank
                ),
            )
            # The digits of the whole IBAN (check digits included): "account IBAN DE89 3704…"
            # must not yield a second, "new" account number 89370400….
            iban_digits.add(re.sub(r"\D", "", value))
            break
    for match in _BIC_CANDIDATE.finditer(text):
        candidate = match.group(0)
        try:
            bic = BIC(candidate)
        except SchwiftyException:
            continue
        keyword = _BIC_KEYWORD.search(text[max(0, match.start() - 40) : match.start()])
        names = _bank_names(bic)
        if keyword is None and not names:
            continue
        value = str(bic.compact)
        found.setdefault(
            value,
            FoundAccount(
                "bic",
                value,
                value,
                bic.country_code,
                _bic8(value) in on_file.bics,
                names[0] if len(names) == 1 else "",
            ),
        )
    for match in _ACCOUNT_NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        if not 8 <= len(digits) <= 34 or digits in found:
            continue
        if any(digits in embedded for embedded in iban_digits):
            continue
        found[digits] = FoundAccount(
            "account_number", digits, match.group(1).strip(), "", digits in on_file.account_numbers
        )
    return tuple(found.values())


def _bank_names(bic: BIC) -> list[str]:
    try:
        names = bic.bank_names
    except (SchwiftyException, AttributeError):
        return []
    return [str(name) for name in names or ()]


def _phones(text: str) -> tuple[str, ...]:
    """International numbers ("+44 20 ..."), validated with phonenumbers."""
    found: list[str] = []
    for candidate in _PHONE_CANDIDATE.findall(text):
        try:
            number = phonenumbers.parse(candidate, None)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number):
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in found:
            found.append(e164)
    return tuple(found)


def _e164(phone: str) -> str:
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _compact(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def _bic8(value: str) -> str:
    return _compact(value)[:8]

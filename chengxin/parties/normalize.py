"""Validation and canonical forms of contact channels: pure functions.

Emails are stored with a lower-case local part and an ASCII (punycode) domain,
and shown with the domain in Unicode; phones are stored in E.164
(phonenumbers); company domains are stored as ASCII host names.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import idna
import phonenumbers
import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _
from phonenumbers import timezone as phone_timezones

# Public mailbox providers: a buyer writing from one of them says nothing about
# which company they belong to, so these never become a company's domain and
# never make two companies look like duplicates.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "yahoo.com", "yahoo.co.uk", "yahoo.fr", "ymail.com", "aol.com", "icloud.com", "me.com",
        "mail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "orange.fr", "free.fr",
        "libero.it", "mail.ru", "yandex.ru", "yandex.com", "proton.me", "protonmail.com",
        "qq.com", "163.com", "126.com", "sina.com", "sohu.com", "foxmail.com", "aliyun.com",
        "naver.com", "hanmail.net", "rediffmail.com", "uol.com.br", "bol.com.br",
    }
)  # fmt: skip

_email_validator = EmailValidator()


@dataclass(frozen=True)
class Email:
    canonical: str  # local@xn--domain, what is stored and compared
    display: str  # local@dömain, what people read
    domain: str  # ASCII domain


# Cached: an import checks the same few domains for thousands of addresses.
@functools.lru_cache(maxsize=4096)
def domain_to_ascii(domain: str) -> str:
    domain = domain.strip().strip(".").lower()
    if not domain:
        raise ValidationError(_("The domain is empty."), code="domain_empty")
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except idna.IDNAError as exc:
        raise ValidationError(
            _("“%(domain)s” is not a valid domain name."),
            code="domain_invalid",
            params={"domain": domain},
        ) from exc


@functools.lru_cache(maxsize=4096)
def domain_to_unicode(domain: str) -> str:
    try:
        return idna.decode(domain)
    except idna.IDNAError:
        return domain


def _not_an_email(raw: str) -> ValidationError:
    return ValidationError(
        _("“%(value)s” is not an email address."), code="email_invalid", params={"value": raw}
    )


def normalize_email(raw: str) -> Email:
    value = unicodedata.normalize("NFC", (raw or "").strip())
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if "@" not in value:
        raise _not_an_email(raw)
    local, _sep, domain = value.rpartition("@")
    local = local.lower()
    try:
        ascii_domain = domain_to_ascii(domain)
    except ValidationError as exc:
        raise _not_an_email(raw) from exc
    canonical = f"{local}@{ascii_domain}"
    # Internationalised local parts (RFC 6531, e.g. 张伟@公司.cn) are valid; the
    # validator knows only ASCII, so it checks their shape with a stand-in letter.
    ascii_local = "".join(ch if ord(ch) < 128 else "a" for ch in local)
    try:
        _email_validator(f"{ascii_local}@{ascii_domain}")
    except ValidationError as exc:
        raise _not_an_email(raw) from exc
    return Email(canonical, f"{local}@{domain_to_unicode(ascii_domain)}", ascii_domain)


def normalize_phone(raw: str, default_region: str | None = None) -> str:
    """E.164 form of a phone number; a number without +country uses ``default_region``."""
    value = (raw or "").strip()
    try:
        number = phonenumbers.parse(value, (default_region or "").upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("“%(value)s” is not a phone number (write it with its country code, e.g. +49 …)."),
            code="phone_invalid",
            params={"value": raw},
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("“%(value)s” is not a valid phone number."),
            code="phone_invalid",
            params={"value": raw},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_domain(raw: str) -> str:
    """A company's web or mail domain from a host, a URL or an address."""
    value = (raw or "").strip().lower()
    if "@" in value and "/" not in value:
        value = value.rpartition("@")[2]
    if "//" in value:
        value = urlsplit(value).hostname or ""
    else:
        value = value.split("/", 1)[0]
    value = value.removeprefix("www.")
    ascii_domain = domain_to_ascii(value)
    if "." not in ascii_domain:
        raise ValidationError(
            _("“%(domain)s” is not a valid domain name."),
            code="domain_invalid",
            params={"domain": raw},
        )
    return ascii_domain


_WECHAT = re.compile(r"^[a-zA-Z][-_a-zA-Z0-9]{5,19}$")
_LINKEDIN = re.compile(r"^/(in|company|pub)/[^/?#]+", re.IGNORECASE)


def normalize_wechat(raw: str) -> str:
    value = (raw or "").strip()
    if _WECHAT.match(value):
        return value
    try:
        return normalize_phone(value)
    except ValidationError:
        raise ValidationError(
            _(
                "“%(value)s” is not a WeChat ID (6–20 letters, digits, - or _, starting with a "
                "letter) nor a phone number with its country code."
            ),
            code="wechat_invalid",
            params={"value": raw},
        ) from None


def normalize_linkedin(raw: str) -> str:
    value = (raw or "").strip()
    if not value.startswith(("http://", "https://")):
        value = "https://" + value
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    match = _LINKEDIN.match(parts.path)
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")) or not match:
        raise ValidationError(
            _("“%(value)s” is not a LinkedIn profile address (linkedin.com/in/…)."),
            code="linkedin_invalid",
            params={"value": raw},
        )
    return "https://www.linkedin.com" + match.group(0).rstrip("/").lower()


def normalize_country(raw: str) -> str:
    """ISO 3166-1 alpha-2 code from a code or an English name."""
    value = (raw or "").strip()
    if not value:
        raise ValidationError(_("The country is missing."), code="country_missing")
    country = pycountry.countries.get(alpha_2=value.upper()) if len(value) == 2 else None
    if country is None and len(value) == 3:
        country = pycountry.countries.get(alpha_3=value.upper())
    if country is None:
        try:
            country = pycountry.countries.lookup(value)
        except LookupError:
            country = None
    if country is None:
        raise ValidationError(
            _("“%(value)s” is not a known country (use an ISO code such as DE or a name)."),
            code="country_unknown",
            params={"value": raw},
        )
    return country.alpha_2


def normalize_currency(raw: str) -> str:
    value = (raw or "").strip().upper()
    if pycountry.currencies.get(alpha_3=value) is None:
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code."),
            code="currency_unknown",
            params={"value": raw},
        )
    return value


def time_zone_for(*, country: str | None = None, phone_e164: str | None = None) -> str:
    """The most likely time zone of a person: from their phone number where it
    names exactly one zone, else from their country, else UTC."""
    if phone_e164:
        try:
            zones = phone_timezones.time_zones_for_number(phonenumbers.parse(phone_e164, None))
        except phonenumbers.NumberParseException:
            zones = ()
        if len(zones) == 1 and zones[0] != "Etc/Unknown":
            return zones[0]
    if country:
        example = phonenumbers.example_number(country.upper())
        if example is not None:
            zones = phone_timezones.time_zones_for_number(example)
            if zones and zones[0] != "Etc/Unknown":
                return zones[0]
    return "UTC"


_LEGAL_FORMS = re.compile(
    r"\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|kg|"
    r"ohg|ug|sa|sas|sarl|srl|spa|bv|nv|oy|ab|as|aps|sp z o o|s a|s r l|pte|pty|pvt|kk|"
    r"trading|import|export|imp|exp|group|holding|holdings|international|intl)\b"
)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_CJK_LEGAL = re.compile(r"(有限公司|有限责任公司|股份有限公司|集团|公司|贸易|进出口)")


def company_name_key(name: str) -> str:
    """A comparison key for company names: case, accents, punctuation and legal
    forms removed, so "ACME Trading GmbH" and "Acme GmbH." meet."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _CJK_LEGAL.sub(" ", text.replace(".", ""))
    text = _NON_WORD.sub(" ", text)
    text = _LEGAL_FORMS.sub(" ", text)
    return " ".join(text.split())


def normalize_channel(kind: str, raw: str, *, region: str | None = None) -> str:
    """The canonical stored value of a channel of ``kind``."""
    if kind == "email":
        return normalize_email(raw).canonical
    if kind in ("phone", "whatsapp"):
        return normalize_phone(raw, region)
    if kind == "wechat":
        return normalize_wechat(raw)
    if kind == "linkedin":
        return normalize_linkedin(raw)
    value = (raw or "").strip()
    if not value:
        raise ValidationError(_("The value is empty."), code="value_empty")
    return value


def search_terms_for_channel(kind: str, value: str) -> list[str]:
    """How a channel is found by search: emails in both forms, phones by digits."""
    if kind == "email":
        display = normalize_email(value).display
        return [value, display] if display != value else [value]
    if kind in ("phone", "whatsapp"):
        return [re.sub(r"\D", "", value)]
    return [value.lower()]


def search_query_for(text: str) -> str:
    """Turn what a user typed into the lower-case fragment to look for: a phone
    number typed with spaces or dashes becomes its digits."""
    value = unicodedata.normalize("NFC", (text or "").strip()).lower()
    if re.fullmatch(r"[+\d\s().-]{4,}", value) and sum(ch.isdigit() for ch in value) >= 4:
        return re.sub(r"\D", "", value)
    return value

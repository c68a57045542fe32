"""The import layout: one row per contact, the company's columns repeated on
each of its contacts' rows. Pure functions, no database.

Headers are matched without regard to case, spaces, underscores or hyphens,
in English or by their Chinese aliases, so "Contact Name", "contact_name" and
"联系人" all name the same column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    name: str
    label: object  # lazy translated text shown on the upload page
    aliases: tuple[str, ...] = ()
    required: bool = False
    company: bool = False  # belongs to the company (repeated on each contact row)


COLUMNS: tuple[Column, ...] = (
    Column("company", _("Company legal name (required)"),
           ("legal name", "company name", "customer", "公司", "公司名称", "公司名", "客户",
            "客户名称", "法定名称"), required=True, company=True),
    Column("other_names", _("Other names, separated by ;"),
           ("other name", "alias", "aliases", "其他名称", "别名"), company=True),
    Column("country", _("Country: ISO code (DE) or name (required)"),
           ("country code", "国家", "国家代码", "国家/地区", "国家或地区", "地区"),
           required=True, company=True),
    Column("website", _("Website"), ("web", "url", "网站", "官网", "网址"), company=True),
    Column("domains", _("Email domains, separated by ;"),
           ("domain", "email domains", "域名", "邮箱域名"), company=True),
    Column("registration_number", _("Registration number"),
           ("registration no", "company number", "注册号", "注册编号", "公司注册号"),
           company=True),
    Column("vat_number", _("VAT number"),
           ("vat", "vat no", "tax number", "税号", "增值税号", "VAT税号"), company=True),
    Column("address", _("Postal address (several lines in one cell)"),
           ("postal address", "street address", "mailing address", "地址", "公司地址", "邮寄地址",
            "通讯地址"), company=True),
    Column("currency", _("Default currency (ISO code, e.g. USD)"),
           ("币种", "货币"), company=True),
    Column("document_language", _("Document language (code, e.g. en, de)"),
           ("单据语言", "文件语言"), company=True),
    Column("grade", _("Grade: A, B or C"), ("客户等级", "等级", "级别"), company=True),
    Column("tags", _("Tags, separated by ;"), ("tag", "标签"), company=True),
    Column("notes", _("Notes about the company"), ("note", "备注"), company=True),
    Column("owner", _("Owner's user name (managers only; empty = customer pool)"),
           ("sales rep", "负责人", "业务员", "所有者"), company=True),
    Column("contact_name", _("Contact's name"),
           ("contact", "name", "联系人", "联系人姓名", "姓名")),
    Column("contact_title", _("Contact's job title"), ("title", "job title", "职位", "职务")),
    Column("contact_language", _("Contact's language (code, e.g. en)"),
           ("language", "联系人语言", "语言")),
    Column("time_zone", _("Contact's time zone (e.g. Europe/Berlin; empty = from phone)"),
           ("timezone", "tz", "时区")),
    Column("email", _("Email(s), separated by ;"),
           ("e-mail", "email address", "mail", "邮箱", "电子邮件", "电子邮箱", "邮件")),
    Column("phone", _("Phone(s) with country code, separated by ;"),
           ("telephone", "tel", "mobile", "phone number", "电话", "手机", "电话号码", "手机号")),
    Column("whatsapp", _("WhatsApp number(s)"), ("whats app", "wa")),
    Column("wechat", _("WeChat ID(s)"), ("weixin", "微信", "微信号")),
    Column("linkedin", _("LinkedIn profile address(es)"), ("linked in", "领英")),
)  # fmt: skip

COLUMN_NAMES = tuple(c.name for c in COLUMNS)
REQUIRED_COLUMNS = tuple(c.name for c in COLUMNS if c.required)
COMPANY_COLUMNS = tuple(c.name for c in COLUMNS if c.company)
CHANNEL_COLUMNS = ("email", "phone", "whatsapp", "wechat", "linkedin")

# Columns an export writes for reference; an import accepts and ignores them.
REFERENCE_COLUMNS = ("company_id", "contact_id")


def header_key(text: str) -> str:
    """A header as compared: case, spaces, underscores, hyphens and a BOM removed."""
    return re.sub(r"[\s_\-\ufeff]+", "", str(text or "")).casefold()


_BY_KEY: dict[str, str] = {}
for _column in COLUMNS:
    for _alias in (_column.name, *_column.aliases):
        _BY_KEY[header_key(_alias)] = _column.name
for _reference in REFERENCE_COLUMNS:
    _BY_KEY[header_key(_reference)] = _reference


@dataclass
class HeaderMap:
    positions: dict[str, int]  # column name -> index in the row
    unknown: list[str]  # headers that name no column (ignored)
    repeated: list[str]  # columns named by more than one header
    missing: list[str]  # required columns not found


def map_headers(headers: list[str]) -> HeaderMap:
    positions: dict[str, int] = {}
    unknown: list[str] = []
    repeated: list[str] = []
    for index, header in enumerate(headers):
        if not str(header or "").strip():
            continue
        name = _BY_KEY.get(header_key(header))
        if name is None:
            unknown.append(str(header).strip())
        elif name in positions:
            repeated.append(name)
        else:
            positions[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    return HeaderMap(positions, unknown, repeated, missing)


def recognised_count(headers: list[str]) -> int:
    """How many headers name a known column (used to guess a CSV's delimiter)."""
    return len({_BY_KEY[k] for k in map(header_key, headers) if k in _BY_KEY})


_LIST_SEPARATORS = re.compile(r"[;；|\n]+")
_TAG_SEPARATORS = re.compile(r"[;；|\n,，、]+")


def split_list(text: str) -> list[str]:
    """A cell holding several values: separated by ; (or | or new lines)."""
    return [part.strip() for part in _LIST_SEPARATORS.split(text or "") if part.strip()]


def split_tags(text: str) -> list[str]:
    """Tags and domains may also be separated by commas."""
    return [part.strip() for part in _TAG_SEPARATORS.split(text or "") if part.strip()]


# A spreadsheet formula: "=…", "@…", or "+SUM(" / "-CMD(" style calls. A phone
# number such as "+49 30 901820" is not one.
_FORMULA = re.compile(r"^\s*(?:[=@]|[+\-]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\()")
# What an export puts before a cell that would otherwise start like a formula.
NEUTRALISING_PREFIX = "'"
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r])")


def looks_like_formula(text: str) -> bool:
    return bool(_FORMULA.match(text or ""))


def neutralise(text: str) -> str:
    """A cell made safe for spreadsheets: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe, so it is shown, never run."""
    if text and text[0] in "=+-@\t\r":
        return NEUTRALISING_PREFIX + text
    return text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise`, so an exported file imports as it was."""
    return _NEUTRALISED.sub("", text, count=1)

"""The guard's check of bank identifiers in documents and in messages (their text and
readable attachments): a task for those not on file, once per document or message."""

from __future__ import annotations

import hashlib
import logging

from django.db import transaction
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import User
from chengxin.banking.selectors import bank_details_on_file
from chengxin.banking.services.common import first_manager
from chengxin.core import bank_numbers as numbers
from chengxin.core import files
from chengxin.core.deferred_text import DeferredText, deferred
from chengxin.guard.content import FoundAccount, analyse_content
from chengxin.mail.models import Message
from chengxin.parties.models import Company

logger = logging.getLogger("chengxin.banking")

UNKNOWN_ACCOUNT_KIND = "guard.unknown_bank_account"
GUARD_BANK_SIGNALS = frozenset({"new_bank_account", "bank_details_unverified"})

#: Documents larger than this are not read for account numbers.
MAX_DOCUMENT_BYTES = 15 * 1024 * 1024
#: At most this many PDF pages and this much text are searched.
MAX_PDF_PAGES = 30
MAX_DOCUMENT_TEXT = 200_000
#: At most this many attachments of a message are read.
MAX_ATTACHMENTS = 10
_TEXT_TYPES = ("text/", "application/csv", "application/xml", "application/json")
_TEXT_SUFFIXES = (".txt", ".csv", ".xml", ".sta", ".mt940", ".mt942", ".json", ".tsv")


def document_kind(*, filename: str, content_type: str, content: bytes = b"") -> str:
    """ "pdf", "text" or "" (a kind whose account numbers are not read: images, archives)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    name = (filename or "").lower()
    if kind == "application/pdf" or name.endswith(".pdf") or content[:5] == b"%PDF-":
        return "pdf"
    if kind.startswith(_TEXT_TYPES) or name.endswith(_TEXT_SUFFIXES):
        return "text"
    return ""


def document_text(*, filename: str, content: bytes, content_type: str) -> str:
    """The text of a PDF, plain-text, CSV or XML document; "" for other kinds and for
    documents that cannot be read (a broken PDF is no error: it has no text to check)."""
    if not content or len(content) > MAX_DOCUMENT_BYTES:
        return ""
    kind = document_kind(filename=filename, content_type=content_type, content=content)
    if kind == "pdf":
        return _pdf_text(content)
    if kind == "text":
        for encoding in ("utf-8-sig", "gb18030", "latin-1"):
            try:
                return content.decode(encoding)[:MAX_DOCUMENT_TEXT]
            except UnicodeDecodeError:
                continue
    return ""


def _pdf_text(content: bytes) -> str:
    return files.pdf_text(content, max_pages=MAX_PDF_PAGES, max_chars=MAX_DOCUMENT_TEXT)


def _accounts_in_text(text: str, company_id: int | None) -> list[FoundAccount]:
    from chengxin.guard.content import MAX_TEXT

    on_file = bank_details_on_file(company_id)
    found: dict[tuple[str, str], FoundAccount] = {}
    for start in range(0, min(len(text), MAX_DOCUMENT_TEXT), MAX_TEXT - 200):
        chunk = text[start : start + MAX_TEXT]
        for account in analyse_content("", chunk, bank_details=on_file).accounts:
            found.setdefault((account.kind, account.value), account)
    return list(found.values())


def found_account_display(account: FoundAccount) -> DeferredText:
    """A found identifier as a task names it: a BIC in full (it is public), a number masked."""
    kind = {"iban": "IBAN", "bic": "SWIFT/BIC", "account_number": gettext_lazy("account number")}
    value = account.value if account.kind == "bic" else numbers.masked(account.value)
    # A layout, not a sentence: nothing to translate but the kind.
    return DeferredText(
        msgid="- %(kind)s %(value)s",
        params={"kind": kind.get(account.kind, account.kind), "value": value},
    )


def _task_exists(related: tuple[str, str]) -> bool:
    from chengxin.todos.models import Todo

    return Todo.objects.filter(
        kind=UNKNOWN_ACCOUNT_KIND, related_type=related[0], related_id=related[1]
    ).exists()


def _unknown_account_todo(
    *,
    assignee: User | None,
    company: Company | None,
    accounts: list[FoundAccount],
    related: tuple[str, str],
    link: str,
    where: str | Promise,
    actor: User | None,
    notify_assignee: bool = True,
) -> None:
    from chengxin.todos.services import todo_create

    if assignee is None or not accounts:
        return
    if _task_exists(related):
        return
    title = deferred(gettext_lazy("Bank details not on file in %(where)s"), where=where)
    lines = [
        deferred(
            gettext_lazy("These bank identifiers are not on file for %(whose)s:"),
            whose=company.legal_name if company else gettext_lazy("the sender"),
        ),
        *(found_account_display(a) for a in accounts),
        deferred(
            gettext_lazy(
                "Do not pay into or record them before they are verified through a channel on file."
            )
        ),
    ]
    todo_create(
        assignee=assignee,
        kind=UNKNOWN_ACCOUNT_KIND,
        title=title,
        body=lines,
        link=link,
        company=company,
        related=related,
        actor=actor,
        notify_assignee=notify_assignee,
    )


def _responsible_for_company(company: Company | None) -> User | None:
    while company is not None and company.merged_into_id:
        company = company.merged_into
    if company is not None and company.owner_id and company.owner.is_active:
        return company.owner
    return first_manager()


def document_accounts(
    *, company: Company | None, filename: str, content: bytes, content_type: str
) -> list[FoundAccount]:
    """Every bank identifier a document names (PDF, text, CSV, XML), each with ``on_file``
    against ``company``'s accounts on file and ours; nothing for an unreadable one."""
    text = document_text(filename=filename, content=content, content_type=content_type)
    if not text.strip():
        return []
    return _accounts_in_text(text, company.pk if company else None)


def document_check_accounts(
    *,
    company: Company | None,
    filename: str,
    content: bytes,
    content_type: str,
    actor: User | None = None,
    link: str = "",
) -> list[FoundAccount]:
    """Every bank identifier a document names (PDF, text, CSV, XML), each with ``on_file``
    against ``company``'s accounts on file and ours. For those not on file, one task (once
    per document content) goes to the customer's owner, or a manager when there is none.
    A document that cannot be read names nothing."""
    found = document_accounts(
        company=company, filename=filename, content=content, content_type=content_type
    )
    unknown = [a for a in found if not a.on_file]
    if unknown:
        digest = hashlib.sha256(content).hexdigest()
        if not link and company is not None:
            link = reverse("parties:company_detail", args=[company.pk])
        with transaction.atomic():
            _unknown_account_todo(
                assignee=_responsible_for_company(company),
                company=company,
                accounts=unknown,
                related=("banking.document", digest),
                link=link,
                where=(filename or "")[:120] or gettext_lazy("a document"),
                actor=actor,
            )
    return found


def message_attachment_accounts(*, message: Message) -> list[tuple[str, FoundAccount]]:
    """(file name, identifier) for each bank identifier that the message's readable
    attachments (PDF, text, CSV, XML; at most 10) name and that is not on file for its
    sender. An unreadable attachment names nothing; this never raises for one."""
    readable = [
        attachment
        for attachment in message.attachments.order_by("id")
        if attachment.size <= MAX_DOCUMENT_BYTES
        and document_kind(filename=attachment.filename, content_type=attachment.content_type)
    ]
    found: dict[tuple[str, str], tuple[str, FoundAccount]] = {}
    for attachment in readable[:MAX_ATTACHMENTS]:
        try:
            with attachment.file.open("rb") as handle:
                content = handle.read(MAX_DOCUMENT_BYTES + 1)
            text = document_text(
                filename=attachment.filename,
                content=content,
                content_type=attachment.content_type,
            )
            if not text.strip():
                continue
            for account in _accounts_in_text(text, message.company_id):
                if not account.on_file:
                    found.setdefault((account.kind, account.value), (attachment.filename, account))
        except Exception:  # an unreadable attachment must never stop the assessment
            logger.warning("Attachment %s could not be checked", attachment.pk, exc_info=True)
    return list(found.values())


def message_check_accounts(
    *,
    message: Message,
    assessment,
    attachment_accounts: list[tuple[str, FoundAccount]] | None = None,
) -> list[FoundAccount]:
    """After the guard assessed ``message``: one task (once per message) when its text
    (the assessment's signals) or an attachment names bank identifiers not on file for its
    sender. ``attachment_accounts``: what :func:`message_attachment_accounts` found, when
    the caller has it already."""
    from chengxin.guard.permissions import responsible_owner

    related = ("mail.message", str(message.pk))
    if _task_exists(related):
        return []  # checked before (a re-assessment): one task per message
    unknown: dict[tuple[str, str], FoundAccount] = {}
    if any(s.get("code") in GUARD_BANK_SIGNALS for s in assessment.signals or []):
        on_file = bank_details_on_file(message.company_id)
        text = "\n".join(p for p in (message.subject, message.text_body) if p)
        for account in analyse_content("", text, bank_details=on_file).new_accounts:
            unknown.setdefault((account.kind, account.value), account)
    if attachment_accounts is None:
        attachment_accounts = message_attachment_accounts(message=message)
    for _filename, account in attachment_accounts:
        unknown.setdefault((account.kind, account.value), account)
    accounts = list(unknown.values())
    if accounts:
        owner = responsible_owner(message)
        if owner is None or not owner.is_active:
            owner = first_manager()
        with transaction.atomic():
            _unknown_account_todo(
                assignee=owner,
                company=message.company,
                accounts=accounts,
                related=related,
                link=reverse("mail:message_detail", args=[message.pk]),
                where=(message.subject or "")[:120] or gettext_lazy("a message"),
                actor=None,
                # An alarming message already notified its owner (with the same link): the
                # task is on their list without a second notification.
                notify_assignee=not assessment.is_alarming,
            )
    return accounts

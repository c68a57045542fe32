"""A message's way in, top to bottom, in one place.

1. **store** it (mail): the raw bytes first, then what could be read, its conversation
   and the customer it is about; a message already stored stops here;
2. **assess** it (the guard: the pure engine scores it against the bank details on file
   and what its attachments name; the assessment is stored with the bank details found);
3. **link** it to the customer its sender imitates (mail), so it shows on that page and
   that customer's owner is the one told;
4. **compare its bank details** with those on file (banking): a task when it names
   some that are not;
5. **raise the alert** when it became high or critical (the guard);
6. **open a change request** when it asks to change a contact's address (changes);
7. **propose an inquiry** when a known buyer, not imitated and not alarming, asks for an
   offer (inquiries): its response clocks start at the message's arrival.

Each step is a plain call; every door a message comes in by (IMAP poll, upload, the
``ingest_mail`` command, the demo) stores it through :func:`message_receive`, and
everything that assesses a stored message again (the pending sweep, a sender confirmed
fraudulent) runs :func:`message_process`.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from chengxin.accounts.models import User
from chengxin.banking.selectors import bank_details_on_file
from chengxin.banking.services import message_attachment_accounts, message_check_accounts
from chengxin.changes.services import CONTACT_CHANGE_SIGNAL, change_propose_from_assessment
from chengxin.guard.authentication import TxtLookup
from chengxin.guard.content import FoundAccount
from chengxin.guard.models import Assessment
from chengxin.guard.services.alerts import assessment_alert
from chengxin.guard.services.assess import message_assess
from chengxin.inquiries.services import inquiry_propose_from_message
from chengxin.mail.models import LinkReason, Mailbox, Message
from chengxin.mail.services.ingest import IngestResult, Location, message_ingest
from chengxin.mail.services.linking import message_link_to_imitated
from chengxin.parties.models import Company

logger = logging.getLogger("chengxin.inbound")


def message_receive(
    *,
    raw: bytes,
    source: str,
    mailbox: Mailbox | None = None,
    location: Location | None = None,
    uploaded_by: User | None = None,
) -> IngestResult:
    """Store one raw message (once) and, when it is new, process it as soon as it is
    committed: a message is never lost to a failure in assessing it (the pending sweep,
    :func:`messages_process_pending`, tries again)."""
    result = message_ingest(
        raw=raw, source=source, mailbox=mailbox, location=location, uploaded_by=uploaded_by
    )
    if result.created:
        message_pk = result.message.pk
        transaction.on_commit(lambda: _process_after_commit(message_pk))
    return result


def message_process(*, message: Message, txt_lookup: TxtLookup | None = None) -> Assessment:
    """Assess a stored message and act on the result (again, for one assessed before:
    nothing is told, tasked or opened twice)."""
    # What banking knows, read before the row lock: the bank details on file for the
    # message's customer (and ours), and those its attachments name that are not.
    bank_details = bank_details_on_file(message.company_id)
    attachment_accounts = _attachment_accounts(message)
    with transaction.atomic():
        assessed = message_assess(
            message=message,
            bank_details=bank_details,
            attachment_accounts=attachment_accounts,
            txt_lookup=txt_lookup,
        )
        assessment = assessed.assessment
        _link_to_imitated(assessment.message, assessed.imitated_company_id)
        _compare_bank_details(assessment, attachment_accounts)
        if assessed.alarm:
            assessment_alert(assessment=assessment)
    if any(s.get("code") == CONTACT_CHANGE_SIGNAL for s in assessment.signals):
        _open_change_request(assessment)
    elif not assessed.alarm:
        _propose_inquiry(assessment.message)
    return assessment


def messages_process_pending(*, limit: int = 200) -> int:
    """Process stored messages that have no assessment yet (the after-commit one failed)."""
    done = 0
    pending = Message.objects.filter(assessment__isnull=True).order_by("pk")[:limit]
    for message in pending:
        try:
            message_process(message=message)
            done += 1
        except Exception:
            logger.exception("Assessing message %s failed again", message.pk)
    return done


# --- the steps ---------------------------------------------------------------------------


def _process_after_commit(message_pk: int) -> None:
    try:
        message_process(message=Message.objects.get(pk=message_pk))
    except Exception:  # the scheduled sweep processes it later
        logger.exception("Assessing message %s failed; it will be retried", message_pk)


def _attachment_accounts(message: Message) -> list[tuple[str, FoundAccount]]:
    try:
        return message_attachment_accounts(message=message)
    except Exception:  # a broken attachment never stops the assessment
        logger.exception("Reading the attachments of message %s failed", message.pk)
        return []


def _link_to_imitated(message: Message, company_id: int | None) -> None:
    """``message`` is the assessed one, still under its row lock."""
    if company_id is None:
        return
    company = Company.objects.filter(pk=company_id).first()
    if company is not None:
        message_link_to_imitated(message=message, company=company)


def _compare_bank_details(
    assessment: Assessment, attachment_accounts: list[tuple[str, FoundAccount]]
) -> None:
    """A task when the text or an attachment names bank details not on file. The message
    is the one just linked to the customer a lookalike imitates: that owner gets it."""
    try:
        with transaction.atomic():
            message_check_accounts(
                message=assessment.message,
                assessment=assessment,
                attachment_accounts=attachment_accounts,
            )
    except Exception:  # the assessment stands even if the task cannot be made
        logger.exception("Checking message %s for bank details failed", assessment.message_id)


def _open_change_request(assessment: Assessment) -> None:
    try:
        change_propose_from_assessment(assessment=assessment)
    except Exception:  # the assessment and its alert stand
        logger.exception("Proposing a change request for assessment %s failed", assessment.pk)


def _propose_inquiry(message: Message) -> None:
    """A message from the buyer themselves (not one that imitates them) that reads as a
    request for an offer becomes a proposed inquiry; a failure here never stops the
    message's processing."""
    if message.link_reason in (LinkReason.NONE, LinkReason.LOOKALIKE):
        return
    try:
        with transaction.atomic():
            inquiry_propose_from_message(message=message, now=timezone.now())
    except Exception:
        logger.exception("Proposing an inquiry from message %s failed", message.pk)

"""What the database knows of a message's sender, for the engine: whether the address
wrote before, the customer's contact details on file, the customer a sender imitates
(through the known-sender index), and addresses and domains in the form blocks name."""

from __future__ import annotations

from django.utils import timezone

from chengxin.guard import scoring
from chengxin.guard.content import ContactDetails
from chengxin.guard.domains import parse_domain
from chengxin.guard.known_index import KnownIndex
from chengxin.guard.models import ALARMING_LEVELS
from chengxin.mail.models import Message
from chengxin.parties.models import ChannelKind
from chengxin.parties.selectors import channels_on_file


def canonical_address(address: str) -> str:
    """Lower case with an ASCII domain, as ``Message.from_key`` stores it."""
    local, at, domain = (address or "").strip().rpartition("@")
    if not at or not local or not domain:
        return ""
    parsed = parse_domain(domain)
    return f"{local.lower()}@{parsed.ascii if parsed else domain.lower()}"


def registrable_domain(address_or_domain: str) -> str:
    """The registrable domain (A-labels) of an address or domain: what a block names, so
    that mail from any host or address under the same registration is caught."""
    domain = address_or_domain.rpartition("@")[2]
    parsed = parse_domain(domain)
    if parsed is None:
        return domain.strip().lower()
    return parsed.registrable or parsed.ascii


def sender_seen_before(message: Message) -> bool | None:
    """True if an earlier stored message came from the same address (one still flagged as
    dangerous does not count); otherwise None: the engine then counts the address as
    known if it is a contact's channel."""
    if not message.from_key:
        return None
    earlier = (
        Message.objects.filter(from_key=message.from_key, pk__lt=message.pk)
        .exclude(assessment__level__in=ALARMING_LEVELS, assessment__safe_confirmed_at=None)
        .exists()
    )
    return True if earlier else None


def contact_details(company_id: int | None) -> ContactDetails:
    if company_id is None:
        return ContactDetails()
    # On file = verified (parties.selectors.channels_on_file): a number entered with a new
    # contact and never verified does not make a message's "new number" look known.
    channels = channels_on_file(company=company_id, before=timezone.now()).values_list(
        "kind", "value"
    )
    emails, phones = [], []
    for kind, value in channels:
        if kind == ChannelKind.EMAIL:
            emails.append(value)
        elif kind in (ChannelKind.PHONE, ChannelKind.WHATSAPP):
            phones.append(value)
    return ContactDetails.of(emails=emails, phones=phones)


def imitated_company_id(result: scoring.Assessment, known: KnownIndex) -> int | None:
    """The customer whose domain or address the sender imitates, if any."""
    for signal in result.signals:
        params = signal.params
        if not (signal.code.startswith("lookalike_") or signal.code.startswith("display_name")):
            continue
        if params.get("relation") == "own":
            continue
        company_id = known.company_by_domain.get(str(params.get("known_domain", "")).lower())
        if company_id is None:
            company_id = known.company_by_address.get(str(params.get("known_address", "")).lower())
        if company_id is not None:
            return company_id
    return None

"""Senders confirmed fraudulent: which blocks catch a message's sender, what they add to its
assessment, and what confirming fraud may block for a customer."""

from __future__ import annotations

import dataclasses

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from chengxin.guard import scoring
from chengxin.guard.models import BLOCK_SIGNALS, BlockedSender, BlockKind
from chengxin.guard.services.senders import canonical_address, registrable_domain
from chengxin.guard.signals import Signal
from chengxin.mail.models import Message
from chengxin.parties.models import ChannelKind, Company
from chengxin.parties.selectors import channels_on_file


def sender_blocks(*, message: Message, company_id: int | None) -> list[BlockedSender]:
    """Blocks that match the message's sender (From or Reply-To: the address, or its
    registrable domain), for ``company_id``; for a message about no customer, a block of
    any customer (the first found names the customer the message is then shown with)."""
    addresses = {a for a in (message.from_key, canonical_address(message.reply_to_address)) if a}
    if not addresses:
        return []
    domains = {registrable_domain(a) for a in addresses} - {""}
    condition = Q(kind=BlockKind.ADDRESS, value__in=addresses) | Q(
        kind=BlockKind.DOMAIN, value__in=domains
    )
    query = BlockedSender.objects.filter(condition).select_related("blocked_by")
    if company_id is not None:
        # The customer as it is now, and those merged into it, keep their blocks.
        from chengxin.parties.selectors import company_history_ids

        company = Company.objects.filter(pk=company_id).select_related("merged_into").first()
        while company is not None and company.merged_into_id:
            company = company.merged_into
        ids = company_history_ids(company) if company is not None else [company_id]
        query = query.filter(company_id__in=ids)
    blocks = list(query.order_by("blocked_at", "id"))
    if company_id is None and blocks:
        blocks = [b for b in blocks if b.company_id == blocks[0].company_id]
    return blocks


def with_blocks(result: scoring.Assessment, blocks: list[BlockedSender]) -> scoring.Assessment:
    """A sender confirmed fraudulent for this customer makes the message critical, with a
    signal that says who confirmed it, when and why."""
    added: list[Signal] = []
    for kind in (BlockKind.ADDRESS, BlockKind.DOMAIN):
        block = next((b for b in blocks if b.kind == kind), None)
        if block is None:
            continue
        code = BLOCK_SIGNALS[kind]
        added.append(
            Signal(
                code,
                scoring.DEFAULT_WEIGHTS.get(code, 100),
                {
                    "blocked": block.value,
                    "at": block.blocked_at.isoformat(),
                    "date": block.blocked_at.date().isoformat(),
                    "user": block.blocked_by.get_full_name() or block.blocked_by.username,
                    "reason": block.reason[:500],
                },
            )
        )
    signals = sorted([*result.signals, *added], key=lambda s: (-s.weight, s.code))
    signals = [s for s in signals if s.weight > 0]
    score = min(100, sum(s.weight for s in signals))
    level = scoring.DEFAULT_THRESHOLDS.level(score)
    if added:
        level = "critical"
    return dataclasses.replace(result, signals=tuple(signals), score=score, level=level)


def block_candidates(message: Message, company: Company) -> tuple[list[tuple], list[dict]]:
    """(kind, value) to block for ``company`` and what is left out, with why. The address
    is not blocked when it is a channel of the customer on file (its mail was forged, or the
    mailbox taken over: the change loop and the guard's other checks deal with that); the
    domain is not blocked when it is a public mail provider, ours or the customer's own."""
    from chengxin.parties.normalize import FREE_MAIL_DOMAINS

    address = message.from_key
    if not address:
        return [], []
    block, left_out = [], []
    on_file = {
        canonical_address(value)
        for value in channels_on_file(
            company=company, before=timezone.now(), kinds=[ChannelKind.EMAIL]
        ).values_list("value", flat=True)
    }
    if address in on_file:
        left_out.append({"kind": BlockKind.ADDRESS, "value": address, "why": "on_file"})
    else:
        block.append((BlockKind.ADDRESS, address))
    domain = registrable_domain(address)
    own = {registrable_domain(d) for d in settings.CHENGXIN_OWN_DOMAINS}
    customers = {registrable_domain(d) for d in company.domains.values_list("domain", flat=True)}
    why = (
        "public_mail"
        if domain in FREE_MAIL_DOMAINS
        else "ours"
        if domain in own
        else "customer"
        if domain in customers
        else ""
    )
    if not domain:
        pass
    elif why:
        left_out.append({"kind": BlockKind.DOMAIN, "value": domain, "why": why})
    else:
        block.append((BlockKind.DOMAIN, domain))
    return block, left_out

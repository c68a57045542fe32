"""Where a contact's channel value is still used, and how to move it to the new value.

Each app that keeps a copy of a channel value (the default recipient of a quote, an order,
an invoice, finance's notification recipients, unsent outbound messages) registers a
``Mover``; applying a change request runs every mover in the same transaction, then checks
that none reports the old value as still used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Mover:
    name: str
    # move(actor=, contact=, kind=, old_value=, new_value=) -> how many references moved
    move: Callable[..., int]
    # remaining(contact=, kind=, value=) -> how many references still use ``value``
    remaining: Callable[..., int]


_movers: dict[str, Mover] = {}


def register(mover: Mover) -> None:
    _movers[mover.name] = mover


def movers() -> list[Mover]:
    return [_movers[name] for name in sorted(_movers)]


def move_all(*, actor: Any, contact: Any, kind: str, old_value: str, new_value: str) -> dict:
    return {
        mover.name: mover.move(
            actor=actor, contact=contact, kind=kind, old_value=old_value, new_value=new_value
        )
        for mover in movers()
    }


def remaining_all(*, contact: Any, kind: str, value: str) -> dict[str, int]:
    counts = {m.name: m.remaining(contact=contact, kind=kind, value=value) for m in movers()}
    return {name: count for name, count in counts.items() if count}


# --- the movers of apps that exist today -------------------------------------------------


def _outbox_move(*, actor, contact, kind, old_value, new_value) -> int:
    from chengxin.outbox.services import outbox_retarget

    return outbox_retarget(
        actor=actor, contact=contact, kind=kind, old_value=old_value, new_value=new_value
    )


def _outbox_remaining(*, contact, kind, value) -> int:
    from chengxin.outbox.models import PENDING_STATUSES, OutboundMessage

    return OutboundMessage.objects.filter(
        contact=contact, kind=kind, to_address__iexact=value, status__in=PENDING_STATUSES
    ).count()


def register_builtin_movers() -> None:
    register(Mover("outbox", _outbox_move, _outbox_remaining))

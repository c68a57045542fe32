"""Reading change requests: what a user may see, in the order they need attention."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from chengxin.changes.models import OPEN_STATES, ChangeRequest, State
from chengxin.guard.models import ALARMING_LEVELS
from chengxin.parties.permissions import visible_companies_q

# How long a request may wait at a step before it counts as overdue.
STEP_DAYS = 2


def visible_changes(*, user):
    return ChangeRequest.objects.filter(
        contact__company__in=_visible_company_ids(user)
    ).select_related("contact__company", "opened_by", "assessment")


def _visible_company_ids(user):
    from chengxin.parties.models import Company

    return Company.objects.filter(visible_companies_q(user)).values("pk")


def change_get(*, user, pk: int) -> ChangeRequest:
    """The request if the user may see it; ChangeRequest.DoesNotExist otherwise."""
    return visible_changes(user=user).select_related(
        "old_channel", "new_channel", "source_message", "verified_by", "verification_channel",
        "approved_by", "applied_by", "closed_by",
    ).get(pk=pk)  # fmt: skip


def due_at(request: ChangeRequest) -> datetime.datetime:
    if request.state in (State.NOTICE_SENT, State.REVIEW_DUE) and request.review_due_at:
        return request.review_due_at
    return request.state_changed_at + datetime.timedelta(days=STEP_DAYS)


@dataclass
class OpenChanges:
    rows: list[tuple[ChangeRequest, datetime.datetime, bool]]  # request, due, overdue
    counts: list[tuple[str, str, int]]  # state, label, count
    overdue: int


def open_changes(*, user, now: datetime.datetime | None = None) -> OpenChanges:
    """Open requests, overdue ones first, then by the order of the steps and due time."""
    now = now or timezone.now()
    requests = list(visible_changes(user=user).filter(state__in=OPEN_STATES))
    _mark_foreign_domains(requests)
    order = {state: index for index, state in enumerate(OPEN_STATES)}
    rows = [(r, due_at(r), due_at(r) < now) for r in requests]
    rows.sort(key=lambda row: (not row[2], order[row[0].state], row[1], row[0].pk))
    per_state = Counter(r.state for r in requests)
    counts = [(s, State(s).label, per_state[s]) for s in OPEN_STATES]
    return OpenChanges(rows=rows, counts=counts, overdue=sum(1 for row in rows if row[2]))


def outbound_status(message_id: int | None) -> dict | None:
    """The delivery of an outbound message sent by a step: status, address, when."""
    if message_id is None:
        return None
    from chengxin.outbox.models import OutboundMessage

    message = OutboundMessage.objects.filter(pk=message_id).first()
    if message is None:
        return None
    return {
        "status": message.status,
        "label": message.get_status_display(),
        "to": message.to_address,
        "sent_at": message.sent_at,
    }


def changes_awaiting_approval():
    """Verified high-risk change requests waiting for a manager's approval."""
    return (
        ChangeRequest.objects.filter(state=State.VERIFIED, assessment__level__in=ALARMING_LEVELS)
        .select_related("contact", "assessment")
        .order_by("state_changed_at", "id")
    )


# The steps a rep takes (sending, verifying, applying, the notice, the review); a
# request in NOTICE_SENT waits for time, a high-risk one for a manager's approval.
REP_STATES = (
    State.OPENED, State.CONFIRM_SENT, State.VERIFIED, State.APPROVED, State.APPLIED,
    State.REVIEW_DUE,
)  # fmt: skip


def changes_waiting_for(*, user):
    """Open requests whose next step is ``user``'s: about customers they own or share,
    at a step a rep takes, the longest waiting first."""
    from chengxin.parties.models import Company

    if not (user.is_authenticated and user.is_active):
        return ChangeRequest.objects.none()
    mine = Company.objects.filter(Q(owner=user) | Q(shared_with=user)).values("pk")
    return (
        ChangeRequest.objects.filter(contact__company__in=mine, state__in=REP_STATES)
        .exclude(pk__in=changes_awaiting_approval().values("pk"))
        .select_related("contact__company")
        .order_by("state_changed_at", "id")
    )


def _mark_foreign_domains(requests: list[ChangeRequest]) -> None:
    """Set ``new_value_foreign`` on each request, with one query for all their domains."""
    from chengxin.parties.models import CompanyDomain, email_domain

    company_ids = {r.contact.company_id for r in requests}
    domains = set(
        CompanyDomain.objects.filter(company_id__in=company_ids).values_list("company_id", "domain")
    )
    for request in requests:
        domain = email_domain(request.kind, request.new_value)
        request.new_value_foreign = (
            bool(domain) and (request.contact.company_id, domain) not in domains
        )


def new_value_foreign_domain(request: ChangeRequest) -> bool:
    """Whether the new value is an email on a domain the customer does not have."""
    from chengxin.parties.models import CompanyDomain, email_domain

    domain = email_domain(request.kind, request.new_value)
    if not domain:
        return False
    return not CompanyDomain.objects.filter(
        company_id=request.contact.company_id, domain=domain
    ).exists()

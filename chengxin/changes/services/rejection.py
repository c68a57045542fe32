"""Ending a request without applying it: withdrawn before anything was sent, or rejected
because the contact denied the change (a fraud attempt when a message asked for it)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.models import Role, User
from chengxin.audit.services import snapshot
from chengxin.changes.models import ChangeRequest, State, StepKind
from chengxin.changes.services.steps import (
    change_advance,
    change_link,
    change_to_act_on,
)
from chengxin.core.deferred_text import deferred
from chengxin.notifications.services import notify

REJECTED_KIND = "changes.rejected"


@transaction.atomic
def change_withdraw(
    *, actor: User, request: ChangeRequest, notes: str, now: datetime.datetime | None = None
) -> ChangeRequest:
    """Drop a request before anything was sent (a guard proposal that announces no change, a
    typo): it ends rejected, not marked as fraud, and the channels stay as they are."""
    now = now or timezone.now()
    request = change_to_act_on(actor=actor, request=request, states=(State.OPENED,))
    if not (notes or "").strip():
        raise ValidationError({"notes": [_("Say why the request is withdrawn.")]})
    change_advance(
        request,
        actor=actor,
        before=snapshot(request),
        state=State.REJECTED,
        step=StepKind.REJECTED,
        details={"withdrawn": True, "fraud_attempt": False},
        notes=notes.strip(),
        now=now,
    )
    return request


def rejection_recipients(request: ChangeRequest) -> list[User]:
    """The owner, every manager, and everyone who corresponds with the customer."""
    company = request.contact.company
    users = list(User.objects.filter(role=Role.MANAGER, is_active=True))
    users += list(company.shared_with.filter(is_active=True))
    if company.owner_id:
        users.append(company.owner)
    return users


def change_reject(
    *, actor: User, request: ChangeRequest, notes: str, now: datetime.datetime
) -> None:
    """The contact denied the change (in the verification's transaction): the request ends
    rejected, a fraud attempt when a message asked for it, and everyone who writes to the
    customer is warned."""
    before = snapshot(request)
    request.fraud_attempt = request.source_message_id is not None
    change_advance(
        request,
        actor=actor,
        before=before,
        state=State.REJECTED,
        fields=["fraud_attempt"],
        step=StepKind.REJECTED,
        details={"fraud_attempt": request.fraud_attempt},
        notes=notes,
        now=now,
    )
    title = deferred(
        gettext_lazy("Possible fraud: %(contact)s did not ask to change to %(value)s"),
        contact=request.contact.name,
        value=request.new_value,
    )
    body = deferred(
        gettext_lazy(
            "%(company)s: the contact denied the change when checked out of band. Keep "
            "using %(old)s; do not write to %(value)s."
        ),
        company=request.contact.company.legal_name,
        old=request.old_value,
        value=request.new_value,
    )
    notify(
        users=rejection_recipients(request),
        kind=REJECTED_KIND,
        title=title,
        body=body,
        link=change_link(request),
    )

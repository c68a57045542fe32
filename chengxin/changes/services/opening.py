"""Step 0: opening a change request, by hand (on a contact or from a message) or proposed
by the fraud guard (:mod:`.proposal`). Every new email, phone or chat ID of an existing
contact, and every change of primary, comes through here."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.changes.models import (
    OPEN_STATES,
    ChangeAction,
    ChangeRequest,
    ChangeStep,
    State,
    StepKind,
)
from chengxin.guard.models import Assessment
from chengxin.mail.models import Message
from chengxin.mail.permissions import can_view_message
from chengxin.parties.models import Channel, ChannelKind, Contact, ContactStatus
from chengxin.parties.normalize import normalize_channel
from chengxin.parties.permissions import require_edit


@transaction.atomic
def change_open(
    *,
    actor: User,
    contact: Contact,
    kind: str,
    new_value: str,
    source_message: Message | None = None,
    action: str | None = None,
    make_primary: bool | None = None,
    now: datetime.datetime | None = None,
) -> ChangeRequest:
    """Open a change request by hand, on a contact or from a message announcing a change.

    ``action`` "replace" (default: the new value takes over, the old one is retired), "add"
    (a further channel; ``make_primary`` says whether it becomes the main one). A value the
    contact already has becomes primary ("make_primary")."""
    contact = Contact.objects.select_related("company").get(pk=contact.pk)
    require_edit(actor, contact.company)
    if source_message is not None:
        if not can_view_message(actor, source_message):
            raise Message.DoesNotExist
        if source_message.company_id not in (None, contact.company_id):
            raise ValidationError(_("This message is about another customer."))
    return change_create(
        actor=actor,
        contact=contact,
        kind=kind,
        new_value=new_value,
        source_message=source_message,
        now=now or timezone.now(),
        proposed=False,
        action=action,
        make_primary=make_primary,
    )


def change_create(
    *,
    actor: User | None,
    contact: Contact,
    kind: str,
    new_value: str,
    source_message: Message | None,
    now: datetime.datetime,
    proposed: bool,
    action: str | None = None,
    make_primary: bool | None = None,
) -> ChangeRequest:
    """What both openings share: check the input, decide what the change does, write the
    request and its first step (``proposed``: by the guard, without an actor)."""
    value = _checked_value(contact=contact, kind=kind, new_value=new_value, action=action)
    action, make_primary, old_channel = _what_it_does(
        contact=contact, kind=kind, value=value, action=action, make_primary=make_primary
    )
    if ChangeRequest.objects.filter(contact=contact, kind=kind, state__in=OPEN_STATES).exists():
        raise _already_open(kind)
    assessment = None
    if source_message is not None:
        assessment = Assessment.objects.filter(message=source_message).first()
    try:
        with transaction.atomic():
            request = ChangeRequest.objects.create(
                contact=contact,
                kind=kind,
                action=action,
                make_primary=make_primary,
                old_channel=old_channel,
                old_value=old_channel.value if old_channel else "",
                new_value=value,
                source_message=source_message,
                assessment=assessment,
                proposed_by_guard=proposed,
                state=State.OPENED,
                state_changed_at=now,
                opened_by=actor,
                opened_at=now,
            )
    except IntegrityError:
        # Another tab or request opened one between the check and the insert.
        raise _already_open(kind) from None
    _first_step(actor=actor, request=request, proposed=proposed, now=now)
    return request


def _checked_value(*, contact: Contact, kind: str, new_value: str, action: str | None) -> str:
    """The new value, normalised; refused for a contact who left or an unknown kind or action."""
    if contact.status != ContactStatus.ACTIVE:
        raise ValidationError(_("This contact has left the company."))
    if kind not in ChannelKind.values:
        raise ValidationError({"kind": [_("Choose a kind of channel.")]})
    if action is not None and action not in ChangeAction.values:
        raise ValidationError({"action": [_("Choose what the change does.")]})
    try:
        return normalize_channel(kind, new_value, region=contact.company.country)
    except ValidationError as exc:
        raise ValidationError({"new_value": exc.messages}) from None


def _what_it_does(
    *, contact: Contact, kind: str, value: str, action: str | None, make_primary: bool | None
) -> tuple[str, bool, Channel | None]:
    """The change's action, whether the value becomes primary, and the channel it changes
    (the primary one of that kind, none for a contact's first)."""
    active = contact.channels.filter(kind=kind, is_active=True)
    old_channel = active.order_by("-is_primary", "id").first()
    existing = active.filter(value=value).first()
    if existing is not None and existing.is_primary:
        raise ValidationError({"new_value": [_("This is the value already on file.")]})
    if existing is not None and action == ChangeAction.ADD and not make_primary:
        raise ValidationError(
            {"new_value": [_("%(contact)s already has this %(kind)s.")
                           % {"contact": contact.name, "kind": ChannelKind(kind).label}]}
        )  # fmt: skip
    if existing is not None:
        # An existing channel of the contact becomes the main one.
        return ChangeAction.MAKE_PRIMARY, True, old_channel
    if old_channel is None:
        return ChangeAction.ADD, True, old_channel
    if action in (None, ChangeAction.REPLACE, ChangeAction.MAKE_PRIMARY):
        return ChangeAction.REPLACE, True, old_channel
    return action, bool(make_primary), old_channel


def _first_step(
    *, actor: User | None, request: ChangeRequest, proposed: bool, now: datetime.datetime
) -> None:
    """The request's first step, and both rows on the audit chain."""
    source_message, assessment = request.source_message, request.assessment
    row = ChangeStep.objects.create(
        request=request,
        kind=StepKind.PROPOSED if proposed else StepKind.OPENED,
        actor=actor,
        at=now,
        details={
            "action": request.action,
            "old_value": request.old_value,
            "new_value": request.new_value,
            "message_id": source_message.pk if source_message else None,
            "risk": assessment.level if assessment else "",
        },
    )
    company_id = request.contact.company_id
    audit_record_many(
        actor=actor,
        changes=[
            Change(Action.CREATE, request, None, snapshot(request), company_id),
            Change(Action.CREATE, row, None, snapshot(row), company_id),
        ],
    )


def _already_open(kind: str) -> ValidationError:
    return ValidationError(
        _("A change request for this contact's %(kind)s is already open.")
        % {"kind": ChannelKind(kind).label}
    )

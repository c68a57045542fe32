"""The change-request loop: open → confirm → verify (→ approve) → apply → notice → review.

Every step is a service that loads the request under a row lock, checks who may act and
that the request is exactly at that step, records a ChangeStep and an audit entry, and
moves the state forward. Pages and API call these, so neither can skip, reorder or
repeat a step.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chengxin.accounts.eligibility import ROLE, notify_if_blocked
from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.changes import drafts
from chengxin.changes.models import (
    OPEN_STATES,
    ChangeAction,
    ChangeRequest,
    ChangeStep,
    Outcome,
    State,
    StepKind,
)
from chengxin.changes.permissions import (
    approval_refusal,
    awaits_approval,
    can_view_change,
    change_approvers,
    require_act,
)
from chengxin.core.deferred_text import deferred
from chengxin.core.email_text import emails_in_text
from chengxin.guard.models import Assessment
from chengxin.mail.models import Message
from chengxin.mail.permissions import can_view_message
from chengxin.notifications.services import notify
from chengxin.parties import services as parties_services
from chengxin.parties.models import Channel, ChannelKind, Contact, ContactStatus
from chengxin.parties.normalize import normalize_channel
from chengxin.parties.permissions import require_edit
from chengxin.parties.selectors import channels_on_file

CONTACT_CHANGE_SIGNAL = "contact_change_request"
REJECTED_KIND = "changes.rejected"
REVIEW_KIND = "changes.review"


def review_days() -> int:
    return settings.CHENGXIN_CHANGE_REVIEW_DAYS


# --- helpers -------------------------------------------------------------------------------


def _locked(*, actor: User | None, request: ChangeRequest) -> ChangeRequest:
    """The request again, locked; DoesNotExist if the actor may not see it."""
    request = (
        ChangeRequest.objects.select_for_update(of=("self",))
        .select_related("contact__company__owner", "old_channel", "assessment", "source_message")
        .get(pk=request.pk)
    )
    if actor is not None and not can_view_change(actor, request):
        raise ChangeRequest.DoesNotExist
    return request


def _require_state(request: ChangeRequest, *states: str) -> None:
    if request.state not in states:
        raise ValidationError(
            _("This step is not possible now: the request is at “%(state)s”.")
            % {"state": request.get_state_display()},
            code="wrong_step",
        )


def _advance(
    *,
    actor: User | None,
    request: ChangeRequest,
    before: dict,
    state: str,
    fields: list[str],
    step: StepKind,
    details: dict | None = None,
    notes: str = "",
    now: datetime.datetime,
) -> ChangeStep:
    if state != request.state:
        request.state, request.state_changed_at = state, now
        fields = [*fields, "state", "state_changed_at"]
    if fields:
        request.save(update_fields=sorted(set(fields)))
    row = ChangeStep.objects.create(
        request=request, kind=step, actor=actor, at=now, details=details or {}, notes=notes
    )
    company_id = request.contact.company_id
    label = str(request)[:300]
    changes = [Change(Action.CREATE, row, None, snapshot(row), company_id, label)]
    if fields:
        changes.insert(
            0, Change(Action.UPDATE, request, before, snapshot(request), company_id, label)
        )
    audit_record_many(actor=actor, changes=changes)
    return row


def _sender_signature(actor: User | None, language: str) -> str:
    """The rep's name in the letter's script (李娜 in Chinese, Li Na otherwise), then our
    company; the company alone when the rep has no name in that script."""
    name = actor.display_name_for(drafts.language_of(language)) if actor else ""
    return "\n".join(part for part in (name, settings.CHENGXIN_COMPANY_NAME) if part)


def _email_on_file(contact: Contact, *, before: datetime.datetime, exclude: str = "") -> str:
    """The contact's email on file (verified before ``before``), the primary first."""
    channel = (
        channels_on_file(
            company=contact.company_id, before=before, kinds=[ChannelKind.EMAIL], contact=contact
        )
        .exclude(value=exclude)
        .order_by("-is_primary", "id")
        .first()
    )
    return channel.value if channel else ""


def _link(request: ChangeRequest) -> str:
    return reverse("changes:change_detail", args=[request.pk])


# --- 1. open -------------------------------------------------------------------------------


def _open(
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
    if contact.status != ContactStatus.ACTIVE:
        raise ValidationError(_("This contact has left the company."))
    if kind not in ChannelKind.values:
        raise ValidationError({"kind": [_("Choose a kind of channel.")]})
    if action is not None and action not in ChangeAction.values:
        raise ValidationError({"action": [_("Choose what the change does.")]})
    try:
        value = normalize_channel(kind, new_value, region=contact.company.country)
    except ValidationError as exc:
        raise ValidationError({"new_value": exc.messages}) from None
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
        action, make_primary = ChangeAction.MAKE_PRIMARY, True
    elif old_channel is None:
        action, make_primary = ChangeAction.ADD, True
    elif action in (None, ChangeAction.REPLACE, ChangeAction.MAKE_PRIMARY):
        action, make_primary = ChangeAction.REPLACE, True
    else:
        make_primary = bool(make_primary)
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
    row = ChangeStep.objects.create(
        request=request,
        kind=StepKind.PROPOSED if proposed else StepKind.OPENED,
        actor=actor,
        at=now,
        details={
            "action": action,
            "old_value": request.old_value,
            "new_value": value,
            "message_id": source_message.pk if source_message else None,
            "risk": assessment.level if assessment else "",
        },
    )
    audit_record_many(
        actor=actor,
        changes=[
            Change(Action.CREATE, request, None, snapshot(request), contact.company_id),
            Change(Action.CREATE, row, None, snapshot(row), contact.company_id),
        ],
    )
    return request


def _already_open(kind: str) -> ValidationError:
    return ValidationError(
        _("A change request for this contact's %(kind)s is already open.")
        % {"kind": ChannelKind(kind).label}
    )


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

    Every new email, phone or chat ID of an existing contact, and every change of primary,
    comes through here: ``action`` "replace" (default: the new value takes over, the old one
    is retired), "add" (a further channel; ``make_primary`` says whether it becomes the main
    one). A value the contact already has becomes primary ("make_primary")."""
    contact = Contact.objects.select_related("company").get(pk=contact.pk)
    require_edit(actor, contact.company)
    if source_message is not None:
        if not can_view_message(actor, source_message):
            raise Message.DoesNotExist
        if source_message.company_id not in (None, contact.company_id):
            raise ValidationError(_("This message is about another customer."))
    return _open(
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


def _announced_email(message: Message, on_file: set[str]) -> str:
    """The address a message announces: its Reply-To, its sender, or the first address in its
    text that is not on file."""
    candidates = [message.reply_to_address, message.from_address]
    candidates += emails_in_text(message.text_body or "")
    for raw in candidates:
        if not raw:
            continue
        try:
            value = normalize_channel(ChannelKind.EMAIL, raw)
        except ValidationError:
            continue
        if value not in on_file:
            return value
    return ""


@transaction.atomic
def change_propose_from_assessment(*, assessment: Assessment) -> ChangeRequest | None:
    """The guard saw a message asking to change a contact's details: propose a request.

    Only for a message linked to a contact, with a new email address that can be read from
    it, and when no request for that contact's email is open already.
    """
    assessment = Assessment.objects.select_related("message__contact__company").get(
        pk=assessment.pk
    )
    message = assessment.message
    if not any(s.get("code") == CONTACT_CHANGE_SIGNAL for s in assessment.signals):
        return None
    contact = message.contact
    if contact is None or contact.status != ContactStatus.ACTIVE:
        return None
    if ChangeRequest.objects.filter(source_message=message).exists():
        return None
    if ChangeRequest.objects.filter(
        contact=contact, kind=ChannelKind.EMAIL, state__in=OPEN_STATES
    ).exists():
        return None
    on_file = set(contact.channels.filter(kind=ChannelKind.EMAIL).values_list("value", flat=True))
    if not on_file:
        return None
    new_value = _announced_email(message, on_file)
    if not new_value:
        return None
    request = _open(
        actor=None,
        contact=contact,
        kind=ChannelKind.EMAIL,
        new_value=new_value,
        source_message=message,
        now=timezone.now(),
        proposed=True,
    )
    owner = contact.company.owner
    if owner is not None:
        notify(
            users=[owner],
            kind="changes.proposed",
            title=deferred(
                gettext_lazy("%(contact)s may have changed their email address"),
                contact=contact.name,
            ),
            body=deferred(
                gettext_lazy("A message asks to use %(value)s. Confirm and verify it before use."),
                value=new_value,
            ),
            link=_link(request),
        )
    return request


@transaction.atomic
def change_withdraw(
    *, actor: User, request: ChangeRequest, notes: str, now: datetime.datetime | None = None
) -> ChangeRequest:
    """Drop a request before anything was sent (a guard proposal that announces no change, a
    typo): it ends rejected, not marked as fraud, and the channels stay as they are."""
    now = now or timezone.now()
    request = _locked(actor=actor, request=request)
    require_act(actor, request)
    _require_state(request, State.OPENED)
    if not (notes or "").strip():
        raise ValidationError({"notes": [_("Say why the request is withdrawn.")]})
    _advance(
        actor=actor,
        request=request,
        before=snapshot(request),
        state=State.REJECTED,
        fields=[],
        step=StepKind.REJECTED,
        details={"withdrawn": True, "fraud_attempt": False},
        notes=notes.strip(),
        now=now,
    )
    return request


# --- 2. confirm ----------------------------------------------------------------------------


def change_confirm_draft(*, request: ChangeRequest, actor: User | None) -> drafts.Letter:
    contact = request.contact
    return drafts.confirm_letter(
        language=contact.language,
        name=contact.name,
        kind=request.kind,
        new_value=request.new_value,
        sender=_sender_signature(actor, contact.language),
    )


def change_confirm_recipient(request: ChangeRequest) -> str:
    """The confirmation goes to the contact's email on file when the request was opened (the
    old address for an email change), so the real contact sees it even when the announcement
    came from an impostor; never to the new value, nor to an address that was not verified
    before the request. "" when there is none."""
    on_file = channels_on_file(
        company=request.contact.company_id,
        before=request.opened_at,
        kinds=[ChannelKind.EMAIL],
        contact=request.contact_id,
    ).exclude(value=request.new_value)
    if request.kind == ChannelKind.EMAIL and request.old_channel_id:
        old = on_file.filter(pk=request.old_channel_id).first()
        if old is not None:
            return old.value
    channel = on_file.order_by("-is_primary", "id").first()
    return channel.value if channel else ""


def _letter_enqueue(
    *, actor: User, request: ChangeRequest, to: str, subject: str, body: str, purpose: str
):
    """Queue one of the loop's letters to ``to`` through the outbox."""
    from chengxin.outbox.services import outbox_enqueue

    if not to:
        raise ValidationError(_("The contact has no email address on file to write to."))
    return outbox_enqueue(
        actor=actor,
        to=to,
        subject=subject,
        body_text=body,
        contact=request.contact,
        company=request.contact.company,
        purpose=purpose,
        related_type="changes.changerequest",
        related_id=str(request.pk),
    )


@transaction.atomic
def change_confirm_send(
    *,
    actor: User,
    request: ChangeRequest,
    subject: str = "",
    body: str = "",
    now: datetime.datetime | None = None,
) -> ChangeRequest:
    now = now or timezone.now()
    request = _locked(actor=actor, request=request)
    require_act(actor, request)
    resend = request.state != State.OPENED
    if resend:
        # A confirmation that did not leave may be written again; nothing else repeats.
        _require_state(request, State.CONFIRM_SENT, State.VERIFIED, State.APPROVED)
        if confirmation_status(request) not in CONFIRMATION_FAILED_STATUSES:
            raise ValidationError(
                _("The confirmation was already written; a new one is possible only if it "
                  "could not be delivered."),
                code="wrong_step",
            )  # fmt: skip
    draft = change_confirm_draft(request=request, actor=actor)
    subject, body = (subject or "").strip() or draft.subject, (body or "").strip() or draft.body
    if request.new_value not in body:
        raise ValidationError(
            {
                "body": [
                    _("The letter must restate the new value exactly: %(value)s")
                    % {"value": request.new_value}
                ]
            }  # fmt: skip
        )
    to = change_confirm_recipient(request)
    if not to:
        raise ValidationError(
            _("%(contact)s has no email address that was verified before this request: the "
              "confirmation has nowhere safe to go. Verify one of their channels first (on "
              "the customer's page), then open a new request.") % {"contact": request.contact.name}
        )  # fmt: skip
    before = snapshot(request)
    outbound = _letter_enqueue(
        actor=actor, request=request, to=to, subject=subject, body=body, purpose="change_confirm"
    )
    request.confirm_message_id = outbound.pk
    _advance(
        actor=actor,
        request=request,
        before=before,
        state=request.state if resend else State.CONFIRM_SENT,
        fields=["confirm_message_id"],
        step=StepKind.CONFIRM_QUEUED,
        details={"to": to, "subject": subject, "outbound_id": outbound.pk, "again": resend},
        notes=body,
        now=now,
    )
    return request


CONFIRMATION_FAILED_STATUSES = ("failed_permanently", "bounced", "cancelled")


def confirmation_status(request: ChangeRequest) -> str:
    """The outbox status of the request's latest confirmation ("" when none was written)."""
    from chengxin.outbox.models import OutboundMessage

    if request.confirm_message_id is None:
        return ""
    status = (
        OutboundMessage.objects.filter(pk=request.confirm_message_id)
        .values_list("status", flat=True)
        .first()
    )
    return status or ""


# --- 3. verify, approve, reject ----------------------------------------------------------


def verification_channels(request: ChangeRequest):
    """Channels that may serve to verify out of band: on file for the customer (this contact
    or a colleague), i.e. verified before the request was opened, still in use, and not the
    new value."""
    return channels_on_file(company=request.contact.company_id, before=request.opened_at).exclude(
        value=request.new_value
    )


@transaction.atomic
def change_verify(
    *,
    actor: User,
    request: ChangeRequest,
    channel: Channel,
    outcome: str,
    notes: str = "",
    checked_at: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> ChangeRequest:
    now = now or timezone.now()
    request = _locked(actor=actor, request=request)
    require_act(actor, request)
    _require_state(request, State.CONFIRM_SENT)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose the outcome.")]})
    if not verification_channels(request).filter(pk=channel.pk).exists():
        raise ValidationError(
            {"channel": [_("Verify through a channel that was on file (verified) before this "
                           "request was opened, never one given in the change message, added "
                           "since or never verified.")]}
        )  # fmt: skip
    checked_at = checked_at or now
    if checked_at > now or checked_at < request.opened_at:
        raise ValidationError({"checked_at": [_("Enter when you checked, after the request.")]})
    details = {
        "channel_id": channel.pk,
        "channel": f"{channel.contact.name} · {channel.get_kind_display()} {channel.display}",
        "foreign_domain": channel.is_foreign_domain,
        "outcome": outcome,
        "checked_at": checked_at.isoformat(),
    }
    before = snapshot(request)
    if outcome == Outcome.UNREACHABLE:
        _advance(actor=actor, request=request, before=before, state=request.state, fields=[],
                 step=StepKind.VERIFICATION, details=details, notes=notes, now=now)  # fmt: skip
        return request
    request.verified_by, request.verified_at = actor, checked_at
    request.verification_channel, request.verification_outcome = channel, outcome
    fields = ["verified_by", "verified_at", "verification_channel", "verification_outcome"]
    if outcome == Outcome.CONFIRMED:
        _advance(actor=actor, request=request, before=before, state=State.VERIFIED, fields=fields,
                 step=StepKind.VERIFICATION, details=details, notes=notes, now=now)  # fmt: skip
        if awaits_approval(request):
            notify_if_blocked(
                eligibility=change_approvers(request),
                item=str(request),
                link=_link(request),
                proposer=request.opened_by,
            )
        return request
    _advance(actor=actor, request=request, before=before, state=request.state, fields=fields,
             step=StepKind.VERIFICATION, details=details, notes=notes, now=now)  # fmt: skip
    _reject(actor=actor, request=request, notes=notes, now=now)
    return request


def rejection_recipients(request: ChangeRequest) -> list[User]:
    """The owner, every manager, and everyone who corresponds with the customer."""
    company = request.contact.company
    users = list(User.objects.filter(role=Role.MANAGER, is_active=True))
    users += list(company.shared_with.filter(is_active=True))
    if company.owner_id:
        users.append(company.owner)
    return users


def _reject(*, actor: User, request: ChangeRequest, notes: str, now: datetime.datetime) -> None:
    before = snapshot(request)
    request.fraud_attempt = request.source_message_id is not None
    _advance(actor=actor, request=request, before=before, state=State.REJECTED,
             fields=["fraud_attempt"], step=StepKind.REJECTED,
             details={"fraud_attempt": request.fraud_attempt}, notes=notes, now=now)  # fmt: skip
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
        link=_link(request),
    )


@transaction.atomic
def change_approve(
    *, actor: User, request: ChangeRequest, notes: str = "", now: datetime.datetime | None = None
) -> ChangeRequest:
    """A manager's second look, needed when the guard rated the message high or critical."""
    now = now or timezone.now()
    request = _locked(actor=actor, request=request)
    refusal = approval_refusal(actor, request)
    if refusal is not None and refusal.code == ROLE:
        raise PermissionDenied(refusal.message)
    _require_state(request, State.VERIFIED)
    if not request.needs_approval:
        raise ValidationError(_("This request needs no approval."), code="wrong_step")
    if refusal is not None:
        raise PermissionDenied(refusal.message)
    before = snapshot(request)
    request.approved_by, request.approved_at = actor, now
    _advance(actor=actor, request=request, before=before, state=State.APPROVED,
             fields=["approved_by", "approved_at"], step=StepKind.APPROVED, notes=notes,
             now=now)  # fmt: skip
    return request


# --- 4. apply ------------------------------------------------------------------------------


def apply_blocker(request: ChangeRequest) -> str:
    """Why the change cannot be applied yet for want of a delivered confirmation ("" when
    the mail server has taken it)."""
    from chengxin.outbox.models import Status

    status = confirmation_status(request)
    if status == Status.SENT:
        return ""
    if status in CONFIRMATION_FAILED_STATUSES:
        return _("The confirmation could not be delivered: write it again before applying.")
    return _("The confirmation has not left yet (it is still in the outbox): apply once the "
             "mail server has taken it.")  # fmt: skip


@transaction.atomic
def change_apply(
    *, actor: User, request: ChangeRequest, now: datetime.datetime | None = None
) -> ChangeRequest:
    """In one transaction: the new value is written (or promoted) as verified by this loop,
    and for a replacement the old one is retired.

    Refused until the confirmation has actually left (the mail server took it) and the
    contact's confirmation or an out-of-band check is recorded. Messages already queued keep
    the address they were written for: the review a week later shows what still went to
    the old value."""
    from chengxin.outbox.models import PENDING_STATUSES, OutboundMessage

    now = now or timezone.now()
    request = _locked(actor=actor, request=request)
    require_act(actor, request)
    _require_state(request, State.VERIFIED, State.APPROVED)
    if request.state == State.VERIFIED and request.needs_approval:
        raise ValidationError(
            _("The message was rated a high risk: a manager must approve first."),
            code="wrong_step",
        )
    blocker = apply_blocker(request)
    if blocker:
        raise ValidationError(blocker, code="confirmation_not_sent")
    if request.verification_outcome != Outcome.CONFIRMED or request.verified_at is None:
        raise ValidationError(
            _("Record the contact's confirmation or an out-of-band check first."),
            code="wrong_step",
        )
    contact = request.contact
    new_channel = parties_services.channel_apply_change(
        actor=actor,
        contact=contact,
        kind=request.kind,
        value=request.new_value,
        make_primary=request.make_primary,
        change_id=request.pk,
        verified_by=request.verified_by,
        verified_at=now,
    )
    retired = None
    if request.action == ChangeAction.REPLACE and request.old_channel_id:
        old = Channel.objects.get(pk=request.old_channel_id)
        if old.is_active and old.pk != new_channel.pk:
            parties_services.channel_retire(actor=actor, channel=old)
            retired = old.pk
    still_queued = (
        OutboundMessage.objects.filter(
            contact=contact, to_address__iexact=request.old_value, status__in=PENDING_STATUSES
        ).count()
        if request.old_value
        else 0
    )
    before = snapshot(request)
    request.new_channel, request.applied_by, request.applied_at = new_channel, actor, now
    _advance(actor=actor, request=request, before=before, state=State.APPLIED,
             fields=["new_channel", "applied_by", "applied_at"], step=StepKind.APPLIED,
             details={"action": request.action, "new_channel_id": new_channel.pk,
                      "retired_channel_id": retired,
                      "queued_to_old_value": still_queued}, now=now)  # fmt: skip
    return request


# --- what the outbox did with the loop's letters ---------------------------------------------


_DELIVERY_STEPS = {
    # (letter, outcome) -> step
    ("confirm", "sent"): StepKind.CONFIRM_SENT,
    ("confirm", "failed"): StepKind.CONFIRM_FAILED,
    ("notice", "sent"): StepKind.NOTICE_SENT,
    ("notice", "failed"): StepKind.NOTICE_FAILED,
}


@transaction.atomic
def change_delivery_record(*, message_pk: int) -> ChangeStep | None:
    """The outbox handed one of a request's letters to the mail server, or gave up on it:
    record that on the request's timeline (once per letter and outcome), with the address
    it went to and when."""
    from chengxin.outbox.models import OutboundMessage, Status

    message = OutboundMessage.objects.filter(pk=message_pk).first()
    if message is None or message.related_type != "changes.changerequest":
        return None
    if message.status == Status.SENT:
        outcome = "sent"
    elif message.status in (Status.FAILED_PERMANENTLY, Status.BOUNCED):
        outcome = "failed"
    else:
        return None
    request = (
        ChangeRequest.objects.select_for_update(of=("self",))
        .select_related("contact")
        .filter(pk=int(message.related_id or 0))
        .first()
    )
    if request is None:
        return None
    if message.pk == request.confirm_message_id:
        letter = "confirm"
    elif message.pk == request.notice_message_id:
        letter = "notice"
    else:
        return None
    kind = _DELIVERY_STEPS[(letter, outcome)]
    if request.steps.filter(kind=kind, details__outbound_id=message.pk).exists():
        return None
    at = (message.sent_at if outcome == "sent" else message.bounced_at) or timezone.now()
    details = {
        "to": message.to_address,
        "outbound_id": message.pk,
        "status": message.status,
        "error": message.last_error[:500] if outcome == "failed" else "",
    }
    row = ChangeStep.objects.create(request=request, kind=kind, actor=None, at=at, details=details)
    audit_record_many(
        actor=None,
        changes=[Change(Action.CREATE, row, None, snapshot(row), request.contact.company_id,
                        str(request)[:300])],
    )  # fmt: skip
    return row


# --- 5. notice -----------------------------------------------------------------------------


def open_orders_lines(request: ChangeRequest) -> list[str]:
    """The buyer's open orders, one line each. Chengxin keeps no orders yet: none."""
    return []


def change_notice_draft(*, request: ChangeRequest, actor: User | None) -> drafts.Letter:
    contact = request.contact
    return drafts.notice_letter(
        language=contact.language,
        name=contact.name,
        kind=request.kind,
        new_value=request.new_value,
        sender=_sender_signature(actor, contact.language),
        open_orders=open_orders_lines(request),
    )


def change_notice_recipient(request: ChangeRequest) -> str:
    if request.kind == ChannelKind.EMAIL:
        return request.new_value
    return _email_on_file(request.contact, before=timezone.now())


@transaction.atomic
def change_notice_send(
    *,
    actor: User,
    request: ChangeRequest,
    subject: str = "",
    body: str = "",
    now: datetime.datetime | None = None,
) -> ChangeRequest:
    now = now or timezone.now()
    request = _locked(actor=actor, request=request)
    require_act(actor, request)
    _require_state(request, State.APPLIED)
    draft = change_notice_draft(request=request, actor=actor)
    subject, body = (subject or "").strip() or draft.subject, (body or "").strip() or draft.body
    to = change_notice_recipient(request)
    before = snapshot(request)
    outbound = _letter_enqueue(
        actor=actor, request=request, to=to, subject=subject, body=body, purpose="change_notice"
    )
    request.notice_message_id = outbound.pk
    request.review_due_at = now + datetime.timedelta(days=review_days())
    _advance(actor=actor, request=request, before=before, state=State.NOTICE_SENT,
             fields=["notice_message_id", "review_due_at"], step=StepKind.NOTICE_QUEUED,
             details={"to": to, "subject": subject, "outbound_id": outbound.pk}, notes=body,
             now=now)  # fmt: skip
    return request


# --- 6. review -----------------------------------------------------------------------------


def _outbound_lines(queryset) -> list[dict]:
    return [
        {
            "to": m.to_address,
            "subject": m.subject,
            "status": m.status,
            "at": (m.sent_at or m.created_at).isoformat(),
        }
        for m in queryset.order_by("id")[:50]
    ]


def change_review_findings(request: ChangeRequest) -> dict:
    from chengxin.outbox.selectors import outbox_bounces_since, outbox_sent_to_since

    since = request.applied_at
    bounced = []
    for value in (request.new_value, request.old_value):
        bounced += _outbound_lines(outbox_bounces_since(value=value, since=since))
    return {
        "sent_to_old": _outbound_lines(outbox_sent_to_since(value=request.old_value, since=since)),
        "bounced": bounced,
    }


@transaction.atomic
def _review_open(*, request: ChangeRequest, now: datetime.datetime) -> bool:
    request = _locked(actor=None, request=request)
    if request.state != State.NOTICE_SENT or request.review_due_at > now:
        return False
    findings = change_review_findings(request)
    before = snapshot(request)
    request.review_findings = findings
    _advance(actor=None, request=request, before=before, state=State.REVIEW_DUE,
             fields=["review_findings"], step=StepKind.REVIEW_OPENED, details=findings,
             now=now)  # fmt: skip
    owner = request.contact.company.owner or request.applied_by
    if owner is not None:
        title = deferred(
            gettext_lazy("Review the change of %(contact)s to %(value)s"),
            contact=request.contact.name,
            value=request.new_value,
        )
        lines = [
            deferred(
                gettext_lazy("Sent to the old value since the change: %(count)d."),
                count=len(findings["sent_to_old"]),
            ),
            deferred(
                gettext_lazy("Bounced since the change: %(count)d."),
                count=len(findings["bounced"]),
            ),
            deferred(
                gettext_lazy(
                    "Also re-check the contact's other details: phone, address and colleagues."
                )
            ),
        ]
        notify(users=[owner], kind=REVIEW_KIND, title=title, body=lines, link=_link(request))
    return True


def changes_review_open_due(*, now: datetime.datetime | None = None) -> int:
    """Scheduled: open the review of every request whose notice went out long enough ago."""
    now = now or timezone.now()
    due = ChangeRequest.objects.filter(state=State.NOTICE_SENT, review_due_at__lte=now)
    return sum(_review_open(request=request, now=now) for request in due.order_by("id"))


@transaction.atomic
def change_review_close(
    *, actor: User, request: ChangeRequest, notes: str = "", now: datetime.datetime | None = None
) -> ChangeRequest:
    now = now or timezone.now()
    request = _locked(actor=actor, request=request)
    require_act(actor, request)
    _require_state(request, State.REVIEW_DUE)
    before = snapshot(request)
    request.closed_by, request.closed_at = actor, now
    _advance(actor=actor, request=request, before=before, state=State.CLOSED,
             fields=["closed_by", "closed_at"], step=StepKind.CLOSED, notes=notes,
             now=now)  # fmt: skip
    return request

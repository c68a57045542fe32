"""The channels that reach a contact (email, phone, WhatsApp...) and their verification.

A channel is written only with a new contact (unverified) or by applying a change request
(verified by the loop); every other way in says so and points to the change request. A
retired channel stays in history. ``channel_verify`` records how someone made sure an
unverified channel belongs to the contact."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, audited_update, snapshot
from chengxin.parties import normalize
from chengxin.parties.models import (
    MANUAL_VERIFICATION_METHODS,
    Channel,
    ChannelKind,
    ChannelSource,
    CompanyDomain,
    Contact,
    ContactStatus,
    VerificationMethod,
)
from chengxin.parties.permissions import require_edit, require_verify, require_verify_foreign
from chengxin.parties.selectors import channels_on_file
from chengxin.parties.services.domains import _add_domains
from chengxin.parties.services.search_text import company_search_text_refresh


@dataclass
class ChannelInput:
    kind: str
    value: str
    label: str = ""
    primary: bool | None = None


def channel_clean(channel: ChannelInput, *, region: str | None) -> ChannelInput:
    if channel.kind not in ChannelKind.values:
        raise ValidationError({"kind": [_("Unknown channel kind.")]})
    try:
        value = normalize.normalize_channel(channel.kind, channel.value, region=region)
    except ValidationError as exc:
        raise ValidationError({"value": exc.error_list}) from exc
    return ChannelInput(channel.kind, value, (channel.label or "").strip(), channel.primary)


def _channel_write(
    *,
    actor: User | None,
    contact: Contact,
    channel: ChannelInput,
    source: str,
    verified: dict | None = None,
    source_change_id: int | None = None,
) -> Channel:
    """Write one channel with its provenance. Only new contacts (unverified) and completed
    change requests (verified by the loop) come here: every other way in goes through the
    change request loop."""
    duplicate = contact.channels.filter(kind=channel.kind, value=channel.value, is_active=True)
    if duplicate.exists():
        raise ValidationError(
            {
                "value": [
                    _("%(contact)s already has this %(kind)s.")
                    % {"contact": contact.name, "kind": ChannelKind(channel.kind).label}
                ]
            }
        )
    has_primary = contact.channels.filter(kind=channel.kind, is_primary=True, is_active=True)
    make_primary = channel.primary if channel.primary is not None else not has_primary.exists()
    changes = []
    if make_primary:
        for old in has_primary:
            before = snapshot(old)
            old.is_primary = False
            old.save(update_fields=["is_primary"])
            changes.append(Change(Action.UPDATE, old, before, snapshot(old), contact.company_id))
    created = Channel.objects.create(
        contact=contact,
        kind=channel.kind,
        value=channel.value,
        label=channel.label,
        is_primary=make_primary,
        source=source,
        added_by=actor,
        source_change_id=source_change_id,
        **(verified or {}),
    )
    changes.append(Change(Action.CREATE, created, None, snapshot(created), contact.company_id))
    audit_record_many(actor=actor, changes=changes)
    return created


CHANGE_REQUEST_REQUIRED = "change_request_required"


def _change_request_required(contact: Contact) -> ValidationError:
    return ValidationError(
        _(
            "A new channel or a new primary channel for %(contact)s goes through a change "
            "request: confirm it with the contact, verify it through a channel on file, then "
            "apply it. Open one from the contact (“Email or phone changed? Open a change "
            "request”)."
        )
        % {"contact": contact.name},
        code=CHANGE_REQUEST_REQUIRED,
    )


@transaction.atomic
def channel_add(
    *,
    actor: User,
    contact: Contact,
    kind: str,
    value: str,
    label: str = "",
    primary: bool | None = None,
) -> Channel:
    """Refused: a new channel for an existing contact is only written by applying a change
    request (``changes.services.change_open``). Kept as a door that says so, for every
    caller (page, API, scripts)."""
    require_edit(actor, contact.company)
    if contact.status != ContactStatus.ACTIVE:
        raise ValidationError(
            _("This contact has left the company; add the channel to a colleague.")
        )
    clean = channel_clean(ChannelInput(kind, value, label, primary), region=contact.company.country)
    if contact.channels.filter(kind=clean.kind, value=clean.value, is_active=True).exists():
        raise ValidationError(
            {
                "value": [
                    _("%(contact)s already has this %(kind)s.")
                    % {"contact": contact.name, "kind": ChannelKind(clean.kind).label}
                ]
            }
        )
    raise _change_request_required(contact)


@transaction.atomic
def channel_make_primary(*, actor: User, channel: Channel) -> Channel:
    """Refused: a change of primary goes through a change request."""
    require_edit(actor, channel.contact.company)
    raise _change_request_required(channel.contact)


@transaction.atomic
def channel_apply_change(
    *,
    actor: User,
    contact: Contact,
    kind: str,
    value: str,
    make_primary: bool,
    change_id: int,
    verified_by: User | None,
    verified_at: datetime.datetime,
) -> Channel:
    """The "apply" step of a change request (``changes.services.change_apply``, which checks
    the loop was followed): write the new value, or promote an existing one, verified by the
    loop. Not for any other caller."""
    require_edit(actor, contact.company)
    verified = {
        "verified_at": verified_at,
        "verified_by": verified_by,
        "verification_method": VerificationMethod.CHANGE_REQUEST,
        "verification_note": _("Change request #%(id)s") % {"id": change_id},
    }
    existing = contact.channels.filter(kind=kind, value=value, is_active=True).first()
    if existing is None:
        clean = channel_clean(ChannelInput(kind, value, "", make_primary or None),
                              region=contact.company.country)  # fmt: skip
        created = _channel_write(
            actor=actor,
            contact=contact,
            channel=ChannelInput(clean.kind, clean.value, "", True if make_primary else None),
            source=ChannelSource.CHANGE_REQUEST,
            verified=verified,
            source_change_id=change_id,
        )
        if kind == ChannelKind.EMAIL:
            _add_domains(actor=actor, company=contact.company, domains=[created.domain])
        company_search_text_refresh(contact.company)
        return created
    changes = []
    if make_primary and not existing.is_primary:
        for other in contact.channels.filter(kind=kind, is_primary=True, is_active=True):
            before = snapshot(other)
            other.is_primary = False
            other.save(update_fields=["is_primary"])
            changes.append(
                Change(Action.UPDATE, other, before, snapshot(other), contact.company_id)
            )
    before = snapshot(existing)
    fields = []
    if make_primary and not existing.is_primary:
        existing.is_primary = True
        fields.append("is_primary")
    if existing.verified_at is None:
        for name, field_value in verified.items():
            setattr(existing, name, field_value)
        fields += list(verified)
    if fields:
        existing.save(update_fields=fields)
        changes.append(
            Change(Action.UPDATE, existing, before, snapshot(existing), contact.company_id)
        )
    audit_record_many(actor=actor, changes=changes)
    return existing


@transaction.atomic
def channel_retire(*, actor: User, channel: Channel) -> Channel:
    """Retire a channel: it stays in history, is no longer used, and if it was primary the
    oldest other channel of its kind that is on file (verified) takes over; an unverified one
    never becomes primary this way."""
    require_edit(actor, channel.contact.company)
    if not channel.is_active:
        raise ValidationError(_("This channel is already retired."))
    before = snapshot(channel)
    was_primary = channel.is_primary
    channel.is_active, channel.is_primary = False, False
    channel.retired_at, channel.retired_by = timezone.now(), actor
    channel.save(update_fields=["is_active", "is_primary", "retired_at", "retired_by"])
    changes = [
        Change(Action.UPDATE, channel, before, snapshot(channel), channel.contact.company_id)
    ]
    if was_primary:
        successor = (
            channel.contact.channels.filter(
                kind=channel.kind, is_active=True, verified_at__isnull=False
            )
            .order_by("id")
            .first()
        )
        if successor:
            s_before = snapshot(successor)
            successor.is_primary = True
            successor.save(update_fields=["is_primary"])
            changes.append(
                Change(
                    Action.UPDATE,
                    successor,
                    s_before,
                    snapshot(successor),
                    channel.contact.company_id,
                )
            )
    audit_record_many(actor=actor, changes=changes)
    return channel


def _foreign_when_added(channel: Channel) -> bool:
    """An email whose domain was not the customer's when the channel was added: a domain
    added since (perhaps to make the address look at home) does not count."""
    if channel.kind != ChannelKind.EMAIL or not channel.domain:
        return False
    return not CompanyDomain.objects.filter(
        company_id=channel.contact.company_id,
        domain=channel.domain,
        created_at__lte=channel.created_at,
    ).exists()


@transaction.atomic
def channel_verify(
    *,
    actor: User,
    channel: Channel,
    method: str,
    note: str,
    via: Channel | None = None,
    now: datetime.datetime | None = None,
) -> Channel:
    """Record how someone made sure an unverified channel (one entered with a new contact,
    imported or brought in by a merge) belongs to the contact. From then on it counts as on
    file for requests made later.

    Hard to abuse: only the customer's owner or a manager; an out-of-band method and a note
    of what was done; through another channel only if that one is on file; an email on a
    domain the customer did not have when it was added needs a manager who did not add it
    (adding the domain afterwards changes nothing). Audited."""
    now = now or timezone.now()
    channel = (
        Channel.objects.select_for_update().select_related("contact__company").get(pk=channel.pk)
    )
    company = channel.contact.company
    require_verify(actor, company)
    if not channel.is_active:
        raise ValidationError(_("A retired channel cannot be verified."))
    if channel.verified_at is not None:
        raise ValidationError(_("This channel is already verified."))
    errors: dict[str, list] = {}
    if method not in MANUAL_VERIFICATION_METHODS:
        errors["method"] = [_("Choose how you verified it.")]
    note = (note or "").strip()
    if len(note) < 10:
        errors["note"] = [_("Write what you did and who confirmed it (at least 10 characters).")]
    if method == VerificationMethod.CHANNEL_ON_FILE:
        on_file = channels_on_file(company=company, before=now).exclude(pk=channel.pk)
        if via is None or not on_file.filter(pk=via.pk).exists():
            errors["via"] = [
                _("Choose the channel on file you called or wrote through (verified before now).")
            ]
    else:
        via = None
    if errors:
        raise ValidationError(errors)
    if _foreign_when_added(channel):
        require_verify_foreign(actor, channel)
    with audited_update(actor=actor, instance=channel, company_id=company.pk):
        channel.verified_at, channel.verified_by = now, actor
        channel.verification_method, channel.verification_note = method, note
        channel.verified_via = via
        channel.save(
            update_fields=[
                "verified_at", "verified_by", "verification_method", "verification_note",
                "verified_via",
            ]
        )  # fmt: skip
    return channel

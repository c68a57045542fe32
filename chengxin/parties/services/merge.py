"""Merging a duplicate customer into the one that stays (finding duplicates is in
:mod:`chengxin.parties.selectors`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, snapshot
from chengxin.parties.models import Channel, ChannelSource, Company, CompanyStatus
from chengxin.parties.permissions import require_manager
from chengxin.parties.services.companies import _company_snapshot
from chengxin.parties.services.search_text import company_search_text_refresh


@transaction.atomic
def company_merge(*, actor: User, keep: Company, other: Company) -> Company:
    """Merge ``other`` into ``keep``: contacts with every channel, domains, tags,
    shares and follow-ups move over, and its postal address when ``keep`` has none
    (``keep``'s other fields win); ``other`` stays as a record pointing to
    ``keep``, so its whole history is still found."""
    require_manager(actor)
    if keep.pk == other.pk:
        raise ValidationError(_("A company cannot be merged into itself."))
    if other.status == CompanyStatus.MERGED or keep.status == CompanyStatus.MERGED:
        raise ValidationError(_("This company was already merged."))
    keep_before, other_before = _company_snapshot(keep), _company_snapshot(other)
    moved_contacts = list(other.contacts.values_list("pk", flat=True))
    # The other record's channels were never checked for this customer: they come over
    # as new contacts' do, unverified, and count as on file only once verified here.
    brought_in = Channel.objects.select_for_update().filter(contact__company=other)
    channel_changes = []
    for channel in brought_in:
        before = snapshot(channel)
        channel.source, channel.added_by, channel.source_change_id = (
            ChannelSource.MERGE,
            actor,
            None,
        )
        channel.verified_at = channel.verified_by = channel.verified_via = None
        channel.verification_method, channel.verification_note = "", ""
        channel.save(
            update_fields=[
                "source", "added_by", "source_change_id", "verified_at", "verified_by",
                "verified_via", "verification_method", "verification_note",
            ]
        )  # fmt: skip
        channel_changes.append(Change(Action.UPDATE, channel, before, snapshot(channel), keep.pk))
    other.contacts.update(company=keep)
    other.follow_ups.update(company=keep)
    have = set(keep.domains.values_list("domain", flat=True))
    for domain in other.domains.all():
        if domain.domain in have:
            domain.delete()
        else:
            domain.company = keep
            domain.save(update_fields=["company"])
    keep.tags.add(*other.tags.all())
    shared = other.shared_with.all()
    if keep.owner_id is not None:
        shared = shared.exclude(pk=keep.owner_id)
    keep.shared_with.add(*shared)
    if other.owner_id and other.owner_id != keep.owner_id:
        keep.shared_with.add(other.owner_id)
    keep.other_names = list(
        dict.fromkeys([*keep.other_names, other.legal_name, *other.other_names])
    )
    # The kept record's own values stay; a postal address it lacks comes from the other,
    # so the buyer's documents do not lose the address the duplicate carried.
    if not keep.address and other.address:
        keep.address = other.address
    keep.save(update_fields=["other_names", "address", "updated_at"])
    other.status = CompanyStatus.MERGED
    other.merged_into = keep
    other.save(update_fields=["status", "merged_into", "updated_at"])
    audit_record_many(
        actor=actor,
        changes=[
            Change(
                Action.MERGE,
                other,
                other_before,
                {**_company_snapshot(other), "moved_contacts": moved_contacts},
                other.pk,
            ),
            Change(
                Action.MERGE,
                keep,
                keep_before,
                {**_company_snapshot(keep), "merged_from": other.pk},
                keep.pk,
            ),
            *channel_changes,
        ],
    )
    company_search_text_refresh(keep)
    Company.objects.filter(pk=other.pk).update(search_text="")
    return keep

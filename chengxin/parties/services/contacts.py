"""The people at a customer: a new contact with the channels they gave, and changes to
a contact's details."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import audit_created, audited_update
from chengxin.core.lengths import length_errors
from chengxin.core.zones import time_zone_errors
from chengxin.parties import normalize
from chengxin.parties.models import (
    DOCUMENT_LANGUAGES,
    ChannelSource,
    Company,
    Contact,
    ContactStatus,
)
from chengxin.parties.permissions import require_edit
from chengxin.parties.services.channels import ChannelInput, _channel_write, channel_clean
from chengxin.parties.services.search_text import company_search_text_refresh

_LANGUAGES = {code for code, _label in DOCUMENT_LANGUAGES}


def _clean_contact_fields(
    *, name: str, language: str, time_zone: str | None, title: str | None = None
) -> dict:
    errors: dict[str, list] = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = [_("The contact's name is required.")]
    if language not in _LANGUAGES:
        errors["language"] = [_("Unknown language.")]
    errors.update(time_zone_errors(time_zone))
    errors.update(length_errors(Contact, name=name, title=(title or "").strip()))
    if errors:
        raise ValidationError(errors)
    return {"name": name, "language": language, "time_zone": time_zone or ""}


@transaction.atomic
def contact_create(
    *,
    actor: User,
    company: Company,
    name: str,
    title: str = "",
    language: str = "en",
    time_zone: str | None = None,
    notes: str = "",
    channels: Sequence[ChannelInput] = (),
) -> Contact:
    """A new person at the customer, with the channels they gave. Those channels are
    written at once but unverified: they count as on file only once someone verified them
    (``channel_verify``). Their email domains are not added to the customer's: an address on
    another domain stays marked as foreign."""
    require_edit(actor, company)
    fields = _clean_contact_fields(name=name, language=language, time_zone=time_zone, title=title)
    clean_channels = []
    errors = []
    for channel in channels:
        if not (channel.value or "").strip():
            continue
        try:
            clean_channels.append(channel_clean(channel, region=company.country))
        except ValidationError as exc:
            errors.extend(
                exc.error_list
                if not hasattr(exc, "error_dict")
                else [e for lst in exc.error_dict.values() for e in lst]
            )
    if errors:
        raise ValidationError({"channels": errors})
    if not fields["time_zone"]:
        phone = next((c.value for c in clean_channels if c.kind in ("phone", "whatsapp")), None)
        fields["time_zone"] = normalize.time_zone_for(country=company.country, phone_e164=phone)
    contact = Contact.objects.create(
        company=company, title=(title or "").strip(), notes=notes or "", **fields
    )
    audit_created(actor=actor, instance=contact, company_id=company.pk)
    for channel in clean_channels:
        _channel_write(
            actor=actor, contact=contact, channel=channel, source=ChannelSource.NEW_CONTACT
        )
    company_search_text_refresh(company)
    return contact


@transaction.atomic
def _contact_locked(contact: Contact) -> Contact:
    """The contact read again under locks, its company's first (the order deletion takes):
    Contact.DoesNotExist when the company or the contact was deleted meanwhile."""
    if not Company.objects.select_for_update().filter(pk=contact.company_id).exists():
        raise Contact.DoesNotExist
    return Contact.objects.select_for_update().select_related("company").get(pk=contact.pk)


@transaction.atomic
def contact_update(
    *,
    actor: User,
    contact: Contact,
    name: str,
    title: str,
    language: str,
    time_zone: str,
    notes: str,
    status: str,
) -> Contact:
    require_edit(actor, contact.company)
    contact = _contact_locked(contact)
    fields = _clean_contact_fields(name=name, language=language, time_zone=time_zone, title=title)
    if status not in ContactStatus.values:
        raise ValidationError({"status": [_("Unknown status.")]})
    with audited_update(actor=actor, instance=contact, company_id=contact.company_id):
        contact.name, contact.language = fields["name"], fields["language"]
        contact.time_zone = fields["time_zone"] or contact.time_zone
        contact.title, contact.notes, contact.status = (title or "").strip(), notes or "", status
        contact.save()
    company_search_text_refresh(contact.company)
    return contact

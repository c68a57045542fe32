"""Follow-ups: what was said or done with a customer. Logging one keeps its owner's
hold on it (see :mod:`.pool`)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import User
from chengxin.audit.services import audit_created
from chengxin.parties.models import Company, Contact, FollowUp, FollowUpKind
from chengxin.parties.permissions import require_edit


@transaction.atomic
def follow_up_log(
    *,
    actor: User,
    company: Company,
    kind: str,
    summary: str,
    happened_at: datetime.datetime | None = None,
    contact: Contact | None = None,
) -> FollowUp:
    require_edit(actor, company)
    if kind not in FollowUpKind.values:
        raise ValidationError({"kind": [_("Unknown kind of follow-up.")]})
    if not (summary or "").strip():
        raise ValidationError({"summary": [_("Write what was said or done.")]})
    now = timezone.now()
    happened_at = happened_at or now
    if happened_at > now + datetime.timedelta(minutes=5):
        raise ValidationError({"happened_at": [_("A follow-up cannot be in the future.")]})
    if contact is not None and contact.company_id != company.pk:
        raise ValidationError({"contact": [_("This contact belongs to another company.")]})
    follow_up = FollowUp.objects.create(
        company=company,
        contact=contact,
        author=actor,
        kind=kind,
        summary=summary.strip(),
        happened_at=happened_at,
    )
    if company.last_followed_up_at is None or happened_at > company.last_followed_up_at:
        Company.objects.filter(pk=company.pk).update(last_followed_up_at=happened_at)
        company.last_followed_up_at = happened_at
    audit_created(actor=actor, instance=follow_up, company_id=company.pk)
    return follow_up

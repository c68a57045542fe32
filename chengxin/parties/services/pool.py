"""Who owns a customer, and the pool of customers nobody owns: a sales rep claims one,
returns it, a manager assigns it; a customer not followed up for a while goes back on
its own (``pool_return_stale``, scheduled)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role, User
from chengxin.audit.models import Action
from chengxin.audit.services import Change, audit_record_many, audited_update, snapshot
from chengxin.parties.models import Company
from chengxin.parties.permissions import require_claim, require_manager, require_release
from chengxin.parties.services.companies import _company_snapshot


def _change_owner(*, actor: User, company: Company, owner: User | None) -> Company:
    with audited_update(
        actor=actor, instance=company, company_id=company.pk, take=_company_snapshot
    ):
        now = timezone.now()
        company.owner = owner
        company.owner_since = now if owner else None
        if owner:
            company.last_followed_up_at = now
        company.save(update_fields=["owner", "owner_since", "last_followed_up_at", "updated_at"])
    return company


@transaction.atomic
def company_claim(*, actor: User, company: Company) -> Company:
    """A sales rep takes a customer from the pool."""
    company = Company.objects.select_for_update().get(pk=company.pk)
    if company.owner_id is not None:
        raise ValidationError(_("This customer is no longer in the pool."))
    require_claim(actor)
    return _change_owner(actor=actor, company=company, owner=actor)


@transaction.atomic
def company_release(*, actor: User, company: Company) -> Company:
    """Put a customer back into the pool."""
    require_release(actor, company)
    return _change_owner(actor=actor, company=company, owner=None)


@transaction.atomic
def company_assign(*, actor: User, company: Company, owner: User) -> Company:
    require_manager(actor)
    if owner.role not in (Role.SALES, Role.MANAGER) or not owner.is_active:
        raise ValidationError(_("A customer can only be owned by an active sales rep or manager."))
    return _change_owner(actor=actor, company=company, owner=owner)


@transaction.atomic
def pool_return_stale(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Return to the pool every customer whose owner has not followed up for
    ``days`` (setting CHENGXIN_POOL_RETURN_DAYS). Returns how many went back."""
    now = now or timezone.now()
    days = days or settings.CHENGXIN_POOL_RETURN_DAYS
    cutoff = now - datetime.timedelta(days=days)
    stale = list(
        Company.objects.select_for_update()
        .live()
        .filter(owner__isnull=False)
        .filter(
            Q(last_followed_up_at__lt=cutoff)
            | Q(last_followed_up_at__isnull=True, owner_since__lt=cutoff)
            | Q(last_followed_up_at__isnull=True, owner_since__isnull=True)
        )
    )
    changes = []
    for company in stale:
        before = snapshot(company)
        company.owner, company.owner_since = None, None
        company.save(update_fields=["owner", "owner_since", "updated_at"])
        changes.append(Change(Action.UPDATE, company, before, snapshot(company), company.pk))
    audit_record_many(actor=None, changes=changes)
    return len(stale)

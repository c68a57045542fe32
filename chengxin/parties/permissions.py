"""Who may see and change which customer. The one place these rules live:
services enforce them, selectors filter by them, pages and API share both."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role


def visible_companies_q(user) -> Q:
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.sees_all_customers:
        return Q()
    # Sales: their own, those shared with them, and the pool they may claim from.
    return Q(owner=user) | Q(owner__isnull=True) | Q(shared_with=user)


def can_view_company(user, company) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.sees_all_customers:
        return True
    return company.owner_id in (None, user.pk) or company.shared_with.filter(pk=user.pk).exists()


def can_edit_company(user, company) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.edits_all_customers:
        return True
    if user.role != Role.SALES or company.owner_id is None:
        return False
    return company.owner_id == user.pk or company.shared_with.filter(pk=user.pk).exists()


def require_edit(user, company) -> None:
    if not can_edit_company(user, company):
        raise PermissionDenied(_("You may not change this customer."))


def require_manager(user) -> None:
    if not (user.is_authenticated and user.edits_all_customers):
        raise PermissionDenied(_("Only a manager may do this."))

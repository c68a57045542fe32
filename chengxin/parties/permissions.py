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


def require_create(user, owner) -> None:
    """Finance creates no customers; a sales rep only customers they own."""
    if user.role == Role.FINANCE:
        raise PermissionDenied(_("Finance may not create customers."))
    if user.role == Role.SALES and owner is not None and owner != user:
        raise PermissionDenied(_("A sales rep may only create customers they own."))


def require_claim(user) -> None:
    """Who may take a customer from the pool."""
    if user.role not in (Role.SALES, Role.MANAGER, Role.ADMIN):
        raise PermissionDenied(_("Only sales reps and managers take customers from the pool."))


def require_release(user, company) -> None:
    """Who may return a customer to the pool: an editor; of sales reps, only its owner."""
    require_edit(user, company)
    if user.role == Role.SALES and company.owner_id != user.pk:
        raise PermissionDenied(_("Only the owner may return a customer to the pool."))


def require_share(user, company) -> None:
    if not (user.edits_all_customers or company.owner_id == user.pk):
        raise PermissionDenied(_("Only the owner or a manager may share this customer."))


def require_verify(user, company) -> None:
    """Who may verify one of the customer's channels: an editor who owns it, or a manager."""
    require_edit(user, company)
    if not (user.edits_all_customers or company.owner_id == user.pk):
        raise PermissionDenied(_("Only the customer's owner or a manager may verify a channel."))


def require_verify_foreign(user, channel) -> None:
    """An email on a domain the customer did not have when it was added is verified only by a
    manager, and not by the one who added it."""
    if user.role not in (Role.MANAGER, Role.ADMIN):
        raise PermissionDenied(
            _("%(value)s is not on one of the customer's domains: only a manager may "
              "verify it.") % {"value": channel.display}
        )  # fmt: skip
    if channel.added_by_id == user.pk:
        raise PermissionDenied(_("You added this address; another manager must verify it."))

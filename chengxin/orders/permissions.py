"""Who may see and change which quote and order: as for customers (a sales rep sees and
changes what belongs to customers they may see and edit; managers everything; finance
sees everything and records payments, costs and rates). Services enforce these rules,
selectors filter by them, pages and API share both."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role
from chengxin.parties.permissions import can_edit_company, can_view_company


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def visible_q(user, prefix: str = "company__") -> Q:
    """The orders (or quotes) whose customer ``user`` may see."""
    if not _active(user):
        return Q(pk__in=[])
    if user.sees_all_customers:
        return Q()
    return (
        Q(**{f"{prefix}owner": user})
        | Q(**{f"{prefix}owner__isnull": True})
        | Q(**{f"{prefix}shared_with": user})
    )


def can_view_order(user, order) -> bool:
    return _active(user) and can_view_company(user, order.company)


def can_edit_order(user, order) -> bool:
    return _active(user) and can_edit_company(user, order.company)


def can_view_quote(user, quote) -> bool:
    return _active(user) and can_view_company(user, quote.company)


def can_edit_quote(user, quote) -> bool:
    return _active(user) and can_edit_company(user, quote.company)


def can_create_for(user, company) -> bool:
    """Who may quote to or order for ``company``: its editors (not finance)."""
    return _active(user) and can_edit_company(user, company)


def can_record_payment(user, order=None) -> bool:
    """Finance records payments (and managers and administrators)."""
    return _active(user) and user.role in (Role.FINANCE, Role.MANAGER, Role.ADMIN)


def can_record_cost(user, order) -> bool:
    return can_record_payment(user) or can_edit_order(user, order)


def can_manage_payment_methods(user) -> bool:
    return _active(user) and user.edits_all_customers


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def require_edit_order(user, order) -> None:
    require(can_edit_order(user, order), _("You may not change this order."))


def require_edit_quote(user, quote) -> None:
    require(can_edit_quote(user, quote), _("You may not change this quote."))


def require_create_for(user, company) -> None:
    require(can_create_for(user, company), _("You may not quote to or order for this customer."))


def require_record_payment(user, order=None) -> None:
    require(can_record_payment(user, order), _("Only finance or a manager may record payments."))


def require_record_cost(user, order) -> None:
    require(can_record_cost(user, order), _("You may not add costs to this order."))


def require_manage_payment_methods(user) -> None:
    require(can_manage_payment_methods(user), _("Only a manager may change payment methods."))

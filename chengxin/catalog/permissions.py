"""Who may do what with products and stock: the one place these rules live.

Products are the company's, not a customer's: everyone signed in sees them (sales reps
answer buyers with them, finance prices them); managers and administrators create and
change them, and push stock levels (the ERP's token is a manager's or an admin's)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.accounts.models import Role

EDITOR_ROLES = (Role.MANAGER, Role.ADMIN)


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_view_products(user) -> bool:
    return _active(user)


def can_edit_products(user) -> bool:
    return _active(user) and user.role in EDITOR_ROLES


def require_edit_products(user) -> None:
    if not can_edit_products(user):
        raise PermissionDenied(_("Only a manager or an administrator may change products."))


def can_push_stock(user) -> bool:
    return _active(user) and user.role in EDITOR_ROLES


def require_push_stock(user) -> None:
    if not can_push_stock(user):
        raise PermissionDenied(
            _("Only a manager's or an administrator's token may send stock levels.")
        )

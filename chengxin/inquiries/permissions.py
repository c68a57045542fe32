"""Who may see and work on which inquiry: as for the customer it belongs to. The one place
these rules live: services enforce them, selectors filter by them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.parties.permissions import can_edit_company, can_view_company


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def can_view_inquiry(user, inquiry) -> bool:
    return _active(user) and can_view_company(user, inquiry.company)


def can_edit_inquiry(user, inquiry) -> bool:
    """Whoever may change the customer (owner, shared with, managers) works on its
    inquiries; finance only reads them."""
    return _active(user) and can_edit_company(user, inquiry.company)


def require_edit_inquiry(user, inquiry) -> None:
    if not can_edit_inquiry(user, inquiry):
        raise PermissionDenied(_("You may not work on this inquiry."))


def can_create_inquiry(user, company) -> bool:
    return _active(user) and can_edit_company(user, company)


def require_create_inquiry(user, company) -> None:
    if not can_create_inquiry(user, company):
        raise PermissionDenied(_("You may not record an inquiry for this customer."))


def sees_all_inquiries(user) -> bool:
    return _active(user) and user.sees_all_customers


def can_edit_calendar(user) -> bool:
    """Managers (and administrators) set the company's own working days and holidays."""
    return _active(user) and user.edits_all_customers


def require_edit_calendar(user) -> None:
    if not can_edit_calendar(user):
        raise PermissionDenied(_("Only a manager may change the company's calendar."))

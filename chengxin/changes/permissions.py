"""Who may see and act on a change request: the customer's rules (chengxin.parties.permissions)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chengxin.parties.permissions import can_edit_company, can_view_company


def can_view_change(user, request) -> bool:
    return can_view_company(user, request.contact.company)


def can_act_on_change(user, request) -> bool:
    return can_edit_company(user, request.contact.company)


def require_act(user, request) -> None:
    if not can_act_on_change(user, request):
        raise PermissionDenied(_("You may not change this customer's contact details."))

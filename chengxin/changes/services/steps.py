"""What every step of the loop shares: the request again under a lock, moving it forward
(filed under the contact's company) and the link to its page."""

from __future__ import annotations

from django.urls import reverse

from chengxin.changes.models import ChangeRequest, ChangeStep
from chengxin.changes.permissions import can_view_change
from chengxin.workflow.services import advance, locked


def change_locked(*, actor, request: ChangeRequest) -> ChangeRequest:
    """The request again, locked; DoesNotExist if ``actor`` may not see it (None: the
    system, which sees every request)."""
    return locked(
        ChangeRequest.objects.select_related(
            "contact__company__owner", "old_channel", "assessment", "source_message"
        ),
        request.pk,
        allowed=None if actor is None else (lambda row: can_view_change(actor, row)),
    )


def change_advance(request: ChangeRequest, **kwargs) -> ChangeStep:
    """:func:`chengxin.workflow.services.advance` for a change request: save, step row and
    audit, filed under the contact's company."""
    return advance(request, company_id=request.contact.company_id, **kwargs)  # type: ignore[return-value]


def change_link(request: ChangeRequest) -> str:
    return reverse("changes:change_detail", args=[request.pk])

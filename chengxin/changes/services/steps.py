"""What every step of the loop shares: the request again under a lock (with the checks of a
rep's step), moving it forward (filed under the contact's company) and the link to its page."""

from __future__ import annotations

from django.urls import reverse

from chengxin.changes.models import ChangeRequest, ChangeStep
from chengxin.changes.permissions import can_view_change, require_act
from chengxin.workflow.services import advance, locked, require_state


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


def change_to_act_on(
    *, actor, request: ChangeRequest, states: tuple[str, ...] = ()
) -> ChangeRequest:
    """The request again, locked, for a step a rep takes: refused unless ``actor`` may
    change the customer's contact details and (given ``states``) the request is at one of
    ``states``."""
    request = change_locked(actor=actor, request=request)
    require_act(actor, request)
    if states:
        require_state(request, *states)
    return request


def change_advance(request: ChangeRequest, **kwargs) -> ChangeStep:
    """:func:`chengxin.workflow.services.advance` for a change request: save, step row and
    audit, filed under the contact's company."""
    return advance(request, company_id=request.contact.company_id, **kwargs)  # type: ignore[return-value]


def change_link(request: ChangeRequest) -> str:
    return reverse("changes:change_detail", args=[request.pk])

"""The outbox API: the same selectors and services as the pages. Not visible → 404;
visible but not allowed → 403; a message that can no longer be changed → 422."""

import datetime
from typing import Annotated

from django.http import Http404
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from chengxin.outbox import selectors, services
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.parties.schemas import ErrorOut, InvalidOut

router = Router(tags=["outbox"])

MessageId = Annotated[int, Path(description="The outbound message's id.")]
READ_ERRORS = {401: ErrorOut, 404: ErrorOut}
WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}


class OutboundOut(Schema):
    id: int
    kind: str
    to_address: str
    contact_id: int | None
    company_id: int | None
    subject: str
    purpose: str
    related_type: str
    related_id: str
    status: str = Field(description=", ".join(Status.values))
    in_working_hours: bool
    not_before: datetime.datetime
    next_attempt_at: datetime.datetime
    attempts: int
    last_error: str
    sent_at: datetime.datetime | None
    message_id: str = Field(description="The Message-ID every attempt carries.")
    created_at: datetime.datetime


class OutboxFilters(Schema):
    status: str = Field("", description="Only messages in this status.")


def _get(request, pk: int) -> OutboundMessage:
    try:
        return selectors.outbox_get(user=request.auth, pk=pk)
    except OutboundMessage.DoesNotExist:
        raise Http404 from None


@router.get("/outbox", response={200: list[OutboundOut], **READ_ERRORS})
@paginate
def outbox_list(request, filters: Query[OutboxFilters]):
    """Outbound messages you may see, newest first."""
    status = filters.status if filters.status in Status.values else ""
    return selectors.outbox_list(user=request.auth, status=status)


@router.get("/outbox/{pk}", response={200: OutboundOut, **READ_ERRORS})
def outbox_detail(request, pk: MessageId):
    return _get(request, pk)


@router.post("/outbox/{pk}/send-now", response={200: OutboundOut, **WRITE_ERRORS})
def outbox_send_now(request, pk: MessageId):
    """Send a waiting message at once (outside working hours if need be), or a failed one again."""
    return services.outbox_send_now(actor=request.auth, message=_get(request, pk))


@router.post("/outbox/{pk}/cancel", response={200: OutboundOut, **WRITE_ERRORS})
def outbox_cancel(request, pk: MessageId):
    """Cancel a message that has not gone out yet."""
    return services.outbox_cancel(actor=request.auth, message=_get(request, pk))

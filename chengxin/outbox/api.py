"""The outbox API: the same selectors and services as the pages. Not visible → 404;
visible but not allowed → 403; a message that can no longer be changed → 422."""

import datetime

from ninja import Field, Query, Router, Schema

from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, InvalidOut, Offset, path_id
from chengxin.core.http import or_404
from chengxin.outbox import selectors, services
from chengxin.outbox.models import Kind, OutboundMessage, Status

router = Router(tags=["outbox"])

MessageId = path_id("The outbound message's id.")


class OutboundOut(Schema):
    id: int = Field(description="The outbound message's id.")
    kind: str = Field(description="How it is carried: one of " + ", ".join(Kind.values) + ".")
    to_address: str = Field(
        description="The recipient's address: an email address, or an E.164 phone number "
        "for WhatsApp and SMS."
    )
    contact_id: int | None = Field(description="The contact written to, if any.")
    company_id: int | None = Field(description="The customer it concerns, if any.")
    subject: str = Field(
        description="The subject line; for a chat message, an internal label (not sent)."
    )
    purpose: str = Field(description='Why it was written, e.g. "change_confirm".')
    related_type: str = Field(description="The kind of record that caused it, if any.")
    related_id: str = Field(description="The id of that record.")
    status: str = Field(description="One of: " + ", ".join(Status.values) + ".")
    in_working_hours: bool = Field(description="Waits for the recipient's working hours.")
    not_before: datetime.datetime = Field(description="Not sent before this moment (UTC).")
    next_attempt_at: datetime.datetime = Field(
        description="When the next attempt is due (UTC), while not yet sent."
    )
    attempts: int = Field(description="How many times sending was tried.")
    last_error: str = Field(description="The last refusal or error, if any.")
    sent_at: datetime.datetime | None = Field(description="When the server accepted it (UTC).")
    message_id: str = Field(description="The Message-ID every attempt carries (email).")
    provider_message_id: str = Field(
        description="The chat provider's id for a sent chat message (e.g. a WhatsApp wamid)."
    )
    created_at: datetime.datetime = Field(description="When it was written (UTC).")


class OutboxPageOut(Schema):
    count: int = Field(description="How many messages match, across all pages.")
    limit: int = Field(description="The page size used.")
    offset: int = Field(description="How many matching messages were skipped.")
    items: list[OutboundOut] = Field(description="This page of messages, newest first.")


class OutboxListQuery(Schema):
    status: str = Field("", description="Only messages in this status (empty: all).")
    limit: int = Field(50, ge=1, le=200, description="Page size, 1 to 200.")
    offset: Offset = Field(0, description="How many matching messages to skip.")


def _get(request, pk: int) -> OutboundMessage:
    return or_404(selectors.outbox_get, user=request.auth, pk=pk)


@router.get(
    "/outbox",
    response={200: OutboxPageOut, **READ_ERRORS, 422: InvalidOut},
    summary="List outbound messages",
)
def outbox_list(request, filters: Query[OutboxListQuery]):
    """Outbound messages about customers you may see (and those you wrote yourself),
    newest first. Pages by limit and offset."""
    status = filters.status if filters.status in Status.values else ""
    messages = selectors.outbox_list(user=request.auth, status=status)
    page = messages[filters.offset : filters.offset + filters.limit]
    return {
        "count": messages.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": list(page),
    }


@router.get(
    "/outbox/{pk}", response={200: OutboundOut, **READ_ERRORS}, summary="One outbound message"
)
def outbox_detail(request, pk: MessageId):
    """Its status, attempts, last error and when it goes (or went) out."""
    return _get(request, pk)


@router.post(
    "/outbox/{pk}/send-now",
    response={200: OutboundOut, **WRITE_ERRORS},
    summary="Send a message now",
)
def outbox_send_now(request, pk: MessageId):
    """Send a waiting message at once (outside working hours if need be), or a failed
    one again with the same Message-ID. Its writer, the customer's owner and managers."""
    return services.outbox_send_now(actor=request.auth, message=_get(request, pk))


@router.post(
    "/outbox/{pk}/cancel", response={200: OutboundOut, **WRITE_ERRORS}, summary="Cancel a message"
)
def outbox_cancel(request, pk: MessageId):
    """Cancel a message that has not gone out yet; a sent one answers 422."""
    return services.outbox_cancel(actor=request.auth, message=_get(request, pk))

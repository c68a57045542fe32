"""The commitments API: an order's promised dates (list, create, forecast, done, check),
the delay warnings (read, draft again, send, dismiss) and production updates (list,
create with photos, send). The same services as the pages. Not visible → 404; visible but
not allowed → 403; bad input, or a step the record's state does not allow → 422."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, UploadedFile

from chengxin.commitments import selectors, services
from chengxin.commitments.models import (
    DelayWarning,
    Milestone,
    MilestoneKind,
    ProductionPhoto,
    ProductionUpdate,
)
from chengxin.commitments.permissions import require_edit
from chengxin.core.api_types import READ_ERRORS, WRITE_ERRORS, RecordId, path_id
from chengxin.core.http import or_404
from chengxin.orders.models import OrderShipment
from chengxin.parties.models import Contact
from chengxin.workflow.api import StepOut, steps_out

router = Router(tags=["commitments"])

OrderId = path_id("The order's id.")
MilestoneId = path_id("The milestone's id.")
WarningId = path_id("The delay warning's id.")
UpdateId = path_id("The production update's id.")


class MilestoneOut(Schema):
    id: int = Field(description="The milestone's id.")
    order_id: int = Field(description="The order.")
    kind: str = Field(description="production_start, ready, shipped, arrival or other.")
    label: str = Field(description="The promise's name (another promise: quality, documents).")
    shipment_id: int | None = Field(description="The one shipment it follows (null: all).")
    promised_on: datetime.date = Field(description="The date promised to the buyer.")
    promised_by: str = Field(description="Who promised it (username).")
    promised_at: datetime.datetime = Field(description="When it was promised, in UTC.")
    promised_to_id: int | None = Field(description="The buyer's contact it was promised to.")
    forecast_on: datetime.date | None = Field(description="When it is now expected.")
    forecast_source: str = Field(
        description='Where the expected date came from: "hand", "etd", "eta" or "".'
    )
    forecast_note: str = Field(description="Why (for a date set by hand).")
    done_on: datetime.date | None = Field(description="When it was done.")
    done_source: str = Field(description='"hand", "shipped", "delivered" or "".')
    state: str = Field(description="open, at_risk, kept or broken.")
    warned_at: datetime.datetime | None = Field(
        description="When the buyer's warning goes out, in UTC."
    )
    warned_days_ahead: int | None = Field(description="How many days before the promised date.")
    counts_against_us: bool = Field(description="Broken without a warning in time.")
    open_warning_id: int | None = Field(description="The warning to the buyer waiting to be sent.")


class MilestoneDetailOut(MilestoneOut):
    steps: list[StepOut] = Field(description="The timeline, oldest first.")


class MilestoneIn(Schema):
    kind: str = Field(
        max_length=20, description="production_start, ready, shipped, arrival or other."
    )
    promised_on: datetime.date = Field(description="The date promised.")
    label: str = Field("", max_length=100, description="Required for another promise.")
    promised_to_id: RecordId | None = Field(None, description="One of the buyer's contacts.")
    shipment_id: RecordId | None = Field(
        None, description="Follow only this shipment of the order."
    )


class MilestoneForecastIn(Schema):
    forecast_on: datetime.date = Field(description="When it is now expected.")
    note: str = Field("", max_length=300, description="Why.")


class MilestoneDoneIn(Schema):
    done_on: datetime.date = Field(description="When it was done (not in the future).")


class MilestoneCheckOut(Schema):
    changed: int = Field(description="How many promises changed state.")
    milestones: list[MilestoneOut] = Field(description="The order's promises now.")


class DelayWarningOut(Schema):
    id: int = Field(description="The warning's id.")
    milestone_id: int = Field(description="The promise it is about.")
    state: str = Field(description="open (to send), sent or dismissed.")
    alternative: str = Field(
        description="air_freight, part_shipment, cost_share, new_date or none."
    )
    language: str = Field(description="The letter's language (the buyer's).")
    contact_id: int | None = Field(description="The buyer's contact it is written to.")
    subject: str = Field(description="The letter's subject.")
    body: str = Field(description="The letter.")
    due_on: datetime.date = Field(description="Send it by this date.")
    sent_at: datetime.datetime | None = Field(description="When it was queued, in UTC.")
    sent_to: str = Field(description="The address it went to.")
    closed_reason: str = Field(description="Why it was closed without sending.")


class DelayWarningRedraftIn(Schema):
    alternative: str = Field(max_length=16, description="The alternative to offer.")
    contact_id: RecordId | None = Field(None, description="Write to this contact instead.")


class DelayWarningSendIn(Schema):
    channel_id: RecordId = Field(description="One of the buyer's e-mail addresses on file.")
    subject: str = Field(max_length=300, description="The subject.")
    body: str = Field(max_length=20000, description="The letter.")
    alternative: str | None = Field(None, max_length=16, description="The alternative offered.")


class DelayWarningDismissIn(Schema):
    reason: str = Field(max_length=100, description="Why the buyer is not written to.")


class ProductionPhotoOut(Schema):
    id: int = Field(description="The photo's id (shown at /commitments/photos/{id}/).")
    name: str = Field(description="Its file name.")
    content_type: str = Field(description="What the picture is, read from its bytes.")
    width: int = Field(description="Width in pixels.")
    height: int = Field(description="Height in pixels.")
    size: int = Field(description="Size in bytes.")


class ProductionUpdateOut(Schema):
    id: int = Field(description="The update's id.")
    order_id: int = Field(description="The order.")
    milestone_id: int | None = Field(description="The promise it is about.")
    text: str = Field(description="The rep's update.")
    created_by: str = Field(description="Who wrote it.")
    created_at: datetime.datetime = Field(description="When, in UTC.")
    sent_at: datetime.datetime | None = Field(description="When it was sent, in UTC.")
    sent_to: str = Field(description="The address it went to.")
    language: str = Field(description="The letter's language.")
    photos: list[ProductionPhotoOut] = Field(description="Its photos.")


class ProductionUpdateIn(Schema):
    text: str = Field(max_length=5000, description="The update, in your own words.")
    milestone_id: RecordId | None = Field(None, description="The promise it is about.")
    channel_id: RecordId | None = Field(
        None, description="Send it at once to this e-mail address of the buyer on file."
    )


class ProductionUpdateSendIn(Schema):
    channel_id: RecordId = Field(description="One of the buyer's e-mail addresses on file.")


def _milestone_out(milestone: Milestone, *, open_warning=None) -> dict:
    return {
        "id": milestone.pk,
        "order_id": milestone.order_id,
        "kind": milestone.kind,
        "label": milestone.label,
        "shipment_id": milestone.shipment_id,
        "promised_on": milestone.promised_on,
        "promised_by": milestone.promised_by.username,
        "promised_at": milestone.promised_at,
        "promised_to_id": milestone.promised_to_id,
        "forecast_on": milestone.forecast_on,
        "forecast_source": milestone.forecast_source,
        "forecast_note": milestone.forecast_note,
        "done_on": milestone.done_on,
        "done_source": milestone.done_source,
        "state": milestone.state,
        "warned_at": milestone.warned_at,
        "warned_days_ahead": milestone.warned_days_ahead,
        "counts_against_us": milestone.counts_against_us,
        "open_warning_id": open_warning.pk if open_warning is not None else None,
    }


def _detail(milestone: Milestone) -> dict:
    warning = milestone.warnings.filter(state="open").first()
    return {**_milestone_out(milestone, open_warning=warning), "steps": steps_out(milestone)}


def _order_out(order) -> list[dict]:
    return [
        _milestone_out(m, open_warning=m.open_warning)  # type: ignore[attr-defined]
        for m in selectors.order_milestones(order)
    ]


def _order(request, pk):
    return or_404(selectors.order_get, user=request.auth, pk=pk)


def _milestone(request, pk) -> Milestone:
    return or_404(selectors.milestone_get, user=request.auth, pk=pk)


def _related(model, pk, field: str, message: str, **filters):
    """A record named by id in the input, or a 422 naming the field."""
    if pk is None:
        return None
    found = model.objects.filter(pk=pk, **filters).first()
    if found is None:
        raise ValidationError({field: [message]})
    return found


@router.get(
    "/orders/{pk}/milestones",
    response={200: list[MilestoneOut], **READ_ERRORS},
    summary="An order's promised dates",
)
def milestone_list(request, pk: OrderId):
    """Every date promised to the order's buyer, the earliest first."""
    return _order_out(_order(request, pk))


@router.post(
    "/orders/{pk}/milestones",
    response={200: MilestoneDetailOut, **WRITE_ERRORS},
    summary="Record a promised date",
)
def milestone_create(request, pk: OrderId, payload: MilestoneIn):
    """A date promised to the buyer, by you, now. Its state is evaluated at once."""
    order = _order(request, pk)
    require_edit(request.auth, order)
    if payload.kind not in MilestoneKind.values:
        raise ValidationError(
            {"kind": [_("Choose production_start, ready, shipped, arrival or other.")]}
        )
    milestone = services.milestone_create(
        actor=request.auth,
        order=order,
        kind=payload.kind,
        promised_on=payload.promised_on,
        label=payload.label,
        promised_to=_related(
            Contact, payload.promised_to_id, "promised_to_id", _("Not a contact of this customer."),
            company_id=order.company_id,
        ),
        shipment=_related(
            OrderShipment, payload.shipment_id, "shipment_id", _("Not a shipment of this order."),
            order_id=order.pk,
        ),
    )  # fmt: skip
    return _detail(_milestone(request, milestone.pk))


@router.post(
    "/orders/{pk}/milestones/check",
    response={200: MilestoneCheckOut, **WRITE_ERRORS},
    summary="Evaluate an order's promises now",
)
def milestones_check(request, pk: OrderId):
    """Follow the shipments' dates and the calendar now instead of at the next hourly run."""
    order = _order(request, pk)
    require_edit(request.auth, order)
    changed = services.milestones_check(order=order)
    return {"changed": changed, "milestones": _order_out(order)}


@router.get(
    "/milestones/{pk}", response={200: MilestoneDetailOut, **READ_ERRORS}, summary="One promise"
)
def milestone_detail(request, pk: MilestoneId):
    """One promise: what was promised, to whom, by whom and when, the expected date and its source, whether it was kept, and the warnings given."""
    return _detail(_milestone(request, pk))


@router.post(
    "/milestones/{pk}/forecast",
    response={200: MilestoneDetailOut, **WRITE_ERRORS},
    summary="Set when a promise is now expected",
)
def milestone_forecast(request, pk: MilestoneId, payload: MilestoneForecastIn):
    """Later than the promise: at risk, and a warning to the buyer is proposed."""
    milestone = _milestone(request, pk)
    services.milestone_forecast(
        actor=request.auth, milestone=milestone, forecast_on=payload.forecast_on, note=payload.note
    )
    return _detail(_milestone(request, pk))


@router.post(
    "/milestones/{pk}/done",
    response={200: MilestoneDetailOut, **WRITE_ERRORS},
    summary="Mark a promise done",
)
def milestone_done(request, pk: MilestoneId, payload: MilestoneDoneIn):
    """Kept when done on or before the promised date; broken when late."""
    milestone = _milestone(request, pk)
    services.milestone_done(actor=request.auth, milestone=milestone, done_on=payload.done_on)
    return _detail(_milestone(request, pk))


def _warning(request, pk) -> DelayWarning:
    return or_404(selectors.warning_get, user=request.auth, pk=pk)


@router.get(
    "/delay-warnings/{pk}",
    response={200: DelayWarningOut, **READ_ERRORS},
    summary="A delay warning",
)
def warning_detail(request, pk: WarningId):
    """The drafted letter to the buyer (in their language) and whether it was sent."""
    return _warning(request, pk)


@router.post(
    "/delay-warnings/{pk}/redraft",
    response={200: DelayWarningOut, **WRITE_ERRORS},
    summary="Draft a delay warning again",
)
def warning_redraft(request, pk: WarningId, payload: DelayWarningRedraftIn):
    """With another alternative, or to another contact (in that contact's language)."""
    warning = _warning(request, pk)
    require_edit(request.auth, warning.milestone.order)
    contact = _related(
        Contact, payload.contact_id, "contact_id", _("Not a contact of this customer."),
        company_id=warning.milestone.order.company_id,
    )  # fmt: skip
    services.delay_warning_redraft(
        actor=request.auth, warning=warning, alternative=payload.alternative, contact=contact
    )
    return _warning(request, pk)


@router.post(
    "/delay-warnings/{pk}/send",
    response={200: DelayWarningOut, **WRITE_ERRORS},
    summary="Send a delay warning",
)
def warning_send(request, pk: WarningId, payload: DelayWarningSendIn):
    """Queued in the outbox for the buyer's working hours; recorded on the promise."""
    warning = _warning(request, pk)
    require_edit(request.auth, warning.milestone.order)
    channel = (
        services.sendable_channels(warning.milestone.order).filter(pk=payload.channel_id).first()
    )
    if channel is None:
        raise ValidationError(
            {"channel_id": [_("Not one of the customer's e-mail addresses on file.")]}
        )
    services.delay_warning_send(
        actor=request.auth,
        warning=warning,
        channel=channel,
        subject=payload.subject,
        body=payload.body,
        alternative=payload.alternative,
    )
    return _warning(request, pk)


@router.post(
    "/delay-warnings/{pk}/dismiss",
    response={200: DelayWarningOut, **WRITE_ERRORS},
    summary="Do not send a delay warning",
)
def warning_dismiss(request, pk: WarningId, payload: DelayWarningDismissIn):
    """The rep decides not to send the proposed delay warning, with the reason (kept in the promise's history)."""
    services.delay_warning_dismiss(
        actor=request.auth, warning=_warning(request, pk), reason=payload.reason
    )
    return _warning(request, pk)


def _update_out(update: ProductionUpdate, photos=None) -> dict:
    photos = photos if photos is not None else update.photos.defer("content")
    return {
        "id": update.pk,
        "order_id": update.order_id,
        "milestone_id": update.milestone_id,
        "text": update.text,
        "created_by": update.created_by.username,
        "created_at": update.created_at,
        "sent_at": update.sent_at,
        "sent_to": update.sent_to,
        "language": update.language,
        "photos": [
            {"id": p.pk, "name": p.name, "content_type": p.content_type, "width": p.width,
             "height": p.height, "size": p.size}
            for p in photos
        ],
    }  # fmt: skip


@router.get(
    "/orders/{pk}/production-updates",
    response={200: list[ProductionUpdateOut], **READ_ERRORS},
    summary="An order's production updates",
)
def update_list(request, pk: OrderId):
    """Newest first, with their photos' facts (the pictures are on the pages)."""
    order = _order(request, pk)
    updates = list(order.production_updates.select_related("created_by"))
    photos: dict[int, list] = {}
    for photo in ProductionPhoto.objects.filter(update__order=order).defer("content"):
        photos.setdefault(photo.update_id, []).append(photo)
    return [_update_out(u, photos.get(u.pk, [])) for u in updates]


@router.post(
    "/orders/{pk}/production-updates",
    response={200: ProductionUpdateOut, **WRITE_ERRORS},
    summary="Record a production update",
)
def update_create(
    request,
    pk: OrderId,
    payload: Form[ProductionUpdateIn],
    photos: File[list[UploadedFile]] = None,  # type: ignore[assignment]
):
    """Multipart form: ``text``, optional ``milestone_id`` and ``channel_id`` (send at
    once, in the buyer's working hours), and up to 10 ``photos`` (JPEG, PNG or WebP,
    judged by their bytes)."""
    order = _order(request, pk)
    require_edit(request.auth, order)
    milestone = _related(
        Milestone,
        payload.milestone_id,
        "milestone_id",
        _("Not a promise of this order."),
        order_id=order.pk,
    )
    channel = None
    if payload.channel_id is not None:
        channel = services.sendable_channels(order).filter(pk=payload.channel_id).first()
        if channel is None:
            raise ValidationError(
                {"channel_id": [_("Not one of the customer's e-mail addresses on file.")]}
            )
    limit = services._photo_limit()
    files = [(upload.name or "", upload.read(limit + 1)) for upload in photos or []]
    update = services.production_update_record(
        actor=request.auth,
        order=order,
        text=payload.text,
        photo_files=files,
        milestone=milestone,
        channel=channel,
    )
    return _update_out(update)


@router.post(
    "/production-updates/{pk}/send",
    response={200: ProductionUpdateOut, **WRITE_ERRORS},
    summary="Send a production update to the buyer",
)
def update_send(request, pk: UpdateId, payload: ProductionUpdateSendIn):
    """Send a recorded production update, with its photos, to one of the buyer's addresses on file; it leaves through the outbox in the buyer's working hours."""
    update = or_404(selectors.update_get, user=request.auth, pk=pk)
    require_edit(request.auth, update.order)
    channel = services.sendable_channels(update.order).filter(pk=payload.channel_id).first()
    if channel is None:
        raise ValidationError(
            {"channel_id": [_("Not one of the customer's e-mail addresses on file.")]}
        )
    services.production_update_send(actor=request.auth, update=update, channel=channel)
    return _update_out(or_404(selectors.update_get, user=request.auth, pk=pk))

"""Promises on an order: forecasts, the hourly check, the shipments, delay warnings in
the buyer's language, production updates with photos; permissions and bad input."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengxin.audit.models import AuditEntry
from chengxin.commitments import selectors, services
from chengxin.commitments.models import (
    Alternative,
    DelayWarning,
    Milestone,
    MilestoneState,
    ProductionUpdate,
    WarningState,
)
from chengxin.orders import services as orders
from chengxin.outbox.models import OutboundMessage
from chengxin.todos.models import Todo

from .conftest import NOW, picture

D = datetime.date
PROMISED = D(2027, 4, 30)


def promise(owner, order, kind="ready", promised_on=PROMISED, **kwargs):
    return services.milestone_create(
        actor=owner, order=order, kind=kind, promised_on=promised_on, now=NOW, **kwargs
    )


def test_a_forecast_past_the_promise_proposes_warning_the_german_buyer(owner, order, contact):
    milestone = promise(owner, order, promised_to=contact)
    assert milestone.state == MilestoneState.OPEN
    services.milestone_forecast(
        actor=owner, milestone=milestone, forecast_on=D(2027, 5, 20), note="Moulds late", now=NOW
    )
    milestone.refresh_from_db()
    assert milestone.state == MilestoneState.AT_RISK
    # Audited: who moved the date, from what to what.
    moved = AuditEntry.objects.filter(object_type="milestone", object_id=str(milestone.pk))
    change = moved.filter(actor_id=owner.pk, action="update").order_by("seq").first()
    assert change.before["forecast_on"] is None and change.after["forecast_on"] == "2027-05-20"
    warning = DelayWarning.objects.get(milestone=milestone)
    assert warning.state == WarningState.OPEN
    assert warning.language == "de"
    assert "30. April 2027" in warning.body and "20. Mai 2027" in warning.body
    assert order.number in warning.subject
    todo = Todo.objects.get(related_type="commitments.delaywarning", related_id=str(warning.pk))
    assert todo.assignee == owner
    # Due 14 days before the promise, at nine in the morning our time.
    assert (PROMISED - todo.due_at.date()).days >= 14
    assert warning.due_on == D(2027, 4, 16)
    # Another later forecast: still one open proposal, one task.
    services.milestone_forecast(
        actor=owner, milestone=milestone, forecast_on=D(2027, 6, 1), now=NOW
    )
    assert DelayWarning.objects.filter(milestone=milestone).count() == 1
    assert Todo.objects.filter(related_type="commitments.delaywarning").count() == 1


def test_the_arabic_buyer_gets_an_arabic_draft(owner, arabic_order):
    milestone = promise(owner, arabic_order, kind="shipped")
    services.milestone_forecast(
        actor=owner, milestone=milestone, forecast_on=D(2027, 5, 20), now=NOW
    )
    warning = DelayWarning.objects.get(milestone=milestone)
    assert warning.language == "ar"
    assert warning.contact.name == "Khalid Al Mansouri"
    assert "أبريل" in warning.body  # the dates are written the Arabic way


def test_sending_the_warning_records_it_on_the_milestone(owner, order, contact):
    milestone = promise(owner, order, promised_to=contact)
    services.milestone_forecast(
        actor=owner, milestone=milestone, forecast_on=D(2027, 5, 20), now=NOW
    )
    warning = DelayWarning.objects.get(milestone=milestone)
    services.delay_warning_redraft(
        actor=owner, warning=warning, alternative=Alternative.AIR_FREIGHT, now=NOW
    )
    warning.refresh_from_db()
    assert warning.alternative == Alternative.AIR_FREIGHT
    channel = services.sendable_channels(order, now=NOW).get()
    services.delay_warning_send(
        actor=owner,
        warning=warning,
        channel=channel,
        subject=warning.subject,
        body=warning.body + "\nP.S. edited",
        now=NOW,
    )
    warning.refresh_from_db()
    milestone.refresh_from_db()
    assert warning.state == WarningState.SENT
    message = OutboundMessage.objects.get(related_type="milestone", related_id=str(milestone.pk))
    assert message.to_address == "anna.schmidt@mueller-maschinen.de"
    assert message.in_working_hours and message.body_text.endswith("P.S. edited")
    assert milestone.warned_at == message.not_before
    assert milestone.warned_days_ahead >= 14
    assert Todo.objects.get(pk=warning.todo_id).done_at is not None
    # Sending again is refused; nothing more is queued.
    with pytest.raises(ValidationError):
        services.delay_warning_send(
            actor=owner, warning=warning, channel=channel, subject="x", body="y", now=NOW
        )
    assert OutboundMessage.objects.count() == 1
    # Then the date passes undone: broken, but warned in time.
    services.milestones_check(now=NOW + datetime.timedelta(days=61))
    milestone.refresh_from_db()
    assert milestone.state == MilestoneState.BROKEN and not milestone.counts_against_us
    assert selectors.promises_kept(order.company) == {
        "kept": 0,
        "broken_warned": 1,
        "broken_unwarned": 0,
    }


def test_kept_and_broken_unwarned_are_counted(owner, order):
    kept = promise(owner, order, kind="production_start", promised_on=D(2027, 3, 10))
    services.milestone_done(actor=owner, milestone=kept, done_on=D(2027, 3, 1), now=NOW)
    late = promise(owner, order, kind="other", label="Quality report", promised_on=D(2027, 3, 5))
    services.milestones_check(now=NOW + datetime.timedelta(days=10))
    late.refresh_from_db()
    kept.refresh_from_db()
    assert kept.state == MilestoneState.KEPT
    assert late.state == MilestoneState.BROKEN and late.counts_against_us
    assert selectors.promises_kept(order.company) == {
        "kept": 1,
        "broken_warned": 0,
        "broken_unwarned": 1,
    }
    # Broken without warning: a proposal to tell the buyer even now.
    assert DelayWarning.objects.filter(milestone=late, state=WarningState.OPEN).exists()


def test_an_eta_past_the_promise_puts_arrival_at_risk_and_delivery_settles_it(owner, order):
    milestone = promise(owner, order, kind="arrival", promised_on=D(2027, 5, 15))
    line = order.lines.get()
    orders.order_shipment_record(
        actor=owner, order=order, reference="SH-1", lines={line.pk: Decimal("100")},
        etd=D(2027, 4, 1), eta=D(2027, 5, 10), now=NOW,
    )  # fmt: skip
    services.milestones_check(order=order, now=NOW)
    milestone.refresh_from_db()
    assert (milestone.state, milestone.forecast_on, milestone.forecast_source) == (
        MilestoneState.OPEN, D(2027, 5, 10), "eta",
    )  # fmt: skip
    orders.order_shipment_record(
        actor=owner, order=order, reference="SH-1", lines={line.pk: Decimal("100")},
        etd=D(2027, 4, 1), eta=D(2027, 5, 25), now=NOW,
    )  # fmt: skip
    assert services.milestones_check(now=NOW) == 1
    milestone.refresh_from_db()
    assert milestone.state == MilestoneState.AT_RISK and milestone.forecast_on == D(2027, 5, 25)
    assert DelayWarning.objects.filter(milestone=milestone, state=WarningState.OPEN).count() == 1
    # A forecast by hand stands while the ETA does not change.
    services.milestone_forecast(
        actor=owner, milestone=milestone, forecast_on=D(2027, 5, 14), now=NOW
    )
    services.milestones_check(now=NOW)
    milestone.refresh_from_db()
    assert milestone.state == MilestoneState.OPEN and milestone.forecast_source == "hand"
    # Back on track: the proposal is withdrawn with its task.
    assert not DelayWarning.objects.filter(milestone=milestone, state=WarningState.OPEN).exists()
    delivered = datetime.datetime(2027, 5, 14, 6, 0, tzinfo=datetime.UTC)
    orders.order_shipment_record(
        actor=owner, order=order, reference="SH-1", lines={line.pk: Decimal("100")},
        etd=D(2027, 4, 1), eta=D(2027, 5, 14), shipped_at=delivered - datetime.timedelta(days=40),
        delivered_at=delivered, now=NOW,
    )  # fmt: skip
    services.milestones_check(now=NOW)
    milestone.refresh_from_db()
    assert (milestone.state, milestone.done_on, milestone.done_source) == (
        MilestoneState.KEPT, D(2027, 5, 14), "delivered",
    )  # fmt: skip


def test_production_not_started_in_time_puts_ready_at_risk(owner, order):
    start = promise(owner, order, kind="production_start", promised_on=D(2027, 3, 20))
    ready = promise(owner, order, kind="ready", promised_on=D(2027, 4, 10))  # 21 days' work
    services.milestones_check(now=NOW + datetime.timedelta(days=5))
    ready.refresh_from_db()
    assert ready.state == MilestoneState.OPEN  # 35 days left
    services.milestones_check(now=NOW + datetime.timedelta(days=24))
    ready.refresh_from_db()
    start.refresh_from_db()
    assert start.state == MilestoneState.BROKEN
    assert ready.state == MilestoneState.AT_RISK  # 16 days left, production not started
    assert ready.steps.filter(kind="at_risk").get().details["reason"] == "slack"


def test_bad_input_is_refused_and_nothing_written(owner, order):
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.milestone_create(
            actor=owner, order=order, kind="other", promised_on="31.02.2027", label="", now=NOW
        )
    assert set(refused.value.message_dict) == {"label", "promised_on"}
    with pytest.raises(ValidationError) as refused:
        services.milestone_create(
            actor=owner,
            order=order,
            kind="ready",
            promised_on=D(2099, 1, 1),
            label="x" * 101,
            now=NOW,
        )
    assert set(refused.value.message_dict) == {"label", "promised_on"}
    assert Milestone.objects.count() == 0 and AuditEntry.objects.count() == entries


def test_only_who_may_edit_the_order_promises(colleague, finance, owner, order):
    with pytest.raises(Milestone.order.field.related_model.DoesNotExist):
        promise(colleague, order)
    with pytest.raises(PermissionDenied):
        promise(finance, order)
    milestone = promise(owner, order)
    with pytest.raises(PermissionDenied):
        services.milestone_done(actor=finance, milestone=milestone, done_on=D(2027, 3, 1), now=NOW)


def test_a_production_update_with_photos_goes_to_the_buyer_in_their_hours(owner, order):
    channel = services.sendable_channels(order, now=NOW).get()
    update = services.production_update_record(
        actor=owner,
        order=order,
        text="Die Gehäuse sind gegossen.",
        photo_files=[("line 1.jpg", picture("JPEG")), ("../mould.PNG", picture("PNG"))],
        channel=channel,
        now=NOW,
    )
    assert [p.name for p in update.photos.all()] == ["line 1.jpg", "mould.png"]
    message = OutboundMessage.objects.get(related_id=str(update.pk))
    assert message.in_working_hours
    assert [a.filename for a in message.attachments.all()] == ["line 1.jpg", "mould.png"]
    assert "Die Gehäuse sind gegossen." in message.body_text
    assert update.language == "de" and update.sent_to == channel.value


def test_a_fake_photo_is_refused_and_nothing_written(owner, order):
    with pytest.raises(ValidationError) as refused:
        services.production_update_record(
            actor=owner,
            order=order,
            text="Update",
            photo_files=[("real.jpg", picture()), ("invoice.jpg", b"%PDF-1.4 fake")],
            now=NOW,
        )
    assert "invoice.jpg is not a photo" in refused.value.message_dict["photos"][0]
    assert ProductionUpdate.objects.count() == 0


def test_the_hourly_task_breaks_what_passed_and_skips_cancelled_orders(owner, order):
    from chengxin.commitments.tasks import commitments_check_task
    from chengxin.orders.models import Order, OrderState

    milestone = promise(owner, order, kind="production_start", promised_on=D(2026, 12, 1))
    milestone.refresh_from_db()
    assert milestone.state == MilestoneState.BROKEN  # promised for a day already past
    fresh = promise(owner, order, kind="shipped", promised_on=D(2027, 4, 30))
    Milestone.objects.filter(pk=fresh.pk).update(promised_on=D(2026, 11, 1))  # past, today
    Order.objects.filter(pk=order.pk).update(state=OrderState.CANCELLED)
    assert commitments_check_task.call() == 0
    Order.objects.filter(pk=order.pk).update(state=OrderState.CONFIRMED)
    assert commitments_check_task.call() == 1
    fresh.refresh_from_db()
    assert fresh.state == MilestoneState.BROKEN


def test_a_shipment_saved_queues_the_check_of_its_order(
    owner, order, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from chengxin.commitments.tasks import commitments_check_order_task

    milestone = promise(owner, order, kind="shipped", promised_on=D(2027, 4, 30))
    line = order.lines.get()
    with django_capture_on_commit_callbacks(execute=True):
        orders.order_shipment_record(
            actor=owner, order=order, reference="SH-9", lines={line.pk: Decimal("10")},
            etd=D(2027, 5, 3), now=NOW,
        )  # fmt: skip
    queued = DBTaskResult.objects.filter(task_path__endswith="commitments_check_order_task")
    assert queued.count() >= 1 and queued.first().args_kwargs["args"] == [order.pk]
    commitments_check_order_task.call(order.pk)
    milestone.refresh_from_db()
    assert (milestone.forecast_on, milestone.forecast_source) == (D(2027, 5, 3), "etd")
    assert milestone.state == MilestoneState.AT_RISK


def test_a_bounced_warning_warned_nobody_and_is_proposed_again(owner, order):
    from chengxin.outbox.models import Status
    from chengxin.outbox.signals import delivery_changed

    milestone = promise(owner, order, kind="shipped")
    services.milestone_forecast(
        actor=owner, milestone=milestone, forecast_on=D(2027, 5, 20), now=NOW
    )
    warning = DelayWarning.objects.get(milestone=milestone)
    channel = services.sendable_channels(order, now=NOW).get()
    services.delay_warning_send(
        actor=owner, warning=warning, channel=channel, subject="s", body="b", now=NOW
    )
    message = OutboundMessage.objects.get()
    sent_at = datetime.datetime(2027, 3, 2, 8, 0, tzinfo=datetime.UTC)
    OutboundMessage.objects.filter(pk=message.pk).update(status=Status.SENT, sent_at=sent_at)
    delivery_changed.send(sender=OutboundMessage, message_pk=message.pk)
    milestone.refresh_from_db()
    assert milestone.warned_at == sent_at and milestone.warned_days_ahead == 59
    OutboundMessage.objects.filter(pk=message.pk).update(status=Status.BOUNCED)
    delivery_changed.send(sender=OutboundMessage, message_pk=message.pk)
    milestone.refresh_from_db()
    assert milestone.warned_at is None and milestone.steps.filter(kind="warning_lost").exists()
    assert DelayWarning.objects.filter(milestone=milestone, state=WarningState.OPEN).count() == 1


def test_photos_over_the_size_or_count_limit_are_refused(owner, order, settings):
    import io
    import os

    from PIL import Image

    settings.CHENGXIN_PRODUCTION_PHOTO_MAX_MB = 1
    noise = Image.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 2**20
    with pytest.raises(ValidationError) as refused:
        services.production_update_record(
            actor=owner,
            order=order,
            text="x",
            photo_files=[("big.png", buffer.getvalue())],
            now=NOW,
        )
    assert "big.png is larger than 1 MB" in refused.value.message_dict["photos"][0]
    with pytest.raises(ValidationError) as refused:
        services.production_update_record(
            actor=owner, order=order, text="x", photo_files=[("a.jpg", picture())] * 11, now=NOW
        )
    assert "at most 10 photos" in refused.value.message_dict["photos"][0]
    assert ProductionUpdate.objects.count() == 0


def test_production_started_on_the_order_keeps_the_start_promise(owner, order):
    start = promise(owner, order, kind="production_start", promised_on=D(2027, 3, 5))
    ready = promise(owner, order, kind="ready", promised_on=D(2027, 3, 14))  # 9 days of work
    orders.order_advance(
        actor=owner, order=order, step="production", now=NOW + datetime.timedelta(days=2)
    )
    # On 6 March 8 days are left for 9 days of work: at risk, were production not started.
    services.milestones_check(order=order, now=NOW + datetime.timedelta(days=5))
    start.refresh_from_db()
    ready.refresh_from_db()
    assert (start.state, start.done_on, start.done_source) == (
        MilestoneState.KEPT, D(2027, 3, 3), "production",
    )  # fmt: skip
    # Production has started: "ready" is not at risk for want of a start.
    assert ready.state == MilestoneState.OPEN
    assert ready.steps.filter(kind="at_risk").count() == 0

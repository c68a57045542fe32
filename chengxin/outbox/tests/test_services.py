import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult

from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.selectors import outbox_bounces_since, outbox_sent_to_since
from chengxin.outbox.services import (
    MAX_ATTEMPTS,
    STALE_SENDING,
    outbox_bounce_record,
    outbox_enqueue,
    outbox_send_due,
    outbox_send_one,
)
from chengxin.outbox.tasks import outbox_send_due_task
from chengxin.outbox.transport import LocalTransport, PermanentFailure, TemporaryFailure

UTC = datetime.UTC
T0 = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
OLD = "anna.schmidt@mueller-maschinen.de"
NEW = "anna@mueller-maschinen.de"


def _write(owner, company, *, to=OLD, subject="Order 4711 shipped", now=T0, **kw):
    return outbox_enqueue(
        actor=owner,
        to=to,
        subject=subject,
        body_text="Dear Anna, ...",
        contact=company.contacts.get(),
        now=now,
        **kw,
    )


@pytest.mark.django_db
def test_the_send_task_is_queued_only_when_the_transaction_commits(
    owner, company, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = _write(owner, company)
        assert DBTaskResult.objects.count() == 0
    assert len(callbacks) == 1
    callbacks[0]()
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "chengxin.outbox.tasks.outbox_send_task"
    assert queued.args_kwargs["args"] == [message.pk]


@pytest.mark.django_db
def test_a_rolled_back_transaction_leaves_no_message(owner, company):
    with pytest.raises(RuntimeError), __import__("django.db").db.transaction.atomic():
        _write(owner, company)
        raise RuntimeError("the change that caused it failed")
    assert OutboundMessage.objects.count() == 0


@pytest.mark.django_db
def test_the_scheduled_task_sends_through_smtp(owner, company, smtp_server):
    smtp_server.start()
    message = _write(owner, company, now=datetime.datetime.now(UTC))
    assert outbox_send_due_task.call() == {"sent": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len(smtp_server.inbox.messages) == 1


@pytest.mark.django_db
def test_enqueue_needs_edit_rights_and_a_real_address(owner, colleague, finance, company):
    for user in (colleague, finance):
        with pytest.raises(PermissionDenied):
            _write(user, company)
    with pytest.raises(ValidationError):
        _write(owner, company, to="not an address")
    assert OutboundMessage.objects.count() == 0


@pytest.mark.django_db
def test_sent_and_bounced_selectors(owner, company):
    transport = LocalTransport()
    first = _write(owner, company, subject="Before the change", now=T0)
    outbox_send_due(now=T0, transport=transport)
    change_at = T0 + datetime.timedelta(days=1)
    after = _write(owner, company, subject="After the change", now=change_at)
    outbox_send_due(now=change_at, transport=transport)
    assert list(outbox_sent_to_since(value=OLD, since=change_at)) == [after]
    assert outbox_bounces_since(value=OLD, since=change_at).count() == 0

    outbox_bounce_record(
        message_id=after.message_id,
        reason="550 mailbox unavailable",
        now=change_at + datetime.timedelta(hours=1),
    )
    assert list(outbox_bounces_since(value=OLD, since=change_at)) == [after]
    assert first not in outbox_bounces_since(value=OLD, since=T0)


@pytest.mark.django_db
def test_two_workers_send_once(owner, company):
    """A second worker finds the message claimed and does nothing."""
    message = _write(owner, company)

    class Racing(LocalTransport):
        def send(self, email, *, sender, recipients):
            # While this worker talks to the server, another one tries.
            assert outbox_send_one(message_pk=message.pk, now=T0, transport=self) is None
            super().send(email, sender=sender, recipients=recipients)

    transport = Racing()
    assert outbox_send_one(message_pk=message.pk, now=T0, transport=transport) == "sent"
    assert len(transport.sent) == 1


class Crash(BaseException):
    """The worker process dies (not an error the outbox could catch)."""


@pytest.mark.django_db
def test_crash_after_delivery_does_not_resend(owner, company):
    message = _write(owner, company)

    class DiesAfterDelivery(LocalTransport):
        def send(self, email, *, sender, recipients):
            super().send(email, sender=sender, recipients=recipients)
            raise Crash

    dying = DiesAfterDelivery()
    with pytest.raises(Crash):
        outbox_send_due(now=T0, transport=dying)
    message.refresh_from_db()
    assert message.status == Status.SENDING

    healthy = LocalTransport()
    assert outbox_send_due(now=T0 + datetime.timedelta(minutes=5), transport=healthy) == {}
    counts = outbox_send_due(
        now=T0 + STALE_SENDING + datetime.timedelta(minutes=1), transport=healthy
    )
    assert counts == {"stale": 1}
    message.refresh_from_db()
    assert message.status == Status.FAILED_PERMANENTLY
    assert "may or may not have been delivered" in message.last_error
    assert outbox_send_due(now=T0 + datetime.timedelta(days=2), transport=healthy) == {}
    assert len(dying.sent) == 1
    assert healthy.sent == []


@pytest.mark.django_db
def test_permanent_5xx_is_recorded_and_not_retried(owner, company):
    message = _write(owner, company)
    transport = LocalTransport()
    transport.failure = PermanentFailure("554 5.7.1 Message rejected as spam")
    assert outbox_send_due(now=T0, transport=transport) == {"failed_permanently": 1}
    message.refresh_from_db()
    assert message.status == Status.FAILED_PERMANENTLY
    assert message.last_error == "554 5.7.1 Message rejected as spam"
    transport.failure = None
    assert outbox_send_due(now=T0 + datetime.timedelta(days=1), transport=transport) == {}
    assert transport.sent == []


@pytest.mark.django_db
def test_backoff_grows_and_gives_up_after_max_attempts(owner, company):
    message = _write(owner, company)
    transport = LocalTransport()
    transport.failure = TemporaryFailure("[Errno 111] Connection refused")
    now = T0
    waits = []
    for _attempt in range(MAX_ATTEMPTS):
        outbox_send_due(now=now, transport=transport)
        message.refresh_from_db()
        if message.status != Status.QUEUED:
            break
        waits.append(message.next_attempt_at - now)
        now = message.next_attempt_at
    assert waits[:4] == [datetime.timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert max(waits) == datetime.timedelta(hours=6)
    assert message.status == Status.FAILED_PERMANENTLY
    assert message.attempts == MAX_ATTEMPTS
    assert "Connection refused" in message.last_error


@pytest.mark.django_db
def test_retry_of_a_working_hours_message_stays_in_the_window(owner, company):
    contact = company.contacts.get()
    contact.time_zone = "Europe/Berlin"
    contact.save(update_fields=["time_zone"])
    # 17:59 Berlin on a Tuesday: inside the window, but the server is down.
    at = datetime.datetime(2026, 11, 24, 16, 59, tzinfo=UTC)
    message = _write(owner, company, in_working_hours=True, now=at)
    transport = LocalTransport()
    transport.failure = TemporaryFailure("421 try later")
    outbox_send_due(now=at, transport=transport)
    message.refresh_from_db()
    assert message.status == Status.QUEUED
    assert message.next_attempt_at == datetime.datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_writer_and_owner_are_told_when_a_message_bounces(
    owner, manager, company, django_capture_on_commit_callbacks
):
    from chengxin.notifications.models import Notification

    message = outbox_enqueue(
        actor=manager,
        to="nobody@mueller-maschinen.de",
        subject="Price list 2027",
        body_text="...",
        company=company,
        now=T0,
    )
    transport = LocalTransport()
    transport.failure = PermanentFailure("550 5.1.1 No such user", recipient_refused=True)
    with django_capture_on_commit_callbacks(execute=True):
        outbox_send_due(now=T0, transport=transport)
    told = Notification.objects.filter(kind="outbox.failed").order_by("user__username")
    assert [n.user for n in told] == [manager, owner]
    assert all("nobody@mueller-maschinen.de" in n.title for n in told)
    assert all("550 5.1.1 No such user" in n.body for n in told)
    assert told[0].link == f"/outbox/{message.pk}/"

"""A real message through the pipeline: each step once, in order, and never twice."""

from __future__ import annotations

import pytest

from chengxin.banking.services import UNKNOWN_ACCOUNT_KIND
from chengxin.changes.models import ChangeRequest
from chengxin.guard.models import Assessment
from chengxin.inbound import pipeline
from chengxin.inbound.tests.mails import make_raw
from chengxin.mail.models import LinkReason, Message, Source
from chengxin.notifications.models import Notification
from chengxin.todos.models import Todo

NEW_EMAIL = "anna.schmidt@mueller-group.de"
IBAN_NOT_ON_FILE = "GB33 BUKB 2020 1555 5555 55"
ANNOUNCEMENT = (
    f"Dear Li Na,\n\nplease note my new email address is {NEW_EMAIL}. Please write to this "
    f"new address from now on. We paid order 4711 from our account IBAN {IBAN_NOT_ON_FILE}.\n\nAnna"
)
LOOKALIKE = "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>"
BANK_CHANGE = (
    "Dear Li Na,\n\nplease note that we changed our bank account. Pay the balance for "
    "order 4711 to our new account IBAN DE89 3704 0044 0532 0130 00 today.\n\nAnna"
)


@pytest.fixture
def steps(monkeypatch):
    """The name of each step the pipeline called, in order (each still does its work)."""
    called: list[str] = []
    for name in (
        "message_ingest",
        "message_assess",
        "message_link_to_imitated",
        "message_check_accounts",
        "assessment_alert",
        "change_propose_from_assessment",
    ):
        real = getattr(pipeline, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            called.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(pipeline, name, spy)
    return called


@pytest.fixture
def receive(django_capture_on_commit_callbacks):
    """``receive(raw)``: a message through the pipeline, as the poll or an upload sends it,
    with what follows its commit run as in production."""

    def _receive(raw: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            return pipeline.message_receive(raw=raw, source=Source.COMMAND)

    return _receive


def _totals() -> tuple[int, ...]:
    return (
        Message.objects.count(),
        Assessment.objects.count(),
        Todo.objects.filter(kind=UNKNOWN_ACCOUNT_KIND).count(),
        ChangeRequest.objects.count(),
        Notification.objects.count(),
    )


def test_a_message_goes_in_top_to_bottom(receive, steps, company, owner):
    result = receive(make_raw(subject="New address", text=ANNOUNCEMENT))

    assert result.created
    message = result.message
    assert steps == [
        "message_ingest",
        "message_assess",
        "message_check_accounts",
        "change_propose_from_assessment",
    ]
    assessment = Assessment.objects.get(message=message)
    assert "contact_change_request" in {s["code"] for s in assessment.signals}
    assert assessment.carries_bank_details
    message.refresh_from_db()
    assert message.company == company and message.link_reason == LinkReason.CONTACT
    todo = Todo.objects.get(kind=UNKNOWN_ACCOUNT_KIND)
    assert (todo.related_type, todo.related_id) == ("mail.message", str(message.pk))
    assert todo.assignee == owner
    change = ChangeRequest.objects.get(source_message=message)
    assert change.proposed_by_guard and change.new_value == NEW_EMAIL
    # Not alarming: the owner is told of the task and of the proposed change, nobody else.
    assert set(Notification.objects.values_list("kind", "user__username")) == {
        ("todo.guard.unknown_bank_account", "owner"),
        ("changes.proposed", "owner"),
    }


def test_a_lookalike_is_linked_compared_and_alerted_in_that_order(
    receive, steps, company, owner, manager
):
    message = receive(make_raw(sender=LOOKALIKE, text=BANK_CHANGE)).message

    assert steps == [
        "message_ingest",
        "message_assess",
        "message_link_to_imitated",
        "message_check_accounts",
        "assessment_alert",
    ]
    assessment = Assessment.objects.get(message=message)
    assert assessment.is_alarming
    message.refresh_from_db()
    assert message.company == company and message.link_reason == LinkReason.LOOKALIKE
    # The imitated customer's owner gets the task; the alert already told them, so the
    # task comes without a second notification.
    assert Todo.objects.get(kind=UNKNOWN_ACCOUNT_KIND).assignee == owner
    alerted = Notification.objects.filter(kind="guard.alert")
    assert set(alerted.values_list("user__username", flat=True)) == {"owner", "manager"}
    assert Notification.objects.filter(user=owner).count() == 1
    assert not ChangeRequest.objects.exists()


def test_a_second_delivery_of_the_same_message_does_nothing_twice(
    receive, steps, company, owner, manager
):
    raw = make_raw(subject="New address", text=ANNOUNCEMENT)
    receive(raw)
    lookalike = make_raw(sender=LOOKALIKE, text=BANK_CHANGE)
    receive(lookalike)
    before = _totals()
    assert before[:4] == (2, 2, 2, 1)
    steps.clear()

    again = receive(raw)
    twice = receive(lookalike)

    assert not again.created and not twice.created
    assert steps == ["message_ingest", "message_ingest"]
    assert _totals() == before


def test_processing_a_message_again_tells_tasks_and_opens_nothing_twice(
    receive, company, owner, manager
):
    first = receive(make_raw(subject="New address", text=ANNOUNCEMENT)).message
    second = receive(make_raw(sender=LOOKALIKE, text=BANK_CHANGE)).message
    before = _totals()

    for message in (first, second):
        pipeline.message_process(message=Message.objects.get(pk=message.pk))

    assert _totals() == before


@pytest.mark.django_db
def test_a_message_stored_without_its_way_in_is_processed_by_the_sweep(company):
    from chengxin.inbound.tasks import messages_process_pending_task
    from chengxin.mail.services.ingest import message_ingest

    message = message_ingest(raw=make_raw(), source=Source.COMMAND).message
    assert not Assessment.objects.filter(message=message).exists()
    assert messages_process_pending_task.call() == 1
    assert Assessment.objects.get(message=message).level == "low"

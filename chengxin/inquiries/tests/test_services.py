"""The inquiry's clocks in the company's calendar: created by hand or from a message,
proposed by the pipeline, stopped by a reply, a logged call, a full answer or a quote;
reminders once; late ones marked; the company's own days move running deadlines."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from chengxin.audit.models import AuditEntry
from chengxin.inquiries import selectors, services
from chengxin.inquiries.models import State, StepKind, Via
from chengxin.inquiries.tests.conftest import sh
from chengxin.notifications.models import Notification
from chengxin.outbox.services.writing import outbox_enqueue
from chengxin.parties.models import FollowUp
from chengxin.parties.services.follow_ups import follow_up_log
from chengxin.todos.models import Todo

pytestmark = pytest.mark.django_db
H = datetime.timedelta(hours=1)


def _inquiry(owner, company, received_at, **kwargs):
    return services.inquiry_create(
        actor=owner,
        company=company,
        subject="LED panels 600x600",
        received_at=received_at,
        now=kwargs.pop("now", received_at),
        **kwargs,
    )


def test_deadlines_over_a_weekend(owner, company):
    # Friday 6 March 2026, 17:00 in Shanghai: 1 h that day, 3 h on Monday.
    inquiry = _inquiry(owner, company, sh(2026, 3, 6, 17))
    assert inquiry.first_response_due == sh(2026, 3, 9, 12)
    # 24 working hours = 3 working days of 7.5 h + 1.5 h: 1 h Fri, 7.5 Mon/Tue/Wed, 0.5 Thu
    assert inquiry.full_answer_due == sh(2026, 3, 12, 9, 30)
    assert inquiry.owner == owner
    assert inquiry.state == State.OPEN
    assert list(inquiry.steps.values_list("kind", flat=True)) == [StepKind.CREATED]
    assert AuditEntry.objects.filter(object_id=str(inquiry.pk)).exists()


def test_deadlines_over_national_day_2026(owner, company):
    # Wednesday 30 September 17:00: 1 October to 7 October are off; 8 October works.
    inquiry = _inquiry(owner, company, sh(2026, 9, 30, 17))
    assert inquiry.first_response_due == sh(2026, 10, 8, 12)


def test_deadlines_over_spring_festival_2026_with_its_working_saturday(owner, company):
    # Friday 13 February 17:00: Saturday 14 February is a working day, then 15-23 off.
    inquiry = _inquiry(owner, company, sh(2026, 2, 13, 17))
    assert inquiry.first_response_due == sh(2026, 2, 14, 12)
    late = _inquiry(owner, company, sh(2026, 2, 14, 17))
    assert late.first_response_due == sh(2026, 2, 24, 12)


def test_a_company_holiday_moves_running_deadlines(owner, manager, company):
    inquiry = _inquiry(owner, company, sh(2026, 3, 6, 17))
    services.calendar_day_set(
        actor=manager, date=datetime.date(2026, 3, 9), is_working=False, name="Factory day",
        now=sh(2026, 3, 6, 18),
    )  # fmt: skip
    inquiry.refresh_from_db()
    assert inquiry.first_response_due == sh(2026, 3, 10, 12)
    assert inquiry.steps.filter(kind=StepKind.DEADLINES_MOVED).exists()
    # Removed again: back to Monday.
    day = services.CalendarDay.objects.get()
    services.calendar_day_remove(actor=manager, day=day, now=sh(2026, 3, 6, 18))
    inquiry.refresh_from_db()
    assert inquiry.first_response_due == sh(2026, 3, 9, 12)


def test_only_managers_set_calendar_days(owner):
    with pytest.raises(PermissionDenied):
        services.calendar_day_set(
            actor=owner, date=datetime.date(2026, 3, 9), is_working=False, name="x"
        )


def test_by_hand_needs_a_subject_and_no_future_and_a_rep_of_the_customer(owner, colleague, company):
    with pytest.raises(ValidationError) as exc:
        _inquiry(owner, company, sh(2026, 3, 6, 17), subject="  ") if False else (
            services.inquiry_create(actor=owner, company=company, subject=" ")
        )
    assert "subject" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.inquiry_create(
            actor=owner, company=company, subject="x",
            received_at=timezone.now() + datetime.timedelta(days=1),
        )  # fmt: skip
    assert "received_at" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.inquiry_create(actor=owner, company=company, subject="x" * 301)
    assert "subject" in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        services.inquiry_create(actor=colleague, company=company, subject="x")


def test_from_a_message_in_one_click_the_clock_starts_at_its_arrival(owner, make_message):
    message = make_message()
    message.received_at = sh(2026, 3, 6, 17)
    message.save(update_fields=["received_at"])
    inquiry = services.inquiry_create_from_message(
        actor=owner, message=message, now=sh(2026, 3, 9, 9)
    )
    assert inquiry.received_at == sh(2026, 3, 6, 17)
    assert inquiry.first_response_due == sh(2026, 3, 9, 12)
    assert inquiry.contact == message.contact
    assert inquiry.subject == message.subject
    again = services.inquiry_create_from_message(actor=owner, message=message)
    assert again.pk == inquiry.pk


def test_the_pipeline_proposes_an_inquiry_and_the_owner_accepts_or_dismisses(
    owner, make_message, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposed = services.inquiry_propose_from_message(message=make_message(), now=timezone.now())
    assert proposed.state == State.PROPOSED
    assert "moq" in proposed.steps.get().details["words"]
    note = Notification.objects.get(user=owner, kind="inquiries.proposed")
    assert "Müller Maschinen GmbH may be asking for an offer" in note.display_title
    # Not twice for the same message, nor for a reply in the same thread.
    assert (
        services.inquiry_propose_from_message(message=proposed.message, now=timezone.now()) is None
    )
    services.inquiry_accept(actor=owner, inquiry=proposed)
    proposed.refresh_from_db()
    assert proposed.state == State.OPEN
    other = services.inquiry_propose_from_message(
        message=make_message(subject="Anfrage: Preis und Lieferzeit"), now=timezone.now()
    )
    services.inquiry_dismiss(actor=owner, inquiry=other, reason="a complaint")
    other.refresh_from_db()
    assert other.state == State.DISMISSED
    assert selectors.response_times(other.company)["inquiries"] == 1


def test_a_message_that_is_not_an_inquiry_is_not_proposed(make_message):
    message = make_message(
        subject="Order 4711: delivery schedule", text="Please find the schedule attached."
    )
    assert services.inquiry_propose_from_message(message=message, now=timezone.now()) is None


def test_a_reply_from_chengxin_stops_the_first_response_clock_when_queued(owner, company):
    inquiry = _inquiry(owner, company, sh(2026, 3, 6, 17))
    out = services.inquiry_reply(
        actor=owner, inquiry=inquiry, body_text="Thank you, we will send prices tomorrow.",
        now=sh(2026, 3, 9, 10),
    )  # fmt: skip
    assert out.related_type == "inquiry" and out.related_id == str(inquiry.pk)
    assert out.to_address == "anna.schmidt@mueller-maschinen.de"
    assert out.subject == "Re: LED panels 600x600"
    inquiry.refresh_from_db()
    assert inquiry.first_responded_at == sh(2026, 3, 9, 10)
    assert inquiry.first_response_via == Via.REPLY
    assert not inquiry.first_response_late
    assert inquiry.full_answered_at is None and inquiry.state == State.OPEN
    times = selectors.response_times(company, now=sh(2026, 3, 9, 10))
    assert times["first_response_median"] == 2 * H  # 1 h Friday, 1 h Monday
    assert times["late"] == 0
    # Months later the full answer, never given, is late.
    assert selectors.response_times(company, now=sh(2026, 6, 1, 9))["late"] == 1


def test_a_logged_call_stops_the_first_response_clock(owner, company):
    inquiry = _inquiry(owner, company, sh(2026, 3, 6, 17))
    services.inquiry_call_log(
        actor=owner, inquiry=inquiry, summary="Called Anna: prices tomorrow",
        happened_at=sh(2026, 3, 9, 13), now=sh(2026, 3, 9, 14),
    )  # fmt: skip
    inquiry.refresh_from_db()
    assert inquiry.first_responded_at == sh(2026, 3, 9, 13)
    assert inquiry.first_response_via == Via.CALL
    assert inquiry.first_response_late  # due Monday 12:00
    assert FollowUp.objects.get(company=company).kind == "call"


def test_a_call_before_the_inquiry_does_not_answer_it(owner, company):
    inquiry = _inquiry(owner, company, sh(2026, 3, 6, 17))
    with pytest.raises(ValidationError):
        services.inquiry_call_log(
            actor=owner, inquiry=inquiry, summary="x", happened_at=sh(2026, 3, 6, 16),
            now=sh(2026, 3, 6, 18),
        )  # fmt: skip


def test_the_full_answer_needs_all_four_and_writes_in_the_buyers_language(owner, company):
    inquiry = _inquiry(owner, company, sh(2026, 3, 6, 17))
    with pytest.raises(ValidationError) as exc:
        services.inquiry_full_answer(
            actor=owner, inquiry=inquiry, moq="500 pcs", lead_time="", price=" ",
            payment_methods="T/T", now=sh(2026, 3, 9, 10),
        )  # fmt: skip
    assert set(exc.value.message_dict) == {"lead_time", "price"}
    out = services.inquiry_full_answer(
        actor=owner, inquiry=inquiry, moq="500 pcs", lead_time="25 days",
        price="USD 12.40 FOB Ningbo", payment_methods="30% T/T, 70% against B/L copy",
        now=sh(2026, 3, 9, 10),
    )  # fmt: skip
    assert "USD 12.40 FOB Ningbo" in out.body_text
    assert "Lieferzeit" in out.body_text or "Lead time" in out.body_text  # German once translated
    inquiry.refresh_from_db()
    assert inquiry.state == State.ANSWERED
    assert inquiry.first_responded_at == inquiry.full_answered_at == sh(2026, 3, 9, 10)
    assert inquiry.full_answer_via == Via.ANSWER


def test_a_quote_sent_records_the_full_answer_once(owner, company):
    inquiry = _inquiry(owner, company, sh(2026, 3, 6, 17))
    services.inquiry_full_answer_record(
        actor=owner, inquiry=inquiry, at=sh(2026, 3, 10, 9), via="quote", now=sh(2026, 3, 10, 9)
    )
    services.inquiry_full_answer_record(
        actor=owner, inquiry=inquiry, at=sh(2026, 3, 11, 9), via="quote", now=sh(2026, 3, 11, 9)
    )
    inquiry.refresh_from_db()
    assert inquiry.full_answered_at == sh(2026, 3, 10, 9)
    assert inquiry.full_answer_via == Via.QUOTE
    assert inquiry.steps.filter(kind=StepKind.FULL_ANSWER).count() == 1
    with pytest.raises(ValidationError):
        services.inquiry_full_answer_record(
            actor=owner, inquiry=inquiry, at=sh(2026, 3, 10, 9), via="fax", now=sh(2026, 3, 10, 9)
        )


def test_the_check_notices_a_message_written_in_the_outbox(owner, company):
    now = timezone.now()
    inquiry = _inquiry(owner, company, now - 10 * H, now=now)
    message = outbox_enqueue(
        actor=owner, to="anna.schmidt@mueller-maschinen.de", subject="Prices",
        body_text="Prices follow.", company=company,
    )  # fmt: skip
    counts = services.inquiries_clocks_check(now=timezone.now())
    assert counts["stopped"] == 1
    inquiry.refresh_from_db()
    assert inquiry.first_responded_at == message.created_at
    assert inquiry.first_response_via == Via.EMAIL


def test_the_check_notices_a_call_logged_on_the_customer(owner, company):
    now = timezone.now()
    inquiry = _inquiry(owner, company, now - 10 * H, now=now)
    called = now - H
    follow_up_log(actor=owner, company=company, kind="call", summary="Called", happened_at=called)
    services.inquiries_clocks_check(now=now)
    inquiry.refresh_from_db()
    assert inquiry.first_responded_at == called
    assert inquiry.first_response_via == Via.CALL


def test_the_owner_is_reminded_once_before_the_clock_runs_out_and_late_is_marked(
    owner, company, django_capture_on_commit_callbacks
):
    # 09:00 + 4 working hours: 3 h until noon, 1 h after lunch: 14:30.
    inquiry = _inquiry(owner, company, sh(2026, 3, 9, 9))
    assert inquiry.first_response_due == sh(2026, 3, 9, 14, 30)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.inquiries_clocks_check(now=sh(2026, 3, 9, 11, 30))["reminded"] == 0
        assert services.inquiries_clocks_check(now=sh(2026, 3, 9, 13))["reminded"] == 1
        assert services.inquiries_clocks_check(now=sh(2026, 3, 9, 13, 45))["reminded"] == 0
    todo = Todo.objects.get(assignee=owner, kind=services.TODO_FIRST)
    assert todo.due_at == sh(2026, 3, 9, 14, 30)
    assert "Respond to Müller Maschinen GmbH" in todo.display_title
    assert Notification.objects.filter(user=owner, kind=f"todo.{services.TODO_FIRST}").count() == 1
    counts = services.inquiries_clocks_check(now=sh(2026, 3, 9, 14, 35))
    assert counts["late"] == 1
    inquiry.refresh_from_db()
    assert inquiry.first_response_late and inquiry.first_reminded_at == sh(2026, 3, 9, 13)
    assert services.inquiries_clocks_check(now=sh(2026, 3, 9, 14, 40))["late"] == 0
    # A reply then closes the task; the inquiry stays counted late.
    services.inquiry_reply(actor=owner, inquiry=inquiry, body_text="Sorry", now=sh(2026, 3, 9, 15))
    todo.refresh_from_db()
    assert todo.done_at is not None
    assert selectors.response_times(company)["late"] == 1


def test_the_reminder_counts_working_minutes_over_lunch(owner, company):
    # Received 08:00 (before work): due 14:30. 60 working minutes before it is noon (the
    # lunch break does not count): at 11:58 not yet; in the lunch break, yes.
    inquiry = _inquiry(owner, company, sh(2026, 3, 9, 8))
    assert inquiry.first_response_due == sh(2026, 3, 9, 14, 30)
    assert services.inquiries_clocks_check(now=sh(2026, 3, 9, 11, 58))["reminded"] == 0
    assert services.inquiries_clocks_check(now=sh(2026, 3, 9, 12, 45))["reminded"] == 1


def test_the_scheduled_task_checks_the_clocks_as_the_system(owner, company):
    from chengxin.inquiries.tasks import inquiries_clocks_check_task

    now = timezone.now()
    inquiry = _inquiry(owner, company, now - 10 * H, now=now)
    follow_up_log(actor=owner, company=company, kind="call", summary="Called", happened_at=now)
    assert inquiries_clocks_check_task.call()["stopped"] == 1
    step = inquiry.steps.get(kind=StepKind.FIRST_RESPONSE)
    assert step.actor is None

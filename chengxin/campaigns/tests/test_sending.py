"""Launch, then the periodic task and the outbox carry every touch: the emails arrive at a
real SMTP server on loopback, the WhatsApp reminders at a loopback Cloud API, tasks go to
the reps where no chat channel is set up; nothing twice, one buyer's failure alone."""

import datetime
import re

import pytest
from django.utils import translation

from chengxin.campaigns.models import (
    CallOutcome,
    PlanState,
    Recipient,
    Touch,
    TouchChannel,
    TouchKind,
    TouchState,
)
from chengxin.campaigns.services.acknowledgement import recipient_acknowledge
from chengxin.campaigns.services.calls import recipient_call_record
from chengxin.campaigns.services.closing import plan_cancel
from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.services.sending import campaigns_send_due
from chengxin.campaigns.tests.conftest import buyer
from chengxin.campaigns.tokens import token_of
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.services import outbox_send_due
from chengxin.parties.models import Channel
from chengxin.testing.campaigns import NEW_IBAN, NOW
from chengxin.todos.models import Todo

pytestmark = pytest.mark.django_db
HALF_HOUR = datetime.timedelta(minutes=30)


def run_until(moment: datetime.datetime) -> None:
    """Play the schedule: the task runs half an hour before each touch's moment, and the
    outbox and the task at each moment a message is due."""
    done: set[tuple[datetime.datetime, str]] = set()
    while True:
        touches = Touch.objects.filter(state=TouchState.SCHEDULED, due_at__lte=moment)
        messages = OutboundMessage.objects.filter(
            status__in=(Status.QUEUED, Status.WAITING_FOR_WINDOW), next_attempt_at__lte=moment
        )
        pending = sorted(
            {(t, "touch") for t in touches.values_list("due_at", flat=True)}
            | {(t, "message") for t in messages.values_list("next_attempt_at", flat=True)}
        )
        pending = [item for item in pending if item not in done]
        if not pending:
            break
        due, kind = pending[0]
        done.add((due, kind))
        if kind == "touch":
            campaigns_send_due(now=due - HALF_HOUR)
        else:
            outbox_send_due(now=due)
            campaigns_send_due(now=due)
    campaigns_send_due(now=moment)


def by_company(plan):
    return {r.company.legal_name: r for r in plan.recipients.select_related("company", "contact")}


def mails_to(smtp, address):
    return [message for rcpts, message in smtp.inbox.messages if rcpts == [address]]


def test_the_notice_arrives_with_timeline_pdf_and_both_links(finance, plan, buyers, smtp):
    plan_launch(actor=finance, plan=plan, now=NOW)
    berlin = by_company(plan)["Müller Maschinenbau GmbH"]
    email = berlin.touches.get(kind=TouchKind.EMAIL_NOTICE)
    # Half an hour before: handed to the outbox, but not sent before its moment.
    campaigns_send_due(now=email.due_at - HALF_HOUR)
    email.refresh_from_db()
    assert email.state == TouchState.QUEUED
    message = email.outbound_message
    assert message.not_before == email.due_at
    outbox_send_due(now=email.due_at - HALF_HOUR)
    assert mails_to(smtp, "anna.schmidt@mueller-maschinen.de") == []

    outbox_send_due(now=email.due_at)
    campaigns_send_due(now=email.due_at + datetime.timedelta(minutes=5))
    [mail] = mails_to(smtp, "anna.schmidt@mueller-maschinen.de")
    assert mail["Subject"] == (
        "Important: change of our receiving bank account and transition arrangements "
        "– Müller Maschinenbau GmbH"
    )
    token = token_of(berlin.token_encrypted)
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Dear Anna Schmidt," in text
    assert f"http://127.0.0.1:8000/ack/{token}/" in text
    assert "http://127.0.0.1:8000/trust/accounts/" in text
    assert f'href="http://127.0.0.1:8000/ack/{token}/"' in html
    assert 'data-milestone="parallel"' in html  # the timeline inside
    assert "GB **** 5555" in text and NEW_IBAN not in text  # masked in the notice
    [pdf] = list(mail.iter_attachments())
    assert pdf.get_filename() == "account-change-2026-12-07.pdf"
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content().startswith(b"%PDF")
    email.refresh_from_db()
    berlin.refresh_from_db()
    assert email.state == TouchState.SENT
    assert berlin.reached_at == email.due_at


def test_every_buyer_is_told_in_their_language_and_window_then_gets_the_new_account(
    finance, plan, buyers, smtp, whatsapp_api
):
    plan_launch(actor=finance, plan=plan, now=NOW)
    run_until(datetime.datetime(2026, 12, 9, tzinfo=datetime.UTC))
    recipients = by_company(plan)
    # Every notice, every payment instruction and every chat reminder went out once.
    for address in (
        "anna.schmidt@mueller-maschinen.de",
        "jim@hudson-trading.com",
        "omar@gulflights.ae",
        "wei@harbourimports.com.au",
    ):
        subjects = [m["Subject"] for m in mails_to(smtp, address)]
        # Sydney's buyer reads Chinese.
        notices = [s for s in subjects if s.startswith(("Important:", "重要："))]
        instructions = [s for s in subjects if "Payment instructions" in s or "付款指示" in s]
        assert len(notices) == 1 and len(instructions) == 1, (address, subjects)
        chinese = address.endswith(".au")
        assert notices[0].startswith("重要：" if chinese else "Important:"), subjects
    # The payment instructions carry the new account in full.
    [after] = [
        m
        for m in mails_to(smtp, "jim@hudson-trading.com")
        if m["Subject"].startswith("Payment instructions")
    ]
    body = after.get_body(("plain",)).get_content()
    assert NEW_IBAN in body
    assert "BUKBGB22XXX" in body and "Barclays Bank UK" in body
    assert "1 Churchill Place, London E14 5HP" in body
    assert "CHASUS33XXX" in body and "400-123456" in body
    # Sent in each buyer's window, at the right offsets (the Date header is local).
    for recipient in recipients.values():
        change = datetime.datetime.combine(
            plan.parallel_from, datetime.time(0), tzinfo=recipient.contact.local_now().tzinfo
        )
        sent = {
            t.kind: t.outbound_message.sent_at
            for t in recipient.touches.exclude(kind=TouchKind.ACK_REMINDER).select_related(
                "outbound_message"
            )
            if t.outbound_message
        }
        assert sent[TouchKind.EMAIL_NOTICE] <= change - datetime.timedelta(hours=72)
        assert sent[TouchKind.CHAT_REMINDER] <= change - datetime.timedelta(hours=24)
        assert sent[TouchKind.POST_CHANGE] >= change
        for moment in sent.values():
            local = recipient.contact.local_now(moment)
            assert local.weekday() < 5 and 9 <= local.hour < 18, (recipient, local)
    # WhatsApp: one short reminder per buyer, with the personal link to the PDF.
    assert len(whatsapp_api.requests) == 4
    dubai = recipients["Gulf Lights FZE"]
    [to_dubai] = [r for r in whatsapp_api.requests if r.body["to"] == "+971501234567"]
    link = f"http://127.0.0.1:8000/ack/{token_of(dubai.token_encrypted)}/timeline.pdf"
    assert link in to_dubai.body["text"]["body"]
    assert to_dubai.body["text"]["body"].startswith("Hi Anna Schmidt")
    # Reached: all four.
    assert all(r.reached_at for r in Recipient.objects.all())


def test_chinese_buyers_get_chinese_dates(finance, plan, buyers, smtp):
    plan_launch(actor=finance, plan=plan, now=NOW)
    run_until(datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC))
    [notice] = [
        m
        for m in mails_to(smtp, "wei@harbourimports.com.au")
        if "Harbour Imports" in m["Subject"] and m.get_body(("html",))
    ][:1]
    html = notice.get_body(("html",)).get_content()
    assert '<html lang="zh-hans" dir="ltr">' in html
    assert "2026年12月7日" in html


def test_reminders_go_to_those_who_have_not_acknowledged_at_most_twice(
    finance, plan, buyers, smtp, no_whatsapp
):
    plan_launch(actor=finance, plan=plan, now=NOW)
    recipients = by_company(plan)
    berlin, new_york = recipients["Müller Maschinenbau GmbH"], recipients["Hudson Trading LLC"]
    run_until(datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC))  # the notices went
    recipient_acknowledge(recipient=berlin, ip="203.0.113.9", user_agent="Mail", now=NOW)
    run_until(datetime.datetime(2027, 1, 31, tzinfo=datetime.UTC))
    reminders = [
        m for m in mails_to(smtp, "jim@hudson-trading.com") if m["Subject"].startswith("Reminder")
    ]
    assert len(reminders) == 2
    assert token_of(new_york.token_encrypted) in reminders[0].get_body(("plain",)).get_content()
    assert [
        m for m in mails_to(smtp, "anna.schmidt@mueller-maschinen.de") if "Reminder" in m["Subject"]
    ] == []
    assert set(
        berlin.touches.filter(kind=TouchKind.ACK_REMINDER).values_list("state", flat=True)
    ) == {TouchState.CANCELLED}
    new_york.refresh_from_db()
    assert new_york.last_reminded_at is not None


def test_without_a_chat_channel_the_rep_gets_a_task_with_the_text(
    finance, owner, plan, buyers, smtp, no_whatsapp
):
    plan_launch(actor=finance, plan=plan, now=NOW)
    berlin = by_company(plan)["Müller Maschinenbau GmbH"]
    chat = berlin.touches.get(kind=TouchKind.CHAT_REMINDER)
    with translation.override("en"):
        campaigns_send_due(now=chat.due_at - datetime.timedelta(hours=20))
    chat.refresh_from_db()
    assert chat.channel == TouchChannel.TASK and chat.state == TouchState.QUEUED
    todo = chat.todo
    assert todo.assignee == owner
    assert todo.kind == "campaigns.chat_reminder"
    assert todo.due_at == chat.due_at
    assert "Müller Maschinenbau GmbH" in todo.title
    assert f"/ack/{token_of(berlin.token_encrypted)}/timeline.pdf" in todo.body
    assert todo.link == f"/campaigns/{plan.pk}/#r{berlin.pk}"
    assert not OutboundMessage.objects.filter(kind="whatsapp").exists()


def test_a_call_task_for_grade_a_and_its_outcome(finance, owner, plan, buyers, smtp, no_whatsapp):
    plan_launch(actor=finance, plan=plan, now=NOW)
    run_until(datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC))
    [call] = Todo.objects.filter(kind="campaigns.call")
    berlin = by_company(plan)["Müller Maschinenbau GmbH"]
    assert call.company == buyers["berlin"] and call.assignee == owner
    email = berlin.touches.get(kind=TouchKind.EMAIL_NOTICE)
    change = datetime.datetime(2026, 12, 6, 23, 0, tzinfo=datetime.UTC)
    assert email.due_at < call.due_at < change
    recipient_call_record(
        actor=owner,
        recipient=berlin,
        outcome=CallOutcome.HEARD_AND_UNDERSTOOD,
        notes="Anna read it back",
        now=NOW,
    )
    call.refresh_from_db()
    assert call.done_at == NOW and call.outcome == "heard_and_understood" and call.done_by == owner
    berlin.refresh_from_db()
    assert berlin.call_outcome == CallOutcome.HEARD_AND_UNDERSTOOD and berlin.called_at == NOW
    assert berlin.touches.get(kind=TouchKind.CALL).state == TouchState.DONE
    assert Todo.objects.filter(kind="campaigns.call").count() == 1


def test_running_twice_makes_nothing_twice(finance, plan, buyers, smtp, no_whatsapp):
    plan_launch(actor=finance, plan=plan, now=NOW)
    moment = datetime.datetime(2026, 12, 4, 23, 0, tzinfo=datetime.UTC)
    first = campaigns_send_due(now=moment)
    messages, todos = OutboundMessage.objects.count(), Todo.objects.count()
    assert messages >= 4 and todos == 5  # the 4 notices (and more); 4 chat tasks, 1 call
    assert first == {"queued": messages, "task": todos}
    assert campaigns_send_due(now=moment) == {}
    assert (OutboundMessage.objects.count(), Todo.objects.count()) == (messages, todos)


def test_one_buyers_failure_does_not_stop_the_others(finance, plan, buyers, smtp, no_whatsapp):
    Channel.objects.filter(value="jim@hudson-trading.com").update(value="jim at hudson")
    plan_launch(actor=finance, plan=plan, now=NOW)
    counts = campaigns_send_due(now=datetime.datetime(2026, 12, 4, 23, 0, tzinfo=datetime.UTC))
    assert counts["failed"] == 1 and counts["queued"] >= 3
    queued = Touch.objects.filter(kind=TouchKind.EMAIL_NOTICE, state=TouchState.QUEUED)
    assert set(queued.values_list("recipient__company__legal_name", flat=True)) == {
        "Müller Maschinenbau GmbH",
        "Gulf Lights FZE",
        "Harbour Imports Pty Ltd",
    }
    failed = Touch.objects.get(state=TouchState.FAILED)
    assert failed.recipient.company == buyers["new_york"]
    assert failed.error


def test_cancel_stops_waiting_messages_and_closes_tasks(finance, plan, buyers, smtp, no_whatsapp):
    plan_launch(actor=finance, plan=plan, now=NOW)
    moment = datetime.datetime(2026, 12, 3, 7, 0, tzinfo=datetime.UTC)
    campaigns_send_due(now=moment)
    waiting = list(OutboundMessage.objects.all())
    assert waiting and all(m.is_pending for m in waiting)
    assert Todo.objects.filter(done_at__isnull=True).exists()
    plan_cancel(actor=finance, plan=plan, now=moment)
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {Status.CANCELLED}
    assert not Todo.objects.filter(done_at__isnull=True).exists()
    assert set(Touch.objects.values_list("state", flat=True)) == {TouchState.CANCELLED}
    # Nothing goes out afterwards.
    run_until(datetime.datetime(2027, 2, 1, tzinfo=datetime.UTC))
    outbox_send_due(now=datetime.datetime(2027, 2, 1, tzinfo=datetime.UTC))
    assert smtp.inbox.messages == []
    plan.refresh_from_db()
    assert plan.state == PlanState.CANCELLED


def test_a_buyer_without_email_becomes_a_task_to_tell_them_by_hand(
    finance, owner, plan, no_whatsapp
):
    buyer(owner, name="No Mail SARL", country="FR", tz="Europe/Paris", email=False)
    plan_launch(actor=finance, plan=plan, now=NOW)
    campaigns_send_due(now=datetime.datetime(2026, 12, 5, tzinfo=datetime.UTC))
    kinds = sorted(Todo.objects.values_list("kind", flat=True))
    assert kinds == ["campaigns.chat_reminder", "campaigns.email_notice"]
    todo = Todo.objects.get(kind="campaigns.email_notice")
    assert re.search(r"/ack/[\w-]+/", todo.body)


def test_a_new_address_since_the_launch_is_followed(finance, plan, buyers, smtp, no_whatsapp):
    plan_launch(actor=finance, plan=plan, now=NOW)
    Channel.objects.filter(value="anna.schmidt@mueller-maschinen.de").update(
        value="anna.schmidt@mueller-group.de"
    )
    berlin = by_company(plan)["Müller Maschinenbau GmbH"]
    email = berlin.touches.get(kind=TouchKind.EMAIL_NOTICE)
    campaigns_send_due(now=email.due_at)
    email.refresh_from_db()
    assert email.outbound_message.to_address == "anna.schmidt@mueller-group.de"

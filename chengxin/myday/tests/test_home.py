"""The home page, "my day": each section shows the signed-in user's own items (tasks due
today in their time zone or overdue, fraud alerts they may see, contact changes at their
step, approvals they may give, follow-ups due) and not other people's; empty sections say
so; the number of queries does not grow with the number of items."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chengxin.banking import services as banking
from chengxin.banking.models import Side
from chengxin.changes.services import change_open
from chengxin.guard.models import Assessment
from chengxin.guard.services.closing import assessment_propose_safe
from chengxin.parties.models import Company
from chengxin.testing import make_company
from chengxin.testing.banking import IBAN_DE
from chengxin.testing.mail import make_raw
from chengxin.todos.models import Todo
from chengxin.todos.services import todo_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "mail_setup")]
_seq = itertools.count(1)


def _section(html: str, name: str) -> str:
    start = html.index(f'data-testid="day-{name}"')
    return html[start : html.index("</section>", start)]


def _task(user, title, due_at, **fields):
    return todo_create(assignee=user, kind="other", title=title, due_at=due_at, **fields)


def _alert(ingest, sender, subject):  # noqa: F811
    raw = make_raw(
        sender=sender,
        subject=subject,
        text="We changed our bank account, please pay the balance today.",
        message_id=f"<alert-{next(_seq)}@example.test>",
    )
    assessment = Assessment.objects.get(message=ingest(raw).message)
    assert assessment.is_alarming
    return assessment


def _stale(company, days):
    Company.objects.filter(pk=company.pk).update(
        last_followed_up_at=timezone.now() - datetime.timedelta(days=days)
    )


def _verified_account(*, proposer, verifier, iban=IBAN_DE):
    account = banking.bank_account_propose(
        actor=proposer, side=Side.OURS, purpose="receiving", holder_name="Chengxin",
        iban=iban, currency="EUR", bank_name="ICBC",
    )  # fmt: skip
    return banking.bank_account_verify(
        actor=verifier, account=account, method="bank_letter", outcome="confirmed", notes="x"
    )


def test_anonymous_goes_to_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login")


def test_a_wrong_method_gets_405(client_for, owner):
    assert client_for(owner).post("/").status_code == 405


def test_empty_sections_say_what_is_not_there(client_for, owner):
    html = client_for(owner).get("/").content.decode()
    assert "No tasks due today." in _section(html, "tasks")
    assert "Nothing waits for your approval." in _section(html, "approvals")
    assert "No open fraud alerts for you." in _section(html, "alerts")
    assert "No contact changes waiting for you." in _section(html, "changes")
    assert "No follow-ups due." in _section(html, "follow-ups")
    assert 'href="/">My day</a>' in html


def test_a_sales_reps_day(ingest, client_for, owner, colleague, manager, company):  # noqa: F811
    now = timezone.now()
    owner.time_zone = "Asia/Shanghai"
    owner.save()
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    local_today = now.astimezone(shanghai).date()
    end_of_today = datetime.datetime.combine(local_today, datetime.time(23, 30), shanghai)
    _task(owner, "Call Müller about the invoice", end_of_today)
    _task(owner, "Send the overdue samples", now - datetime.timedelta(days=2))
    _task(owner, "Next week's fair", end_of_today + datetime.timedelta(days=1))
    done = _task(owner, "Done already", now - datetime.timedelta(hours=1))
    Todo.objects.filter(pk=done.pk).update(done_at=now)
    _task(colleague, "Colleague's call", now - datetime.timedelta(hours=1))
    # Alerts: one about the owner's customer, one about a colleague's.
    _alert(ingest, "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>", "New bank details")
    theirs = make_company(
        actor=colleague, owner=colleague, name="Hansen Trading ApS", country="DK",
        email="tom@hansen-trading.dk", contact="Tom Hansen",
    )  # fmt: skip
    _alert(ingest, "Tom Hansen <tom@hansen-tradinq.dk>", "Colleague's alert")
    # Changes: one on the owner's customer, one on the colleague's.
    change_open(
        actor=owner, contact=company.contacts.get(), kind="phone", new_value="+49 30 111111"
    )
    change_open(
        actor=colleague, contact=theirs.contacts.get(), kind="phone", new_value="+45 33 12 34 56"
    )
    # Follow-ups: the owner's customers 20 and 27 days without contact, one yesterday.
    _stale(company, 20)
    soon = make_company(actor=owner, owner=owner, name="Rossi Macchine S.r.l.", country="IT")
    _stale(soon, 27)
    fresh = make_company(actor=owner, owner=owner, name="Fresh Buyer Ltd", country="GB")
    _stale(fresh, 1)
    _stale(theirs, 29)

    html = client_for(owner).get("/").content.decode()
    tasks = _section(html, "tasks")
    assert "Call Müller about the invoice" in tasks and "Send the overdue samples" in tasks
    assert "Next week" not in tasks and "Done already" not in tasks and "Colleague" not in tasks
    assert 'data-testid="count">2<' in tasks and "overdue" in tasks
    alerts = _section(html, "alerts")
    assert "New bank details" in alerts and "Colleague" not in alerts
    changes = _section(html, "changes")
    assert "+4930111111" in changes and "+45" not in changes
    follow_ups = _section(html, "follow-ups")
    assert "Müller" in follow_ups and "Rossi" in follow_ups
    assert "Fresh Buyer" not in follow_ups and "Hansen" not in follow_ups
    rossi_line = follow_ups[follow_ups.index("Rossi") :].split("</li>")[0]
    assert "returns to the pool on" in rossi_line
    mueller_line = follow_ups[follow_ups.index("Müller") :].split("</li>")[0]
    assert "returns to the pool" not in mueller_line
    assert "Nothing waits for your approval." in _section(html, "approvals")

    # A manager proposes the owner's alert as safe: the owner may confirm it.
    alarm = Assessment.objects.get(message__subject="New bank details")
    assessment_propose_safe(
        actor=manager, assessment=alarm, reason="Called the buyer on the number on file."
    )
    approvals = _section(client_for(owner).get("/").content.decode(), "approvals")
    assert "Confirm a message is safe" in approvals and "New bank details" in approvals


def test_finance_and_managers_see_the_approvals_they_may_give(client_for, finance, manager, owner):
    account = _verified_account(proposer=manager, verifier=manager)
    finance_day = _section(client_for(finance).get("/").content.decode(), "approvals")
    assert "Approve a bank account" in finance_day
    assert f"/bank-accounts/{account.pk}/" in finance_day
    # The manager verified it: not theirs to approve.
    manager_html = client_for(manager).get("/").content.decode()
    assert "Nothing waits for your approval." in _section(manager_html, "approvals")
    owner_html = client_for(owner).get("/").content.decode()
    assert f"/bank-accounts/{account.pk}/" not in owner_html


def test_the_number_of_queries_does_not_grow(
    ingest,  # noqa: F811
    client_for,
    owner,
    manager,
    finance,
    company,
):
    now = timezone.now()
    ibans = iter(["DE89370400440532013000", "GB29NWBK60161331926819",
                  "NL91ABNA0417164300", "FR1420041010050500013M02606"])  # fmt: skip

    def add_items():
        for _ in range(2):
            n = next(_seq)
            _task(manager, f"Task {n}", now - datetime.timedelta(hours=n))
            alarm = _alert(ingest, "Anna Schmidt <anna.schmidt@mueIler-maschinen.de>", f"Alert {n}")
            assessment_propose_safe(
                actor=owner, assessment=alarm, reason="Called the buyer on the number on file."
            )
            buyer = make_company(actor=manager, owner=manager, name=f"Buyer {n} GmbH")
            _stale(buyer, 20)
            change_open(
                actor=manager, contact=buyer.contacts.get(), kind="phone",
                new_value=f"+49 30 9{n:05d}",
            )  # fmt: skip
            _verified_account(proposer=finance, verifier=finance, iban=next(ibans))

    client = client_for(manager)
    add_items()
    client.get("/")
    with CaptureQueriesContext(connection) as first:
        html = client.get("/").content.decode()
    counts = {"tasks": 2, "approvals": 4, "alerts": 2, "changes": 2, "follow-ups": 2}
    for name, count in counts.items():
        assert f'data-testid="count">{count}<' in _section(html, name), name
    add_items()
    with CaptureQueriesContext(connection) as second:
        html = client.get("/").content.decode()
    for name, count in counts.items():
        assert f'data-testid="count">{count * 2}<' in _section(html, name), name
    assert len(second.captured_queries) == len(first.captured_queries)


def test_today_is_the_users_own_day(owner, colleague):
    """18:00 in Shanghai is 10:00 UTC: a task due at 01:00 the next Shanghai morning is
    tomorrow's for a user there, and today's for a user who lives in UTC."""
    from chengxin.myday.selectors import my_day

    now = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)
    owner.time_zone, colleague.time_zone = "Asia/Shanghai", "UTC"
    owner.save()
    colleague.save()
    due = datetime.datetime(2026, 12, 7, 17, 0, tzinfo=datetime.UTC)
    for user in (owner, colleague):
        _task(user, "Night call", due)
        _task(user, "Yesterday's call", now - datetime.timedelta(days=1))
    shanghai = my_day(user=owner, now=now)
    assert shanghai.today == datetime.date(2026, 12, 7)
    assert [t.title for t in shanghai.tasks.items] == ["Yesterday's call"]
    assert [t.title for t in my_day(user=colleague, now=now).tasks.items] == [
        "Yesterday's call",
        "Night call",
    ]
    late = datetime.datetime(2026, 12, 7, 16, 30, tzinfo=datetime.UTC)  # 00:30 in Shanghai
    assert my_day(user=owner, now=late).today == datetime.date(2026, 12, 8)
    assert len(my_day(user=owner, now=late).tasks.items) == 2


def test_an_administrator_sees_what_nobody_can_approve(client_for, admin_user, finance, manager):
    html = client_for(admin_user).get("/").content.decode()
    assert "Every pending approval has someone who may give it." in _section(html, "blocked")
    account = _verified_account(proposer=finance, verifier=manager)
    blocked = _section(client_for(admin_user).get("/").content.decode(), "blocked")
    assert f"/bank-accounts/{account.pk}/" in blocked and "Nobody can approve this" in blocked
    # Others do not get the section.
    assert 'data-testid="day-blocked"' not in client_for(finance).get("/").content.decode()

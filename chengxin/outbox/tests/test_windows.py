"""The communication window, pure (no database) and through the outbox."""

import datetime
import zoneinfo

import pytest

from chengxin.outbox.models import ContactWindow, Status
from chengxin.outbox.services import outbox_enqueue, outbox_send_due
from chengxin.outbox.windows import DEFAULT_WINDOW, Window, next_send_time, upcoming_holidays

UTC = datetime.UTC
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def berlin(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


def test_inside_the_window_means_now():
    now = berlin(2026, 11, 24, 10, 30).astimezone(UTC)
    assert next_send_time(now, "Europe/Berlin", DEFAULT_WINDOW, "DE") == now


def test_two_in_the_morning_in_berlin_waits_until_nine():
    now = berlin(2026, 11, 24, 2, 0).astimezone(UTC)
    assert next_send_time(now, "Europe/Berlin", DEFAULT_WINDOW, "DE") == berlin(
        2026, 11, 24, 9, 0
    ).astimezone(UTC)
    assert next_send_time(now, "Europe/Berlin", DEFAULT_WINDOW, "DE") == datetime.datetime(
        2026, 11, 24, 8, 0, tzinfo=UTC
    )


def test_after_closing_on_friday_waits_until_monday():
    now = berlin(2026, 11, 27, 18, 0).astimezone(UTC)
    assert next_send_time(now, "Europe/Berlin", DEFAULT_WINDOW, "DE") == berlin(
        2026, 11, 30, 9, 0
    ).astimezone(UTC)


def test_german_christmas_holidays_are_skipped():
    # Friday 25 and Saturday 26 December 2026 are holidays, then a Sunday.
    now = berlin(2026, 12, 25, 2, 0).astimezone(UTC)
    assert next_send_time(now, "Europe/Berlin", DEFAULT_WINDOW, "DE") == berlin(
        2026, 12, 28, 9, 0
    ).astimezone(UTC)
    # Without the country the holiday is not known: Friday 25th counts.
    assert next_send_time(now, "Europe/Berlin", DEFAULT_WINDOW, "") == berlin(
        2026, 12, 25, 9, 0
    ).astimezone(UTC)


def test_summer_time_is_respected():
    now = berlin(2026, 7, 1, 2, 0).astimezone(UTC)
    assert next_send_time(now, "Europe/Berlin", DEFAULT_WINDOW, "DE") == datetime.datetime(
        2026, 7, 1, 7, 0, tzinfo=UTC
    )


def test_a_gulf_working_week_and_own_hours():
    dubai_week = Window(
        start=datetime.time(8, 0), end=datetime.time(14, 0), working_days=(0, 1, 2, 3, 4)
    )
    riyadh_week = Window(working_days=(6, 0, 1, 2, 3))  # Sunday to Thursday
    friday = datetime.datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # 15:00 in Riyadh
    assert next_send_time(friday, "Asia/Riyadh", riyadh_week, "") == datetime.datetime(
        2026, 11, 29, 6, 0, tzinfo=UTC
    )
    assert next_send_time(friday, "Asia/Dubai", dubai_week, "") == datetime.datetime(
        2026, 11, 30, 4, 0, tzinfo=UTC
    )


def test_naive_now_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        next_send_time(datetime.datetime(2026, 1, 1), "UTC", DEFAULT_WINDOW, "")  # noqa: DTZ001


def test_upcoming_holidays_named_in_english_when_the_language_is_missing():
    found = upcoming_holidays("DE", datetime.date(2026, 12, 20), language="zh_CN")
    assert found == [
        (datetime.date(2026, 12, 25), "Christmas Day"),
        (datetime.date(2026, 12, 26), "Second Day of Christmas"),
        (datetime.date(2027, 1, 1), "New Year's Day"),
    ]
    chinese = upcoming_holidays("CN", datetime.date(2026, 9, 20), count=2, language="zh_CN")
    assert chinese == [
        (datetime.date(2026, 9, 25), "中秋节"),
        (datetime.date(2026, 10, 1), "国庆节"),
    ]


@pytest.mark.django_db
def test_berlin_working_hours_message_written_at_two_goes_out_at_nine(
    owner, company, berlin_contact, smtp_server
):
    smtp_server.start()
    written = berlin(2026, 11, 24, 2, 0).astimezone(UTC)
    message = outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Order 4711: shipping schedule",
        body_text="Dear Anna, ...",
        contact=berlin_contact,
        in_working_hours=True,
        now=written,
    )
    assert message.status == Status.WAITING_FOR_WINDOW
    assert message.not_before == berlin(2026, 11, 24, 9, 0).astimezone(UTC)

    assert outbox_send_due(now=berlin(2026, 11, 24, 8, 59).astimezone(UTC)) == {}
    assert smtp_server.inbox.messages == []

    nine = berlin(2026, 11, 24, 9, 0).astimezone(UTC)
    assert outbox_send_due(now=nine) == {"sent": 1}
    message.refresh_from_db()
    assert message.sent_at.astimezone(BERLIN) == berlin(2026, 11, 24, 9, 0)
    assert len(smtp_server.inbox.messages) == 1


@pytest.mark.django_db
def test_not_on_a_german_public_holiday(owner, company, berlin_contact, smtp_server):
    smtp_server.start()
    message = outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Season's greetings and 2027 prices",
        body_text="Dear Anna, ...",
        contact=berlin_contact,
        in_working_hours=True,
        now=berlin(2026, 12, 25, 2, 0).astimezone(UTC),
    )
    monday_nine = berlin(2026, 12, 28, 9, 0).astimezone(UTC)
    assert message.next_attempt_at == monday_nine
    for day in (25, 26, 27):
        assert outbox_send_due(now=berlin(2026, 12, day, 10, 0).astimezone(UTC)) == {}
    assert smtp_server.inbox.messages == []
    assert outbox_send_due(now=monday_nine) == {"sent": 1}


@pytest.mark.django_db
def test_late_worker_does_not_send_after_the_window_closed(
    owner, company, berlin_contact, smtp_server
):
    """If the worker was down all day, the message waits for the next window."""
    smtp_server.start()
    ContactWindow.objects.create(
        contact=berlin_contact, start=datetime.time(10, 0), end=datetime.time(12, 0)
    )
    message = outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Samples",
        body_text="...",
        contact=berlin_contact,
        in_working_hours=True,
        now=berlin(2026, 11, 24, 7, 0).astimezone(UTC),
    )
    assert message.next_attempt_at == berlin(2026, 11, 24, 10, 0).astimezone(UTC)
    assert outbox_send_due(now=berlin(2026, 11, 24, 13, 0).astimezone(UTC)) == {
        "waiting_for_window": 1
    }
    message.refresh_from_db()
    assert message.next_attempt_at == berlin(2026, 11, 25, 10, 0).astimezone(UTC)
    assert smtp_server.inbox.messages == []


@pytest.mark.django_db
def test_date_header_in_the_recipients_local_time(owner, company, berlin_contact, smtp_server):
    smtp_server.start()
    outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="Quotation Q-88",
        body_text="...",
        contact=berlin_contact,
        date_in_recipient_zone=True,
        now=datetime.datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
    )
    outbox_send_due(now=datetime.datetime(2026, 11, 24, 9, 30, tzinfo=UTC))
    [(_rcpts, received)] = smtp_server.inbox.messages
    assert received["Date"] == "Tue, 24 Nov 2026 10:30:00 +0100"

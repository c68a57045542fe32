"""public_verify: the answers, the formats a buyer types, the limit, the alert to
finance and its debounce, and that only our approved accounts answer."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.utils import timezone, translation

from chengxin.accounts.models import Role
from chengxin.core.addresses import client_address
from chengxin.notifications.models import Notification
from chengxin.publicrecord.models import Answer, VerificationAttempt
from chengxin.publicrecord.services import UNKNOWN_ACCOUNT_TODO, public_verify
from chengxin.publicrecord.tests.conftest import (
    ACTIVE_DOMESTIC,
    ACTIVE_IBAN,
    COMPANY,
    COUNTERPARTY_IBAN,
    OTHER_UNKNOWN_IBAN,
    PHONE,
    PROPOSED_IBAN,
    RETIRED_IBAN,
    UNKNOWN_IBAN,
)
from chengxin.testing import make_user
from chengxin.todos.models import Todo

NOW = datetime.datetime(2026, 11, 20, 8, 0, tzinfo=datetime.UTC)
UA = "Mozilla/5.0 (buyer)"


def check(text, *, ip="203.0.113.7", now=NOW, language="en"):
    return public_verify(text=text, ip=ip, user_agent=UA, language=language, now=now)


def test_an_active_account_answers_since_when(accounts):
    result = check(ACTIVE_IBAN)
    assert result.answer == Answer.ACTIVE
    assert result.message == (f"···· 3000 is an active account of {COMPANY} since 2025-03-01.")
    assert result.active_since == datetime.date(2025, 3, 1)
    assert result.status_code == 200
    attempt = VerificationAttempt.objects.get()
    assert (attempt.answer, attempt.ip, attempt.user_agent, attempt.language) == (
        "active", "203.0.113.7", UA, "en",
    )  # fmt: skip
    assert attempt.query_last4 == "3000"
    assert attempt.account == accounts["active"]
    assert ACTIVE_IBAN not in attempt.query_digest


def test_the_date_is_our_company_date(accounts, settings):
    """Active since 1 March 02:00 UTC: still 28 February in New York."""
    settings.CHENGXIN_DEFAULT_USER_TIME_ZONE = "America/New_York"
    assert check(ACTIVE_IBAN).active_since == datetime.date(2025, 2, 28)


def test_a_retired_account_says_do_not_pay(accounts):
    result = check(RETIRED_IBAN)
    assert result.answer == Answer.RETIRED
    assert result.message == (
        f"···· 5432 was an account of {COMPANY}; it was retired on 2025-05-31 — do not pay into it."
    )
    assert result.retired_on == datetime.date(2025, 5, 31)
    assert result.active_since is None


def test_an_unknown_number_says_call_before_paying(accounts):
    result = check(UNKNOWN_IBAN)
    assert result.answer == Answer.UNKNOWN
    assert result.message == (
        f"···· 4300 is not an account of {COMPANY} — call {PHONE} before paying. "
        "Do not pay into it."
    )
    assert (result.active_since, result.retired_on) == (None, None)


@pytest.mark.parametrize(
    "typed",
    [
        "DE89 3704 0044 0532 0130 00",
        "de89-3704-0044-0532-0130-00",
        "  de89370400440532013000 ",
        "ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００",
        "DE89.3704.0044.0532.0130.00",
        ACTIVE_DOMESTIC,
        "0" + ACTIVE_DOMESTIC,
        "0532-013-000",
    ],
)
def test_the_same_account_however_it_is_typed(accounts, typed):
    assert check(typed).answer == Answer.ACTIVE


@pytest.mark.parametrize(
    "typed",
    ["", "12345", "abcdefgh", "DE00370400440532013000", "DE89 3704 0044 ≠", "1" * 35, "x" * 500],
)
def test_malformed_input_does_not_look_like_an_account_number(accounts, typed):
    result = check(typed)
    assert result.answer == Answer.INVALID
    assert result.message.startswith("This does not look like an account number or IBAN.")
    assert PHONE in result.message
    assert VerificationAttempt.objects.get().answer == Answer.INVALID
    assert not Todo.objects.exists()


def test_only_our_approved_accounts_answer(accounts):
    """A buyer's own account and one of ours still proposed are not accounts of ours."""
    assert check(COUNTERPARTY_IBAN).answer == Answer.UNKNOWN
    assert check(PROPOSED_IBAN, ip="203.0.113.8").answer == Answer.UNKNOWN


def test_the_answer_follows_the_visitor_language(accounts):
    result = check(ACTIVE_IBAN, language="zh-hans")
    assert VerificationAttempt.objects.get().language == "zh-hans"
    assert "2025-03-01" in result.message
    # An unknown language falls back to the default.
    check(ACTIVE_IBAN, language="xx")
    assert VerificationAttempt.objects.order_by("-id").first().language == "en"


# --- The limit ---------------------------------------------------------------------


def test_the_eleventh_check_from_one_address_is_refused(accounts):
    for minute in range(10):
        assert check(UNKNOWN_IBAN, now=NOW + datetime.timedelta(minutes=minute)).answer in (
            Answer.UNKNOWN,
        )
    result = check(ACTIVE_IBAN, now=NOW + datetime.timedelta(minutes=10))
    assert result.answer == Answer.LIMITED
    assert result.status_code == 429
    assert result.message == f"Too many checks from your address: try again later, or call {PHONE}."
    assert VerificationAttempt.objects.filter(answer=Answer.LIMITED).count() == 1
    # Another address is not limited.
    assert check(ACTIVE_IBAN, ip="198.51.100.1", now=NOW).answer == Answer.ACTIVE
    # Once the window has passed since the first checks, the address may check again.
    later = NOW + datetime.timedelta(minutes=60, seconds=1)
    assert check(ACTIVE_IBAN, now=later).answer == Answer.ACTIVE


def test_malformed_checks_count_toward_the_limit(accounts, settings):
    settings.CHENGXIN_PUBLIC_VERIFY_LIMIT = 3
    for _ in range(3):
        assert check("abc").answer == Answer.INVALID
    assert check(ACTIVE_IBAN).answer == Answer.LIMITED


# --- Alerting finance ----------------------------------------------------------------


def test_an_unknown_number_alerts_every_finance_user_and_makes_one_task(
    accounts, finance, manager, django_capture_on_commit_callbacks
):
    second = make_user(Role.FINANCE, username="finance2", time_zone="Europe/Berlin")
    with django_capture_on_commit_callbacks(execute=True):
        check("nl91 abna 0417 1643 00")
    alerts = Notification.objects.filter(kind=UNKNOWN_ACCOUNT_TODO)
    assert sorted(alerts.values_list("user__username", flat=True)) == ["finance", "finance2"]
    berlin = alerts.get(user=second)
    # Written for each reader when read: in their language and their time zone.
    with translation.override("en"), timezone.override(zoneinfo.ZoneInfo("Europe/Berlin")):
        assert berlin.display_title == (
            "A buyer checked an account number that is not ours: ···· 4300"
        )
        assert "at 2026-11-20 09:00 (CET) from 203.0.113.7" in berlin.display_body
    assert UA in berlin.display_body
    assert berlin.link == "/trust/manage/checks/?answer=unknown"
    todo = Todo.objects.get(kind=UNKNOWN_ACCOUNT_TODO)
    assert todo.assignee.role == Role.FINANCE
    assert todo.related_id == str(VerificationAttempt.objects.get().pk)
    # Managers are not alerted while there is a finance user.
    assert not alerts.filter(user=manager).exists()
    assert VerificationAttempt.objects.get().alerted


def test_managers_are_alerted_when_there_is_no_finance_user(
    manager, approver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        check(UNKNOWN_IBAN)
    alerted = set(
        Notification.objects.filter(kind=UNKNOWN_ACCOUNT_TODO).values_list(
            "user__username", flat=True
        )
    )
    assert alerted == {"manager", "approver"}
    assert Todo.objects.get(kind=UNKNOWN_ACCOUNT_TODO).assignee.role == Role.MANAGER


def test_repeated_checks_alert_once_in_ten_minutes_but_are_all_logged(
    accounts, finance, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        check(UNKNOWN_IBAN)
        check("nl91abna0417164300", now=NOW + datetime.timedelta(minutes=9))
        # Another number, or another address, is a new alert.
        check(OTHER_UNKNOWN_IBAN, now=NOW + datetime.timedelta(minutes=9))
        check(UNKNOWN_IBAN, ip="198.51.100.9", now=NOW + datetime.timedelta(minutes=9))
        # Ten minutes after the last alert for it, the same number alerts again.
        check(UNKNOWN_IBAN, now=NOW + datetime.timedelta(minutes=10, seconds=1))
    attempts = VerificationAttempt.objects.order_by("at", "id")
    assert [a.alerted for a in attempts] == [True, False, True, True, True]
    assert Notification.objects.filter(kind=UNKNOWN_ACCOUNT_TODO, user=finance).count() == 4
    assert Todo.objects.filter(kind=UNKNOWN_ACCOUNT_TODO).count() == 4


def test_known_and_malformed_numbers_alert_nobody(
    accounts, finance, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        check(ACTIVE_IBAN)
        check(RETIRED_IBAN)
        check("hello")
    assert not Notification.objects.filter(kind=UNKNOWN_ACCOUNT_TODO).exists()
    assert not Todo.objects.exists()


def test_with_nobody_to_alert_the_check_is_still_logged(accounts, db):
    from chengxin.accounts.models import User

    User.objects.filter(role__in=[Role.FINANCE, Role.MANAGER, Role.ADMIN]).update(is_active=False)
    assert check(UNKNOWN_IBAN).answer == Answer.UNKNOWN
    attempt = VerificationAttempt.objects.get()
    assert (attempt.answer, attempt.alerted) == (Answer.UNKNOWN, False)
    assert not Todo.objects.exists()


# --- The client's address ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        ("10.0.0.2", "", 0, "10.0.0.2"),
        ("10.0.0.2", "203.0.113.7", 0, "10.0.0.2"),
        ("10.0.0.2", "203.0.113.7", 1, "203.0.113.7"),
        # The client wrote the left-most entry itself: it is ignored.
        ("10.0.0.2", "1.2.3.4, 203.0.113.7", 1, "203.0.113.7"),
        ("10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.1", 2, "203.0.113.7"),
        ("10.0.0.2", "203.0.113.7", 5, "203.0.113.7"),
        ("10.0.0.2", "not-an-address", 1, "10.0.0.2"),
        ("10.0.0.2", " 2001:db8::1 ", 1, "2001:db8::1"),
    ],
)
def test_the_client_address_behind_trusted_proxies(remote, forwarded, trusted, expected):
    assert client_address(remote, forwarded, trusted) == expected

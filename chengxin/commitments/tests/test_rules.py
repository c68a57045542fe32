"""The promise rules, without a database."""

import datetime

from chengxin.commitments import rules
from chengxin.commitments.rules import Promise

D = datetime.date
PROMISED = D(2027, 4, 30)
APRIL_FIRST = D(2027, 4, 1)


def state(today=APRIL_FIRST, **facts):
    return rules.state_of(
        Promise(kind=facts.pop("kind", rules.SHIPPED), promised_on=PROMISED, **facts), today=today
    )


def test_done_on_or_before_the_promise_is_kept():
    assert state(done_on=D(2027, 4, 30)) == rules.KEPT
    assert state(done_on=D(2027, 4, 2)) == rules.KEPT


def test_done_late_or_the_date_passed_undone_is_broken():
    assert state(done_on=D(2027, 5, 1)) == rules.BROKEN
    assert state(today=D(2027, 5, 1)) == rules.BROKEN
    # On the promised day itself it can still be kept.
    assert state(today=PROMISED) == rules.OPEN


def test_a_forecast_past_the_promise_is_at_risk():
    assert state(forecast_on=D(2027, 5, 10)) == rules.AT_RISK
    assert state(forecast_on=PROMISED) == rules.OPEN
    reason = rules.risk_reason(
        Promise(rules.SHIPPED, PROMISED, forecast_on=D(2027, 5, 10)), today=D(2027, 4, 1)
    )
    assert reason == "forecast"


def test_production_not_started_with_less_than_the_slack_is_at_risk():
    # Ready on 30 April needs 20 days of production; on 15 April it has not started.
    assert (
        state(kind=rules.READY, started=False, slack_days=20, today=D(2027, 4, 15)) == rules.AT_RISK
    )
    assert state(kind=rules.READY, started=True, slack_days=20, today=D(2027, 4, 15)) == rules.OPEN
    assert state(kind=rules.READY, started=False, slack_days=20, today=D(2027, 4, 1)) == rules.OPEN
    # Unknown whether it started: no slack rule.
    assert state(kind=rules.READY, started=None, slack_days=20, today=D(2027, 4, 15)) == rules.OPEN
    # A production start two days away that has not happened, with three days' slack.
    assert state(kind=rules.PRODUCTION_START, slack_days=3, today=D(2027, 4, 28)) == rules.AT_RISK
    # Shipments have no slack rule.
    assert (
        state(kind=rules.SHIPPED, started=False, slack_days=20, today=D(2027, 4, 28)) == rules.OPEN
    )


def test_broken_counts_against_us_unless_warned_in_time():
    assert rules.counts_against_us(rules.BROKEN, None, warning_days=14)
    assert rules.counts_against_us(rules.BROKEN, 13, warning_days=14)
    assert not rules.counts_against_us(rules.BROKEN, 14, warning_days=14)
    assert not rules.counts_against_us(rules.KEPT, None, warning_days=14)
    assert rules.days_ahead(warned_on=D(2027, 4, 10), promised_on=PROMISED) == 20


def test_the_warning_is_due_days_ahead_or_today():
    assert rules.warning_due_on(promised_on=PROMISED, today=D(2027, 3, 1), warning_days=14) == D(
        2027, 4, 16
    )
    assert rules.warning_due_on(promised_on=PROMISED, today=D(2027, 4, 25), warning_days=14) == D(
        2027, 4, 25
    )


def test_ready_slack_from_the_plan_else_the_lead_time():
    assert (
        rules.ready_slack_days(
            start_promised_on=D(2027, 4, 1), ready_promised_on=PROMISED, lead_days=45
        )
        == 29
    )
    assert (
        rules.ready_slack_days(start_promised_on=None, ready_promised_on=PROMISED, lead_days=45)
        == 45
    )
    assert (
        rules.ready_slack_days(start_promised_on=None, ready_promised_on=PROMISED, lead_days=None)
        is None
    )

"""What a promised date's state is, by plain rules (no database, no Django).

A milestone is a promise: "production starts on", "ready on", "shipped by", "arrives by",
or another dated promise (quality report, documents). Its state follows from its dates:

* **kept**: done on or before the promised date;
* **broken**: the promised date passed without it being done, or it was done late;
* **at risk**: not yet done nor late, and either the expected date (the forecast) is
  later than the promise, or, for production start and ready, production has not started
  while fewer days remain than the usual slack it needs;
* **open**: none of these.

A broken promise "counts against us" unless the buyer was warned at least
``warning_days`` (``settings.CHENGXIN_DELAY_WARNING_DAYS``) before the promised date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# The kinds of promise (the model's choices use the same values).
PRODUCTION_START = "production_start"
READY = "ready"
SHIPPED = "shipped"
ARRIVAL = "arrival"
OTHER = "other"
KINDS = (PRODUCTION_START, READY, SHIPPED, ARRIVAL, OTHER)
PRODUCTION_KINDS = (PRODUCTION_START, READY)
SHIPMENT_KINDS = (SHIPPED, ARRIVAL)

# The states (the model's choices use the same values).
OPEN = "open"
KEPT = "kept"
AT_RISK = "at_risk"
BROKEN = "broken"
STATES = (OPEN, KEPT, AT_RISK, BROKEN)
UNSETTLED = (OPEN, AT_RISK)

# Days a production start needs before its date to be still on time when it has not
# begun (materials in, line booked): fewer left and it is at risk.
PRODUCTION_START_SLACK_DAYS = 3


@dataclass(frozen=True)
class Promise:
    """The facts of one promise that decide its state.

    ``started``: for a "ready" promise, whether production has started (None: unknown, the
    slack rule is not applied). ``slack_days``: the days a production milestone needs
    before its promised date once started (a production start: its own slack; ready: the
    planned production time); None: no slack rule."""

    kind: str
    promised_on: datetime.date
    done_on: datetime.date | None = None
    forecast_on: datetime.date | None = None
    started: bool | None = None
    slack_days: int | None = None


def state_of(promise: Promise, *, today: datetime.date) -> str:
    """The promise's state on ``today`` (see the module's rules)."""
    if promise.done_on is not None:
        return KEPT if promise.done_on <= promise.promised_on else BROKEN
    if today > promise.promised_on:
        return BROKEN
    if promise.forecast_on is not None and promise.forecast_on > promise.promised_on:
        return AT_RISK
    if _short_of_slack(promise, today=today):
        return AT_RISK
    return OPEN


def _short_of_slack(promise: Promise, *, today: datetime.date) -> bool:
    if promise.kind not in PRODUCTION_KINDS or promise.slack_days is None:
        return False
    started = promise.started
    if promise.kind == PRODUCTION_START:
        started = False  # not done (checked before): it has not started
    if started is not False:
        return False
    return (promise.promised_on - today).days < promise.slack_days


def risk_reason(promise: Promise, *, today: datetime.date) -> str:
    """Why an at-risk promise is at risk: "forecast" (expected later than promised) or
    "slack" (production not started in time); "" when it is not at risk."""
    if state_of(promise, today=today) != AT_RISK:
        return ""
    if promise.forecast_on is not None and promise.forecast_on > promise.promised_on:
        return "forecast"
    return "slack"


def days_ahead(*, warned_on: datetime.date, promised_on: datetime.date) -> int:
    """How many days before the promised date the buyer was warned (negative: after)."""
    return (promised_on - warned_on).days


def warned_in_time(warned_days_ahead: int | None, *, warning_days: int) -> bool:
    """Whether a warning given ``warned_days_ahead`` days before the date was in time."""
    return warned_days_ahead is not None and warned_days_ahead >= warning_days


def counts_against_us(state: str, warned_days_ahead: int | None, *, warning_days: int) -> bool:
    """A broken promise without a warning at least ``warning_days`` ahead."""
    return state == BROKEN and not warned_in_time(warned_days_ahead, warning_days=warning_days)


def warning_due_on(
    *, promised_on: datetime.date, today: datetime.date, warning_days: int
) -> datetime.date:
    """When the task to warn the buyer is due: ``warning_days`` before the promised date,
    or today when that is already past."""
    return max(today, promised_on - datetime.timedelta(days=warning_days))


def ready_slack_days(
    *,
    start_promised_on: datetime.date | None,
    ready_promised_on: datetime.date,
    lead_days: int | None,
) -> int | None:
    """The usual production time a "ready" promise needs once production starts: the
    order's own plan (ready minus production start, as promised), else the products' lead
    time (``lead_days``), else None (no slack rule)."""
    if start_promised_on is not None and start_promised_on <= ready_promised_on:
        return (ready_promised_on - start_promised_on).days
    return lead_days

"""How long a workflow took between two of its steps (what the trust figures measure)."""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Interval:
    item_id: int
    start: datetime.datetime
    end: datetime.datetime

    @property
    def duration(self) -> datetime.timedelta:
        return self.end - self.start


def time_between(steps: models.QuerySet, *, item: str, start: str, end: str) -> list[Interval]:
    """For every item of ``steps`` (a Step subclass's queryset; ``item``: the name of its
    foreign key to the item) that has both kinds: the first ``start`` step and the first
    ``end`` step after it. Items still waiting for ``end`` are left out."""
    firsts: dict[int, datetime.datetime] = {}
    intervals: dict[int, Interval] = {}
    rows = (
        steps.filter(kind__in=[start, end])
        .order_by("at", "id")
        .values_list(f"{item}_id", "kind", "at")
    )
    for item_id, kind, at in rows:
        if kind == start and item_id not in firsts:
            firsts[item_id] = at
        elif kind == end and item_id in firsts and item_id not in intervals:
            intervals[item_id] = Interval(item_id, firsts[item_id], at)
    return sorted(intervals.values(), key=lambda interval: interval.item_id)


def median_duration(intervals: list[Interval]) -> datetime.timedelta | None:
    """The median of the intervals' durations (None when there are none)."""
    if not intervals:
        return None
    seconds = statistics.median(i.duration.total_seconds() for i in intervals)
    return datetime.timedelta(seconds=seconds)

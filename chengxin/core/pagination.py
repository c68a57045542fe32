"""Pagination for searches that may match a great many rows."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """Counts at most ``at_most`` objects (and one more, to know there are more).

    An exact count of every company whose text contains "schmidt@" reads
    thousands of rows, far more than the page of 50 shown; counting stops as
    soon as the answer is "more than ``at_most``". ``is_capped`` tells the
    template to say so instead of a total. The count goes at least as far as
    ``requested_page`` (the page number asked for), so deep pages stay reachable.
    A first page with room to spare is its own count: a search that finds a
    handful of buyers (the usual live search) costs one query, not two.
    """

    def __init__(self, object_list, per_page, *, at_most: int, requested_page=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        number = str(requested_page or "")
        deepest = int(number) * self.per_page if number.isdigit() and len(number) < 7 else 0
        self.at_most = max(at_most, deepest)
        self._counted_exactly = False

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.at_most + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.at_most and not self._counted_exactly

    def page(self, number):
        """As Paginator.page, but a full page even past the counted rows."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if not self.is_capped and top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.object_list[bottom:top], number, self)

    def get_page(self, number):
        if str(number or "1") != "1":
            return super().get_page(number)
        rows = list(self.object_list[: self.per_page])
        if len(rows) < self.per_page:
            self.__dict__["count"] = len(rows)
            self._counted_exactly = True
        page = super().get_page(1)
        page.object_list = rows
        return page

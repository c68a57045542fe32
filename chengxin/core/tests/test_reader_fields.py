"""A row's title and body, stored once and read in each reader's language."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy

from chengxin.core.deferred_text import ReaderTitleAndBody, deferred, reader_fields

PROPOSED = gettext_lazy("%(contact)s may have changed their email address")


class Row(ReaderTitleAndBody):
    def __init__(self, **fields):
        self.__dict__.update(fields)


def test_a_message_is_stored_both_ways_and_read_in_the_readers_language():
    with translation.override("en"):
        fields = reader_fields(deferred(PROPOSED, contact="Anna Schmidt"), "Call her.")
    assert fields["title_message"] is not None and fields["body_message"] is None
    assert fields["body"] == "Call her."
    row = Row(**fields)
    with translation.override("en"):
        assert row.display_title == "Anna Schmidt may have changed their email address"
    with translation.override("zh-hans"):
        assert row.display_title == "Anna Schmidt 可能更换了邮箱地址"
        assert row.display_body == "Call her."


def test_a_finished_title_is_cut_to_its_column_and_shown_as_it_is():
    fields = reader_fields("x" * 400)
    assert fields == {"title": "x" * 300, "body": "", "title_message": None, "body_message": None}
    assert Row(**fields).display_title == "x" * 300

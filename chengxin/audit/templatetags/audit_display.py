"""``{% history_changes timeline as changes %}`` then ``{{ changes|for_entry:e }}``: the
changed fields of a page of audit entries, in the reader's words."""

from django import template

from chengxin.audit import display

register = template.Library()


@register.simple_tag
def history_changes(entries):
    return display.history_changes(entries)


@register.filter
def for_entry(changes: dict, entry) -> list:
    return changes.get(entry.pk, [])

"""``{{ todo.kind|kind_label }}``: the name of a kind of task in the reader's language."""

from django import template

from chengxin.todos.kinds import kind_label as _kind_label

register = template.Library()


@register.filter
def kind_label(kind: str) -> str:
    return _kind_label(kind)

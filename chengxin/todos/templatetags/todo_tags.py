"""``{% open_tasks_link %}`` in the top bar: the user's open tasks, one COUNT query."""

from django import template

from chengxin.todos.selectors import open_todo_count

register = template.Library()


@register.inclusion_tag("todos/nav_link.html", takes_context=True)
def open_tasks_link(context):
    user = context.get("user")
    return {"open_count": open_todo_count(user=user) if user is not None else 0}

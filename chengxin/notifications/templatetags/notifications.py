"""``{% notification_badge %}`` in the top bar: one COUNT on an indexed column."""

from django import template

from chengxin.notifications.selectors import notification_unread_count

register = template.Library()


@register.inclusion_tag("notifications/badge.html", takes_context=True)
def notification_badge(context):
    user = context.get("user")
    return {"unread": notification_unread_count(user=user) if user is not None else 0}

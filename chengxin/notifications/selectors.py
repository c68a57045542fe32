from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from chengxin.notifications.models import Notification

if TYPE_CHECKING:  # the kernel's layers: accounts stands above notifications
    from chengxin.accounts.models import User


def notification_list(*, user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def notification_get(*, user: User, pk: int) -> Notification:
    """One of the user's own notifications; Notification.DoesNotExist otherwise."""
    return Notification.objects.get(user=user, pk=pk)


def notification_unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()

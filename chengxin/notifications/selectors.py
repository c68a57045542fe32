from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from chengxin.notifications.models import Notification


def notification_list(*, user: AbstractBaseUser) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def notification_get(*, user: AbstractBaseUser, pk: int) -> Notification:
    """One of the user's own notifications; Notification.DoesNotExist otherwise."""
    return Notification.objects.get(user=user, pk=pk)


def notification_unread_count(*, user: AbstractBaseUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()

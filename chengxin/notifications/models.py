"""What Chengxin tells a user: a fraud alert, a task that needs them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.core.models import ReaderMessage


class Notification(ReaderMessage):
    """An event told to one user; its kind (e.g. "guard.alert") serves filters and icons."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    created_at = models.DateTimeField(pgettext_lazy("time", "created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["user"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(fields=["user", "-created_at"], name="notification_user_recent"),
        ]

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

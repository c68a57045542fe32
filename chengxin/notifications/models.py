"""What Chengxin tells a user: a fraud alert, a task that needs them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.core.deferred_text import ReaderTitleAndBody


class Notification(ReaderTitleAndBody, models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # What kind of event (e.g. "guard.alert"), for filtering and icons; free text
    # so that each app names its own kinds without a migration here.
    kind = models.CharField(_("kind"), max_length=50)
    # The text as made (in the site's language); what is shown when there is no message.
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    # The untranslated message and its parameters (chengxin.core.deferred_text), shown
    # in the reader's language; null for a text given as a finished string.
    title_message = models.JSONField(null=True, blank=True, editable=False)
    body_message = models.JSONField(null=True, blank=True, editable=False)
    link = models.CharField(_("link"), max_length=500, blank=True)
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

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

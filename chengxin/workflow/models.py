"""The timeline row every step-by-step process keeps."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Step(models.Model):
    """One thing that happened to a workflow's item: who, when, what it recorded.

    Subclasses add the foreign key to their item and give ``kind`` its choices; their
    ``AUDIT_FIELDS`` start with that key and go on with :attr:`STEP_FIELDS`.
    """

    kind = models.CharField(max_length=24)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    details = models.JSONField(default=dict, blank=True)
    notes = models.TextField(blank=True)

    STEP_FIELDS = ("kind", "actor", "at", "details", "notes")

    class Meta:
        abstract = True
        ordering = ["id"]

    def __str__(self) -> str:
        label = self.get_kind_display() if hasattr(self, "get_kind_display") else self.kind
        return f"{label} · {self.at:%Y-%m-%d %H:%M}"

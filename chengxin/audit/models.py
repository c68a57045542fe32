"""The append-only, hash-chained audit trail."""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chengxin.audit.context import Origin


@functools.cache
def _verbose_names() -> dict:
    from django.apps import apps

    return {model._meta.model_name: model._meta.verbose_name for model in apps.get_models()}


class AppendOnlyError(Exception):
    pass


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit trail is append-only.")

    def delete(self):
        raise AppendOnlyError("The audit trail is append-only.")


class Action(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    MERGE = "merge", _("merged")


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    origin = models.CharField(max_length=16, choices=Origin.choices)
    action = models.CharField(max_length=16, choices=Action.choices)
    object_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=64)
    object_label = models.CharField(max_length=300, blank=True)
    company_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit trail is append-only.")

    def chain_content(self) -> dict:
        """What the hash covers: everything but the hashes themselves."""
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "actor": self.actor_id,
            "actor_name": self.actor_name,
            "origin": self.origin,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_label": self.object_label,
            "company_id": self.company_id,
            "before": self.before,
            "after": self.after,
        }

    @property
    def object_type_label(self) -> str:
        """The changed thing's name in the reader's language (the model's verbose name)."""
        return str(_verbose_names().get(self.object_type, self.object_type))

    def changed_fields(self) -> list[tuple[str, object, object]]:
        before = self.before or {}
        after = self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


class ChainHead(models.Model):
    """One row: the last sequence number and hash. Locked to append."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)
    # When the last checkpoint was written outside the database (a missing
    # checkpoint file is then a finding, not a fresh install).
    checkpointed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"head #{self.seq}"

"""A task for a person: call a grade-A buyer, check a fee claim, look at an account
number that arrived in a message. It has one assignee, may be due at a time, and is
done with an outcome that the feature that made it reads back."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chengxin.core.models import ReaderMessage


class Todo(ReaderMessage):
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="todos",
        verbose_name=_("assignee"),
    )
    # A task's body is its details (the same column as a notification's text).
    body = models.TextField(_("details"), blank=True)
    company = models.ForeignKey(
        "parties.Company",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="todos",
        verbose_name=_("customer"),
    )
    contact = models.ForeignKey(
        "parties.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="todos",
        verbose_name=_("contact"),
    )
    # The object the task is about, for the feature that reads the outcome back.
    related_type = models.CharField(max_length=64, blank=True)
    related_id = models.CharField(max_length=64, blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(pgettext_lazy("time", "created"), auto_now_add=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("done by"),
    )
    # A code the making feature defines (e.g. "heard_and_understood"), and free notes.
    outcome = models.CharField(_("outcome"), max_length=50, blank=True)
    outcome_notes = models.TextField(_("notes"), blank=True)

    AUDIT_FIELDS = (
        "assignee", "kind", "title", "company", "contact", "related_type", "related_id",
        "due_at", "done_at", "done_by", "outcome", "outcome_notes",
    )  # fmt: skip

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["done_at", "due_at", "id"]
        indexes = [
            models.Index(
                fields=["assignee", "due_at"],
                condition=Q(done_at__isnull=True),
                name="todo_open_by_assignee",
            ),
            models.Index(fields=["related_type", "related_id"], name="todo_related"),
        ]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

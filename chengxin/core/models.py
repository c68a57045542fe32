from django.db import models
from django.utils.translation import gettext_lazy as _

from chengxin.core.deferred_text import ReaderTitleAndBody


class ReaderMessage(ReaderTitleAndBody, models.Model):
    """Something a feature tells one person (a notification, a task): its kind, a title and
    a body each read in the reader's language (see ``reader_fields``), and a link."""

    # Which feature made it (e.g. "guard.alert", "campaigns.call"); free text so that each
    # app names its own kinds without a migration in the app that stores them.
    kind = models.CharField(_("kind"), max_length=50)
    # The text as made (in the site's language); what is shown when there is no message.
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    # The untranslated message and its parameters (chengxin.core.deferred_text), shown
    # in the reader's language; null for a text given as a finished string.
    title_message = models.JSONField(null=True, blank=True, editable=False)
    body_message = models.JSONField(null=True, blank=True, editable=False)
    link = models.CharField(_("link"), max_length=500, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class ScheduleState(models.Model):
    """When each periodic task is next due. Workers claim a run by moving
    ``next_run_at`` forward with a conditional UPDATE, so it runs once."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} @ {self.next_run_at:%Y-%m-%d %H:%M}"

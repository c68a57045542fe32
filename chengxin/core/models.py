from django.db import models


class ScheduleState(models.Model):
    """When each periodic task is next due. Workers claim a run by moving
    ``next_run_at`` forward with a conditional UPDATE, so it runs once."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} @ {self.next_run_at:%Y-%m-%d %H:%M}"

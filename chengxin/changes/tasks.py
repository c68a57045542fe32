from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.changes.services.review import changes_review_open_due


@task()
def changes_review_open_due_task() -> int:
    """Scheduled: open the 7-day review of every change whose notice went out."""
    with origin(Origin.SYSTEM):
        return changes_review_open_due()

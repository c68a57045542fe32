from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.guard.services import messages_assess_pending


@task()
def guard_assess_pending_task() -> int:
    """Scheduled: assess any stored message whose assessment failed or is missing."""
    with origin(Origin.SYSTEM):
        return messages_assess_pending()

from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.inquiries.services import inquiries_clocks_check


@task()
def inquiries_clocks_check_task() -> dict[str, int]:
    """Scheduled every 5 minutes: clocks stopped by messages and calls, reminders before a
    clock runs out, late ones marked."""
    with origin(Origin.SYSTEM):
        return inquiries_clocks_check()

from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.commitments.services import milestones_check


@task()
def commitments_check_task() -> int:
    """Scheduled hourly: re-evaluate every open promise (the calendar, the shipments'
    ETD/ETA, departures and deliveries); propose warning the buyer of those at risk."""
    with origin(Origin.SYSTEM):
        return milestones_check()

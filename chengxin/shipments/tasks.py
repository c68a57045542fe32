from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.shipments.services import tracking_poll


@task()
def shipments_tracking_poll_task() -> int:
    """Scheduled: ask the tracking source about every shipment under way; store the new
    events, move ETAs (and the orders' schedules). Returns the number of new events."""
    with origin(Origin.SYSTEM):
        return tracking_poll().new_events

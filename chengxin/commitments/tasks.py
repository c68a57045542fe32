from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.commitments.services import milestones_check
from chengxin.orders.models import Order


@task()
def commitments_check_task() -> int:
    """Scheduled hourly: re-evaluate every open promise (the calendar, the shipments'
    ETD/ETA, departures and deliveries); propose warning the buyer of those at risk."""
    with origin(Origin.SYSTEM):
        return milestones_check()


@task()
def commitments_check_order_task(order_id: int) -> int:
    """Queued when one of the order's shipments changed: its promises evaluated now."""
    order = Order.objects.filter(pk=order_id).first()
    if order is None:
        return 0
    with origin(Origin.SYSTEM):
        return milestones_check(order=order)

from django.tasks import task
from django.utils import timezone

from chengxin.audit.context import Origin, origin
from chengxin.orders.services import quotes_expire


@task()
def quotes_expire_task() -> dict[str, int]:
    """Scheduled daily: sent quotes past their validity date become expired."""
    with origin(Origin.SYSTEM):
        return {"expired": quotes_expire(now=timezone.now())}

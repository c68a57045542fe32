from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.parties.services.pool import pool_return_stale


@task()
def pool_return_stale_task() -> int:
    """Scheduled: customers not followed up for N days go back to the pool."""
    with origin(Origin.SYSTEM):
        return pool_return_stale()

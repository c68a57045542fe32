from django.tasks import task

from chengxin.core.services import database_optimize


@task()
def database_optimize_task() -> bool:
    """Scheduled: refresh the database's query planner statistics (SQLite)."""
    return database_optimize()

from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.catalog.services import stock_inbox_read


@task()
def stock_inbox_read_task() -> int:
    """Scheduled: apply the stock files the ERP dropped in CHENGXIN_STOCK_INBOX; returns how
    many files were read (applied or refused)."""
    with origin(Origin.SYSTEM):
        return len(stock_inbox_read())

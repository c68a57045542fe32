from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.outbox.services.sending import outbox_send_due, outbox_send_one


@task()
def outbox_send_task(message_pk: int) -> str | None:
    """Enqueued when a message is written: send it now if it is due."""
    with origin(Origin.SYSTEM):
        return outbox_send_one(message_pk=message_pk)


@task()
def outbox_send_due_task() -> dict[str, int]:
    """Scheduled every minute: messages whose window opened or whose retry is due."""
    with origin(Origin.SYSTEM):
        return outbox_send_due()

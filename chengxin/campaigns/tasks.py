from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.campaigns.services.sending import campaigns_send_due


@task()
def campaigns_send_due_task() -> dict[str, int]:
    """Scheduled every five minutes: touches due within the hour go to the outbox (held
    until their moment) or become the rep's tasks; the outbox's results come back."""
    with origin(Origin.SYSTEM):
        return campaigns_send_due()

"""Tasks that bring mail in or finish its way in, each through the pipeline."""

from django.tasks import task

from chengxin.audit.context import Origin, origin
from chengxin.inbound.pipeline import message_receive, messages_process_pending
from chengxin.mail.models import Mailbox
from chengxin.mail.services.polling import mailbox_poll, mailbox_poll_all


@task()
def mail_poll_task() -> int:
    """Scheduled: fetch new mail from every active mailbox; the number of messages stored."""
    with origin(Origin.SYSTEM):
        return sum(result.stored for result in mailbox_poll_all(receive=message_receive))


@task()
def mailbox_poll_task(mailbox_id: int) -> int:
    """ "Check now" on a mailbox's page."""
    mailbox = Mailbox.objects.filter(pk=mailbox_id).first()
    if mailbox is None:
        return 0
    with origin(Origin.SYSTEM):
        return mailbox_poll(mailbox=mailbox, receive=message_receive).stored


@task()
def messages_process_pending_task() -> int:
    """Scheduled: assess (and act on) any stored message whose assessment failed or is
    missing."""
    with origin(Origin.SYSTEM):
        return messages_process_pending()

from django.tasks import task

from chengxin.audit.services import audit_checkpoint_mail, audit_checkpoint_write


@task()
def audit_checkpoint_task() -> int:
    """Scheduled: append a signed checkpoint of the audit trail to the checkpoint file."""
    return audit_checkpoint_write().head_seq


@task()
def audit_checkpoint_mail_task() -> int:
    """Scheduled daily: a checkpoint, mailed to the managers too; the messages queued."""
    return len(audit_checkpoint_mail())

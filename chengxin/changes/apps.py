import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("chengxin.changes")


def _delivery_changed(sender, message_pk: int, **kwargs) -> None:
    """A letter of the loop left the outbox (or could not): put it on the timeline."""
    from chengxin.changes.services import change_delivery_record

    try:
        change_delivery_record(message_pk=message_pk)
    except Exception:
        logger.exception("Recording the delivery of outbound message %s failed", message_pk)


class ChangesConfig(AppConfig):
    name = "chengxin.changes"
    label = "changes"
    verbose_name = _("Contact changes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The outbox (below changes) says when a letter left; the guard's proposals come
        # by a direct call from the inbound pipeline, not by a signal.
        from chengxin.outbox.signals import delivery_changed

        delivery_changed.connect(_delivery_changed, dispatch_uid="changes.delivery")

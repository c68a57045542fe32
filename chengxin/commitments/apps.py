from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _shipment_saved(sender, instance, **kwargs) -> None:
    """A shipment's dates changed (ETD, ETA, departure, delivery): once saved, the order's
    promises are evaluated again by a queued task rather than at the next hourly run.
    (The orders app, below this one, cannot call it.)"""
    from django.db import transaction

    from chengxin.commitments.tasks import commitments_check_order_task

    order_id = instance.order_id
    transaction.on_commit(lambda: commitments_check_order_task.enqueue(order_id))


def _delivery_changed(sender, message_pk: int, **kwargs) -> None:
    """A message left the outbox (or could not): a delay warning's fate is recorded."""
    import logging

    from chengxin.commitments.services import warning_delivery_record

    try:
        warning_delivery_record(message_pk=message_pk)
    except Exception:
        logging.getLogger("chengxin.commitments").exception(
            "Recording the delivery of outbound message %s failed", message_pk
        )


def _order_step_saved(sender, instance, created: bool, **kwargs) -> None:
    """Production started (or the order was cancelled): the promises follow at once."""
    if created and instance.kind in ("production", "cancelled"):
        _shipment_saved(sender, instance)


class CommitmentsConfig(AppConfig):
    name = "chengxin.commitments"
    label = "commitments"
    verbose_name = _("Commitments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from chengxin.outbox.signals import delivery_changed

        delivery_changed.connect(_delivery_changed, dispatch_uid="commitments.delivery")
        post_save.connect(
            _shipment_saved, sender="orders.OrderShipment", dispatch_uid="commitments.shipment"
        )
        post_save.connect(
            _order_step_saved, sender="orders.OrderStep", dispatch_uid="commitments.order_step"
        )

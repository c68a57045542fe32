"""The guard's assessments feed change proposals: after a message is assessed with the
contact-change signal, a proposed change request is opened (once the assessment commits)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save

logger = logging.getLogger("chengxin.changes")


def _assessment_saved(sender, instance, **kwargs) -> None:
    from chengxin.changes.services import CONTACT_CHANGE_SIGNAL, change_propose_from_assessment

    if not any(s.get("code") == CONTACT_CHANGE_SIGNAL for s in instance.signals or []):
        return

    def propose() -> None:
        try:
            change_propose_from_assessment(assessment=instance)
        except Exception:
            logger.exception("Proposing a change request for assessment %s failed", instance.pk)

    transaction.on_commit(propose)


def _delivery_changed(sender, message_pk: int, **kwargs) -> None:
    """A letter of the loop left the outbox (or could not): put it on the timeline."""
    from chengxin.changes.services import change_delivery_record

    try:
        change_delivery_record(message_pk=message_pk)
    except Exception:
        logger.exception("Recording the delivery of outbound message %s failed", message_pk)


def connect() -> None:
    from chengxin.guard.models import Assessment
    from chengxin.outbox.signals import delivery_changed

    post_save.connect(_assessment_saved, sender=Assessment, dispatch_uid="changes.propose")
    delivery_changed.connect(_delivery_changed, dispatch_uid="changes.delivery")

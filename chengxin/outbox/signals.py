"""What the outbox tells other apps."""

from django.dispatch import Signal

# Sent (with ``message_pk``) once a message was handed to its transport ("sent") or the
# outbox gave up on it ("failed_permanently", "bounced"); after the status is saved.
delivery_changed = Signal()

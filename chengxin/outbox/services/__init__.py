"""The outbox's services, one module per concern:

* :mod:`.writing` - queueing a message (``outbox_enqueue``), cancelling it, sending it
  now, and who may;
* :mod:`.sending` - carrying messages out: claiming, handing over to SMTP or a chat
  transport, retries with backoff, bounces, "not delivered" notices (the delivery
  guarantees are told there);
* :mod:`.hours` - the recipient's working hours.

Many apps write to the outbox, so its public names are re-exported here.
"""

from chengxin.outbox.services.hours import contact_window, contact_window_set
from chengxin.outbox.services.sending import (
    MAX_ATTEMPTS,
    STALE_SENDING,
    chat_channel_configured,
    outbox_bounce_record,
    outbox_release_stale,
    outbox_send_due,
    outbox_send_one,
    smtp_relay_configured,
)
from chengxin.outbox.services.writing import (
    may_manage,
    outbox_cancel,
    outbox_enqueue,
    outbox_send_now,
)

__all__ = [
    "MAX_ATTEMPTS",
    "STALE_SENDING",
    "chat_channel_configured",
    "contact_window",
    "contact_window_set",
    "may_manage",
    "outbox_bounce_record",
    "outbox_cancel",
    "outbox_enqueue",
    "outbox_release_stale",
    "outbox_send_due",
    "outbox_send_now",
    "outbox_send_one",
    "smtp_relay_configured",
]

"""The change-request loop: open → confirm → verify (→ approve) → apply → notice → review.

Every step is a service that loads the request under a row lock, checks who may act and
that the request is exactly at that step, records a ChangeStep and an audit entry, and
moves the state forward (:mod:`chengxin.workflow.services`). Pages and API call these, so
neither can skip, reorder or repeat a step. One module per step:

* :mod:`.opening` - by hand (``change_open``); :mod:`.proposal` - by the fraud guard from
  an assessment (``change_propose_from_assessment``);
* :mod:`.confirmation` - the letter restating the new value, to an address on file;
* :mod:`.verification` - the out-of-band check; :mod:`.approval` - a manager's, for a
  high-risk message; :mod:`.rejection` - withdrawn, or denied by the contact;
* :mod:`.applying` - the new value written, the old one retired;
* :mod:`.notice` - the first letter to the new value; :mod:`.review` - a week later;
* :mod:`.delivery` - what the outbox did with the letters, on the timeline;
* :mod:`.steps` and :mod:`.letters` - what the steps share.

The services other apps call are named here; the app's own modules import each step's
module.
"""

from chengxin.changes.services.confirmation import change_confirm_send
from chengxin.changes.services.delivery import change_delivery_record
from chengxin.changes.services.opening import change_open
from chengxin.changes.services.proposal import (
    CONTACT_CHANGE_SIGNAL,
    change_propose_from_assessment,
)

__all__ = [
    "CONTACT_CHANGE_SIGNAL",
    "change_confirm_send",
    "change_delivery_record",
    "change_open",
    "change_propose_from_assessment",
]

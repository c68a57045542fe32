"""Writing campaigns, one module per stage:

* :mod:`.plans` - a draft, its changes, a manager's override of the rules it breaks;
* :mod:`.launch` - the recipients and their touches, scheduled in each buyer's hours;
* :mod:`.sending` - the touches due become outbox messages or the rep's tasks, and the
  outbox's results come back;
* :mod:`.acknowledgement` - the buyer opens their link and confirms;
* :mod:`.calls` - the rep's call outcome and perk;
* :mod:`.closing` - cancel, complete, finance's task once the old account closed.

Who may do what: :mod:`chengxin.campaigns.permissions`. Every write is atomic and
audited; a plan moves from state to state through ``workflow.services.advance``.

Within the app, import from the stage's module. The names below are what other apps
call (the demo, the approvals page, the benchmarks).
"""

from chengxin.campaigns.permissions import plan_overriders
from chengxin.campaigns.selectors import awaits_override
from chengxin.campaigns.services.closing import CLOSE_KIND
from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.services.plans import PlanInput, plan_create
from chengxin.campaigns.services.sending import campaigns_send_due

__all__ = [
    "CLOSE_KIND",
    "PlanInput",
    "awaits_override",
    "campaigns_send_due",
    "plan_create",
    "plan_launch",
    "plan_overriders",
]

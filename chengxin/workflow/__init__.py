"""The workflow core: what every audited, step-by-step process stands on.

A bank account's approval, a contact change, a fee claim, an account-change campaign and
the orders to come are each a row with a state that people move forward one step at a
time. This package holds what those processes share, so that each is written once:

* :mod:`~chengxin.workflow.models` - ``Step``, the abstract timeline row (kind, actor,
  time, details, notes) each process subclasses;
* :mod:`~chengxin.workflow.services` - ``locked`` (the row again under a lock),
  ``require_state`` (one error code, ``wrong_step``) and ``advance`` (save, step and audit
  in one call);
* :mod:`~chengxin.workflow.four_eyes` - who may give an approval: a rule per item (not by
  these people, these roles, a second factor), applied to every user so a page can say
  who may and why nobody can;
* :mod:`~chengxin.workflow.notify` - telling people in their own language;
* :mod:`~chengxin.workflow.views` - ``run_step``, the one view helper for a step's form
  and its errors; :mod:`~chengxin.workflow.api` - the step schema for the JSON API;
* :mod:`~chengxin.workflow.selectors` - the time between two steps (the trust figures).

It stands in the kernel: it imports core, audit, accounts and notifications, and no
domain app.
"""

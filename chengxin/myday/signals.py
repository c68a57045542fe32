"""A change of users (deactivated, another role) that leaves a pending approval without
anyone to give it is told to the administrators."""

from chengxin.myday import approvals


def approvals_watch_rights_change(sender, *, user, **kwargs):
    """Before the change: what was blocked already; after it, tell what is newly blocked."""
    blocked_before = approvals.blocked_approvals()
    return lambda: approvals.approvals_tell_newly_blocked(blocked_before=blocked_before)

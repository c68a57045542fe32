"""Who does what: the people a feature turns to for money matters."""

from __future__ import annotations

from django.db.models import Count, Q

from chengxin.accounts.models import Role, User

# Money questions go to finance; to managers when there is no finance user; to
# administrators last.
FINANCE_ESCALATION = (Role.FINANCE, Role.MANAGER, Role.ADMIN)


def finance_desk() -> list[User]:
    """Everyone who should hear of a money matter at once: every active finance user,
    or the next role down when there is none."""
    for role in FINANCE_ESCALATION:
        users = list(User.objects.filter(role=role, is_active=True).order_by("pk"))
        if users:
            return users
    return []


def finance_assignee(*, exclude: User | None = None) -> User | None:
    """Who takes a money task: the active finance user with the fewest open tasks (a
    manager when there is none, then an administrator), never ``exclude``."""
    for role in FINANCE_ESCALATION:
        candidates = User.objects.filter(role=role, is_active=True)
        if exclude is not None:
            candidates = candidates.exclude(pk=exclude.pk)
        user = (
            candidates.annotate(open_tasks=Count("todos", filter=Q(todos__done_at__isnull=True)))
            .order_by("open_tasks", "pk")
            .first()
        )
        if user is not None:
            return user
    return None


def audit_checkpoint_recipients() -> list[User]:
    """Who receives the daily audit checkpoint by mail: every active manager with an
    address (named by ``CHENGXIN_AUDIT_CHECKPOINT_RECIPIENTS``)."""
    managers = User.objects.filter(role=Role.MANAGER, is_active=True).exclude(email="")
    return list(managers.order_by("pk"))

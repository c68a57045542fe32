"""Reading commitments, filtered by who may see the order; the promises-kept figures."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from chengxin.commitments import rules
from chengxin.commitments.models import (
    DelayWarning,
    Milestone,
    MilestoneState,
    ProductionPhoto,
    ProductionUpdate,
    WarningState,
)
from chengxin.orders.models import Order, OrderState
from chengxin.orders.selectors import visible_orders


def _visible_order_ids(user):
    """The ids of the orders ``user`` may see (as the orders app decides)."""
    return visible_orders(user).values("pk")


def order_get(*, user, pk: int) -> Order:
    """The order if ``user`` may see it; Order.DoesNotExist otherwise."""
    return Order.objects.select_related("company", "owner").get(
        pk=pk, pk__in=_visible_order_ids(user)
    )


def visible_milestones(user) -> QuerySet[Milestone]:
    """Milestones of the orders ``user`` may see."""
    if not (user.is_authenticated and user.is_active):
        return Milestone.objects.none()
    return Milestone.objects.filter(order__in=_visible_order_ids(user)).select_related(
        "order__company", "order__owner", "promised_by", "promised_to"
    )


def milestone_get(*, user, pk: int) -> Milestone:
    return visible_milestones(user).select_related("shipment").get(pk=pk)


def order_milestones(order: Order) -> list[Milestone]:
    """The order's promises, the earliest first, each with its open warning (or None)
    as ``open_warning`` (two queries)."""
    milestones = list(
        Milestone.objects.filter(order=order).select_related("promised_by", "promised_to")
    )
    warnings = {
        w.milestone_id: w
        for w in DelayWarning.objects.filter(milestone__order=order, state=WarningState.OPEN)
    }
    for milestone in milestones:
        milestone.order = order
        milestone.open_warning = warnings.get(milestone.pk)  # type: ignore[attr-defined]
    return milestones


def warning_get(*, user, pk: int) -> DelayWarning:
    return DelayWarning.objects.select_related(
        "milestone__order__company", "milestone__order__owner", "contact", "sent_by"
    ).get(pk=pk, milestone__order__in=_visible_order_ids(user))


def update_get(*, user, pk: int) -> ProductionUpdate:
    return ProductionUpdate.objects.select_related("order__company", "created_by").get(
        pk=pk, order__in=_visible_order_ids(user)
    )


def photo_get(*, user, pk: int) -> ProductionPhoto:
    return ProductionPhoto.objects.get(pk=pk, update__order__in=_visible_order_ids(user))


def order_updates(order: Order, *, limit: int | None = None) -> list[ProductionUpdate]:
    """The order's production updates, newest first, each with its photos' ids and names
    (``photo_list``), without the photos' bytes."""
    updates = ProductionUpdate.objects.filter(order=order).select_related("created_by", "sent_by")
    if limit is not None:
        updates = updates[:limit]
    updates = list(updates)
    photos: dict[int, list] = {}
    for photo in ProductionPhoto.objects.filter(update__in=[u.pk for u in updates]).only(
        "pk", "update_id", "name", "width", "height"
    ):
        photos.setdefault(photo.update_id, []).append(photo)
    for update in updates:
        update.order = order
        update.photo_list = photos.get(update.pk, [])  # type: ignore[attr-defined]
    return updates


@dataclass
class OwnerAttention:
    """One owner's promises at risk or broken (and not done), the earliest first."""

    owner: object
    milestones: list[Milestone] = field(default_factory=list)


def needing_attention(user) -> list[OwnerAttention]:
    """Every promise at risk, or broken and not done, that ``user`` may see, per order
    owner (unowned last), each with its open warning (or None) as ``open_warning``."""
    milestones = list(
        visible_milestones(user)
        .filter(
            Q(state=MilestoneState.AT_RISK) | Q(state=MilestoneState.BROKEN, done_on__isnull=True)
        )
        .exclude(order__state=OrderState.CANCELLED)
        .order_by("promised_on", "id")
    )
    warnings = {
        w.milestone_id: w
        for w in DelayWarning.objects.filter(
            milestone__in=[m.pk for m in milestones], state=WarningState.OPEN
        )
    }
    groups: dict[int | None, OwnerAttention] = {}
    for milestone in milestones:
        milestone.open_warning = warnings.get(milestone.pk)  # type: ignore[attr-defined]
        owner = milestone.order.owner
        key = owner.pk if owner is not None else None
        groups.setdefault(key, OwnerAttention(owner=owner)).milestones.append(milestone)
    return sorted(groups.values(), key=lambda g: (g.owner is None, str(g.owner) if g.owner else ""))


def promises_kept(company) -> dict:
    """The promises made to ``company`` that are settled: ``kept``, ``broken_warned``
    (the buyer was warned at least CHENGXIN_DELAY_WARNING_DAYS before the date) and
    ``broken_unwarned`` (no warning in time: these count against us)."""
    days = settings.CHENGXIN_DELAY_WARNING_DAYS
    in_time = Q(warned_days_ahead__gte=days)
    counts = Milestone.objects.filter(order__company=company).aggregate(
        kept=Count("pk", filter=Q(state=rules.KEPT)),
        broken_warned=Count("pk", filter=Q(state=rules.BROKEN) & in_time),
        broken_unwarned=Count("pk", filter=Q(state=rules.BROKEN) & ~in_time),
    )
    return {key: counts[key] or 0 for key in ("kept", "broken_warned", "broken_unwarned")}

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet

from chengxin.outbox.models import OutboundMessage, Status
from chengxin.parties.models import Company
from chengxin.parties.permissions import visible_companies_q


def outbox_sent_to_since(*, value: str, since: datetime.datetime) -> QuerySet[OutboundMessage]:
    """Messages delivered to ``value`` (an address or number) at or after ``since``."""
    return OutboundMessage.objects.filter(
        to_address__iexact=value.strip(), sent_at__gte=since
    ).exclude(status=Status.CANCELLED)


def outbox_bounces_since(*, value: str, since: datetime.datetime) -> QuerySet[OutboundMessage]:
    """Messages to ``value`` that bounced at or after ``since``."""
    return OutboundMessage.objects.filter(
        to_address__iexact=value.strip(), status=Status.BOUNCED, bounced_at__gte=since
    )


def _visible_q(user) -> Q:
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.sees_all_customers:
        return Q()
    companies = Company.objects.filter(visible_companies_q(user)).values("pk")
    return Q(company__in=companies) | Q(company__isnull=True, created_by=user)


def outbox_list(*, user, status: str = "") -> QuerySet[OutboundMessage]:
    messages = OutboundMessage.objects.filter(_visible_q(user)).select_related(
        "company", "contact", "created_by"
    )
    if status:
        messages = messages.filter(status=status)
    return messages


def outbox_get(*, user, pk: int) -> OutboundMessage:
    """The message, or ``OutboundMessage.DoesNotExist`` if the user may not see it."""
    return (
        OutboundMessage.objects.filter(_visible_q(user))
        .select_related("company", "contact", "created_by")
        .get(pk=pk)
    )


def outbox_counts(*, user) -> dict[str, int]:
    """How many visible messages are in each status."""
    rows = (
        OutboundMessage.objects.filter(_visible_q(user))
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


def company_outbound_messages(*, company) -> QuerySet[OutboundMessage]:
    return OutboundMessage.objects.filter(company=company).select_related("contact")

"""Where a campaign's rows point: the staff pages, and the related item of a rep's task."""

from __future__ import annotations

from django.urls import reverse

from chengxin.campaigns.models import ChangePlan, Recipient

# A rep's task about one buyer of a campaign (``todo_create(related=(RELATED, pk))``).
RELATED = "campaigns.recipient"


def plan_link(plan: ChangePlan) -> str:
    return reverse("campaigns:plan_detail", args=[plan.pk])


def campaign_link(recipient: Recipient) -> str:
    """The buyer's row on the campaign page."""
    return reverse("campaigns:plan_detail", args=[recipient.plan_id]) + f"#r{recipient.pk}"

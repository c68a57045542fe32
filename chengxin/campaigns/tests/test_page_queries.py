import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chengxin.campaigns.services.launch import plan_launch
from chengxin.campaigns.tests.conftest import buyer
from chengxin.testing import login
from chengxin.testing.campaigns import NOW

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["owner", "finance"])
def test_the_campaign_page_does_not_query_per_buyer(client, request, who, finance, owner, plan):
    for n in range(3):
        buyer(owner, name=f"First Buyer {n} Ltd", country="GB", tz="Europe/London")
    plan_launch(actor=finance, plan=plan, now=NOW)
    user = request.getfixturevalue(who)
    login(client, user)
    url = reverse("campaigns:plan_detail", args=[plan.pk])
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).status_code == 200
    for n in range(6):
        recipient_company = buyer(
            owner, name=f"Later Buyer {n} Ltd", country="GB", tz="Europe/London"
        )
        plan.recipients.create(
            company=recipient_company,
            contact=recipient_company.contacts.get(),
            language="en",
            token_digest=f"{n:064d}",
            token_encrypted="x",
        )
    with CaptureQueriesContext(connection) as nine:
        assert client.get(url).status_code == 200
    assert len(nine.captured_queries) == len(three.captured_queries)

"""Searches count their matches only up to a limit."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from chengxin.core.pagination import CappedPaginator
from chengxin.core.schedules import SCHEDULES
from chengxin.core.services import database_optimize
from chengxin.parties import views as party_views
from chengxin.parties.models import Company
from chengxin.testing import make_company


@pytest.fixture
def buyers(owner):
    return [
        make_company(actor=owner, name=f"Schmidt Leuchten {n} GmbH", email=f"k.schmidt@s{n}.de")
        for n in range(1, 6)
    ]


def test_counts_up_to_the_limit_and_says_there_are_more(buyers):
    companies = Company.objects.order_by("legal_name")
    capped = CappedPaginator(companies, 2, at_most=3)
    assert capped.count == 4 and capped.is_capped
    page = capped.get_page(1)
    assert [c.legal_name for c in page] == ["Schmidt Leuchten 1 GmbH", "Schmidt Leuchten 2 GmbH"]
    assert page.has_next()

    exact = CappedPaginator(companies, 2, at_most=5)
    assert exact.count == 5 and not exact.is_capped
    assert exact.num_pages == 3


def test_a_short_first_page_needs_no_count(buyers, django_assert_num_queries):
    companies = Company.objects.order_by("legal_name")
    with django_assert_num_queries(1):
        page = CappedPaginator(companies, 10, at_most=3).get_page(None)
        assert len(page) == 5 and page.paginator.count == 5
        assert not page.paginator.is_capped and not page.has_next()
    with django_assert_num_queries(2):  # a full first page: the rows, then the count
        page = CappedPaginator(companies, 2, at_most=3).get_page("1")
        assert [c.legal_name for c in page] == [
            "Schmidt Leuchten 1 GmbH",
            "Schmidt Leuchten 2 GmbH",
        ]
        assert page.paginator.is_capped and page.has_next()


def test_a_deep_page_stays_reachable(buyers):
    paginator = CappedPaginator(
        Company.objects.order_by("legal_name"), 2, at_most=1, requested_page="3"
    )
    page = paginator.get_page("3")
    assert page.number == 3
    assert [c.legal_name for c in page] == ["Schmidt Leuchten 5 GmbH"]
    assert CappedPaginator(Company.objects.all(), 2, at_most=1, requested_page="x").at_most == 1


def test_the_search_page_says_more_than_n(client_for, owner, buyers, monkeypatch):
    monkeypatch.setattr(party_views, "SEARCH_COUNT_LIMIT", 3)
    monkeypatch.setattr(party_views, "PAGE_SIZE", 2)
    client = client_for(owner)
    page = client.get(reverse("parties:company_list"), {"q": "schmidt@"})
    text = page.content.decode()
    with translation.override("zh-hans"):
        more = gettext("More than %(limit)s customers match; type more to narrow the search.")
        page_1 = gettext("Page %(number)s") % {"number": 1}
    assert more % {"limit": "3"} in text
    assert page_1 in text
    for company in buyers[:2]:
        assert reverse("parties:company_detail", args=[company.pk]) in text
    # The next page is there even though the count stopped at 3.
    page = client.get(reverse("parties:company_list"), {"q": "schmidt@", "page": "3"})
    assert reverse("parties:company_detail", args=[buyers[4].pk]) in page.content.decode()
    # Fewer matches than a page: the exact number.
    page = client.get(reverse("parties:company_list"), {"q": "k.schmidt@s2.de"})
    assert not page.context["page"].paginator.is_capped
    assert page.context["page"].paginator.count == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite keeps no statistics alone")
@pytest.mark.django_db
def test_database_optimize_gives_sqlite_statistics(owner):
    make_company(actor=owner, name="Weber Licht GmbH")
    assert database_optimize() is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'parties_company'")
        assert cursor.fetchone()[0] > 0
    assert "chengxin.core.tasks.database_optimize_task" in {s.task for s in SCHEDULES}

"""The stock badge other pages put on their lines, and ``stock_for``."""

import datetime

from django.template import Context, Template
from django.utils import timezone

from chengxin.catalog.models import StockLevel
from chengxin.catalog.selectors import stock_for

NOW = timezone.now()


def level(product, *, quantity="1200", hours_ago=1):
    return StockLevel.objects.create(
        product=product,
        quantity=quantity,
        unit=product.unit,
        as_of=NOW - datetime.timedelta(hours=hours_ago),
        received_at=NOW,
        source="file",
        source_name="erp.csv",
    )


def render(source, **context):
    return Template("{% load catalog_tags %}" + source).render(Context(context))


def test_unknown_stock_says_so(lamp, english):
    assert "no stock data" in render("{% stock_badge product %}", product=lamp)
    assert "no stock data" in render("{% stock_badge product %}", product=None)
    assert "no stock data" in render("{% stock_badge product %}", product=lamp.pk)


def test_a_level_with_its_time_in_the_viewers_zone(lamp, english, settings):
    stock = level(lamp, quantity="1200.5")
    with timezone.override("Asia/Shanghai"):
        shown = render("{% stock_badge product %}", product=lamp)
        expected = timezone.localtime(stock.as_of).strftime("%Y-%m-%d %H:%M")
    assert "1,200.5 pcs in stock, as of " + expected in shown
    assert "CST" in shown or "+08" in shown
    assert "stale" not in shown
    with timezone.override("Europe/Berlin"):
        berlin = render("{% stock_badge product %}", product=lamp.pk)
    assert (
        timezone.localtime(stock.as_of, timezone=timezone.get_fixed_timezone(60)).strftime("%H:%M")
        in berlin
    )


def test_a_level_older_than_48_hours_is_marked_stale(lamp, english, settings):
    level(lamp, hours_ago=49)
    assert 'data-testid="stock-stale"' in render("{% stock_badge product %}", product=lamp)
    settings.CHENGXIN_STOCK_STALE_HOURS = 72
    assert "stale" not in render("{% stock_badge product %}", product=lamp)


def test_a_list_passes_its_levels_to_avoid_a_query_per_line(
    lamp, shirt, english, django_assert_num_queries
):
    level(lamp)
    with django_assert_num_queries(1):
        levels = stock_for([lamp.pk, shirt.pk])
    with django_assert_num_queries(0):
        shown = render(
            "{% for p in products %}{% stock_badge p stock=levels %}|{% endfor %}",
            products=[lamp, shirt],
            levels=levels,
        )
    first, second, _ = shown.split("|")
    assert "1,200 pcs" in first and "no stock data" in second


def test_stock_for_nothing_asks_nothing(django_assert_num_queries, db):
    with django_assert_num_queries(0):
        assert stock_for([]) == {}

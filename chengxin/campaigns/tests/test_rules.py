import datetime

from django.utils import translation

from chengxin.campaigns.rules import (
    SECOND_CHANGE,
    SHORT_NOTICE,
    THIRD_ACCOUNT,
    Breach,
    PlanFacts,
    plan_breaches,
    uncovered,
)

DAY = datetime.date(2026, 11, 2)


def facts(**kw) -> PlanFacts:
    values = {
        "announce_on": DAY,
        "parallel_from": DAY + datetime.timedelta(days=35),
        "old_account_id": 1,
        "new_account_id": 2,
        "active_receiving_ids": frozenset({1, 2}),
        "other_change_days": (),
    }
    values.update(kw)
    return PlanFacts(**values)


def test_a_plan_that_keeps_every_rule_breaks_none():
    assert plan_breaches(facts(), notice_days=30) == []


def test_notice_counts_days_from_announcement_to_change():
    assert (
        plan_breaches(facts(parallel_from=DAY + datetime.timedelta(days=30)), notice_days=30) == []
    )
    [breach] = plan_breaches(facts(parallel_from=DAY + datetime.timedelta(days=29)), notice_days=30)
    assert breach == Breach(SHORT_NOTICE, {"days": 29, "required": 30})
    # The notice period is configurable.
    assert (
        plan_breaches(facts(parallel_from=DAY + datetime.timedelta(days=29)), notice_days=14) == []
    )


def test_a_third_active_receiving_account_is_a_breach():
    [breach] = plan_breaches(facts(active_receiving_ids=frozenset({1, 2, 3})), notice_days=30)
    assert breach == Breach(THIRD_ACCOUNT, {"count": 3, "limit": 2})
    # The plan's own accounts count even if one is not in the list.
    assert plan_breaches(facts(active_receiving_ids=frozenset({1})), notice_days=30) == []
    [breach] = plan_breaches(facts(active_receiving_ids=frozenset({1, 7})), notice_days=30)
    assert breach.code == THIRD_ACCOUNT


def test_a_second_change_within_twelve_months_is_a_breach():
    change = DAY + datetime.timedelta(days=35)
    earlier = change - datetime.timedelta(days=300)
    long_ago = change - datetime.timedelta(days=400)
    [breach] = plan_breaches(facts(other_change_days=(long_ago, earlier)), notice_days=30)
    assert breach == Breach(SECOND_CHANGE, {"other": earlier.isoformat()})
    assert plan_breaches(facts(other_change_days=(long_ago,)), notice_days=30) == []


def test_all_breaches_at_once_and_what_an_override_covers():
    breaches = plan_breaches(
        facts(
            parallel_from=DAY + datetime.timedelta(days=10),
            active_receiving_ids=frozenset({1, 2, 3}),
            other_change_days=(DAY,),
        ),
        notice_days=30,
    )
    assert [b.code for b in breaches] == [SHORT_NOTICE, THIRD_ACCOUNT, SECOND_CHANGE]
    assert [b.code for b in uncovered(breaches, [SHORT_NOTICE])] == [THIRD_ACCOUNT, SECOND_CHANGE]
    assert uncovered(breaches, [SHORT_NOTICE, THIRD_ACCOUNT, SECOND_CHANGE]) == []
    assert Breach.from_json(breaches[0].as_json()) == breaches[0]


def test_breach_messages_name_the_figures():
    with translation.override("en"):
        assert Breach(SHORT_NOTICE, {"days": 12, "required": 30}).message() == (
            "Only 12 days' notice before the change; announce it at least 30 days ahead."
        )
        assert (
            "3 active receiving accounts"
            in Breach(THIRD_ACCOUNT, {"count": 3, "limit": 2}).message()
        )
        assert "2026-03-01" in Breach(SECOND_CHANGE, {"other": "2026-03-01"}).message()

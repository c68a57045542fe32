"""The letters a buyer reads: signed with the rep's name in the letter's script, and
never telling the buyer that nothing is open."""

from __future__ import annotations

import pytest
from django.conf import settings

from chengxin.changes import drafts
from chengxin.changes.services import confirmation, notice

COMPANY = settings.CHENGXIN_COMPANY_NAME


@pytest.fixture
def rep(owner):
    owner.name_chinese, owner.name_latin = "李娜", "Nina Li"
    owner.save(update_fields=["name_chinese", "name_latin"])
    return owner


@pytest.mark.parametrize(
    ("language", "signature"),
    [
        ("en", f"Nina Li\n{COMPANY}"),
        ("de", f"Nina Li\n{COMPANY}"),
        ("fr", f"Nina Li\n{COMPANY}"),
        ("zh-hans", f"李娜\n{COMPANY}"),
    ],
)
def test_letters_are_signed_with_the_reps_name_in_the_letters_script(
    rep, change, language, signature
):
    change.contact.language = language
    confirm = confirmation.change_confirm_draft(request=change, actor=rep)
    effective = notice.change_notice_draft(request=change, actor=rep)
    assert confirm.body.endswith(signature)
    assert effective.body.endswith(signature)
    other = "李娜" if language != "zh-hans" else "Nina Li"
    assert other not in confirm.body and other not in effective.body


def test_a_rep_with_only_a_chinese_name_signs_english_letters_with_the_company_alone(owner, change):
    owner.first_name, owner.last_name = "娜", "李"
    owner.save(update_fields=["first_name", "last_name"])
    change.contact.language = "en"
    english = confirmation.change_confirm_draft(request=change, actor=owner)
    assert english.body.endswith(f"Thank you again,\n{COMPANY}")
    assert "李" not in english.body
    change.contact.language = "zh-hans"
    chinese = confirmation.change_confirm_draft(request=change, actor=owner)
    assert chinese.body.endswith(f"李娜\n{COMPANY}")  # family name first


def test_display_name_falls_back_to_first_and_last_name(owner):
    assert owner.display_name_for("en") == "Li Na"
    assert owner.display_name_for("zh-hans") == "Li Na"  # better than no name at all
    owner.name_chinese = "李娜"
    assert owner.display_name_for("zh-hans") == "李娜"
    assert owner.display_name_for("de") == "Li Na"


@pytest.mark.parametrize("language", ["en", "zh-hans", "de", "es", "fr"])
def test_the_notice_does_not_tell_the_buyer_that_no_order_is_open(rep, change, language):
    change.contact.language = language
    body = notice.change_notice_draft(request=change, actor=rep).body
    for phrase in ("open orders", "未完成", "offenen Aufträge", "pedidos", "commandes"):
        assert phrase not in body
    assert "\n\n\n" not in body


def test_open_orders_are_listed_when_there_are_some():
    letter = drafts.notice_letter(
        language="en",
        name="Anna",
        kind="email",
        new_value="anna@example.de",
        sender="Nina Li",
        open_orders=["PO 4711: shipped, ETA Hamburg 12 Dec"],
    )
    assert "Your open orders with us:\n- PO 4711: shipped, ETA Hamburg 12 Dec\n\n" in letter.body

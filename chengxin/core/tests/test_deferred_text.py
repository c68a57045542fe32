"""Deferred texts: stored untranslated, written in the language (and time zone) of
whoever reads them."""

from __future__ import annotations

import datetime
import json
import zoneinfo

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, pgettext_lazy

from chengxin.core.deferred_text import (
    DeferredText,
    deferred,
    render,
    rendered_by,
    text_and_message,
    to_json,
)

PROPOSED = gettext_lazy("%(contact)s may have changed their email address")


def _read(stored, language: str) -> str:
    # What is stored goes through the database as JSON.
    stored = json.loads(json.dumps(stored))
    with translation.override(language):
        return render(stored)


def test_a_message_made_in_chinese_reads_in_english_and_back():
    with translation.override("zh-hans"):
        stored = to_json(deferred(PROPOSED, contact="Anna Schmidt"))
    assert _read(stored, "en") == "Anna Schmidt may have changed their email address"
    assert _read(stored, "zh-hans") == "Anna Schmidt 可能更换了邮箱地址"


def test_the_msgid_and_context_are_stored_not_a_translation():
    with translation.override("zh-hans"):
        stored = to_json(deferred(pgettext_lazy("status", "Sent")))
    assert stored == {"msgid": "Sent", "context": "status"}


def test_a_parameter_that_is_itself_a_message_is_translated_for_the_reader():
    stored = to_json(
        deferred(
            gettext_lazy("Possible fraud (%(level)s risk): message from %(sender)s"),
            level=gettext_lazy("critical"),
            sender="anna@mueiler-maschinen.de",
        )
    )
    assert _read(stored, "en") == (
        "Possible fraud (critical risk): message from anna@mueiler-maschinen.de"
    )
    assert _read(stored, "zh-hans") == "疑似诈骗（极高风险）：来自 anna@mueiler-maschinen.de 的邮件"


def test_a_time_is_shown_in_the_readers_zone():
    at = datetime.datetime(2026, 11, 20, 8, 0, tzinfo=datetime.UTC)
    stored = to_json(deferred(gettext_lazy("Bank details not on file in %(where)s"), where=at))
    with timezone.override(zoneinfo.ZoneInfo("Asia/Shanghai")):
        assert _read(stored, "en") == "Bank details not on file in 2026-11-20 16:00 (CST)"
    with timezone.override(zoneinfo.ZoneInfo("Europe/Berlin")):
        assert _read(stored, "en") == "Bank details not on file in 2026-11-20 09:00 (CET)"


def test_lines_are_joined_and_plain_data_stays_as_it_is():
    stored = to_json(
        [
            deferred(gettext_lazy("Sent to the old value since the change: %(count)d."), count=2),
            DeferredText(msgid="- %(kind)s %(value)s", params={"kind": "IBAN", "value": "DE89"}),
        ]
    )
    assert _read(stored, "en") == "Sent to the old value since the change: 2.\n- IBAN DE89"
    assert _read(stored, "zh-hans").startswith("变更后发往原值的邮件：2 封。\n- IBAN DE89")


def test_a_broken_translation_falls_back_to_the_english_original():
    stored = {"msgid": "%(who)s did it", "params": {"someone": "Li"}}
    assert _read(stored, "en") == "%(who)s did it"
    assert _read({"msgid": ""}, "en") == ""  # never the catalogue's header


def test_a_plain_string_is_kept_as_it_is_and_a_message_also_gets_its_site_language_text(
    settings,
):
    settings.LANGUAGE_CODE = "en"
    assert text_and_message("Call Anna") == ("Call Anna", None)
    text, message = text_and_message(deferred(PROPOSED, contact="Anna"))
    assert text == "Anna may have changed their email address"
    assert message == {
        "msgid": "%(contact)s may have changed their email address",
        "params": {"contact": "Anna"},
    }


def test_only_registered_renderers_are_called():
    with pytest.raises(ValueError):
        rendered_by("os.system", command="rm")
    assert _read({"renderer": "os.system", "params": {}}, "en") == ""


def test_only_gettext_lazy_and_pgettext_lazy_strings_can_be_deferred():
    from django.utils.text import format_lazy

    with pytest.raises(TypeError):
        deferred(format_lazy("{}", "x"))


def test_lines_may_mix_messages_and_finished_strings(settings):
    settings.LANGUAGE_CODE = "en"
    lines = [deferred(gettext_lazy("Bounced since the change: %(count)d."), count=1), "Zeile 2"]
    text, message = text_and_message(lines)
    assert text == "Bounced since the change: 1.\nZeile 2"
    assert _read(message, "zh-hans").endswith("\nZeile 2")
    assert text_and_message(["a", "b"]) == ("a\nb", None)

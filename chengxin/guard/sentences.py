"""An assessment's signals as sentences in the active language (the engine describes each
one: ``chengxin.guard.signals``)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from chengxin.guard.models import BLOCK_SIGNALS, Assessment
from chengxin.guard.signals import Signal, describe


def signal_sentence(item: dict) -> str:
    """One stored signal (code, weight, params) as a sentence in the active language."""
    return describe(Signal(item["code"], item.get("weight", 0), item.get("params") or {}), _)


def sentences(assessment: Assessment) -> list[str]:
    """Each signal as a sentence in the active language (and dates in the active zone)."""
    result = []
    for item in assessment.signals:
        params = dict(item.get("params") or {})
        if item["code"] in BLOCK_SIGNALS.values() and params.get("at"):
            try:
                at = datetime.datetime.fromisoformat(params["at"])
            except (TypeError, ValueError):
                pass
            else:
                params["date"] = date_format(timezone.localtime(at), "Y-m-d")
        result.append(describe(Signal(item["code"], item.get("weight", 0), params), _))
    return result

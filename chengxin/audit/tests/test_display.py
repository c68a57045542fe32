"""The history on a customer's page in the reader's words: field names, people by
name, times in the reader's zone; never ``done_by: — → 1`` or an ISO timestamp."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import translation

from chengxin.todos.services import todo_complete, todo_create

DONE_AT = datetime.datetime(2026, 11, 20, 8, 0, tzinfo=datetime.UTC)


def _history(client_for, user, company) -> str:
    page = client_for(user).get(reverse("parties:company_detail", args=[company.pk]))
    return page.content.decode().split('data-testid="audit-timeline"', 1)[1].split("</ol>")[0]


def test_a_change_shows_field_names_people_and_local_times(client_for, owner, company):
    task = todo_create(assignee=owner, kind="campaigns.call", title="Call Anna", company=company)
    todo_complete(actor=owner, todo=task, outcome="done", now=DONE_AT)
    owner.language, owner.time_zone = "zh-hans", "Asia/Shanghai"
    owner.save(update_fields=["language", "time_zone"])
    chinese = _history(client_for, owner, company)
    assert "完成时间: — → 2026-11-20 16:00 (CST)" in chinese
    assert f"完成人: — → {owner}" in chinese
    for raw in ("done_by", "done_at", f"→ {owner.pk};", "2026-11-20T08:00"):
        assert raw not in chinese
    owner.language, owner.time_zone = "en", "Europe/Berlin"
    owner.save(update_fields=["language", "time_zone"])
    english = _history(client_for, owner, company)
    assert "done: — → 2026-11-20 09:00 (CET)" in english
    assert f"done by: — → {owner}" in english


def test_a_person_since_deleted_or_an_unknown_field_still_reads(owner, company):
    from chengxin.audit.display import history_changes
    from chengxin.audit.models import AuditEntry

    entry = AuditEntry(
        pk=1,
        action="update",
        object_type="todo",
        before={"done_by": None, "gone_field": "a"},
        after={"done_by": 999999, "gone_field": "b"},
    )
    with translation.override("en"):
        changes = {c.label: (c.old, c.new) for c in history_changes([entry])[1]}
    assert changes == {"done by": ("—", "#999999"), "gone field": ("a", "b")}

"""One English word, several meanings: each meaning has its own Chinese. A page in
Chinese says 已发送 for a message's state and 发送时间 for when it left; 打开 to follow a
link and 未完成 for tasks not done yet; a document's 标题 and a contact's 职位; an
account's 备注名 and its 用途; and no code reaches the screen."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from chengxin.banking.forms import LabelForm, ProposeForm
from chengxin.campaigns.models import TouchState
from chengxin.outbox.models import OutboundMessage, Status
from chengxin.outbox.services import outbox_enqueue
from chengxin.parties.forms import ContactForm
from chengxin.publicrecord.forms import ProofUploadForm
from chengxin.todos.services import todo_create


def _in_chinese(user):
    user.language = "zh-hans"
    user.save(update_fields=["language"])


def test_a_sent_message_shows_its_state_its_time_and_its_purpose_in_chinese(
    client_for, owner, company
):
    _in_chinese(owner)
    contact = company.contacts.get()
    message = outbox_enqueue(
        actor=owner,
        to="anna.schmidt@mueller-maschinen.de",
        subject="PI-2026-017",
        body_text="Dear Anna, …",
        contact=contact,
        company=company,
        purpose="letter",
    )
    OutboundMessage.objects.filter(pk=message.pk).update(
        status=Status.SENT, sent_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    page = client_for(owner).get(reverse("outbox:message_detail", args=[message.pk]))
    html = page.content.decode()
    assert "<dt>发送时间</dt>" in html
    assert "已发送</span>" in html
    assert '<dd data-testid="purpose">业务员来信</dd>' in html
    assert ">letter<" not in html


def test_statuses_named_sent_are_states_not_times():
    with translation.override("zh-hans"):
        assert str(Status.SENT.label) == "已发送"
        assert str(TouchState.SENT.label) == "已发送"


def test_the_tasks_page_says_not_done_for_open_and_open_for_a_link(client_for, owner, company):
    _in_chinese(owner)
    todo_create(
        assignee=owner, kind="compensation.check", title="x", link="/tasks/", company=company
    )
    html = client_for(owner).get(reverse("todos:todo_list")).content.decode()
    assert 'aria-current="page">未完成</a>' in html
    assert '<a href="/tasks/">打开</a>' in html
    assert "<dt>完成时间</dt>" not in html  # an open task has no time done


def test_a_documents_title_and_a_contacts_title_differ():
    with translation.override("zh-hans"):
        assert str(ProofUploadForm.base_fields["title"].label) == "标题"
        assert str(ContactForm.base_fields["title"].label) == "职位"
        assert str(ContactForm.base_fields["name"].label) == "姓名"


def test_an_accounts_label_and_its_purpose_differ():
    with translation.override("zh-hans"):
        assert str(LabelForm.base_fields["label"].label) == "备注名"
        assert str(ProposeForm.base_fields["label"].label) == "备注名"
        assert str(ProposeForm.base_fields["purpose"].label) == "用途"


def test_an_empty_choice_is_in_chinese():
    from django.db.models.utils import get_blank_choice_label

    with translation.override("zh-hans"):
        assert str(get_blank_choice_label()) == "- 请选择 -"


def test_a_language_code_is_shown_as_the_languages_name():
    from chengxin.core.templatetags.languages import language_label

    with translation.override("zh-hans"):
        assert [language_label(c) for c in ("de", "pt-BR", "zh-hans")] == [
            "德语",
            "巴西葡萄牙语",
            "简体中文",
        ]
        assert language_label("xx-unknown") == "xx-unknown"
    with translation.override("en"):
        assert language_label("de") == "German"

"""A task reads in its reader's language, whoever made it in whatever language, and
no kind code reaches the screen."""

from __future__ import annotations

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext_lazy

from chengxin.accounts.services import api_token_create
from chengxin.banking.services import UNKNOWN_ACCOUNT_KIND
from chengxin.campaigns.services import CLOSE_KIND
from chengxin.compensation.services import TODO_KIND as FEE_CLAIM_KIND
from chengxin.core.deferred_text import deferred
from chengxin.publicrecord.services import UNKNOWN_ACCOUNT_TODO
from chengxin.todos.kinds import KIND_LABELS, kind_label
from chengxin.todos.services import todo_create

LIST = "/tasks/"


def _speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])


def test_a_task_of_the_guard_shows_its_kind_in_chinese_not_its_code(client_for, owner, company):
    _speaks(owner, "zh-hans")
    todo_create(
        assignee=owner, kind=UNKNOWN_ACCOUNT_KIND, title="Bank details not on file", company=company
    )
    html = client_for(owner).get(LIST).content.decode()
    card = html.split('data-testid="todo"', 1)[1]
    assert "未在档案中的银行信息" in card
    assert "guard.unknown_bank_account" not in card.split("<form", 1)[0]
    # The filter names it too.
    assert '<option value="guard.unknown_bank_account" >未在档案中的银行信息</option>' in html


def test_every_kind_the_features_make_has_a_name():
    campaign_kinds = [f"campaigns.{k}" for k in ("call", "chat_reminder", "email_notice")]
    for kind in [UNKNOWN_ACCOUNT_KIND, CLOSE_KIND, FEE_CLAIM_KIND, UNKNOWN_ACCOUNT_TODO]:
        assert kind in KIND_LABELS, kind
    for kind in campaign_kinds:
        assert kind in KIND_LABELS, kind
    with translation.override("en"):
        assert kind_label("someone.forgot") == "Task"


def test_a_task_made_in_english_reads_in_chinese_and_back(client_for, owner, company):
    with translation.override("en"):
        todo_create(
            assignee=owner,
            kind=CLOSE_KIND,
            title=deferred(
                gettext_lazy("Send %(company)s our account change notice by hand"),
                company="Müller Maschinenbau GmbH",
            ),
            body=deferred(gettext_lazy("Bank details not on file in %(where)s"), where="x.pdf"),
            company=company,
        )
    _speaks(owner, "zh-hans")
    client = client_for(owner)
    html = client.get(LIST).content.decode()
    assert "手动向Müller Maschinenbau GmbH发送账户变更通知" in html
    assert "Send Müller" not in html
    _token, raw = api_token_create(actor=owner, name="pytest")
    # The API answers in the request's language.
    api = Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "zh-hans"})
    item = api.get("/api/v1/tasks").json()["items"][0]
    assert item["title"] == "手动向Müller Maschinenbau GmbH发送账户变更通知"
    assert item["kind_label"] == "旧账户最后收款日后将其停用"
    _speaks(owner, "en")
    html = client.get(LIST).content.decode()
    assert "Send Müller Maschinenbau GmbH our account change notice by hand" in html
    assert "Bank details not on file in x.pdf" in html

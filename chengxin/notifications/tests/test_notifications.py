"""Notifications: sent on commit, listed to their user only, read one by one or all."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chengxin.notifications.models import Notification
from chengxin.notifications.services import notify


def _notify(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        notify(**kwargs)


def test_notify_writes_nothing_until_the_transaction_commits(
    owner, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(users=[owner, manager], kind="guard.alert", title="Possible fraud")
        assert Notification.objects.count() == 0
    for callback in callbacks:
        callback()
    assert sorted(Notification.objects.values_list("user__username", flat=True)) == [
        "manager",
        "owner",
    ]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_notifies_nobody(owner):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(users=[owner], kind="guard.alert", title="never sent")
        raise RuntimeError("the change failed")
    assert Notification.objects.count() == 0


def test_each_user_once_and_never_a_deactivated_one(
    owner, manager, outsider, django_capture_on_commit_callbacks
):
    _notify(
        django_capture_on_commit_callbacks,
        users=[owner, owner, manager, outsider, None],
        kind="k",
        title="t",
    )
    assert Notification.objects.filter(user=owner).count() == 1
    assert not Notification.objects.filter(user=outsider).exists()


def test_the_list_shows_only_my_notifications(
    client_for, owner, colleague, django_capture_on_commit_callbacks
):
    _notify(
        django_capture_on_commit_callbacks,
        users=[owner],
        kind="guard.alert",
        title="Possible fraud: anna.schmidt@mueiler-maschinen.de",
        body="The sender's domain looks like mueller-maschinen.de.",
        link="/mail/1/",
    )
    _notify(django_capture_on_commit_callbacks, users=[colleague], kind="k", title="For colleague")
    html = client_for(owner).get(reverse("notifications:notification_list")).content.decode()
    assert "Possible fraud: anna.schmidt@mueiler-maschinen.de" in html
    assert "The sender&#x27;s domain looks like mueller-maschinen.de." in html
    assert "For colleague" not in html


def test_the_top_bar_counts_unread_notifications(
    client_for, owner, django_capture_on_commit_callbacks
):
    _notify(django_capture_on_commit_callbacks, users=[owner], kind="k", title="one")
    _notify(django_capture_on_commit_callbacks, users=[owner], kind="k", title="two")
    client = client_for(owner)
    html = client.get(reverse("parties:company_list")).content.decode()
    badge = html.split('data-testid="notification-badge"', 1)[1].split("</a>", 1)[0]
    assert ">2</span>" in badge
    client.post(reverse("notifications:notification_read_all"))
    html = client.get(reverse("parties:company_list")).content.decode()
    badge = html.split('data-testid="notification-badge"', 1)[1].split("</a>", 1)[0]
    assert "</span>" not in badge


def test_the_list_and_badge_need_no_more_queries_for_more_notifications(
    client_for, owner, django_capture_on_commit_callbacks
):
    client = client_for(owner)
    url = reverse("notifications:notification_list")
    _notify(django_capture_on_commit_callbacks, users=[owner], kind="k", title="first")
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(20):
        _notify(django_capture_on_commit_callbacks, users=[owner], kind="k", title=f"n{n}")
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert len(many) == len(one)
    assert "n19" in html and ">21</span>" in html


def test_mark_one_read_and_follow_its_link(client_for, owner, django_capture_on_commit_callbacks):
    _notify(django_capture_on_commit_callbacks, users=[owner], kind="k", title="t", link="/mail/7/")
    notification = Notification.objects.get()
    response = client_for(owner).post(
        reverse("notifications:notification_read", args=[notification.pk]), {"follow": "1"}
    )
    assert response.status_code == 302 and response["Location"] == "/mail/7/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_link_elsewhere_is_not_followed(client_for, owner, django_capture_on_commit_callbacks):
    _notify(
        django_capture_on_commit_callbacks,
        users=[owner],
        kind="k",
        title="t",
        link="https://evil.example/phish",
    )
    notification = Notification.objects.get()
    response = client_for(owner).post(
        reverse("notifications:notification_read", args=[notification.pk]), {"follow": "1"}
    )
    assert response["Location"] == reverse("notifications:notification_list")


def test_someone_elses_notification_is_404(
    client_for, owner, colleague, django_capture_on_commit_callbacks
):
    _notify(django_capture_on_commit_callbacks, users=[owner], kind="k", title="t")
    notification = Notification.objects.get()
    url = reverse("notifications:notification_read", args=[notification.pk])
    assert client_for(colleague).post(url).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_anonymous_and_outsider_are_sent_to_login(client, who, outsider, owner):
    if who == "outsider":
        client.force_login(outsider)
    for method, url in [
        ("get", reverse("notifications:notification_list")),
        ("post", reverse("notifications:notification_read", args=[1])),
        ("post", reverse("notifications:notification_read_all")),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_wrong_method_gets_405(client_for, owner):
    client = client_for(owner)
    assert client.post(reverse("notifications:notification_list")).status_code == 405
    assert client.get(reverse("notifications:notification_read", args=[1])).status_code == 405
    assert client.get(reverse("notifications:notification_read_all")).status_code == 405


# --- Read in the reader's language --------------------------------------------------


def _page(client_for, user) -> str:
    return client_for(user).get(reverse("notifications:notification_list")).content.decode()


def test_a_notification_made_in_chinese_reads_in_english_to_an_english_reader(
    owner, manager, client_for, django_capture_on_commit_callbacks
):
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from chengxin.core.deferred_text import deferred

    owner.language, manager.language = "en", "zh-hans"
    owner.save(update_fields=["language"])
    manager.save(update_fields=["language"])
    with translation.override("zh-hans"):  # the actor works in Chinese
        _notify(
            django_capture_on_commit_callbacks,
            users=[owner, manager],
            kind="changes.proposed",
            title=deferred(
                gettext_lazy("%(contact)s may have changed their email address"),
                contact="Anna Schmidt",
            ),
            body=[
                deferred(
                    gettext_lazy("Sent to the old value since the change: %(count)d."), count=1
                ),
                deferred(gettext_lazy("Bounced since the change: %(count)d."), count=0),
            ],
        )
    english = _page(client_for, owner)
    assert "Anna Schmidt may have changed their email address" in english
    assert "Sent to the old value since the change: 1.<br>Bounced since the change: 0." in english
    assert "可能更换了邮箱地址" not in english
    chinese = _page(client_for, manager)
    assert "Anna Schmidt 可能更换了邮箱地址" in chinese
    assert "may have changed" not in chinese


def test_a_notification_made_in_english_reads_in_chinese_to_a_chinese_reader(
    owner, client_for, django_capture_on_commit_callbacks
):
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from chengxin.core.deferred_text import deferred

    owner.language = "zh-hans"
    owner.save(update_fields=["language"])
    with translation.override("en"):
        _notify(
            django_capture_on_commit_callbacks,
            users=[owner],
            kind="guard.alert",
            title=deferred(
                gettext_lazy("Possible fraud (%(level)s risk): message from %(sender)s"),
                level=gettext_lazy("high"),
                sender="anna@mueiler-maschinen.de",
            ),
        )
    assert "疑似诈骗（高风险）：来自 anna@mueiler-maschinen.de 的邮件" in _page(client_for, owner)
    owner.language = "en"
    owner.save(update_fields=["language"])
    assert "Possible fraud (high risk): message from anna@mueiler-maschinen.de" in _page(
        client_for, owner
    )


def test_a_plain_string_is_still_accepted_and_shown_as_it_is(
    owner, client_for, django_capture_on_commit_callbacks
):
    _notify(
        django_capture_on_commit_callbacks,
        users=[owner],
        kind="guard.alert",
        title="Sonderfall: bitte prüfen",
        body="Zeile 1\nZeile 2",
    )
    notification = Notification.objects.get()
    assert notification.title_message is None
    assert notification.display_title == "Sonderfall: bitte prüfen"
    assert "Zeile 1<br>Zeile 2" in _page(client_for, owner)

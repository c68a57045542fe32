"""A user's name per script: the user sets it on their preferences page, an
administrator on the user's page; both are audited."""

from __future__ import annotations

from django.urls import reverse

from chengxin.accounts.models import User
from chengxin.audit.models import AuditEntry
from chengxin.testing import login


def test_a_user_sets_their_chinese_and_latin_names_on_the_preferences_page(client, owner):
    login(client, owner)
    page = client.get(reverse("accounts:preferences")).content.decode()
    assert 'name="name_chinese"' in page and 'name="name_latin"' in page
    response = client.post(
        reverse("accounts:preferences"),
        {"language": "en", "time_zone": "", "name_chinese": " 李娜 ", "name_latin": "Nina Li"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert (owner.name_chinese, owner.name_latin) == ("李娜", "Nina Li")
    assert owner.display_name_for("zh-hans") == "李娜"
    assert owner.display_name_for("en") == "Nina Li"
    entry = AuditEntry.objects.filter(object_type="user", action="update").last()
    assert ("name_chinese", "", "李娜") in entry.changed_fields()
    assert 'value="李娜"' in client.get(reverse("accounts:preferences")).content.decode()


def test_an_administrator_sets_them_when_creating_and_editing_a_user(client, admin_user):
    login(client, admin_user)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "username": "wang.fang",
            "name_chinese": "王芳",
            "name_latin": "Wang Fang",
            "role": "sales",
            "password": "a-long-Passphrase-9",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="wang.fang")
    assert (user.name_chinese, user.name_latin) == ("王芳", "Wang Fang")
    edit = reverse("accounts:user_edit", args=[user.pk])
    assert 'value="王芳"' in client.get(edit).content.decode()
    response = client.post(
        edit,
        {"name_chinese": "王芳", "name_latin": "Fiona Wang", "role": "sales", "is_active": "on"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name_for("en") == "Fiona Wang"
    assert user.display_name_for("zh-hans") == "王芳"

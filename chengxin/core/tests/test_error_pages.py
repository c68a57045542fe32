"""403, 404 and 500 are the site's own pages, in the reader's language, and say why."""

import pytest
from django.urls import reverse

from chengxin.accounts.models import Role
from chengxin.testing import make_user


def _page(response) -> str:
    return response.content.decode()


def test_403_shows_the_reason_in_english(client_for, db):
    rep = make_user(Role.SALES, username="rep", language="en")
    response = client_for(rep).get(reverse("campaigns:plan_create"))
    assert response.status_code == 403
    page = _page(response)
    assert '<html lang="en"' in page
    assert "Only finance or a manager may plan an account change." in page
    assert 'class="topbar"' in page and ">Customers<" in page  # the site's own layout
    assert "Not allowed" in page


def test_403_shows_the_reason_in_chinese(client_for, db):
    rep = make_user(Role.SALES, username="rep", language="zh-hans")
    response = client_for(rep).get(reverse("campaigns:plan_create"))
    assert response.status_code == 403
    page = _page(response)
    assert '<html lang="zh-hans"' in page
    assert "只有财务或经理可以计划账户变更。" in page
    assert "Only finance" not in page


def test_403_without_a_reason_says_so(client_for, db):
    rep = make_user(Role.SALES, username="rep", language="en")
    response = client_for(rep).get(reverse("accounts:user_list"))
    assert response.status_code == 403
    assert "Only an administrator may manage users." in _page(response)


def test_404_in_the_users_language(client_for, owner):
    owner.language = "en"
    owner.save(update_fields=["language"])
    response = client_for(owner).get("/companies/999999/")
    assert response.status_code == 404
    page = _page(response)
    assert '<html lang="en"' in page and "Page not found" in page
    assert "No Company matches" not in page
    assert 'class="topbar"' in page


def test_404_for_a_visitor_follows_the_browser(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response.status_code == 404
    page = _page(response)
    assert '<html lang="en"' in page and "Page not found" in page
    chinese = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert '<html lang="zh-hans"' in _page(chinese)
    assert "登录" in _page(chinese)  # "Log in", offered to a visitor


def test_the_api_keeps_json_errors(client):
    response = client.get("/api/v1/no-such-endpoint")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


@pytest.mark.urls("chengxin.core.tests.urls_failing")
@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Server error"), ("zh-hans", '<html lang="zh-hans"')]
)
def test_500_is_a_standalone_page_in_the_users_language(client_for, db, language, expected):
    rep = make_user(Role.SALES, username="rep", language=language)
    client = client_for(rep)
    client.raise_request_exception = False
    response = client.get("/failing/")
    assert response.status_code == 500
    page = _page(response)
    assert expected in page
    assert "诚信 Chengxin" in page
    assert "a bug" not in page and "Traceback" not in page


def test_500_page_needs_no_database(rf):
    """No ``db`` fixture: any query here would fail the test."""
    from chengxin.core.views import server_error

    response = server_error(rf.get("/companies/"))
    assert response.status_code == 500
    assert "(500)" in response.content.decode()


def test_an_expired_form_says_what_to_do(client, owner):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    strict.force_login(owner)
    response = strict.post(reverse("parties:company_create"), {"legal_name": "X"})
    assert response.status_code == 403
    page = _page(response)
    assert "This form has expired or did not come from this site" in page
    assert 'class="topbar"' in page

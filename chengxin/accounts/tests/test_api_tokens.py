"""Bearer tokens for the JSON API: only a live token of an active user opens it."""

import pytest
from django.test import Client

from chengxin.accounts.models import ApiToken
from chengxin.accounts.services import api_token_create, api_token_revoke

URL = "/api/v1/companies"


def _get(authorization=None):
    headers = {"Accept-Language": "en"}
    if authorization is not None:
        headers["Authorization"] = authorization
    return Client(headers=headers).get(URL)


def test_a_token_opens_the_api_as_its_user(owner, company):
    token, raw = api_token_create(actor=owner, name="ERP sync")
    response = _get(f"Bearer {raw}")
    assert response.status_code == 200
    assert [c["legal_name"] for c in response.json()["items"]] == ["Müller Maschinenbau GmbH"]
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_only_the_digest_is_stored(owner):
    token, raw = api_token_create(actor=owner, name="ERP sync")
    assert raw.startswith("cx_") and token.prefix == raw[3:9]
    assert not ApiToken.objects.filter(digest=raw).exists()
    assert token.digest == ApiToken.digest_of(raw) != raw


def test_a_revoked_token_is_refused(owner, company):
    token, raw = api_token_create(actor=owner, name="old laptop")
    assert _get(f"Bearer {raw}").status_code == 200
    api_token_revoke(actor=owner, token=token)
    response = _get(f"Bearer {raw}")
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_deactivated_users_token_is_refused(owner, company):
    _token, raw = api_token_create(actor=owner, name="phone")
    assert _get(f"Bearer {raw}").status_code == 200
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert _get(f"Bearer {raw}").status_code == 401


def test_the_outsiders_token_is_refused(outsider):
    _token, raw = api_token_create(actor=outsider, name="before leaving")
    assert _get(f"Bearer {raw}").status_code == 401


def test_one_users_revoked_token_leaves_their_other_tokens_working(owner, company):
    first, first_raw = api_token_create(actor=owner, name="a")
    _second, second_raw = api_token_create(actor=owner, name="b")
    api_token_revoke(actor=owner, token=first)
    assert _get(f"Bearer {first_raw}").status_code == 401
    assert _get(f"Bearer {second_raw}").status_code == 200


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer cx_not-a-real-token",
        "Token {raw}",
        "Basic {raw}",
        "Bearer {raw}x",
    ],
)
def test_missing_or_malformed_authorization_is_401(owner, authorization):
    _token, raw = api_token_create(actor=owner, name="ERP sync")
    header = authorization.format(raw=raw) if authorization is not None else None
    assert _get(header).status_code == 401


def test_a_signed_in_session_is_not_a_token(client_for, owner):
    assert client_for(owner).get(URL).status_code == 401

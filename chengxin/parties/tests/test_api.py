"""The customer API, called as a tool would: over HTTP, with a bearer token,
through every middleware (language, audit origin)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from chengxin.accounts.models import Role
from chengxin.accounts.services import api_token_create
from chengxin.audit.models import AuditEntry
from chengxin.parties.models import Channel, Company, Tag
from chengxin.parties.services.channels import ChannelInput, channel_retire, channel_verify
from chengxin.parties.services.companies import CompanyInput, company_share, company_update
from chengxin.parties.services.contacts import contact_create
from chengxin.parties.services.merge import company_merge
from chengxin.testing import API, Api, make_company, make_user


@pytest.fixture
def api():
    return Api


@pytest.fixture
def pool_company(manager):
    """A company nobody owns (a manager's new company goes to the pool)."""
    return make_company(
        actor=manager, name="Rotterdam Pumps B.V.", country="NL", email="buy@rotterdam-pumps.nl"
    )


@pytest.fixture
def objects(company, pool_company, colleague):
    contact = company.contacts.get()
    return {
        "company": company.pk,
        "pool": pool_company.pk,
        "contact": contact.pk,
        "channel": contact.channels.get(kind="email").pk,
        "unverified": _new_contact(company).channels.get().pk,
        "colleague": colleague.pk,
    }


def _new_contact(company, name="Jonas Weber", *channels):
    """A person just entered at the customer: their channel is written, unverified."""
    return contact_create(
        actor=company.owner,
        company=company,
        name=name,
        channels=[ChannelInput(kind, value) for kind, value in channels]
        or [ChannelInput("phone", "+49 30 9018 2299")],
    )


MET = {"method": "in_person", "note": "Met Jonas at the Canton Fair, card exchanged."}


# --- every endpoint, every kind of caller -----------------------------------------------

# (method, path, body, status for owner, colleague, finance, manager). The colleague
# is a sales rep with no rights to the owner's company; the pool is visible to every
# sales rep but only changed after claiming it.
ENDPOINTS = [
    ("get", "/companies", None, (200, 200, 200, 200)),
    ("post", "/companies", {"legal_name": "Osaka Kikai KK", "country": "JP"}, (201, 201, 403, 201)),
    ("get", "/companies/{company}", None, (200, 404, 200, 200)),
    ("patch", "/companies/{company}", {"grade": "A"}, (200, 404, 403, 200)),
    ("patch", "/companies/{pool}", {"grade": "A"}, (403, 403, 403, 200)),
    ("delete", "/companies/{company}", None, (403, 404, 403, 204)),
    ("post", "/companies/{pool}/claim", None, (200, 200, 403, 200)),
    ("post", "/companies/{company}/release", None, (200, 404, 403, 200)),
    ("post", "/companies/{company}/assign", {"owner_id": "{colleague}"}, (403, 404, 403, 200)),
    ("get", "/companies/{company}/duplicates", None, (200, 404, 200, 200)),
    ("get", "/companies/{company}/history", None, (200, 404, 200, 200)),
    ("get", "/companies/{company}/contacts", None, (200, 404, 200, 200)),
    (
        "post",
        "/companies/{company}/contacts",
        {
            "name": "Jonas Weber",
            "channels": [{"kind": "email", "value": "jw@mueller-maschinen.de"}],
        },
        (201, 404, 403, 201),
    ),
    ("get", "/contacts/{contact}", None, (200, 404, 200, 200)),
    ("patch", "/contacts/{contact}", {"title": "Head of purchasing"}, (200, 404, 403, 200)),
    ("get", "/contacts/{contact}/channels", None, (200, 404, 200, 200)),
    # A new channel or primary of an existing contact: refused, it needs a change request.
    (
        "post",
        "/contacts/{contact}/channels",
        {"kind": "whatsapp", "value": "+49 170 1234567"},
        (422, 404, 403, 422),
    ),
    ("get", "/channels/{channel}", None, (200, 404, 200, 200)),
    ("post", "/channels/{channel}/retire", None, (200, 404, 403, 200)),
    ("post", "/channels/{channel}/make-primary", None, (422, 404, 403, 422)),
    ("post", "/channels/{unverified}/verify", MET, (200, 404, 403, 200)),
]
ROLES = ("owner", "colleague", "finance", "manager")


def _fill(value, objects):
    if isinstance(value, str):
        filled = value.format(**objects)
        return int(filled) if re.fullmatch(r"\{\w+\}", value) else filled
    if isinstance(value, dict):
        return {k: _fill(v, objects) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, objects) for v in value]
    return value


def _ids(endpoint):
    return f"{endpoint[0].upper()} {endpoint[1]}"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
@pytest.mark.parametrize("role", ROLES)
def test_who_may_call_what(request, api, objects, endpoint, role):
    method, path, body, statuses = endpoint
    user = request.getfixturevalue(role)
    response = api(user).call(method, _fill(path, objects), _fill(body, objects))
    assert response.status_code == statuses[ROLES.index(role)], response.content


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
@pytest.mark.parametrize("caller", ["anonymous", "outsider"])
def test_no_valid_token_is_401_and_changes_nothing(request, api, objects, endpoint, caller):
    method, path, body, _statuses = endpoint
    user = request.getfixturevalue("outsider") if caller == "outsider" else None
    entries = AuditEntry.objects.count()
    response = api(user).call(method, _fill(path, objects), _fill(body, objects))
    assert response.status_code == 401
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"
    assert AuditEntry.objects.count() == entries


WRONG_METHODS = [
    ("put", "/companies"),
    ("delete", "/companies"),
    ("put", "/companies/{company}"),
    ("post", "/companies/{company}"),
    ("get", "/companies/{company}/claim"),
    ("get", "/companies/{company}/release"),
    ("get", "/companies/{company}/assign"),
    ("post", "/companies/{company}/duplicates"),
    ("delete", "/companies/{company}/history"),
    ("delete", "/companies/{company}/contacts"),
    ("delete", "/contacts/{contact}"),
    ("put", "/contacts/{contact}/channels"),
    ("delete", "/channels/{channel}"),
    ("get", "/channels/{channel}/retire"),
    ("get", "/channels/{channel}/make-primary"),
    ("get", "/channels/{channel}/verify"),
]


@pytest.mark.parametrize(("method", "path"), WRONG_METHODS, ids=lambda v: str(v))
def test_wrong_method_is_405(api, owner, objects, method, path):
    response = api(owner).call(method, _fill(path, objects))
    assert response.status_code == 405


def test_every_endpoint_is_covered_by_the_tables():
    from chengxin.api import api as ninja_api
    from chengxin.parties.api import router as parties_router

    # This app's endpoints only; other apps' routers are covered by their own tests.
    ours = {re.sub(r"\{[^}]+\}", "{}", path) for path in parties_router.path_operations}
    schema = ninja_api.get_openapi_schema()
    documented = {
        (method, re.sub(r"\{\w+\}", "{}", path.removeprefix(API)))
        for path, operations in schema["paths"].items()
        for method in operations
        if re.sub(r"\{\w+\}", "{}", path.removeprefix(API)) in ours
    }
    tested = {(m, re.sub(r"\{\w+\}", "{}", p)) for m, p, _body, _statuses in ENDPOINTS}
    assert documented == tested
    tested_paths = {p for _m, p in tested}
    assert {re.sub(r"\{\w+\}", "{}", p) for _m, p in WRONG_METHODS} == tested_paths


# --- companies ---------------------------------------------------------------------------


def test_list_shows_what_each_user_may_see(api, owner, colleague, finance, company, pool_company):
    own = api(owner).get("/companies").json()
    assert own["count"] == 2
    assert [c["legal_name"] for c in own["items"]] == [
        "Müller Maschinenbau GmbH",
        "Rotterdam Pumps B.V.",
    ]
    first = own["items"][0]
    assert first["owner"] == {"id": owner.pk, "username": "owner", "name": "Li Na"}
    assert first["country"] == "DE" and first["country_name"] == "Germany"
    assert first["in_pool"] is False
    theirs = api(colleague).get("/companies").json()
    assert [c["legal_name"] for c in theirs["items"]] == ["Rotterdam Pumps B.V."]
    assert theirs["items"][0]["in_pool"] is True
    assert api(finance).get("/companies").json()["count"] == 2


def test_list_filters_sorts_and_pages(api, owner, manager, company, pool_company):
    acme = make_company(
        actor=owner, name="Acme Trading Ltd", country="GB", phone="+44 20 7946 0958", grade="A"
    )
    company_update(
        actor=owner,
        company=acme,
        data=CompanyInput(legal_name=acme.legal_name, country="GB", grade="A", tags=["vip"]),
    )
    client = api(manager)

    def names(**params):
        body = client.get("/companies", params).json()
        return [c["legal_name"] for c in body["items"]]

    assert names(q="7946 0958") == ["Acme Trading Ltd"]
    assert names(q="schmidt@mue") == ["Müller Maschinenbau GmbH"]
    assert names(country="gb") == ["Acme Trading Ltd"]
    assert names(grade="A") == ["Acme Trading Ltd"]
    assert names(owner="pool") == ["Rotterdam Pumps B.V."]
    assert names(owner=str(owner.pk)) == ["Acme Trading Ltd", "Müller Maschinenbau GmbH"]
    assert names(owner="me") == []
    assert names(tag="vip") == ["Acme Trading Ltd"]
    assert names(status="prospect", sort="-name") == [
        "Rotterdam Pumps B.V.",
        "Müller Maschinenbau GmbH",
        "Acme Trading Ltd",
    ]
    page = client.get("/companies", {"limit": 2, "offset": 1}).json()
    assert page["count"] == 3 and page["limit"] == 2 and page["offset"] == 1
    assert [c["legal_name"] for c in page["items"]] == [
        "Müller Maschinenbau GmbH",
        "Rotterdam Pumps B.V.",
    ]
    assert client.get("/companies", {"tag": "vip"}).json()["items"][0]["tags"] == ["vip"]


def test_list_bad_query_is_422_per_parameter(api, owner):
    response = api(owner).get("/companies", {"limit": 500, "sort": "price", "grade": "D"})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["limit"] == ["Ensure this value is less than or equal to 200."]
    assert errors["sort"] == [
        "Choose one of: 'name', '-name', 'country', 'grade', 'updated', 'followup'."
    ]
    assert errors["grade"] == ["Choose one of: 'A', 'B', 'C'."]


def test_list_query_count_does_not_grow_with_companies(api, owner, django_assert_max_num_queries):
    tag = Tag.objects.create(name="fair-2025")
    for n in range(25):
        company = make_company(actor=owner, name=f"Buyer {n:02d} SARL", country="FR")
        company.tags.add(tag)
    client = api(owner)
    client.get("/companies")  # the token's first use records last_used_at
    # token, count, page, tags
    with django_assert_max_num_queries(4):
        body = client.get("/companies", {"limit": 200}).json()
    assert body["count"] == 25 and all(c["tags"] == ["fair-2025"] for c in body["items"])


def test_create_with_contacts_returns_canonical_and_unicode_email(api, owner):
    response = api(owner).post(
        "/companies",
        {
            "legal_name": "Müller-Bau AG",
            "country": "Germany",
            "currency": "eur",
            "tags": ["messe"],
            "contacts": [
                {
                    "name": "Jörg Müller",
                    "title": "Einkauf",
                    "language": "de",
                    "channels": [
                        {"kind": "email", "value": "Jörg@Müller-Bau.DE"},
                        {"kind": "phone", "value": "030 901820"},
                    ],
                }
            ],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["country"] == "DE" and body["currency"] == "EUR" and body["tags"] == ["messe"]
    assert body["owner"]["username"] == "owner" and body["can_edit"] is True
    assert body["domains"] == [{"domain": "xn--mller-bau-q9a.de", "display": "müller-bau.de"}]
    contacts = api(owner).get(f"/companies/{body['id']}/contacts").json()
    assert [c["name"] for c in contacts] == ["Jörg Müller"]
    assert contacts[0]["time_zone"] == "Europe/Berlin"
    channels = {c["kind"]: c for c in contacts[0]["channels"]}
    assert channels["email"]["value"] == "jörg@xn--mller-bau-q9a.de"
    assert channels["email"]["display"] == "jörg@müller-bau.de"
    assert channels["phone"]["value"] == "+4930901820"
    assert channels["phone"]["display"] == "+49 30 901820"
    assert channels["email"]["is_primary"] is True


def test_create_refuses_possible_duplicate_unless_allowed(api, colleague, company):
    body = {
        "legal_name": "MB Berlin",
        "country": "DE",
        "contacts": [
            {
                "name": "Anna",
                "channels": [{"kind": "email", "value": "Anna.Schmidt@mueller-maschinen.de"}],
            }
        ],
    }
    companies, entries = Company.objects.count(), AuditEntry.objects.count()
    response = api(colleague).post("/companies", body)
    assert response.status_code == 409
    refused = response.json()
    assert "nothing was created" in refused["detail"]
    assert refused["duplicates"] == [
        {
            "id": company.pk,
            "legal_name": "Müller Maschinenbau GmbH",
            "country": "DE",
            "owner": "Li Na",
            "reasons": [
                "shares anna.schmidt@mueller-maschinen.de",
                "shares the domain mueller-maschinen.de",
            ],
        }
    ]
    assert (Company.objects.count(), AuditEntry.objects.count()) == (companies, entries)
    response = api(colleague).post("/companies", {**body, "allow_duplicate": True})
    assert response.status_code == 201
    assert Company.objects.count() == companies + 1


def test_manager_creates_into_the_pool_and_assigns(api, manager, colleague, finance):
    client = api(manager)
    created = client.post("/companies", {"legal_name": "Lagos Agro Ltd", "country": "NG"}).json()
    assert created["owner"] is None and created["in_pool"] is True
    assigned = client.post(f"/companies/{created['id']}/assign", {"owner_id": colleague.pk})
    assert assigned.json()["owner"]["username"] == "colleague"
    to_finance = client.post(f"/companies/{created['id']}/assign", {"owner_id": finance.pk})
    assert to_finance.status_code == 422
    assert to_finance.json()["errors"] == {
        "__all__": ["A customer can only be owned by an active sales rep or manager."]
    }
    nobody = client.post(f"/companies/{created['id']}/assign", {"owner_id": 999999})
    assert nobody.status_code == 422
    assert nobody.json()["errors"] == {"owner_id": ["There is no such user."]}


def test_create_bad_input_in_english(api, owner):
    response = api(owner).post(
        "/companies",
        {
            "country": "DE",
            "grade": "Z",
            "colour": "red",
            "contacts": [{"name": "Anna", "channels": [{"kind": "fax", "value": "1"}]}],
        },
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "invalid",
        "errors": {
            "legal_name": ["This field is required."],
            "grade": ["Choose one of: 'A', 'B', 'C'."],
            "colour": ["This field is not known."],
            "contacts.0.channels.0.kind": [
                "Choose one of: 'email', 'phone', 'whatsapp', 'wechat', 'linkedin', 'other'."
            ],
        },
    }


def _zh(message, **params):
    """The Chinese a user is shown for ``message``; fails while it is untranslated."""
    with translation.override("zh-hans"):
        translated = gettext(message)
    assert translated != message, f"no zh-hans translation for {message!r}"
    return translated % params if params else translated


def test_create_bad_input_in_chinese(api, owner):
    response = api(owner, language="zh-hans").post("/companies", {"country": "DE", "grade": "Z"})
    assert response.status_code == 422
    assert response["Content-Language"] == "zh-hans"
    assert response.json()["errors"] == {
        "legal_name": [_zh("This field is required.")],
        "grade": [_zh("Choose one of: %(expected)s.", expected="'A', 'B', 'C'")],
    }


def test_service_validation_messages_follow_the_request_language(api, owner):
    body = {
        "legal_name": "Atlantis Imports",
        "country": "Atlantis",
        "contacts": [{"name": "Bob", "channels": [{"kind": "email", "value": "bob-at-example"}]}],
    }
    message = "“%(value)s” is not a known country (use an ISO code such as DE or a name)."
    english = api(owner).post("/companies", body)
    assert english.status_code == 422
    assert english.json()["errors"]["country"] == [message % {"value": "Atlantis"}]
    chinese = api(owner, language="zh-hans").post("/companies", body)
    assert chinese.status_code == 422
    assert chinese["Content-Language"] == "zh-hans"
    assert chinese.json()["errors"]["country"] == [_zh(message, value="Atlantis")]
    assert not Company.objects.filter(legal_name="Atlantis Imports").exists()


def test_duplicate_refusal_in_chinese(api, colleague, company):
    body = {"legal_name": "Müller Maschinenbau", "country": "DE"}
    refused = api(colleague, language="zh-hans").post("/companies", body).json()
    assert refused["detail"] == _zh(
        "This may be a customer you already have; nothing was created. "
        "Send allow_duplicate=true to create it anyway."
    )
    assert refused["duplicates"][0]["legal_name"] == "Müller Maschinenbau GmbH"


def test_finance_may_not_create(api, finance):
    response = api(finance).post("/companies", {"legal_name": "X Ltd", "country": "GB"})
    assert response.status_code == 403
    assert response.json() == {"detail": "Finance may not create customers."}


def test_detail_of_a_merged_company_names_the_survivor(api, manager, owner, company):
    other = make_company(actor=owner, name="Mueller Maschinenbau", email="info@mueller-mb.de")
    company_merge(actor=manager, keep=company, other=other)
    body = api(owner).get(f"/companies/{other.pk}").json()
    assert body["status"] == "merged" and body["merged_into_id"] == company.pk


def test_patch_changes_only_what_is_sent_and_is_audited_as_api(api, owner, company):
    response = api(owner).patch(
        f"/companies/{company.pk}", {"grade": "A", "tags": ["messe", "vip"], "domains": ["mm.de"]}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["grade"] == "A" and body["tags"] == ["messe", "vip"]
    assert body["legal_name"] == "Müller Maschinenbau GmbH" and body["country"] == "DE"
    assert [d["domain"] for d in body["domains"]] == ["mm.de", "mueller-maschinen.de"]
    entry = AuditEntry.objects.filter(object_type="company", action="update").last()
    assert entry.origin == "api" and entry.actor == owner
    assert entry.before["grade"] == "B" and entry.after["grade"] == "A"


def test_patch_bad_values(api, owner, company):
    client = api(owner)
    merged = client.patch(f"/companies/{company.pk}", {"status": "merged"})
    assert merged.status_code == 422 and merged.json()["errors"] == {"status": ["Unknown status."]}
    empty = client.patch(f"/companies/{company.pk}", {"legal_name": "  "})
    assert empty.json()["errors"] == {"legal_name": ["The legal name is required."]}
    null = client.patch(f"/companies/{company.pk}", {"legal_name": None, "owner": 3})
    assert null.json()["errors"] == {
        "legal_name": ["Enter text."],
        "owner": ["This field is not known."],
    }
    company.refresh_from_db()
    assert company.legal_name == "Müller Maschinenbau GmbH" and company.status == "prospect"


def test_colleague_gets_403_with_reason_on_a_visible_pool_company(api, colleague, pool_company):
    response = api(colleague).patch(f"/companies/{pool_company.pk}", {"grade": "A"})
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not change this customer."}


def test_delete_by_manager(api, manager, company):
    assert api(manager).delete(f"/companies/{company.pk}").status_code == 204
    assert api(manager).get(f"/companies/{company.pk}").status_code == 404
    entry = AuditEntry.objects.filter(action="delete", object_type="company").get()
    assert entry.origin == "api" and entry.before["contacts"][0]["name"] == "Anna Schmidt"


def test_delete_by_owner_is_refused(api, owner, company):
    response = api(owner).delete(f"/companies/{company.pk}")
    assert response.json() == {"detail": "Only a manager may do this."}
    assert Company.objects.filter(pk=company.pk).exists()


def test_claim_and_release(api, owner, colleague, company, pool_company):
    claimed = api(colleague).post(f"/companies/{pool_company.pk}/claim")
    assert claimed.status_code == 200
    assert claimed.json()["owner"]["username"] == "colleague" and claimed.json()["can_edit"]
    again = api(owner).post(f"/companies/{pool_company.pk}/claim")
    assert again.status_code == 404, "now the colleague's: the owner no longer sees it"
    released = api(owner).post(f"/companies/{company.pk}/release")
    assert released.json()["in_pool"] is True and released.json()["owner"] is None
    assert api(colleague).get(f"/companies/{company.pk}").status_code == 200


def test_claiming_an_owned_company_is_422(api, manager, company):
    response = api(manager).post(f"/companies/{company.pk}/claim")
    assert response.status_code == 422
    assert response.json()["errors"] == {"__all__": ["This customer is no longer in the pool."]}


def test_duplicates_of_a_company(api, owner, company):
    other = make_company(actor=owner, name="Müller Maschinenbau", email="info@mueller-maschinen.de")
    found = api(owner).get(f"/companies/{other.pk}/duplicates").json()
    assert [d["id"] for d in found] == [company.pk]
    assert "shares the domain mueller-maschinen.de" in found[0]["reasons"]
    assert any(r.startswith("has a similar name") for r in found[0]["reasons"])


def test_history_lists_api_changes_newest_first(api, owner, company, django_assert_max_num_queries):
    client = api(owner)
    channel = _new_contact(company).channels.get()
    client.patch(f"/companies/{company.pk}", {"grade": "A"})
    client.post(f"/channels/{channel.pk}/verify", MET)
    with django_assert_max_num_queries(6):
        history = client.get(f"/companies/{company.pk}/history").json()
    newest, previous = history[0], history[1]
    assert newest["object_type"] == "channel" and newest["origin"] == "api"
    assert newest["actor"] == "Li Na"
    assert {"verified_at", "verified_by", "verification_method", "verification_note"} <= {
        c["field"] for c in newest["changes"]
    }
    assert previous["object_type"] == "company"
    assert {"field": "grade", "before": "B", "after": "A"} in previous["changes"]
    assert history[-1]["action"] == "create" and history[-1]["origin"] == "command"
    assert len(client.get(f"/companies/{company.pk}/history", {"limit": 2}).json()) == 2


# --- contacts and channels ---------------------------------------------------------------


def test_contacts_list_with_channels_without_n_plus_one(
    api, owner, manager, company, django_assert_max_num_queries
):
    for n in range(10):
        contact = contact_create(
            actor=owner,
            company=company,
            name=f"Buyer {n}",
            channels=[
                ChannelInput("email", f"buyer{n}@mueller-maschinen.de"),
                ChannelInput("phone", f"+49 30 90182{n}"),
            ],
        )
        channel_verify(
            actor=manager, channel=contact.channels.get(kind="email"), method="official_source",
            note="Listed on mueller-maschinen.de/kontakt.",
        )  # fmt: skip
        channel_retire(actor=manager, channel=contact.channels.get(kind="phone"))
    client = api(owner)
    client.get(f"/companies/{company.pk}/contacts")
    # token, company, its shares, contacts, channels (+verified_by), retired_by
    with django_assert_max_num_queries(6):
        contacts = client.get(f"/companies/{company.pk}/contacts").json()
    assert len(contacts) == 11
    buyer = next(c for c in contacts if c["name"] == "Buyer 3")
    email, phone = buyer["channels"]
    assert email["verified_by"]["username"] == "manager"
    assert phone["is_active"] is False and phone["retired_by"]["username"] == "manager"


def test_channel_list_query_count(api, owner, company, django_assert_max_num_queries):
    contact = _new_contact(
        company, "Jonas Weber", ("email", "jw@mueller-maschinen.de"),
        *[("phone", f"+49 30 9017{n}0") for n in range(9)],
    )  # fmt: skip
    client = api(owner)
    client.get(f"/contacts/{contact.pk}/channels")
    with django_assert_max_num_queries(6):
        channels = client.get(f"/contacts/{contact.pk}/channels").json()
    assert len(channels) == 10
    assert [c["kind"] for c in channels[:2]] == ["email", "phone"]


def test_add_contact_guesses_time_zone_and_refuses_bad_channel(api, owner, company):
    client = api(owner)
    response = client.post(
        f"/companies/{company.pk}/contacts",
        {"name": "Kenji Sato", "channels": [{"kind": "phone", "value": "+81 3-1234-5678"}]},
    )
    assert response.status_code == 201
    assert response.json()["time_zone"] == "Asia/Tokyo"
    assert response.json()["company_id"] == company.pk
    bad = client.post(
        f"/companies/{company.pk}/contacts",
        {"name": "Eve", "channels": [{"kind": "email", "value": "eve-at-mueller"}]},
    )
    assert bad.status_code == 422
    assert bad.json()["errors"] == {"channels": ["“eve-at-mueller” is not an email address."]}
    nameless = client.post(f"/companies/{company.pk}/contacts", {"name": " "})
    assert nameless.json()["errors"] == {"name": ["The contact's name is required."]}


def test_patch_contact(api, owner, company):
    contact = company.contacts.get()
    response = api(owner).patch(f"/contacts/{contact.pk}", {"status": "left", "title": "Retired"})
    body = response.json()
    assert body["status"] == "left" and body["title"] == "Retired"
    assert body["name"] == "Anna Schmidt" and body["time_zone"] == "Europe/Berlin"
    assert body["local_time"].endswith(("+01:00", "+02:00"))
    bad = api(owner).patch(f"/contacts/{contact.pk}", {"time_zone": "Mars/Olympus"})
    assert bad.status_code == 422 and list(bad.json()["errors"]) == ["time_zone"]
    refused = api(owner).post(
        f"/contacts/{contact.pk}/channels", {"kind": "email", "value": "anna@gmail.com"}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"] == {
        "__all__": ["This contact has left the company; add the channel to a colleague."]
    }


def test_channel_add_twice_and_long_label(api, owner, company):
    contact = company.contacts.get()
    client = api(owner)
    twice = client.post(
        f"/contacts/{contact.pk}/channels",
        {"kind": "email", "value": "ANNA.SCHMIDT@mueller-maschinen.de"},
    )
    assert twice.status_code == 422
    assert twice.json()["errors"] == {"value": ["Anna Schmidt already has this Email."]}
    long_label = client.post(
        f"/contacts/{contact.pk}/channels",
        {"kind": "wechat", "value": "anna_mb", "label": "x" * 101},
    )
    assert long_label.json()["errors"] == {"label": ["Enter at most 100 characters."]}
    chinese = Api(owner, language="zh-hans").post(
        f"/contacts/{contact.pk}/channels", {"kind": "wechat"}
    )
    assert chinese.json()["errors"] == {"value": [_zh("This field is required.")]}


def test_the_api_cannot_add_a_channel_or_change_the_primary_without_the_loop(
    api, owner, manager, company
):
    """Once, "+ Add channel" through the API wrote an address on any domain and made it
    primary in one call. Now both are refused, pointing to the change request."""
    contact = company.contacts.get()
    old = contact.channels.get(kind="email")
    for user in (owner, manager):
        added = api(user).post(
            f"/contacts/{contact.pk}/channels",
            {"kind": "email", "value": "anna.schmidt@mueller-maschinen.co", "primary": True},
        )
        assert added.status_code == 422
        assert "goes through a change request" in added.json()["errors"]["__all__"][0]
    assert not contact.channels.filter(value="anna.schmidt@mueller-maschinen.co").exists()
    colleague = _new_contact(company, "Jonas Weber", ("email", "jonas@mueller-maschinen.de"),
                             ("email", "jonas.weber@gmail.com"))  # fmt: skip
    second = colleague.channels.get(value="jonas.weber@gmail.com")
    promoted = api(owner).post(f"/channels/{second.pk}/make-primary")
    assert promoted.status_code == 422
    second.refresh_from_db()
    assert not second.is_primary
    assert api(owner).get(f"/channels/{old.pk}").json()["is_primary"] is True


def test_retire_and_verify(api, owner, manager, company):
    contact = company.contacts.get()
    client = api(owner)
    on_file = contact.channels.get(kind="phone")
    jonas = _new_contact(company, "Jonas Weber", ("email", "jonas@mueller-maschinen.de"),
                         ("email", "jonas.weber@gmail.com"), ("phone", "+49 30 9018 2299"))  # fmt: skip
    email, gmail, phone = (
        jonas.channels.get(value=v)
        for v in ("jonas@mueller-maschinen.de", "jonas.weber@gmail.com", "+493090182299")
    )
    shown = client.get(f"/contacts/{jonas.pk}/channels").json()
    by_id = {c["id"]: c for c in shown}
    assert by_id[email.pk]["source"] == "new_contact"
    assert by_id[email.pk]["added_by"]["username"] == "owner"
    assert by_id[email.pk]["verified_at"] is None and by_id[email.pk]["verification_method"] == ""
    assert by_id[email.pk]["foreign_domain"] is False
    assert by_id[gmail.pk]["foreign_domain"] is True
    assert by_id[phone.pk]["foreign_domain"] is False
    # Already verified: refused. Without a note or a method: refused.
    again = client.post(f"/channels/{on_file.pk}/verify", MET)
    assert again.json()["errors"] == {"__all__": ["This channel is already verified."]}
    assert client.post(f"/channels/{email.pk}/verify", {"method": "in_person"}).status_code == 422
    short = client.post(f"/channels/{email.pk}/verify", {"method": "in_person", "note": "ok"})
    assert list(short.json()["errors"]) == ["note"]
    # Through a channel on file: it must be on file.
    via_unverified = client.post(
        f"/channels/{email.pk}/verify",
        {"method": "channel_on_file", "note": "Called Jonas on his desk phone.",
         "via_channel_id": phone.pk},
    )  # fmt: skip
    assert list(via_unverified.json()["errors"]) == ["via"]
    verified = client.post(
        f"/channels/{email.pk}/verify",
        {"method": "channel_on_file", "note": "Called Anna on the number on file; she confirmed "
         "Jonas's address.", "via_channel_id": on_file.pk},
    ).json()  # fmt: skip
    assert verified["verified_by"] == {"id": owner.pk, "username": "owner", "name": "Li Na"}
    assert verified["verification_method"] == "channel_on_file" and verified["verified_at"]
    # An address on a domain the customer does not have: a manager, not the sales rep.
    refused = client.post(f"/channels/{gmail.pk}/verify", MET)
    assert refused.status_code == 403
    assert "only a manager" in refused.json()["detail"]
    assert api(manager).post(f"/channels/{gmail.pk}/verify", MET).status_code == 200
    retired = client.post(f"/channels/{email.pk}/retire").json()
    assert retired["is_active"] is False and retired["retired_by"]["username"] == "owner"
    again = client.post(f"/channels/{email.pk}/retire")
    assert again.status_code == 422
    assert again.json()["errors"] == {"__all__": ["This channel is already retired."]}


def test_every_api_change_is_audited_with_origin_api(api, owner, manager, company, pool_company):
    before = AuditEntry.objects.count()
    client = api(owner)
    contact = company.contacts.get()
    client.post("/companies", {"legal_name": "Kyiv Grain LLC", "country": "UA"})
    client.patch(f"/companies/{company.pk}", {"notes": "Prefers WhatsApp"})
    client.post(f"/companies/{pool_company.pk}/claim")
    jonas = client.post(
        f"/companies/{company.pk}/contacts",
        {"name": "Jonas Weber", "channels": [{"kind": "wechat", "value": "jonas_mb"}]},
    ).json()
    client.patch(f"/contacts/{contact.pk}", {"title": "CEO"})
    added = jonas["channels"][0]
    assert client.post(f"/channels/{added['id']}/verify", MET).status_code == 200
    client.post(f"/channels/{added['id']}/retire")
    client.post(f"/companies/{company.pk}/release")
    api(manager).delete(f"/companies/{pool_company.pk}")
    entries = AuditEntry.objects.order_by("seq")[before:]
    assert len(entries) >= 10
    assert {e.origin for e in entries} == {"api"}
    assert {e.actor.username for e in entries} == {"owner", "manager"}


def test_chain_of_ids_from_a_deleted_contact_is_404(api, owner, company):
    contact = company.contacts.get()
    channel_id = contact.channels.first().pk
    Channel.objects.filter(contact=contact).delete()
    assert api(owner).get(f"/channels/{channel_id}").status_code == 404
    assert api(owner).get("/contacts/999999").status_code == 404
    assert api(owner).get("/companies/999999").json() == {"detail": "Not Found"}


def test_sales_rep_sees_a_shared_company(api, owner, colleague, company):
    company_share(actor=owner, company=company, users=[colleague])
    body = api(colleague).get(f"/companies/{company.pk}").json()
    assert body["can_edit"] is True
    assert body["shared_with"] == [
        {"id": colleague.pk, "username": "colleague", "name": "colleague"}
    ]
    # Shared, but only the owner may return it to the pool.
    response = api(colleague).post(f"/companies/{company.pk}/release")
    assert response.status_code == 403


# --- schema and docs ---------------------------------------------------------------------


def _resolve(schema, ref):
    node = schema
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


# The operations anyone may call without a token (the public account check).
PUBLIC_OPERATIONS = {f"{API}/public/account-checks"}


def test_openapi_schema_is_complete_and_documented():
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "Authorization: Bearer cx_" in schema["info"]["description"]
    assert "/accounts/api-tokens/" in schema["info"]["description"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    operation_ids = []
    for path, operations in schema["paths"].items():
        declared = {p for p in re.findall(r"\{(\w+)\}", path)}
        for method, operation in operations.items():
            assert method in {"get", "post", "put", "patch", "delete"}
            operation_ids.append(operation["operationId"])
            assert operation.get("summary") and operation.get("description"), (method, path)
            params = operation.get("parameters", [])
            assert {p["name"] for p in params if p["in"] == "path"} == declared
            if path in PUBLIC_OPERATIONS:
                # Made for buyers and websites: no token, and never a 401.
                assert "security" not in operation and "401" not in operation["responses"]
                continue
            assert operation["security"] == [{"TokenAuth": []}]
            for param in params:
                assert param.get("description"), (method, path, param["name"])
            assert "401" in operation["responses"]
    assert len(operation_ids) == len(set(operation_ids))
    for node in _walk(schema):
        if "$ref" in node:
            _resolve(schema, node["$ref"])  # every reference points somewhere
    for name, component in schema["components"]["schemas"].items():
        for field, spec in component.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_docs_page_is_served():
    response = Client().get(f"{API}/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_a_token_works_without_csrf_token(owner):
    _token, raw = api_token_create(actor=owner, name="erp")
    client = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {raw}"})
    response = client.post(
        f"{API}/companies",
        {"legal_name": "Santos Café Ltda", "country": "BR"},
        content_type="application/json",
    )
    assert response.status_code == 201


def test_role_change_applies_to_existing_tokens(api, company):
    rep = make_user(Role.SALES, username="rep")
    client = api(rep)
    assert client.get(f"/companies/{company.pk}").status_code == 404
    rep.role = Role.MANAGER
    rep.save(update_fields=["role"])
    assert client.get(f"/companies/{company.pk}").status_code == 200

"""`chengxin demo`: the demo exporter someone sees on first start."""

import io

import pytest
from django.core.management import CommandError, call_command

from chengxin.accounts.models import User
from chengxin.demo.data import DEMO_PASSWORD, demo_companies
from chengxin.parties.models import Company
from chengxin.testing import make_company


@pytest.mark.django_db
def test_demo_refuses_a_database_with_customers(owner):
    make_company(actor=owner, name="Existing Buyer Ltd")
    with pytest.raises(CommandError, match="already has customers"):
        call_command("demo", stdout=io.StringIO())
    assert list(Company.objects.values_list("legal_name", flat=True)) == ["Existing Buyer Ltd"]
    assert not User.objects.filter(username="li.na").exists()


@pytest.mark.django_db
def test_demo_list_prints_users_and_loads_nothing():
    out = io.StringIO()
    call_command("demo", "--list", stdout=out)
    text = out.getvalue()
    for username, role in (
        ("li.na", "sales"),
        ("zhang.wei", "sales"),
        ("chen.jing", "sales"),
        ("wang.manager", "manager"),
        ("zhao.finance", "finance"),
        ("sun.finance", "finance"),
        ("admin", "admin"),
    ):
        assert any(line.split()[:2] == [username, role] for line in text.splitlines()), username
    assert DEMO_PASSWORD in text
    assert not User.objects.exists() and not Company.objects.exists()


def test_demo_data_is_the_same_every_time():
    first, again = demo_companies(seed=7, count=60), demo_companies(seed=7, count=60)
    assert [(c.legal_name, c.contacts[0].channels) for c in first] == [
        (c.legal_name, c.contacts[0].channels) for c in again
    ]
    other = demo_companies(seed=8, count=60)
    assert [c.legal_name for c in other] != [c.legal_name for c in first]
    assert len({c.legal_name for c in demo_companies()}) == 300


def test_demo_buyers_have_postal_addresses_of_their_countries():
    from chengxin.demo.addresses import FORMATS
    from chengxin.demo.data import COUNTRIES
    from chengxin.parties.models import ADDRESS_LIMIT

    assert {row[0] for row in COUNTRIES} == set(FORMATS)
    for code, *_rest, cities, _rep in COUNTRIES:
        assert set(cities) == set(FORMATS[code][2]), code  # a postcode for every demo city
    first, again = demo_companies(seed=7, count=60), demo_companies(seed=7, count=60)
    assert [c.address for c in first] == [c.address for c in again]
    companies = demo_companies()
    assert all(c.address and len(c.address) <= ADDRESS_LIMIT for c in companies)
    by_name = {c.legal_name: c for c in companies}
    assert by_name["Lichthaus Köln GmbH"].address.endswith(" Köln")  # named after its city
    assert all("\n" in c.address for c in companies)

"""Shared users for every test: the owner of a customer, a colleague without
rights to it, an outsider (deactivated), finance, a manager (and a second of each, for
four eyes), an admin; and a customer the owner owns.

The factories behind them are in ``chengxin.testing``; fixtures that several apps' tests
share (stored mail, loopback servers) are in the plugin ``chengxin.testing.fixtures``."""

import pytest
from django.utils import translation

from chengxin.accounts.models import Role
from chengxin.testing import login, make_company, make_user

pytest_plugins = ["chengxin.browser_testing", "chengxin.testing.fixtures"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing is slow on purpose; tests only need passwords to check."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _audit_checkpoints_in_tmp(settings, tmp_path):
    """Audit checkpoints of a test go to its own file, never to var/."""
    settings.CHENGXIN_AUDIT_CHECKPOINT_FILE = tmp_path / "audit" / "checkpoints.log"


@pytest.fixture
def english(settings):
    """Pages and messages in English: the site's default language is Chinese, and a
    test that reads words reads them in one language on purpose."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def owner(db):
    return make_user(Role.SALES, username="owner", first_name="Li", last_name="Na")


@pytest.fixture
def colleague(db):
    return make_user(Role.SALES, username="colleague")


@pytest.fixture
def outsider(db):
    """A former employee: the account is deactivated, old sessions and tokens must not work."""
    return make_user(Role.SALES, username="outsider", is_active=False)


@pytest.fixture
def finance(db):
    return make_user(Role.FINANCE, username="finance")


@pytest.fixture
def manager(db):
    return make_user(Role.MANAGER, username="manager")


@pytest.fixture
def second_manager(db):
    """Another manager: four eyes need two people."""
    return make_user(Role.MANAGER, username="manager2")


@pytest.fixture
def second_finance(db):
    """Another finance user: four eyes need two people."""
    return make_user(Role.FINANCE, username="finance2")


@pytest.fixture
def admin_user(db):
    return make_user(Role.ADMIN, username="admin")


@pytest.fixture
def company(owner):
    return make_company(
        actor=owner,
        name="Müller Maschinenbau GmbH",
        email="anna.schmidt@mueller-maschinen.de",
        phone="+49 30 901820",
    )


@pytest.fixture
def contact(company):
    """The customer's contact: Anna Schmidt, her email and phone on file."""
    return company.contacts.get()


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client, logged in as ``user``."""

    def _login(user):
        login(client, user)
        return client

    return _login

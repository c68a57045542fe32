"""Two requests at once: one TOTP code passes once; two first setups confirm one device."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from chengxin.accounts import services
from chengxin.accounts.models import Role
from chengxin.testing import make_user, totp_code


def _at_once(workers: int, work) -> list:
    start = threading.Barrier(workers)
    results: list = []

    def run(index: int) -> None:
        try:
            start.wait()
            results.append(work(index))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer at a time through (IMMEDIATE transactions)")


@pytest.mark.django_db(transaction=True)
def test_one_code_sent_twice_at_once_passes_once(postgresql_only):
    user = make_user(Role.FINANCE, username="fin.race")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    code = totp_code(device)
    results = _at_once(6, lambda _i: services.two_factor_code_check(user=user, code=code))
    assert sum(result is not None for result in results) == 1


@pytest.mark.django_db(transaction=True)
def test_two_first_setups_at_once_confirm_one_device(postgresql_only):
    user = make_user(Role.MANAGER, username="mgr.race")
    pending = [services.two_factor_device_start(user=user, session_verified=False) for _ in "ab"]
    codes = [totp_code(device) for device in pending]

    def confirm(index: int) -> str:
        try:
            services.two_factor_device_confirm(
                user=user, device=pending[index], token=codes[index], session_verified=False
            )
        except PermissionDenied:
            return "refused"
        return "confirmed"

    assert sorted(_at_once(2, confirm)) == ["confirmed", "refused"]
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1

"""The per-address limit holds when checks arrive at the same moment on several workers."""

import threading

import pytest
from django.db import connection

from chengxin.publicrecord.models import Answer, VerificationAttempt
from chengxin.publicrecord.services import public_verify


@pytest.mark.django_db(transaction=True)
def test_simultaneous_checks_cannot_pass_the_limit_together(settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer at a time through (IMMEDIATE transactions)")
    settings.CHENGXIN_PUBLIC_VERIFY_LIMIT = 3
    workers = 8
    start = threading.Barrier(workers)
    answers: list[str] = []

    def check() -> None:
        try:
            start.wait()
            result = public_verify(
                text="999888777666", ip="203.0.113.9", user_agent="test", language="en"
            )
            answers.append(result.answer)
        finally:
            connection.close()

    threads = [threading.Thread(target=check) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [Answer.LIMITED] * 5 + [Answer.UNKNOWN] * 3
    assert VerificationAttempt.objects.filter(ip="203.0.113.9").count() == workers

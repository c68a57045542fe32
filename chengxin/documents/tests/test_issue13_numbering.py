"""Numbers per kind and year, never reused, when several people issue at the same moment
(threads, each with its own database connection, as two workers serve two requests; on
PostgreSQL the counter row's lock, on SQLite its IMMEDIATE transactions)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from chengxin.documents import services
from chengxin.documents.models import Document, DocumentSeries
from chengxin.documents.tests.conftest import NOW, two_writers_possible

WORKERS = 6


def _at_once(work, count: int) -> list:
    start = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = work(index)
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test reads
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_six_proformas_issued_at_once_get_six_numbers_in_a_row(owner, order):
    two_writers_possible()
    drafts = [
        services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
        for _ in range(WORKERS)
    ]
    results = _at_once(
        lambda i: services.document_issue(actor=owner, document=drafts[i], now=NOW).number,
        WORKERS,
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(results) == [f"PI-2026-{n:05d}" for n in range(1, WORKERS + 1)]
    assert DocumentSeries.objects.get(kind="proforma", year=2026).last == WORKERS


@pytest.mark.django_db(transaction=True)
def test_the_first_number_of_a_year_taken_twice_at_once(owner, order):
    """No series row exists yet for the year: both create it, one number each."""
    two_writers_possible()
    drafts = [
        services.document_draft(actor=owner, kind="packing_list", order=order, now=NOW)
        for _ in range(2)
    ]
    results = _at_once(
        lambda i: services.document_issue(actor=owner, document=drafts[i], now=NOW).number, 2
    )
    assert sorted(results) == ["PL-2026-00001", "PL-2026-00002"]


@pytest.mark.django_db(transaction=True)
def test_one_draft_issued_twice_at_once_is_issued_once(owner, order):
    two_writers_possible()
    draft = services.document_draft(actor=owner, kind="proforma", order=order, now=NOW)
    results = _at_once(
        lambda i: services.document_issue(actor=owner, document=draft, now=NOW).number, 2
    )
    numbers = [r for r in results if isinstance(r, str)]
    assert numbers == ["PI-2026-00001"]
    assert Document.objects.get().number == "PI-2026-00001"
    # the refused one took no number
    assert DocumentSeries.objects.get(kind="proforma", year=2026).last == 1


@pytest.mark.django_db(transaction=True)
def test_one_document_sent_twice_at_once_is_sent_once(owner, order):
    two_writers_possible()
    issued = services.document_issue(
        actor=owner,
        document=services.document_draft(actor=owner, kind="proforma", order=order, now=NOW),
        now=NOW,
    )
    results = _at_once(
        lambda i: services.document_send(actor=owner, document=issued, now=NOW).state, 2
    )
    assert sorted(map(str, results)).count("sent") == 1
    from chengxin.outbox.models import OutboundMessage

    assert OutboundMessage.objects.count() == 1

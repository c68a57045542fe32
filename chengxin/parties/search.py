"""Substring search over companies, fast on both databases.

Each company keeps a lower-case ``search_text`` (names, domains, contact
names, emails, phone digits). PostgreSQL answers ``LIKE '%fragment%'`` from a
pg_trgm GIN index; SQLite answers it from an FTS5 table with the trigram
tokenizer, kept in step with the company table by triggers. Fragments shorter
than three characters cannot use a trigram index and fall back to a scan.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

SQLITE_FTS_TABLE = "parties_company_fts"

SQLITE_SETUP = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS parties_company_fts USING fts5(
        search_text, content='parties_company', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER IF NOT EXISTS parties_company_fts_ai AFTER INSERT ON parties_company BEGIN
        INSERT INTO parties_company_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS parties_company_fts_ad AFTER DELETE ON parties_company BEGIN
        INSERT INTO parties_company_fts(parties_company_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS parties_company_fts_au
        AFTER UPDATE OF search_text ON parties_company BEGIN
        INSERT INTO parties_company_fts(parties_company_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO parties_company_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    "INSERT INTO parties_company_fts(parties_company_fts) VALUES ('rebuild')",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS parties_company_fts_ai",
    "DROP TRIGGER IF EXISTS parties_company_fts_ad",
    "DROP TRIGGER IF EXISTS parties_company_fts_au",
    "DROP TABLE IF EXISTS parties_company_fts",
]
POSTGRES_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS parties_company_search_trgm "
    "ON parties_company USING gin (search_text gin_trgm_ops)",
]
POSTGRES_TEARDOWN = ["DROP INDEX IF EXISTS parties_company_search_trgm"]


def search_q(fragment: str) -> Q:
    """A filter for companies whose search text contains ``fragment`` (lower case)."""
    if len(fragment) >= 3 and connection.vendor == "sqlite":
        phrase = '"' + fragment.replace('"', '""') + '"'
        return Q(
            # The fragment is passed as a query parameter, never formatted into SQL.
            pk__in=RawSQL(  # noqa: S611
                "SELECT rowid FROM parties_company_fts WHERE parties_company_fts MATCH %s",
                [phrase],
            )
        )
    return Q(search_text__contains=fragment)

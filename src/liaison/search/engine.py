"""Finding one kind's documents that contain every folded term, newest first, a batch at a
time, by the database's own index: the work grows with the batches read, never with the
number of hits (a term found in every record costs what a rare one does).

One interface, the database decides the engine:

- SQLite: FTS5 with the trigram tokenizer answers any term of three characters or more as a
  substring, from the index; the kind of record is a column of that index too (its
  content type as the token `<id>`), so one kind's hits are found without reading the
  others'. FTS5 hands rowids out in descending order and stops at the batch's end.
  A trigram index cannot answer one or two characters (香港, 廉政): those terms are a LIKE
  over the folded text, on the trigram candidates when the query has a longer term, else
  over the kind's documents by the (content type, object) index, newest first (a rare
  short term reads the kind's documents, never the records).
- PostgreSQL: pg_trgm's GIN index serves LIKE '%term%' for terms of three characters or
  more; the planner chooses between it and the (content type, object) index, newest first.

Matching is exact on folded text (search.folding), so both Chinese scripts, widths, case
and accents meet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection

TRIGRAM = 3
TABLE = "search_searchdocument"


@dataclass(frozen=True)
class Candidate:
    id: int
    object_id: int
    title_folded: str


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _sqlite_batch(content_type: int, terms: list[str], before: int | None, size: int):
    long = [term for term in terms if len(term) >= TRIGRAM]
    short = [term for term in terms if len(term) < TRIGRAM]
    likes = "".join(" AND d.folded LIKE %s ESCAPE '\\'" for _ in short)
    params: list = []
    if long:
        expression = f'kind : "<{content_type}>" AND folded : ('
        expression += " AND ".join(map(_fts_phrase, long)) + ")"
        sql = (
            f"SELECT d.id, d.object_id, d.title_folded, d.id FROM search_fts f "
            f"JOIN {TABLE} d ON d.id = f.rowid WHERE search_fts MATCH %s"
        )
        params.append(expression)
        if before is not None:
            sql += " AND f.rowid < %s"
            params.append(before)
        sql += likes + " ORDER BY f.rowid DESC LIMIT %s"
    else:
        sql = (
            f"SELECT d.id, d.object_id, d.title_folded, d.object_id FROM {TABLE} d "
            "WHERE d.content_type_id = %s"
        )
        params.append(content_type)
        if before is not None:
            sql += " AND d.object_id < %s"
            params.append(before)
        sql += likes + " ORDER BY d.object_id DESC LIMIT %s"
    return sql, [*params, *map(_like, short), size]


def _postgresql_batch(content_type: int, terms: list[str], before: int | None, size: int):
    sql = (
        f"SELECT d.id, d.object_id, d.title_folded, d.object_id FROM {TABLE} d "
        "WHERE d.content_type_id = %s"
    )
    params: list = [content_type]
    if before is not None:
        sql += " AND d.object_id < %s"
        params.append(before)
    sql += "".join(" AND d.folded LIKE %s" for _ in terms)
    sql += " ORDER BY d.object_id DESC LIMIT %s"
    return sql, [*params, *map(_like, terms), size]


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _build():
    return _sqlite_batch if connection.vendor == "sqlite" else _postgresql_batch


def first_batches(content_types: list[int], terms: list[str], size: int) -> dict[int, list]:
    """Each kind's first batch (its newest `size` documents containing every term), all in
    one query: a union of the kinds' own, so a search costs one round trip, not one per
    kind, however few of them have hits. Kinds without hits are left out."""
    if not content_types:
        return {}
    parts, params = [], []
    for content_type in content_types:
        sql, kind_params = _build()(content_type, terms, None, size)
        parts.append(f"SELECT %s, k.* FROM ({sql}) k")
        params += [content_type, *kind_params]
    found: dict[int, list] = {}
    for content_type, *row in _rows(" UNION ALL ".join(parts), params):
        found.setdefault(content_type, []).append(tuple(row))
    for rows in found.values():  # a union keeps no order: each kind's, newest first again
        rows.sort(key=lambda row: row[3], reverse=True)
    return found


def batches(
    content_type: int, terms: list[str], size: int, first: list | None = None
) -> Iterator[list[Candidate]]:
    """The kind's documents containing every term (already folded), `size` at a time, the
    newest first, read lazily: a caller that has enough stops reading. `first`: the first
    batch's rows, already read (first_batches)."""
    before = None
    while True:
        if first is not None:
            rows, first = first, None
        else:
            rows = _rows(*_build()(content_type, terms, before, size))
        if not rows:
            return
        yield [Candidate(*row[:3]) for row in rows]
        if len(rows) < size:
            return
        before = rows[-1][3]


def rank(candidate: Candidate, terms: list[str]) -> tuple:
    """A name that is the query ranks first, then one that starts with it, then one that
    contains it, then a hit elsewhere in the text; shorter names before longer ones, newer
    records before older."""
    title = candidate.title_folded
    if title == " ".join(terms):
        tier = 0
    elif title.startswith(terms[0]):
        tier = 1
    elif terms[0] in title:
        tier = 2
    else:
        tier = 3
    return tier, len(title), -candidate.object_id

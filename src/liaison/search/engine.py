"""Finding the documents that contain every folded term, by the database's own index.

One interface, the database decides the engine:

- SQLite: FTS5 with the trigram tokenizer answers any term of three characters or more as a
  substring, from the index (a rare term's first page reads a few rows, not the table).
  A trigram index cannot answer one or two characters (香港, 廉政): those terms are a LIKE
  over the folded text, restricted to the trigram candidates when the query has a longer
  term, a scan of the document table (never of the records) when it has none. A bigram
  index of our own would be faster for those but doubles the index; the document table is
  small enough to scan in the time a page allows (see `make bench`).
- PostgreSQL: pg_trgm's GIN index serves LIKE '%term%' for terms of three characters or
  more; shorter terms are the same LIKE, which PostgreSQL answers by scanning.

Matching is exact on folded text (search.folding), so both Chinese scripts, widths, case
and accents meet; ranking puts a hit in the name or title first.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length

from liaison.search.models import SearchDocument

TRIGRAM = 3


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def matching(terms: list[str]) -> QuerySet[SearchDocument]:
    """The documents containing every term (already folded)."""
    documents = SearchDocument.objects.all()
    by_like = terms
    if connection.vendor == "sqlite":
        long = [term for term in terms if len(term) >= TRIGRAM]
        by_like = [term for term in terms if len(term) < TRIGRAM]
        if long:
            expression = " AND ".join(map(_fts_phrase, long))
            documents = documents.filter(
                id__in=RawSQL(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression]
                )
            )
    for term in by_like:
        documents = documents.filter(folded__contains=term)
    return documents


def best_first(documents: QuerySet[SearchDocument], terms: list[str]) -> QuerySet:
    """A name that is the query ranks first, then one that starts with it, then one that
    contains it, then a hit elsewhere in the text; shorter names before longer ones."""
    whole = " ".join(terms)
    rank = Case(
        When(title_folded=whole, then=Value(0)),
        When(title_folded__startswith=terms[0], then=Value(1)),
        When(title_folded__contains=terms[0], then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return documents.annotate(rank=rank, title_length=Length("title_folded")).order_by(
        "rank", "title_length", "-object_id"
    )

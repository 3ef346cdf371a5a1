"""A query's results for one reader: only what the chokepoint lets them see, counted the
same way, grouped by kind of record, best first.

Every kind's hits are its documents checked against `visible_to` of its family (the family
also decides who may search it at all: staff, the register for its officers), so a hidden
record is never shown, never counted, and its text never quoted.

The cost grows with what is shown, not with the table: a kind's hits are read newest first
from the index a batch at a time and checked against the chokepoint by primary key, and
reading stops at a limit of visible hits (COUNTED, LISTED). A kind with more says so
("100+"); its page ranks those hits, plus any record whose name is the query itself,
wherever it lies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import NoReverseMatch

from liaison.core import registry
from liaison.core.search import SearchIndex
from liaison.search import engine
from liaison.search.folding import terms_of
from liaison.search.highlight import snippet
from liaison.search.indexing import indexes
from liaison.search.models import SearchDocument

PER_KIND = 5
PER_PAGE = 20
#: Hits counted per kind when every kind is shown (a kind with more shows "100+"), and
#: hits ranked and paged through on one kind's own page ("1000+").
COUNTED = 100
LISTED = 1000


@dataclass
class Hit:
    record: object
    url: str | None
    context: str


@dataclass
class Kind:
    name: str
    label: str
    #: Hits the reader may see, counted up to COUNTED (LISTED on the kind's own page).
    count: int
    hits: list[Hit] = field(default_factory=list)
    page: Page | None = None
    #: More than `count` hits: the count stopped at its limit.
    more: bool = False


def visible_records(index: SearchIndex, user) -> QuerySet:
    """The kind's records the user may see: its family's chokepoint, or nothing at all for
    a kind no family serves (never a table read without a visibility rule)."""
    family = registry.family_of(index.model)
    if family is not None:
        return family.visible(user)
    return index.model.objects.none()


def _searchable(index: SearchIndex, user) -> bool:
    """Whether the reader may search the kind at all (decided without building its
    chokepoint's query, which only a kind with hits in the index needs)."""
    family = registry.family_of(index.model)
    return family is not None and family.shown_to(user)


class _Reader:
    """One kind's hits checked against the chokepoint by primary key; a batch small enough
    to be shown is read whole, with the documents' text, in that same query."""

    def __init__(self, index: SearchIndex, user):
        self.index, self.user = index, user
        self.records: dict = {}

    @cached_property
    def visible(self) -> QuerySet:
        return visible_records(self.index, self.user)

    def with_text(self) -> QuerySet:
        text = SearchDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(self.index.model),
            object_id=OuterRef("pk"),
        ).values("text")[:1]
        return self.visible.annotate(search_text=Subquery(text)).order_by()

    def allowed(self, candidates: list[engine.Candidate]) -> list[engine.Candidate]:
        ids = [candidate.object_id for candidate in candidates]
        if len(ids) <= PER_PAGE:
            self.records.update(self.with_text().in_bulk(ids))
            allowed = self.records.keys()
        else:
            allowed = set(self.visible.filter(pk__in=ids).order_by().values_list("pk", flat=True))
        return [candidate for candidate in candidates if candidate.object_id in allowed]

    def shown(self, chosen: list[engine.Candidate], terms) -> list[Hit]:
        missing = [c.object_id for c in chosen if c.object_id not in self.records]
        if missing:
            self.records.update(self.with_text().in_bulk(missing))
        family = registry.family_of(self.index.model)
        shown = []
        for candidate in chosen:
            record = self.records.get(candidate.object_id)
            if record is None:  # hidden between the two reads: left out, as it must be
                continue
            url = _detail_url(family, record.pk)
            shown.append(Hit(record, url, snippet(record.search_text or "", terms)))
        return shown


def _detail_url(family, pk: int) -> str | None:
    try:
        return family.url("detail", pk) if family else None
    except NoReverseMatch:  # a kind without a page of its own
        return None


def _found(content_type: int, terms: list[str], reader: _Reader, limit: int, first: list):
    """Up to `limit` visible hits, and whether there are more (`first`: the first batch)."""
    hits: list[engine.Candidate] = []
    for batch in engine.batches(content_type, terms, limit + 1, first):
        hits.extend(reader.allowed(batch))
        if len(hits) > limit:
            return hits[:limit], True
    return hits, False


def _named(content_type: int, terms: list[str], reader: _Reader, hits: list) -> list:
    """Records whose name is the query, beyond the hits counted: they rank first."""
    rows = SearchDocument.objects.filter(content_type=content_type, title_folded=" ".join(terms))
    seen = {hit.id for hit in hits}
    candidates = [
        engine.Candidate(*row)
        for row in rows.values_list("id", "object_id", "title_folded")[:PER_PAGE]
        if row[0] not in seen
    ]
    return reader.allowed(candidates) if candidates else []


def search(user, query: str, *, kind: str | None = None, page: int | str = 1) -> list[Kind]:
    """The kinds with hits, each with its best few (or, for `kind`, one page of them)."""
    terms = terms_of(query)
    if not terms:
        return []
    limit = COUNTED if kind is None else LISTED
    searched = {
        ContentType.objects.get_for_model(index.model).pk: index
        for index in indexes.values()
        if kind in (None, index.model._meta.model_name) and _searchable(index, user)
    }
    firsts = engine.first_batches(list(searched), terms, limit + 1)
    kinds = []
    for content_type, index in searched.items():
        if content_type not in firsts:  # no document of the kind has the words
            continue
        reader = _Reader(index, user)
        hits, more = _found(content_type, terms, reader, limit, firsts[content_type])
        if not hits:
            continue
        name = index.model._meta.model_name
        found = Kind(name, index.model._meta.verbose_name_plural, len(hits), more=more)
        if more:
            hits = _named(content_type, terms, reader, hits) + hits
        ranked = sorted(hits, key=lambda hit: engine.rank(hit, terms))
        if kind is None:
            found.hits = reader.shown(ranked[:PER_KIND], terms)
        else:
            found.page = Paginator(ranked, PER_PAGE).get_page(page)
            found.hits = reader.shown(list(found.page.object_list), terms)
        kinds.append(found)
    return kinds

"""A query's results for one reader: only what the chokepoint lets them see, counted the
same way, grouped by kind of record, best first.

Every kind's hits are its documents joined to `visible_to` of its family (the family also
decides who may search it at all: staff, the register for its officers), so a hidden
record is never shown, never counted, and its text never quoted. The queries are bounded
by the number of kinds, not of hits: one count for all kinds, then a page of documents and
their records per kind shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from liaison.core import registry
from liaison.core.search import SearchIndex
from liaison.search import engine
from liaison.search.folding import terms_of
from liaison.search.highlight import snippet
from liaison.search.indexing import indexes

PER_KIND = 5
PER_PAGE = 20


@dataclass
class Hit:
    record: object
    url: str | None
    context: str


@dataclass
class Kind:
    name: str
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)
    page: Page | None = None


def visible_records(index: SearchIndex, user) -> QuerySet:
    """The kind's records the user may see: its family's chokepoint, or nothing at all for
    a kind no family serves (never a table read without a visibility rule)."""
    family = registry.family_of(index.model)
    if family is not None:
        return family.visible(user)
    return index.model.objects.none()


def _visible(index: SearchIndex, visible: QuerySet) -> Q:
    """Documents of the kind whose record the user may see: checked per hit by primary key
    (EXISTS), so a rare term reads its few records and never the kind's whole table."""
    one = visible.filter(pk=OuterRef("object_id"))
    return Q(Exists(one), content_type=ContentType.objects.get_for_model(index.model))


def _hits(index: SearchIndex, visible: QuerySet, documents: list, terms) -> list[Hit]:
    records = visible.in_bulk([document.object_id for document in documents])
    family = registry.family_of(index.model)
    found = []
    for document in documents:
        record = records.get(document.object_id)
        if record is None:  # hidden between the two reads: left out, as it must be
            continue
        url = family.urls(record.pk).get("detail") if family else None
        found.append(Hit(record, url, snippet(document.text, terms)))
    return found


def search(user, query: str, *, kind: str | None = None, page: int | str = 1) -> list[Kind]:
    """The kinds with hits, each with its best few (or, for `kind`, one page of them)."""
    terms = terms_of(query)
    if not terms:
        return []
    documents = engine.matching(terms)
    # Only the kinds with a hit in the index: the chokepoint's queries are built and run for
    # those alone (for a rare term, most of the time otherwise).
    matched = set(documents.values_list("content_type", flat=True).distinct().order_by())
    by_type = {
        content_type: index
        for index in indexes.values()
        if kind in (None, index.model._meta.model_name)
        and (content_type := ContentType.objects.get_for_model(index.model).pk) in matched
    }
    chosen = list(by_type.values())
    if not chosen:
        return []
    visible = {index: visible_records(index, user) for index in chosen}
    condition = Q()
    for index in chosen:
        condition |= _visible(index, visible[index])
    counted = documents.filter(condition).values("content_type").annotate(found=Count("pk"))
    counts = {row["content_type"]: row["found"] for row in counted.order_by()}
    kinds = []
    for content_type, index in by_type.items():
        if not counts.get(content_type):
            continue
        found = Kind(
            index.model._meta.model_name,
            index.model._meta.verbose_name_plural,
            counts[content_type],
        )
        ranked = engine.best_first(documents.filter(_visible(index, visible[index])), terms)
        ranked = ranked.only("object_id", "text")
        if kind is None:
            found.hits = _hits(index, visible[index], list(ranked[:PER_KIND]), terms)
        else:
            paginator = Paginator(ranked, PER_PAGE)
            paginator.count = found.count  # counted above, through the same chokepoint
            found.page = paginator.get_page(page)
            found.hits = _hits(index, visible[index], list(found.page.object_list), terms)
        kinds.append(found)
    return kinds

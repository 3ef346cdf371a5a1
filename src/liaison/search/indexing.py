"""Keeping the search documents current: one per indexed record, rewritten in the same
transaction as every write through the services, and rebuilt whole on demand."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.module_loading import module_has_submodule

from liaison.core.search import SearchIndex
from liaison.search.folding import fold
from liaison.search.models import SearchDocument

#: The declared indexes by model, in the order of INSTALLED_APPS.
indexes: dict[type[models.Model], SearchIndex] = {}
BATCH = 500


def discover() -> None:
    """Read INDEXES from every installed app's search.py."""
    from importlib import import_module

    for config in apps.get_app_configs():
        if config.name == "liaison.search" or not module_has_submodule(config.module, "search"):
            continue
        for index in getattr(import_module(f"{config.name}.search"), "INDEXES", ()):
            indexes.setdefault(index.model, index)


def document_for(index: SearchIndex, record, content_type: ContentType) -> SearchDocument:
    texts = index.texts(record)
    return SearchDocument(
        content_type=content_type,
        object_id=record.pk,
        text="\n".join(texts),
        title_folded=fold(texts[0])[:500] if texts else "",
        folded=fold(" \n".join(texts)),
    )


def _store(index: SearchIndex, records: Iterable[models.Model]) -> None:
    """Write the records' documents afresh, keeping each document's row (and so its place
    in the index's newest-first order)."""
    content_type = ContentType.objects.get_for_model(index.model)
    documents = [document_for(index, record, content_type) for record in records]
    existing = dict(
        SearchDocument.objects.filter(
            content_type=content_type, object_id__in=[d.object_id for d in documents]
        ).values_list("object_id", "id")
    )
    for document in documents:
        document.id = existing.get(document.object_id)
    changed = [document for document in documents if document.id is not None]
    SearchDocument.objects.bulk_update(changed, ["text", "title_folded", "folded"], BATCH)
    SearchDocument.objects.bulk_create([d for d in documents if d.id is None], BATCH)


def reindex(record) -> None:
    """Write the record's document afresh (read again, with what its text comes from)."""
    index = indexes[type(record)]
    _store(index, index.model._base_manager.prefetch_related(*index.prefetch).filter(pk=record.pk))


def _reindex_linking(item) -> None:
    """The documents of every record whose text includes this reference data's names."""
    for index in indexes.values():
        for name in index.follows:
            if index.model._meta.get_field(name).related_model is type(item):
                linking = index.model._base_manager.filter(**{name: item})
                for batch in _batches(index, linking):
                    _store(index, batch)


def follow_write(record, deleted: bool) -> None:
    """The services' after-write hook (a change of a record's rows, an event, is a write of
    the record); a deleted record takes its document with it, a renamed place rewrites the
    documents of the activities held there."""
    if deleted and type(record) in indexes:
        SearchDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        ).delete()
    elif type(record) in indexes:
        reindex(record)
    if not deleted:
        _reindex_linking(record)


def _batches(index: SearchIndex, records: models.QuerySet) -> Iterator[list[models.Model]]:
    queryset = records.order_by("pk").prefetch_related(*index.prefetch)
    last = 0
    while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
        yield batch
        last = batch[-1].pk


@transaction.atomic
def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Replace every document by one built from the records as stored; returns the count."""
    total = sum(index.model._base_manager.count() for index in indexes.values())
    SearchDocument.objects.all().delete()
    done = 0
    for index in indexes.values():
        content_type = ContentType.objects.get_for_model(index.model)
        pending: list[SearchDocument] = []
        for record in chain.from_iterable(_batches(index, index.model._base_manager.all())):
            pending.append(document_for(index, record, content_type))
            if len(pending) == BATCH:
                SearchDocument.objects.bulk_create(pending)
                done += len(pending)
                pending = []
                if progress:
                    progress(done, total)
        SearchDocument.objects.bulk_create(pending)
        done += len(pending)
        if progress:
            progress(done, total)
    return done

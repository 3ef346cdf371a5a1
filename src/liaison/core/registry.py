"""The record families the web interface knows, so that every generic page, the navigation,
search and the leak test find them without hand edits (NetBox's registry, our way).

Each family app declares its `Family` in its views.py and registers it from its
AppConfig.ready(); core itself names no family.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import NoReverseMatch, reverse

from liaison.core import services
from liaison.core.models import RecordModel, ReferenceModel
from liaison.core.prepared import prepared
from liaison.core.visibility import reader_key, record_links, roles_of

#: What a detail page leaves out unless told otherwise: bookkeeping, and the state, shown
#: beside the title.
HIDDEN = ("id", "agency", "import_key", "source_ref", "version", "state")
LIST_PAGES = ("list", "add", "bulk")
RECORD_PAGES = ("detail", "edit", "delete")


def is_member(user) -> bool:
    return bool(roles_of(user))


@dataclass(frozen=True)
class Rows:
    """Rows of a record that its detail page lets a writer add and remove (events, a
    delegation, attendance): the row's form (a RecordForm without the record's field) and
    the services that write it, each given the record's version the page showed."""

    name: str
    form: type
    save: Callable = services.save_child
    delete: Callable = services.delete_child
    #: Whether the record has such rows at all (attendance: only training courses).
    applies: Callable[[Any], bool] = lambda record: True


@dataclass(frozen=True)
class Family:
    """One kind of record and the pieces its pages are built from."""

    model: type[models.Model]
    #: The URL namespace of the app that serves the family ("activities").
    namespace: str
    table: type
    filterset: type
    #: None for rows written elsewhere (attendance is recorded on its course).
    form: type | None = None
    #: Related rows the list reads with its records (so no query per row).
    list_select: tuple[str, ...] = ()
    list_prefetch: tuple[str, ...] = ()
    #: Who finds the family in the navigation and may open its pages at all.
    shown_to: Callable[[Any], bool] = is_member
    #: Fields the detail page leaves out (bookkeeping that says nothing to a reader).
    hidden_fields: tuple[str, ...] = HIDDEN
    #: Rows belonging to the record that its detail page lists (related names), and what
    #: else its page shows (prefetch lookups such as "membership__body").
    children: tuple[str, ...] = ()
    detail_prefetch: tuple[str, ...] = ()
    #: Filtered lists the menu offers under the family's own: (label, query string) pairs.
    shortcuts: tuple[tuple[Any, str], ...] = ()
    #: Fields a form's chooser searches (icontains) to link a record of this family; none:
    #: such links are chosen from a plain list.
    search_fields: tuple[str, ...] = ()
    #: The fields of the short form that adds a record from within another record's form.
    quick_add: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.model._meta.model_name

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    @property
    def is_record(self) -> bool:
        return issubclass(self.model, RecordModel)

    @property
    def is_reference(self) -> bool:
        return issubclass(self.model, ReferenceModel)

    def url_name(self, action: str) -> str:
        return f"{self.namespace}:{self.name}_{action}"

    def url(self, action: str, pk: int | None = None) -> str:
        return reverse(self.url_name(action), kwargs={} if pk is None else {"pk": pk})

    @property
    def rows(self) -> dict[str, Rows]:
        """The editable rows, including those other apps add (attendance on a course)."""
        return {rows.name: rows for rows in _rows.get(self.model, ())}

    def urls(self, pk: int | None = None) -> dict[str, str]:
        """The family's pages that exist: the list's, and the record's when `pk` is given."""
        found = {}
        for action in LIST_PAGES + (RECORD_PAGES if pk is not None else ()):
            kwargs = {"pk": pk} if action in RECORD_PAGES else {}
            try:
                found[action] = reverse(self.url_name(action), kwargs=kwargs)
            except NoReverseMatch:
                continue
        return found

    def visible(self, user) -> models.QuerySet:
        """The family's rows the user may see, read through the chokepoint."""
        if not self.shown_to(user):
            return self.model.objects.none()
        manager = self.model.objects
        if hasattr(manager, "visible_to"):
            return manager.visible_to(user)
        if not is_member(user):  # shared reference data: every member reads it
            return manager.none()
        return manager.all()

    def list_rows(self, user) -> models.QuerySet:
        return (
            self.visible(user)
            .select_related(*self.list_select)
            .prefetch_related(*self.list_prefetch)
        )

    def shown_relations(self) -> list[str]:
        """The many-to-many fields and rows a detail page lists."""
        many = [f.name for f in self.model._meta.many_to_many if f.name not in self.hidden_fields]
        return list(dict.fromkeys([*many, *self.children, *self.rows]))

    def record_rows(self, user) -> models.QuerySet:
        """The chokepoint, with the record's links, and whether it has any of each kind of
        row a detail page lists (so an empty list costs no query); `read_shown` reads them."""
        opts = self.model._meta
        related = [f.name for f in opts.concrete_fields if f.is_relation and f.name != "agency"]
        flags = {
            has_rows(name): Exists(related_rows(self.model, name))
            for name in self.shown_relations()
        }
        return self.visible(user).select_related(*related).annotate(**flags)

    def detail_rows(self, user) -> models.QuerySet:
        """`record_rows` with every row prefetched, through the chokepoint (the API reads
        a record so: the rows it shows are those the caller may see)."""
        lookups = [visible_prefetch(self.model, name, user) for name in self.shown_relations()]
        return self.record_rows(user).prefetch_related(*lookups, *self.detail_prefetch)

    def read_shown(self, record, user) -> None:
        """Read what the detail page lists of `record` (`shown_rows`), one query per kind
        of row it has, each compiled once per reader (core.prepared): its rows and linked
        records come through the chokepoint (a public activity's role of a confidential
        body is not listed on its page), with the records they name."""
        shown = record.__dict__[SHOWN] = {}
        for name in self.shown_relations():
            rows = self.rows.get(name)
            wanted = getattr(record, has_rows(name)) and (rows is None or rows.applies(record))
            field = self.model._meta.get_field(name)
            found = shown[name] = []
            if wanted:
                found += prepared(
                    field.related_model,
                    f"shown:{self.model._meta.label}.{name}",
                    (reader_key(user),),
                    partial(rows_of_one, self.model, name, user),
                    slot=record.pk,
                )
            if not field.many_to_many:  # each row's record is this one, as a prefetch says
                for row in found:
                    setattr(row, field.field.name, record)
        if self.detail_prefetch:
            models.prefetch_related_objects([record], *self.detail_prefetch)


#: Where `Family.read_shown` leaves a record's rows.
SHOWN = "shown_rows"


def shown_rows(record, name: str) -> list:
    """The rows of the relation `name` a detail page lists, as `read_shown` read them."""
    return record.__dict__[SHOWN][name]


def has_rows(name: str) -> str:
    return f"_has_{name}"


def related_rows(model: type[models.Model], name: str) -> models.QuerySet:
    """Rows of the relation `name` of the record OuterRef("pk") (visible or not)."""
    field = model._meta.get_field(name)
    if field.many_to_many and not field.auto_created:
        through = field.remote_field.through
        return through.objects.filter(**{field.m2m_field_name(): OuterRef("pk")})
    return field.related_model._base_manager.filter(**{field.field.name: OuterRef("pk")})


def visible_prefetch(model: type[models.Model], name: str, user) -> models.Prefetch:
    """A prefetch of the relation `name`, through the chokepoint when its rows have one,
    with the records each row names (a body's role: its body)."""
    field = model._meta.get_field(name)
    return models.Prefetch(name, queryset=shown_queryset(field, field.related_model, user))


def rows_of_one(model: type[models.Model], name: str, user, pk: int) -> models.QuerySet:
    """The rows of the relation `name` of the record `pk`, which the caller read through
    the chokepoint: rows that are the record's own are then checked on their other links
    only (ChildQuerySet.visible_of), any other through their whole rules."""
    field = model._meta.get_field(name)
    target = field.related_model
    if field.many_to_many:  # a field of the record's, or another record's field to it
        lookup = field.field.name if field.auto_created else field.related_query_name()
        return shown_queryset(field, target, user).filter(**{lookup: pk})
    if getattr(target, "parent_field", "") == field.field.name:
        own = target._default_manager.visible_of(user, [pk])
        return shown_queryset(field, target, user, own)
    return shown_queryset(field, target, user).filter(**{field.field.name: pk})


def shown_queryset(field, target, user, rows: models.QuerySet | None = None):
    """`rows` (else the rows of `target` `user` may see), with the records they name, in
    their order (rows without an order of their own: as they were added)."""
    manager = target._default_manager
    if rows is None:
        rows = manager.visible_to(user) if hasattr(manager, "visible_to") else manager.all()
    back = "" if field.many_to_many else field.field.name
    named = [link.name for link in record_links(target) if link.name != back]
    if not target._meta.ordering:
        rows = rows.order_by("pk")
    return rows.select_related(*named)


_families: dict[type[models.Model], Family] = {}
_rows: dict[type[models.Model], list[Rows]] = {}


def register(*families: Family) -> None:
    for family in families:
        if family.model in _families:
            raise ValueError(f"{family.model.__name__} is already registered.")
        _families[family.model] = family


def add_rows(model: type[models.Model], *rows: Rows) -> None:
    """Let writers add and remove these rows on the model's detail page."""
    _rows.setdefault(model, []).extend(rows)


def families() -> list[Family]:
    """Every registered family, in the order the apps registered them."""
    return list(_families.values())


def family_of(model: type[models.Model]) -> Family | None:
    return _families.get(model)


def record_family(name: str) -> Family | None:
    """The family of records (not reference data) named `name` in URLs and the API."""
    return next((f for f in _families.values() if f.is_record and f.name == name), None)


def navigation(user) -> list[Family]:
    """The families the user finds in the menu."""
    return [family for family in _families.values() if family.shown_to(user)]


#: Panels other apps add to every record's detail page (attachments, for one): each is a
#: function (record, user) -> (template name, context) or None.
_panels: list[Callable[[Any, Any], tuple[str, dict] | None]] = []
#: What the detail page's own query reads for the panels: name -> a function of the model
#: giving an expression (or None), so a panel with nothing to show costs no query.
_panel_annotations: dict[str, Callable[[type[models.Model]], Any]] = {}


def add_detail_panel(
    panel: Callable[[Any, Any], tuple[str, dict] | None],
    annotations: dict[str, Callable[[type[models.Model]], Any]] | None = None,
) -> None:
    if panel not in _panels:
        _panels.append(panel)
    _panel_annotations.update(annotations or {})


def panel_annotations(model: type[models.Model]) -> dict[str, Any]:
    found = {name: expression(model) for name, expression in _panel_annotations.items()}
    return {name: expression for name, expression in found.items() if expression is not None}


def panels_for(record, user) -> list[tuple[str, dict]]:
    return [shown for panel in _panels if (shown := panel(record, user)) is not None]

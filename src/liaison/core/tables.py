"""The list pages' tables (django-tables2): a link to each row's page, the workflow state,
and the site's own template, which carries the bulk-action boxes and htmx paging."""

from __future__ import annotations

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tables2.rows import BoundRow, BoundRows
from django_tables2.utils import signature

from liaison.core import registry

PER_PAGE = 25


def detail_url(record) -> str:
    return registry.family_of(type(record)).url("detail", record.pk)


class LinkColumn(tables.Column):
    """The column that names the row, linked to its detail page."""

    def render(self, record, value):
        return format_html('<a href="{}">{}</a>', detail_url(record), value)


class TitleColumn(LinkColumn):
    """A trilingual title in the user's language, sorted by the zh-Hant one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("title"))
        kwargs.setdefault("order_by", ("title_zh_hant",))
        super().__init__(*args, **kwargs)


class NameColumn(LinkColumn):
    """A trilingual name in the user's language, sorted by the zh-Hant one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", _("name"))
        kwargs.setdefault("order_by", ("name_zh_hant",))
        super().__init__(*args, **kwargs)


class Row(BoundRow):
    """tables2's row, with what it works out for every cell (the arguments a column's
    render takes, whether its field has choices to display) worked out once per column of
    a table: inspect.signature alone was a third of a list page's 25 × 7 cells."""

    def _get_and_render_with(self, bound_column, render_func, default):
        display = self._table.display_of(bound_column)
        if display is None:
            return super()._get_and_render_with(bound_column, render_func, default)
        value = getattr(self.record, display)()
        if value in bound_column.column.empty_values:
            return default
        return render_func(bound_column, value)

    def _call_render(self, bound_column, value=None):
        arguments = self._optional_cell_arguments(bound_column, value)
        names, takes_all = self._table.arguments_of(bound_column)
        if not takes_all:  # tables2 names only these six; a render wanting more is a bug
            arguments = {name: arguments[name] for name in names}
        content = bound_column.render(**arguments)
        return bound_column.link(content, **arguments) if bound_column.link else content


class Rows(BoundRows):
    def __iter__(self):
        for record in self.data:
            yield Row(record, table=self.table)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return Rows(data=self.data[key], table=self.table)
        return Row(record=self.data[key], table=self.table)


class FamilyTable(tables.Table):
    """The site's table: its own template, and rows that render their cells without
    asking tables2 to inspect each column again for each row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = Rows(data=self.data, table=self)
        self._arguments, self._displays = {}, {}

    def arguments_of(self, bound_column) -> tuple[tuple[str, ...], bool]:
        """The names a column's render takes, and whether it takes any (**kwargs)."""
        if bound_column.name not in self._arguments:
            names, catch_all = signature(bound_column.render)
            self._arguments[bound_column.name] = (names, catch_all is not None)
        return self._arguments[bound_column.name]

    def display_of(self, bound_column) -> str | None:
        """`get_FOO_display` for a column on one of the model's fields with choices (the
        value tables2 shows for it), else None: tables2 works the value out itself."""
        name = bound_column.name
        if name not in self._displays:
            self._displays[name] = None
            accessor = bound_column.accessor
            model = getattr(self._meta, "model", None)
            if model is not None and "__" not in accessor and "." not in accessor:
                try:
                    field = model._meta.get_field(accessor)
                except FieldDoesNotExist:
                    field = None
                if field is not None and getattr(field, "choices", None):
                    self._displays[name] = f"get_{accessor}_display"
        return self._displays[name]

    class Meta:
        template_name = "core/table.html"
        attrs = {"class": "striped"}
        per_page = PER_PAGE


class RecordTable(FamilyTable):
    """A table of records: their classification and state close each row."""

    classification = tables.Column(verbose_name=_("classification"))
    state = tables.Column(verbose_name=_("state"))

    class Meta(FamilyTable.Meta):
        pass

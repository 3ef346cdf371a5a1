"""The list pages' tables (django-tables2): a link to each row's page, the workflow state,
and the site's own template, which carries the bulk-action boxes and htmx paging."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from liaison.core import registry

PER_PAGE = 25


def detail_url(record) -> str:
    return registry.family_of(type(record)).url("detail", record.pk)


class LinkColumn(tables.Column):
    """The column that names the row, linked to its detail page."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("linkify", detail_url)
        super().__init__(*args, **kwargs)


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


class FamilyTable(tables.Table):
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

"""The list tables' rows: the same cells as django-tables2's own rows, with what tables2
works out per cell worked out once per column."""

import pytest
from django.test import RequestFactory
from django_tables2.rows import BoundRow

from liaison.core import tables
from liaison.core.choices import Role
from tests.web.test_family_pages import FAMILIES, MAKERS

pytestmark = pytest.mark.django_db


def table_of(family, user, count=2):
    for _ in range(count):
        MAKERS[family.model](user.agency, user)
    request = RequestFactory().get("/")
    request.user = user
    return family.table(family.list_rows(user), request=request)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_cells_are_those_tables2_renders(name, make_user):
    family = FAMILIES[name]
    user = make_user(Role.REGISTER_OFFICER, Role.VIEWER, Role.EDITOR, username="reader")
    table = table_of(family, user)
    ours = [list(row) for row in table.rows]
    theirs = [list(BoundRow(row.record, table=table)) for row in table.rows]
    assert ours and ours == theirs
    assert all(isinstance(row, tables.Row) for row in table.rows)


def test_a_column_is_inspected_once_not_once_a_row(make_user, monkeypatch):
    family = FAMILIES["Activity"]
    user = make_user(Role.VIEWER, username="reader")
    table = table_of(family, user, count=5)
    inspected = []

    def counted(function):
        inspected.append(function)
        return tables_signature(function)

    tables_signature = tables.signature
    monkeypatch.setattr(tables, "signature", counted)
    rows = [list(row) for row in table.rows]
    assert len(rows) == 5
    assert len(inspected) == len(table.columns)

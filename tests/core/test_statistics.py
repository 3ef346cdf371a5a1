"""The planner's statistics: a process's first SQLite connection analyses the database, once,
so join orders are chosen from the tables' sizes rather than guessed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.core import statistics
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl FROM sqlite_stat1")
        return {table for (table,) in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's autovacuum analyses")
def test_a_process_first_connection_analyses_once(monkeypatch):
    ActivityFactory()
    monkeypatch.setattr(statistics, "_analysed", set())
    statistics.analyse_sqlite_once(None, connection)
    assert "activities_activity" in analysed_tables()
    with CaptureQueriesContext(connection) as queries:
        statistics.analyse_sqlite_once(None, connection)
    assert len(queries) == 0


def test_refresh_statistics_runs_on_either_database():
    ActivityFactory()
    with CaptureQueriesContext(connection) as queries:
        statistics.refresh_statistics()
    assert queries.captured_queries[-1]["sql"] == "ANALYZE"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a file database of SQLite's")
def test_a_new_empty_sqlite_database_is_left_empty(tmp_path):
    import sqlite3

    from django.db.backends.sqlite3.base import DatabaseWrapper

    path = tmp_path / "new.sqlite3"
    fresh = DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, alias="fresh")
    try:
        statistics.analyse(fresh)
    finally:
        fresh.close()
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statistics")
def test_a_table_is_analysed_again_once_it_has_grown_to_twice_its_rows(monkeypatch):
    monkeypatch.setattr(statistics, "SMALL", 2)
    ActivityFactory.create_batch(2)
    statistics.refresh_statistics()
    with connection.cursor() as cursor:
        assert "activities_activity" not in statistics.stale_tables(cursor)
        ActivityFactory.create_batch(3)
        assert "activities_activity" in statistics.stale_tables(cursor)
        statistics.analyse(connection)
        assert "activities_activity" not in statistics.stale_tables(cursor)
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'activities_activity'")
        assert {int(stat.split()[0]) for (stat,) in cursor.fetchall()} == {5}  # whole

"""The query planner's statistics: SQLite has none until ANALYZE runs, and without them it
guesses join orders badly (the dashboard's bodies per activity scanned every body against
every activity of the year: 37 ms, 2.5 ms once analysed). PostgreSQL's autovacuum keeps its
own. SQLite is looked at once per process: a table never analysed, or grown to more than
twice the rows it had when it was, is analysed whole, so the cost is paid as the tables
grow, not at every start. Whole, because a bounded ANALYZE (`analysis_limit`) reads the
first few hundred rows of an index and takes them for all there are: one agency's 300 k
activities were estimated at 401, and the planner then scanned them all through the agency
index to check 100 search hits the primary key finds in a millisecond (52 ms)."""

import logging

from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

#: A table is analysed again once it holds GROWTH times the rows last analysed (and more
#: than SMALL rows: a small table's plan does not change).
GROWTH, SMALL = 2, 1000
_analysed: set[str] = set()


def refresh_statistics(using: str = "default") -> None:
    """ANALYZE the whole database now (after a bulk load)."""
    with connections[using].cursor() as cursor:
        if connections[using].vendor == "sqlite":
            cursor.execute("PRAGMA analysis_limit=0")
        cursor.execute("ANALYZE")


def stale_tables(cursor) -> list[str]:
    """The tables whose statistics are missing or out of date (SQLite)."""
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
    tables = [name for (name,) in cursor.fetchall() if not name.startswith("sqlite_")]
    if not tables:
        return []
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    analysed: dict[str, int] = {}
    if cursor.fetchone():
        cursor.execute("SELECT tbl, stat FROM sqlite_stat1")
        for table, stat in cursor.fetchall():
            analysed[table] = max(analysed.get(table, 0), int(stat.split()[0]))
    stale = []
    for table in tables:
        try:
            cursor.execute(f'SELECT MAX(rowid) FROM "{table}"')
        except DatabaseError:  # a table without rowids (full-text search's own)
            continue
        rows = cursor.fetchone()[0] or 0
        never = table not in analysed and rows > 0
        if never or rows > max(SMALL, GROWTH * analysed.get(table, 0)):
            stale.append(table)
    return stale


def analyse(connection) -> None:
    """ANALYZE what needs it: on SQLite the stale tables, whole; on PostgreSQL everything."""
    with connection.cursor() as cursor:
        if connection.vendor != "sqlite":
            cursor.execute("ANALYZE")
            return
        stale = stale_tables(cursor)
        if stale:
            cursor.execute("PRAGMA analysis_limit=0")
        for table in stale:
            cursor.execute(f'ANALYZE "{table}"')


def analyse_sqlite_once(sender, connection, **kwargs) -> None:
    """On a process's first SQLite connection (each request opens one: CONN_MAX_AGE=0)."""
    if connection.vendor != "sqlite" or connection.alias in _analysed:
        return
    _analysed.add(connection.alias)
    try:
        analyse(connection)
    except DatabaseError as error:  # a read-only or busy file: plans are only slower
        logger.warning("ANALYZE failed on %s: %s", connection.alias, error)

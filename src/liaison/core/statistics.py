"""The query planner's statistics: SQLite has none until ANALYZE runs, and without them it
guesses join orders badly (the dashboard's bodies per activity scanned every body against
every activity of the year: 37 ms, 2.5 ms once analysed). PostgreSQL's autovacuum keeps its
own; SQLite is analysed here, once per process, bounded by `analysis_limit` so the cost does
not grow with the tables."""

import logging

from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

#: Rows read per index by a bounded ANALYZE (SQLite's recommended few hundred).
ANALYSIS_LIMIT = 400
_analysed: set[str] = set()


def refresh_statistics(using: str = "default") -> None:
    """ANALYZE the database now (after a bulk load, and by each new process on SQLite)."""
    analyse(connections[using])


def analyse(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1")
            if cursor.fetchone() is None:
                return  # a new, empty database: nothing to analyse, and it stays empty
            cursor.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        cursor.execute("ANALYZE")


def analyse_sqlite_once(sender, connection, **kwargs) -> None:
    """On a process's first SQLite connection (each request opens one: CONN_MAX_AGE=0)."""
    if connection.vendor != "sqlite" or connection.alias in _analysed:
        return
    _analysed.add(connection.alias)
    try:
        analyse(connection)
    except DatabaseError as error:  # a read-only or busy file: plans are only slower
        logger.warning("ANALYZE failed on %s: %s", connection.alias, error)

"""The substring index the database offers: FTS5 with the trigram tokenizer on SQLite (an
external-content table kept in step by triggers), pg_trgm's GIN index on PostgreSQL."""

from django.db import migrations

SQLITE = [
    (
        "CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_searchdocument', "
        "content_rowid='id', tokenize='trigram')",
        "DROP TABLE search_fts",
    ),
    (
        "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
        "INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END",
        "DROP TRIGGER search_fts_insert",
    ),
    (
        "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded);"
        " END",
        "DROP TRIGGER search_fts_delete",
    ),
    (
        "CREATE TRIGGER search_fts_update AFTER UPDATE OF folded ON search_searchdocument BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded);"
        " INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END",
        "DROP TRIGGER search_fts_update",
    ),
]
POSTGRESQL = [
    ("CREATE EXTENSION IF NOT EXISTS pg_trgm", ""),
    (
        "CREATE INDEX search_document_folded_trgm ON search_searchdocument "
        "USING gin (folded gin_trgm_ops)",
        "DROP INDEX search_document_folded_trgm",
    ),
]


def _statements(schema_editor, backwards: bool):
    vendor = schema_editor.connection.vendor
    pairs = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(vendor, [])
    for forward, backward in reversed(pairs) if backwards else pairs:
        if sql := backward if backwards else forward:
            schema_editor.execute(sql)


def create(apps, schema_editor):
    _statements(schema_editor, backwards=False)


def drop(apps, schema_editor):
    _statements(schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]

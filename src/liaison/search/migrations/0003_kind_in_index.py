"""The kind of record joins the substring index, so one kind's hits are read without the
others' (SQLite: an FTS5 column over a view giving the content type as the token `<id>`),
and a name that is the query itself is found by an index (content type, folded name)."""

from django.db import migrations, models

OLD = ["search_fts_insert", "search_fts_delete", "search_fts_update"]
KIND = "'<' || {}.content_type_id || '>'"
SQLITE = [
    "CREATE VIEW search_fts_content AS SELECT id, folded, "
    f"{KIND.format('search_searchdocument')} AS kind FROM search_searchdocument",
    "CREATE VIRTUAL TABLE search_fts USING fts5(folded, kind, "
    "content='search_fts_content', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN "
    f"INSERT INTO search_fts(rowid, folded, kind) VALUES (new.id, new.folded, {KIND.format('new')});"
    " END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded, kind) "
    f"VALUES ('delete', old.id, old.folded, {KIND.format('old')}); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE OF folded, content_type_id "
    "ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, folded, kind) "
    f"VALUES ('delete', old.id, old.folded, {KIND.format('old')}); "
    f"INSERT INTO search_fts(rowid, folded, kind) VALUES (new.id, new.folded, {KIND.format('new')});"
    " END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


def _drop(schema_editor) -> None:
    for trigger in OLD:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    schema_editor.execute("DROP VIEW IF EXISTS search_fts_content")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _drop(schema_editor)
        for sql in SQLITE:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    """Back to 0002's index (the kind left out), rebuilt from the documents."""
    if schema_editor.connection.vendor == "sqlite":
        from importlib import import_module

        _drop(schema_editor)
        for forward, _backward in import_module("liaison.search.migrations.0002_engine").SQLITE:
            schema_editor.execute(forward)
        schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine")]

    operations = [
        migrations.RunPython(create, drop),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(
                fields=["content_type", "title_folded"], name="search_document_named"
            ),
        ),
    ]

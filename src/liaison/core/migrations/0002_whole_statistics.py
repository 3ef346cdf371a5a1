"""SQLite's statistics taken whole once: those of a bounded ANALYZE (which earlier versions
ran) take an index's first rows for all of them and mislead the planner (core.statistics)."""

from django.db import migrations


def analyse_whole(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit=0")
            cursor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [("core", "0001_change_stamp")]

    operations = [migrations.RunPython(analyse_whole, migrations.RunPython.noop)]

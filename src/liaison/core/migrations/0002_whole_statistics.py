"""SQLite's statistics taken whole once: those of a bounded ANALYZE (which earlier versions
ran) take an index's first rows for all of them and mislead the planner (core.statistics)."""

from django.db import migrations

from liaison.core.statistics import refresh_statistics


def analyse_whole(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        refresh_statistics(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_change_stamp")]

    operations = [migrations.RunPython(analyse_whole, migrations.RunPython.noop)]

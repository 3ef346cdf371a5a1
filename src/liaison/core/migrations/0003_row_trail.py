"""The trail of child rows (core.trail), filled for the rows there are and, from their
audit entries, for the deleted rows whose entries a record's history shows."""

import django.db.models.deletion
from django.apps import apps as live_apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import migrations, models

CREATE, DELETE = 0, 2  # auditlog's LogEntry.Action


def fill_trail(apps, schema_editor):
    """Rows of tables that exist (on a new database none do yet, or they are empty)."""
    from liaison.core.models import ChildModel

    tables = set(schema_editor.connection.introspection.table_names())
    content_type = apps.get_model("contenttypes", "ContentType")
    trail = apps.get_model("core", "RowTrail")
    log = apps.get_model("auditlog", "LogEntry")

    def type_of(model) -> int:
        opts = model._meta
        return content_type.objects.get_or_create(app_label=opts.app_label, model=opts.model_name)[0].pk

    for live in live_apps.get_models():
        if not issubclass(live, ChildModel) or live._meta.db_table not in tables:
            continue
        model = apps.get_model(live._meta.label)
        parent = live._meta.get_field(live.parent_field)
        row_type, found = type_of(live), {}
        if isinstance(parent, GenericForeignKey):
            columns = (f"{parent.ct_field}_id", parent.fk_field)
            for pk, record_type, record_id in model.objects.values_list("pk", *columns):
                found[pk] = (record_type, record_id)
            keys = (parent.ct_field, parent.fk_field)
        else:
            record_type = type_of(parent.related_model)
            for pk, record_id in model.objects.values_list("pk", parent.attname):
                found[pk] = (record_type, record_id)
            keys = (parent.name,)
        entries = log.objects.filter(content_type_id=row_type, action__in=[CREATE, DELETE])
        for pk, changes in entries.values_list("object_id", "changes"):
            values = [(changes or {}).get(key) or [None, None] for key in keys]
            named = [value[1] if value[1] is not None else value[0] for value in values]
            if pk not in found and all(str(value).isdigit() for value in named):
                ids = [int(value) for value in named]
                found[pk] = tuple(ids) if len(ids) == 2 else (record_type, ids[0])
        trail.objects.bulk_create(
            [
                trail(record_type_id=kind, record_id=record, row_type_id=row_type, row_id=pk)
                for pk, (kind, record) in found.items()
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0002_whole_statistics'),
        ('auditlog', '0017_add_actor_email'),
    ]

    operations = [
        migrations.CreateModel(
            name='RowTrail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('record_id', models.PositiveBigIntegerField()),
                ('row_id', models.PositiveBigIntegerField()),
                ('record_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
                ('row_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'indexes': [models.Index(fields=['record_type', 'record_id', 'row_type'], name='row_trail_record')],
                'constraints': [models.UniqueConstraint(fields=('row_type', 'row_id'), name='row_trail_row')],
            },
        ),
        migrations.RunPython(fill_trail, migrations.RunPython.noop),
    ]

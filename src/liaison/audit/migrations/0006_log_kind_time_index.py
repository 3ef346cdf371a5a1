"""An index of the change log by kind of record and time: the dashboard's recent changes read
each family's latest entries from it, where the log's time index alone made them walk past
every newer entry of every other kind (a bulk import's thousands of rows)."""

from django.db import migrations

INDEX = "auditlog_logentry_kind_time"


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0005_chain"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [
        migrations.RunSQL(
            f'CREATE INDEX {INDEX} ON auditlog_logentry (content_type_id, "timestamp")',
            f"DROP INDEX {INDEX}",
        ),
    ]

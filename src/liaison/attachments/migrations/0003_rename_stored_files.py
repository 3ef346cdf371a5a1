"""Files uploaded before 0002 were stored as attachments/<year>/<month>/<uploader's name>:
give each a random name like new uploads. The old file is removed only once the renamed row
is committed, so an interrupted migration loses nothing."""

import re
import uuid

from django.db import migrations, transaction

RANDOM_NAME = re.compile(r"attachments/[0-9a-f]{32}")


def rename_stored_files(apps, schema_editor):
    Attachment = apps.get_model("attachments", "Attachment")
    for attachment in Attachment.objects.exclude(file="").iterator():
        old = attachment.file.name
        if RANDOM_NAME.fullmatch(old):
            continue
        storage = attachment.file.storage
        if not storage.exists(old):
            continue  # nothing to move; the row keeps pointing where it did
        with storage.open(old, "rb") as content:
            new = storage.save(f"attachments/{uuid.uuid4().hex}", content)
        Attachment.objects.filter(pk=attachment.pk).update(file=new)
        transaction.on_commit(lambda old=old, storage=storage: storage.delete(old))


class Migration(migrations.Migration):
    dependencies = [("attachments", "0002_stored_under_random_names")]

    operations = [migrations.RunPython(rename_stored_files, migrations.RunPython.noop)]

"""One Liaison instance driven from outside, as an operator would (run as a module, with
DATABASE_URL and LIAISON_MEDIA_ROOT naming its database and files):

    python -m tests.backup.instance populate|contents|backup PATH|restore PATH
"""

import hashlib
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liaison.settings")
django.setup()

from auditlog.context import set_actor  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from liaison.attachments.models import Attachment  # noqa: E402
from liaison.backup.services import stored_files  # noqa: E402
from liaison.core.choices import Classification, Role  # noqa: E402
from tests import factories  # noqa: E402

#: Bytes of every value, so a restore that changes one byte of a file is seen.
PAYLOADS = [
    bytes(range(256)) * 40,
    "機密 LKM 文件".encode() * 100,
    b"%PDF-1.4\n" + os.urandom(5000),
]


def populate() -> None:
    call_command("migrate", verbosity=0)
    agency = factories.AgencyFactory(code="ccac")
    officer = factories.UserFactory(roles=[Role.EDITOR], agency=agency, username="keeper")
    with set_actor(officer):
        body = factories.PartnerBodyFactory(agency=agency)
        activity = factories.ActivityFactory(
            agency=agency, classification=Classification.CONFIDENTIAL
        )
        activity.cleared_officers.add(officer)
        factories.EventFactory(activity=activity, title_zh_hant="秘密會議")
        for n, payload in enumerate(PAYLOADS):
            record = (body, activity)[n % 2]
            Attachment.objects.create(
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
                file=ContentFile(payload, name=f"file-{n}.bin"),
                description=f"attachment {n}",
                created_by=officer,
            )


def contents() -> dict:
    """Every row of every table and the SHA-256 of every stored file (not SQLite's planner
    statistics, which each new process refreshes: liaison.core.statistics; nor the change
    stamps' tokens, which a restore renews: liaison.core.freshness)."""
    from django.core.files.storage import default_storage

    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if table.startswith("sqlite_"):
                continue
            if table == "core_changestamp":
                cursor.execute(f'SELECT "key" FROM "{table}" ORDER BY 1')
            else:
                cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            tables[table] = [[str(value) for value in row] for row in cursor.fetchall()]
    files = {}
    for name in stored_files():
        with default_storage.open(name, "rb") as stream:
            files[name] = hashlib.sha256(stream.read()).hexdigest()
    return {"tables": tables, "files": files}


if __name__ == "__main__":
    action, *arguments = sys.argv[1:]
    if action == "populate":
        populate()
    elif action == "contents":
        print(json.dumps(contents()))
    else:
        call_command(action, *arguments)

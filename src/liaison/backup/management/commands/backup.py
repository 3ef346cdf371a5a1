from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from liaison.backup.archive import Refused
from liaison.backup.encryption import ENVIRONMENT, BadKey, key_from_environment
from liaison.backup.services import back_up


class Command(BaseCommand):
    help = (
        "Write one consistent archive of the database and every stored file to PATH, "
        f"encrypted when {ENVIRONMENT} holds a key."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            done = back_up(path, key_from_environment())
        except (Refused, BadKey) as error:
            raise CommandError(str(error)) from None
        encrypted = "encrypted, " if done["encrypted"] else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path} ({encrypted}{done['files']} files, "
                f"{done['bytes']} bytes)."
            )
        )

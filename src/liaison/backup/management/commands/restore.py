from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from liaison.backup.archive import Refused
from liaison.backup.encryption import ENVIRONMENT, BadKey, key_from_environment
from liaison.backup.services import restore


class Command(BaseCommand):
    help = (
        "Restore the archive at PATH into this empty instance (an encrypted one with the key "
        f"in {ENVIRONMENT}); a damaged or foreign archive, or the wrong key, is refused and "
        "nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            done = restore(path, key_from_environment())
        except (Refused, BadKey) as error:
            raise CommandError(f"Restore refused: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup of {done['created']}: {done['files']} files.")
        )

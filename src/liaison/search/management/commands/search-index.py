"""`liaison search-index --rebuild`: rebuild every search document from the records."""

import sys

from django.core.management.base import BaseCommand, CommandError

from liaison.search.indexing import rebuild

BAR = 30


class Command(BaseCommand):
    help = "Rebuild the search index from the records as stored (one transaction)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Replace every document by a fresh one."
        )

    def handle(self, *args, **options):
        if not options["rebuild"]:
            raise CommandError("Say --rebuild to rebuild the search index.")
        count = rebuild(progress=self._progress)
        self.stdout.write(self.style.SUCCESS(f"{count} records indexed."))

    def _progress(self, done: int, total: int) -> None:
        filled = BAR * done // total if total else BAR
        bar = "#" * filled + "-" * (BAR - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")

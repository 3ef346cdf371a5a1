"""`liaison import-sheet FILE --kind KIND [--dry-run] [--valid-only] --user U`: bring a
sheet's rows in as drafts, with a progress bar on a long one."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from liaison.sheets import registry
from liaison.sheets.commandline import progress_bar, shell_language, user_named
from liaison.sheets.importing import ERROR, import_sheet
from liaison.sheets.reading import SheetError


class Command(BaseCommand):
    help = "Import a sheet (.xlsx or .csv) as draft records of one kind."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the sheet: an .xlsx workbook or a .csv file")
        parser.add_argument("--kind", required=True, choices=[k.name for k in registry.kinds()])
        parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
        parser.add_argument(
            "--valid-only", action="store_true", help="save the valid rows, report the others"
        )
        parser.add_argument("--user", help="whose drafts these are (an editor)")

    def handle(self, *args, **options):
        with translation.override(shell_language()):
            self._import(**options)

    def _import(self, *, file, kind, dry_run, valid_only, user, **options):
        importer = user_named(user)
        try:
            result = import_sheet(
                registry.kind_named(kind),
                file,
                user=importer,
                dry_run=dry_run,
                valid_only=valid_only,
                progress=progress_bar(),
            )
        except SheetError as error:
            raise CommandError(str(error)) from error
        for row in result.rows:
            if row.errors:
                self.stderr.write(f"row {row.number}: {' '.join(row.errors)}")
        counts = result.counts
        verdict = "written" if result.written else "nothing written"
        self.stdout.write(
            f"{verdict}: {counts['create']} to create, {counts['update']} to update, "
            f"{counts['skip']} unchanged, {counts[ERROR]} with errors"
        )
        if counts[ERROR] and not valid_only:
            raise CommandError("Nothing was imported: correct the rows above, or --valid-only.")
